import { directoryContext } from '@concord/directory';
import { programmingContext } from '@concord/programming';
import { startTestApp, type TestApp } from '@concord/test-support';
import { mappingContext } from '../../mapping.context';
import { mutationSender, projected } from '../../testing/graphql-steps';

const ALIGNMENT = `query ($id: ID!) { frameworkAlignment(frameworkId: $id) {
  framework { code status }
  outcomes { code priority { code } activities jointProgrammes withoutActivity singleAgency fundingGap
    organisations { organisation activities jointProgrammes }
    outputs { code activities organisations { organisation } }
    budgets { currency required available spent gap } }
  linkedActivities unlinkedActivities { organisation activities }
  linkedJointProgrammes unlinkedJointProgrammes { code }
  sdgTargetsNotServed sdgTargetsOutsideFramework { target activities } } }`;

interface Alignment {
  framework: { code: string; status: string };
  outcomes: {
    code: string;
    activities: number;
    withoutActivity: boolean;
    singleAgency: boolean;
    fundingGap: boolean;
    organisations: { organisation: string; activities: number; jointProgrammes: number }[];
    outputs: { code: string; activities: number; organisations: { organisation: string }[] }[];
    budgets: Record<string, string>[];
  }[];
  linkedActivities: number;
  unlinkedActivities: { organisation: string; activities: number }[];
  linkedJointProgrammes: number;
  unlinkedJointProgrammes: { code: string }[];
  sdgTargetsNotServed: string[];
  sdgTargetsOutsideFramework: { target: string; activities: number }[];
}

const activity = (id: string, overrides: Record<string, unknown>) => ({
  id,
  titles: { en: `Activity ${id}` },
  organisation: 'ILO',
  country: 'KHM',
  functions: ['POLICY_ADVICE'],
  start: '2020-01-01',
  end: '2021-12-31',
  status: 'IMPLEMENTATION',
  ...overrides,
});

