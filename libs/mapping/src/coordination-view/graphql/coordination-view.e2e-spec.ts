import { directoryContext } from '@concord/directory';
import { programmingContext } from '@concord/programming';
import { startTestApp, type TestApp } from '@concord/test-support';
import { mappingContext } from '../../mapping.context';
import { mutationSender, projected } from '../../testing/graphql-steps';

const VIEW = `query ($country: String!) { coordinationView(country: $country) {
  country workingGroups bodies { name kind members { organisation chair } }
  absentFromWorkingGroup { organisation activities } interactions { organisations level body } } }`;

interface View {
  country: string;
  workingGroups: number;
  bodies: { name: string; kind: string; members: { organisation: string; chair: boolean }[] }[];
  absentFromWorkingGroup: { organisation: string; activities: number }[];
  interactions: { organisations: string[]; level: string; body: string }[];
}

describe('coordinationView over GraphQL (embedded mode)', () => {
  let app: TestApp;

  const view = async (country: string) => {
    const { data, errors } = await app.gql<{ coordinationView: View }>(VIEW, { country });
    expect(errors).toBeUndefined();
    return data!.coordinationView;
  };

  beforeAll(async () => {
    app = await startTestApp([directoryContext, programmingContext, mappingContext]);
    const send = mutationSender(app, await app.token({ sub: 'admin', roles: ['platform-admin'] }));
    const group = await send('establishCoordinationBody', {
      name: 'Social protection working group',
      country: 'MWI',
      kind: 'SP_WORKING_GROUP',
    });
    const unct = await send('establishCoordinationBody', { name: 'UN country team', country: 'MWI', kind: 'UNCT' });
    for (const organisation of ['UNICEF', 'WFP']) await send('admitBodyMember', { id: group, organisation });
    for (const organisation of ['UNICEF', 'WFP', 'ILO']) await send('admitBodyMember', { id: unct, organisation });
    await send('appointBodyChair', { id: group, organisation: 'UNICEF' }, 'BodyOrganisationInput');
    await send('recordBodyInteractionLevel', { id: group, a: 'WFP', b: 'UNICEF', level: 'INFORMATION_SHARING' });
    await send('recordBodyInteractionLevel', { id: group, a: 'UNICEF', b: 'WFP', level: 'COOPERATION' });
    const activity = (id: string, organisation: string, partners: Record<string, string>[] = []) =>
      send('registerActivity', {
        id,
        titles: { en: id },
        organisation,
        partners,
        country: 'MWI',
        functions: ['CASH_TRANSFER'],
        start: '2021-01-01',
        end: '2022-12-31',
        status: 'IMPLEMENTATION',
      });
    await activity('A1', 'WFP', [{ organisation: 'GIZ', role: 'IMPLEMENTING' }]);
    await activity('A2', 'ILO', [{ organisation: 'EU', role: 'FUNDING' }]);
    await activity('A3', 'ILO');
    for (const id of ['A1', 'A2', 'A3']) await send('publishActivity', { id });
    await projected(app, ['directory', 'programming']);
  });
  afterAll(() => app.close());

  it('seats the members of each body, chairs first', async () => {
    const mwi = await view('MWI');
    expect(mwi.workingGroups).toBe(1);
    expect(
      mwi.bodies.map((b) => [b.kind, b.members.map((m) => `${m.organisation}${m.chair ? ' (chair)' : ''}`)]),
    ).toEqual([
      ['SP_WORKING_GROUP', ['UNICEF (chair)', 'WFP']],
      ['UNCT', ['ILO', 'UNICEF', 'WFP']],
    ]);
  });

  it('names who works on social protection in the country but sits in no working group (funders are not actors)', async () => {
    expect((await view('MWI')).absentFromWorkingGroup).toEqual([
      { organisation: 'ILO', activities: 2 },
      { organisation: 'GIZ', activities: 1 },
    ]);
  });

  it('gives each pair its latest interaction level, whichever way round it was recorded', async () => {
    expect((await view('MWI')).interactions).toEqual([
      { organisations: ['UNICEF', 'WFP'], level: 'COOPERATION', body: 'Social protection working group' },
    ]);
  });

  it('answers a country with no body with empty lists, and refuses an unknown country', async () => {
    expect(await view('KHM')).toEqual({
      country: 'KHM',
      workingGroups: 0,
      bodies: [],
      absentFromWorkingGroup: [],
      interactions: [],
    });
    const { errors } = await app.gql(VIEW, { country: 'XXX' });
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_COUNTRY' });
  });
});