describe('frameworkAlignment over GraphQL (embedded mode)', () => {
  let app: TestApp;
  let admin: string;
  let reader: string;
  let frameworkId: string;

  let send: ReturnType<typeof mutationSender>;
  const settled = () => projected(app, ['directory', 'programming']);
  const align = async (as: string | null = reader) => {
    const { data, errors } = await app.gql<{ frameworkAlignment: Alignment }>(
      ALIGNMENT,
      { id: frameworkId },
      as ?? undefined,
    );
    expect(errors).toBeUndefined();
    return data!.frameworkAlignment;
  };

  beforeAll(async () => {
    app = await startTestApp([directoryContext, programmingContext, mappingContext]);
    admin = await app.token({ sub: 'admin', roles: ['platform-admin'] });
    send = mutationSender(app, admin);
    reader = await app.token({ sub: 'viewer', roles: ['viewer'] });
    frameworkId = await send('createCooperationFramework', {
      code: 'KHM-F',
      title: 'Cooperation Framework Cambodia',
      countries: ['KHM'],
      startDate: '2019-01-01',
      endDate: '2023-12-31',
    });
    await send('addStrategicPriority', { id: frameworkId, code: 'SP1', title: 'People', sdgTargets: ['1.3'] });
    for (const [code, sdgTargets] of [
      ['1.1', ['1.3', '5.4']],
      ['1.2', ['3.8']],
      ['1.3', ['8.5']],
    ] as const)
      await send('addOutcome', { id: frameworkId, priorityCode: 'SP1', code, title: `Outcome ${code}`, sdgTargets });
    for (const [outcomeCode, code] of [
      ['1.1', '1.1.1'],
      ['1.1', '1.1.2'],
      ['1.2', '1.2.1'],
    ])
      await send('addOutput', { id: frameworkId, outcomeCode, code, title: `Output ${code}` });
    await settled();

    const output = (code: string) => `${frameworkId}:${code}`;
    const register = (input: Record<string, unknown>) => send('registerActivity', input);
    await register(
      activity('A1', {
        frameworkOutputId: output('1.1.1'),
        sdgTargets: ['1.3'],
        budget: [{ year: 2020, currency: 'USD', required: '1000', available: '400', spent: '100' }],
      }),
    );
    await register(activity('A2', { organisation: 'UNICEF', frameworkOutputId: output('1.1.2'), sdgTargets: ['1.3'] }));
    await register(
      activity('A3', {
        organisation: 'WHO',
        frameworkOutputId: output('1.2.1'),
        sdgTargets: ['3.8'],
        budget: [{ year: 2021, currency: 'USD', required: '100', available: '100' }],
      }),
    );
    await register(activity('A4', { organisation: 'WFP', sdgTargets: ['2.1'] }));
    await register(
      activity('A5', { organisation: 'WFP', start: '2025-01-01', end: '2025-12-31', sdgTargets: ['2.2'] }),
    );
    await register(activity('A6', { organisation: 'UNDP', country: 'THA', sdgTargets: ['2.3'] }));
    await send('publishActivity', { id: 'A1' });
    const jp = await send('draftJointProgramme', {
      code: 'JP-A',
      title: 'Linked programme',
      countries: ['KHM'],
      participants: [
        { organisation: 'ILO', role: 'LEAD' },
        { organisation: 'WFP', role: 'PARTICIPATING' },
      ],
      startDate: '2020-01-01',
      endDate: '2022-12-31',
    });
    await send('linkFrameworkResults', { id: jp, resultIds: [`${frameworkId}:1.3`] });
    await send('draftJointProgramme', { code: 'JP-B', title: 'Unlinked programme', countries: ['KHM'] });
    await settled();
  });
  afterAll(() => app.close());

  it('covers outcomes and outputs by organisation, with budgets, gaps and the outcomes to worry about', async () => {
    const alignment = await align();
    expect(alignment.framework).toEqual({ code: 'KHM-F', status: 'DRAFT' });
    const [first, second, third] = alignment.outcomes;
    expect(first).toMatchObject({
      code: '1.1',
      activities: 2,
      withoutActivity: false,
      singleAgency: false,
      fundingGap: true,
      organisations: [
        { organisation: 'ILO', activities: 1, jointProgrammes: 0 },
        { organisation: 'UNICEF', activities: 1, jointProgrammes: 0 },
      ],
      budgets: [{ currency: 'USD', required: '1000.00', available: '400.00', spent: '100.00', gap: '600.00' }],
    });
    expect(first.outputs.map((o) => [o.code, o.activities])).toEqual([
      ['1.1.1', 1],
      ['1.1.2', 1],
    ]);
    expect(second).toMatchObject({ code: '1.2', singleAgency: true, fundingGap: false, withoutActivity: false });
    // Only a joint programme works on 1.3: no activity, and its agencies through the programme.
    expect(third).toMatchObject({
      code: '1.3',
      withoutActivity: true,
      organisations: [
        { organisation: 'ILO', activities: 0, jointProgrammes: 1 },
        { organisation: 'WFP', activities: 0, jointProgrammes: 1 },
      ],
      budgets: [],
    });
  });

  it('lists what is not linked, in its countries and period, and SDG targets on one side only', async () => {
    const alignment = await align();
    expect(alignment.linkedActivities).toBe(3);
    expect(alignment.unlinkedActivities).toEqual([{ organisation: 'WFP', activities: 1 }]); // A5 is after its end
    expect(alignment.linkedJointProgrammes).toBe(1);
    expect(alignment.unlinkedJointProgrammes).toEqual([{ code: 'JP-B' }]);
    expect(alignment.sdgTargetsNotServed).toEqual(['5.4', '8.5']);
    expect(alignment.sdgTargetsOutsideFramework).toEqual([{ target: '2.1', activities: 1 }]);
  });

  it('shows anonymous callers a framework once it is signed, with published activities only', async () => {
    const { errors } = await app.gql(ALIGNMENT, { id: frameworkId });
    expect(errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    await send('activateCooperationFramework', { id: frameworkId });
    await settled();
    const shown = await align(null);
    expect(shown.framework.status).toBe('ACTIVE');
    expect(shown.linkedActivities).toBe(1);
    expect(shown.outcomes[0].organisations.map((o) => o.organisation)).toEqual(['ILO']);
    expect(shown.unlinkedJointProgrammes).toEqual([]); // drafts, unpublished
  });

  it('answers NOT_FOUND for a framework that does not exist', async () => {
    const { errors } = await app.gql(ALIGNMENT, { id: 'no-such-framework' }, reader);
    expect(errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'FRAMEWORK_NOT_FOUND' });
  });
});
