import { directoryContext } from '@concord/directory';
import { rebuildProjection, tableHash } from '@concord/eventing';
import { projectionGroup } from '@concord/platform';
import { eventually, startTestApp, type GqlResult, type TestApp } from '@concord/test-support';
import type { Logger } from 'typeorm';
import { programmingContext } from '../../programming.context';
import { activityProjection } from '../read-model/activity.projection';

const REGISTER = `mutation ($input: RegisterActivityInput!) { registerActivity(input: $input) { id version replayed eventIds } }`;
const REVISE = `mutation ($input: ReviseActivityInput!) { reviseActivity(input: $input) { id version eventIds } }`;
const CHANGE_STATUS = `mutation ($input: ChangeActivityStatusInput!) { changeActivityStatus(input: $input) { version } }`;
const RECORD_BUDGET = `mutation ($input: RecordActivityBudgetInput!) { recordActivityBudget(input: $input) { version } }`;
const LINK = `mutation ($input: LinkActivityToJointProgrammeInput!) { linkActivityToJointProgramme(input: $input) { version } }`;
const UNLINK = `mutation ($input: UnlinkActivityFromJointProgrammeInput!) { unlinkActivityFromJointProgramme(input: $input) { version } }`;
const ACTIVITY = `query ($id: ID!) { activity(id: $id) {
  id title titles { en fr es pt } descriptions { en fr } language organisation leadOrganisation { code name iatiOrgId }
  partners { organisation role } country areas policyAreas guarantees stages functions targetGroups counterparts
  start end status budget { year currency required available spent } budgetCurrency budgetRequired budgetAvailable
  budgetSpent fundingSources jointProgrammeId frameworkOutputId sdgTargets genderMarker humanRightsMarker
  externalIds { system id } source published version } }`;
const LIST = `query ($filter: ActivityFilterInput, $first: Int, $after: String) {
  activities(filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { id start } } pageInfo { hasNextPage endCursor } } }`;

type Refusal = { message: string; extensions?: Record<string, unknown> };
type Written = { id: string; version: number; replayed: boolean; eventIds: string[] };
type List = {
  activities: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; start: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

/** The FORMAT.md example as a registerActivity input, with overrides. */
const anActivity = (overrides: Record<string, unknown> = {}) => ({
  titles: { en: 'Fiscal space analysis for a universal child benefit' },
  descriptions: { en: 'Costing of benefit options and fiscal space study with the Ministry of Finance' },
  organisation: 'ILO',
  partners: [{ organisation: 'UNICEF', role: 'IMPLEMENTING' }],
  country: 'KHM',
  areas: ['Phnom Penh', 'Kampong Cham'],
  policyAreas: ['FINANCING'],
  guarantees: ['CHILDREN'],
  stages: ['SCHEME_DESIGN'],
  functions: ['COSTING_FISCAL_SPACE'],
  targetGroups: ['CHILDREN'],
  counterparts: ['Ministry of Economy and Finance'],
  start: '2020-03-01',
  end: '2021-12-31',
  status: 'IMPLEMENTATION',
  fundingSources: ['Joint SDG Fund'],
  sdgTargets: ['1.3', '10.4'],
  ...overrides,
});

describe('Activities over GraphQL (embedded mode)', () => {
  let app: TestApp;
  let admin: string;
  let iloEditor: string;
  /** Reads are signed in: anonymous callers see only published activities (publication.e2e-spec.ts). */
  let reader: string;

  beforeAll(async () => {
    app = await startTestApp([directoryContext, programmingContext]);
    admin = await app.token({ sub: 'admin-1', roles: ['platform-admin'] });
    iloEditor = await app.token({ sub: 'ilo-editor', roles: ['agency-editor'], org: 'ILO', countries: ['KHM'] });
    reader = await app.token({ sub: 'viewer-1', roles: ['viewer'] });
  });
  afterAll(() => app.close());

  const send = async (mutation: string, input: Record<string, unknown>, token = admin) => {
    const result = await app.gql<Record<string, Written>>(mutation, { input }, token);
    return { ...result, written: result.data ? Object.values(result.data)[0] : undefined };
  };
  const register = (overrides: Record<string, unknown> = {}, token = admin) =>
    send(REGISTER, anActivity(overrides), token);
  const readBack = (id: string, version = 1) =>
    eventually(async () => {
      const { data } = await app.gql<{ activity: Record<string, unknown> | null }>(ACTIVITY, { id }, reader);
      expect(data?.activity).toMatchObject({ version });
      return data!.activity!;
    });
  const eventCount = async (): Promise<number> =>
    (await app.database.dataSource.query(`SELECT count(*)::int AS n FROM events`))[0].n;
  const refusal = (result: GqlResult<unknown>): Refusal => {
    expect(result.errors).toHaveLength(1);
    return result.errors![0];
  };

  it('registers an activity with an admin token and reads all of it back', async () => {
    await send(`mutation ($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }`, {
      code: 'ILO',
      name: 'International Labour Organization',
      type: '40',
      iatiOrgId: 'XM-DAC-41302',
    });
    // The directory's projection is another consumer: wait for it, or the lead's name may not be there yet.
    await eventually(async () => {
      const [{ n }] = await app.database.dataSource.query(
        `SELECT count(*)::int AS n FROM directory_organisations WHERE code = 'ILO'`,
      );
      expect(n).toBe(1);
    });
    const { written, errors } = await register({
      id: 'A-00017',
      titles: { en: 'Fiscal space analysis for a universal child benefit', fr: "Analyse de l'espace budgétaire" },
      budget: [
        { year: 2021, currency: 'USD', required: '150000', available: '100000.5' },
        { year: 2020, currency: 'USD', required: '100000.00', available: '80000', spent: '12000.25' },
      ],
      frameworkOutputId: 'KHM-1.2.3',
      genderMarker: 2,
      humanRightsMarker: 1,
      externalIds: [{ system: 'IATI', id: 'XM-DAC-41302-KHM-17' }],
      source: 'IATI',
    });
    expect(errors).toBeUndefined();
    expect(written).toEqual({ id: 'A-00017', version: 1, replayed: false, eventIds: [expect.any(String)] });
    expect(await readBack('A-00017')).toEqual({
      id: 'A-00017',
      title: 'Fiscal space analysis for a universal child benefit',
      titles: {
        en: 'Fiscal space analysis for a universal child benefit',
        fr: "Analyse de l'espace budgétaire",
        es: null,
        pt: null,
      },
      descriptions: { en: 'Costing of benefit options and fiscal space study with the Ministry of Finance', fr: null },
      language: 'en',
      organisation: 'ILO',
      leadOrganisation: { code: 'ILO', name: 'International Labour Organization', iatiOrgId: 'XM-DAC-41302' },
      partners: [{ organisation: 'UNICEF', role: 'IMPLEMENTING' }],
      country: 'KHM',
      areas: ['Phnom Penh', 'Kampong Cham'],
      policyAreas: ['FINANCING'],
      guarantees: ['CHILDREN'],
      stages: ['SCHEME_DESIGN'],
      functions: ['COSTING_FISCAL_SPACE'],
      targetGroups: ['CHILDREN'],
      counterparts: ['Ministry of Economy and Finance'],
      start: '2020-03-01',
      end: '2021-12-31',
      status: 'IMPLEMENTATION',
      budget: [
        { year: 2020, currency: 'USD', required: '100000.00', available: '80000.00', spent: '12000.25' },
        { year: 2021, currency: 'USD', required: '150000.00', available: '100000.50', spent: '0.00' },
      ],
      budgetCurrency: 'USD',
      budgetRequired: '250000.00',
      budgetAvailable: '180000.50',
      budgetSpent: '12000.25',
      fundingSources: ['Joint SDG Fund'],
      jointProgrammeId: null,
      frameworkOutputId: 'KHM-1.2.3',
      sdgTargets: ['1.3', '10.4'],
      genderMarker: 2,
      humanRightsMarker: 1,
      externalIds: [{ system: 'IATI', id: 'XM-DAC-41302-KHM-17' }],
      source: 'IATI',
      published: false,
      version: 1,
    });
  });

  it('gives a new activity a UUID, defaults it to PIPELINE, and refuses a malformed given id', async () => {
    const { written } = await register({ status: undefined, organisation: 'WFP' });
    expect(written!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await readBack(written!.id)).toMatchObject({ status: 'PIPELINE', leadOrganisation: null });
    const bad = refusal(await register({ id: 'A 17!' }));
    expect(bad.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ path: 'id', value: 'A 17!' })],
    });
  });

  describe('authorisation', () => {
    it("lets an agency editor register and revise its own activity, and refuses another agency's", async () => {
      const own = await register({ titles: { en: 'ILO social insurance diagnostic' } }, iloEditor);
      expect(own.errors).toBeUndefined();
      const revised = await send(
        REVISE,
        { id: own.written!.id, ...anActivity({ titles: { en: 'ILO social insurance diagnostic, phase 2' } }) },
        iloEditor,
      );
      expect(revised.errors).toBeUndefined();
      expect(await readBack(own.written!.id, 2)).toMatchObject({ title: 'ILO social insurance diagnostic, phase 2' });

      const wfp = await register({ organisation: 'WFP', titles: { en: 'WFP school meals registry' } });
      const before = await eventCount();
      expect(
        refusal(await send(REVISE, { id: wfp.written!.id, ...anActivity({ organisation: 'WFP' }) }, iloEditor)),
      ).toEqual({
        message: 'Only a platform admin or an agency editor of WFP in KHM can change this activity',
        extensions: { code: 'FORBIDDEN', reason: 'NOT_ALLOWED' },
        path: ['reviseActivity'],
        locations: expect.any(Array),
      });
      expect(refusal(await register({ organisation: 'WFP' }, iloEditor)).message).toBe(
        'Only a platform admin or an agency editor of WFP in KHM can register this activity',
      );
      expect(refusal(await register({ country: 'LAO' }, iloEditor)).extensions!.code).toBe('FORBIDDEN');
      const takeover = await send(REVISE, { id: own.written!.id, ...anActivity({ organisation: 'WFP' }) }, iloEditor);
      expect(refusal(takeover).message).toMatch(/only to an organisation and country they cover, not to WFP in KHM/);
      expect(await eventCount()).toBe(before);
    });

    it('refuses a viewer, and lets an RCO coordinator of the country change the status', async () => {
      const { written } = await register({ status: 'PIPELINE' });
      const viewer = await app.token({ roles: ['viewer'], org: 'ILO', countries: ['KHM'] });
      const asViewer = refusal(await send(CHANGE_STATUS, { id: written!.id, status: 'IMPLEMENTATION' }, viewer));
      expect(asViewer.extensions!.code).toBe('FORBIDDEN');
      expect(asViewer.message).toMatch(
        /^Only a platform admin, an agency editor of ILO in KHM or an RCO coordinator of KHM/,
      );
      const rco = await app.token({ roles: ['rco-coordinator'], countries: ['KHM'] });
      const moved = await send(CHANGE_STATUS, { id: written!.id, status: 'IMPLEMENTATION' }, rco);
      expect(moved.errors).toBeUndefined();
      expect(moved.written!.version).toBe(2);
    });
  });

  describe('bad input leaves nothing behind', () => {
    it('an invalid activity is BAD_USER_INPUT naming every failing field and value, and stores nothing', async () => {
      const before = await eventCount();
      const invalid = refusal(
        await register({
          policyAreas: ['FINANCING', 'SPACE_TRAVEL'],
          start: '2022-01-01',
          end: '2021-06-30',
          country: 'ZZZ',
          budget: [{ year: 2021, currency: 'USD', required: '-100' }],
        }),
      );
      expect(invalid.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_INPUT',
        fields: [
          { path: 'start', value: '2022-01-01', message: 'must not be after the end (2021-06-30)' },
          { path: 'end', value: '2021-06-30', message: 'must not be before the start (2022-01-01)' },
          { path: 'country', value: 'ZZZ', message: 'is not an ISO 3166-1 alpha-3 country code' },
          { path: 'policyAreas[1]', value: 'SPACE_TRAVEL', message: expect.stringMatching(/^is not a policy area/) },
          {
            path: 'budget[0].required',
            value: '-100',
            message: expect.stringMatching(/^must be a non-negative amount/),
          },
        ],
      });
      expect(await eventCount()).toBe(before);
    });

    it('one broken rule keeps its own reason', async () => {
      const before = await eventCount();
      expect(refusal(await register({ end: '2019-12-31' })).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'PERIOD_END_BEFORE_START',
        fields: [
          { path: 'start', value: '2020-03-01' },
          { path: 'end', value: '2019-12-31' },
        ],
      });
      expect(await eventCount()).toBe(before);
    });

    it('a duplicate external id is a CONFLICT naming it, and no second activity appears', async () => {
      const before = await eventCount();
      const duplicate = refusal(await register({ externalIds: [{ system: 'IATI', id: 'XM-DAC-41302-KHM-17' }] }));
      expect(duplicate.extensions).toEqual({
        code: 'CONFLICT',
        reason: 'UNIQUE_KEY_TAKEN',
        fields: [{ path: 'activity.externalId', value: 'IATI:XM-DAC-41302-KHM-17', message: 'is already taken' }],
      });
      expect(await eventCount()).toBe(before);
    });

    it('a stale expectedVersion is a CONFLICT, not a silent overwrite', async () => {
      const { written } = await register();
      await send(REVISE, { id: written!.id, ...anActivity({ genderMarker: 1 }) });
      const stale = refusal(
        await send(REVISE, { id: written!.id, expectedVersion: 1, ...anActivity({ genderMarker: 3 }) }),
      );
      expect(stale.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'STALE_VERSION',
        fields: [{ path: 'expectedVersion', value: 1, message: 'current version is 2' }],
      });
    });

    it('a lifecycle move it does not allow is a CONFLICT naming the current state', async () => {
      const { written } = await register({ status: 'CLOSED' });
      const refused = refusal(await send(CHANGE_STATUS, { id: written!.id, status: 'IMPLEMENTATION' }));
      expect(refused).toMatchObject({
        message: 'Activity is CLOSED; cannot move to IMPLEMENTATION',
        extensions: { code: 'CONFLICT', reason: 'INVALID_TRANSITION' },
      });
    });

    it('a change to an activity that does not exist is NOT_FOUND', async () =>
      expect(refusal(await send(CHANGE_STATUS, { id: 'no-such-activity', status: 'CLOSED' })).extensions).toMatchObject(
        {
          code: 'NOT_FOUND',
          reason: 'ACTIVITY_NOT_FOUND',
        },
      ));
  });

  it('revising with identical data appends no event (re-import is idempotent)', async () => {
    const input = anActivity({ budget: [{ year: 2020, currency: 'EUR', required: '5000' }] });
    const { written } = await register(input);
    await readBack(written!.id);
    const before = await eventCount();
    const { status: _kept, ...same } = input;
    const again = await send(REVISE, { id: written!.id, ...same, areas: [' Phnom Penh ', 'Kampong Cham'] });
    expect(again.errors).toBeUndefined();
    expect(again.written).toEqual({ id: written!.id, version: 1, eventIds: [] });
    expect(await eventCount()).toBe(before);
  });

  it('records a budget line and keeps the totals as exact decimals', async () => {
    const { written } = await register({ budget: [{ year: 2020, currency: 'USD', required: '0.10' }] });
    const recorded = await send(RECORD_BUDGET, {
      id: written!.id,
      year: 2021,
      currency: 'USD',
      required: '0.20',
      spent: '0.05',
    });
    expect(recorded.errors).toBeUndefined();
    expect(await readBack(written!.id, 2)).toMatchObject({
      budgetRequired: '0.30',
      budgetAvailable: '0.00',
      budgetSpent: '0.05',
    });
    const negative = refusal(
      await send(RECORD_BUDGET, { id: written!.id, year: 2021, currency: 'USD', required: '-1' }),
    );
    expect(negative.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'required', value: '-1' }] });
  });

  describe('joint programme links', () => {
    let jointProgrammeId: string;

    beforeAll(async () => {
      const { written, errors } = await send(
        `mutation ($input: DraftJointProgrammeInput!) { draftJointProgramme(input: $input) { id version replayed eventIds } }`,
        {
          code: 'JP-KHM-01',
          title: 'Social protection floor',
          countries: ['KHM'],
          startDate: '2020-01-01',
          endDate: '2022-12-31',
        },
      );
      expect(errors).toBeUndefined();
      jointProgrammeId = written!.id;
      await eventually(async () => {
        const [row] = await app.database.dataSource.query(`SELECT 1 FROM programming_joint_programmes WHERE id = $1`, [
          jointProgrammeId,
        ]);
        expect(row).toBeDefined();
      });
    });

    it('links an activity within the programme period, finds it by programme, and unlinks it', async () => {
      const { written } = await register();
      const managerClaims = { roles: ['jp-manager'], jointProgrammes: [jointProgrammeId] };
      const jpManager = await app.token(managerClaims);
      expect((await send(LINK, { id: written!.id, jointProgrammeId }, jpManager)).errors).toBeUndefined();
      await readBack(written!.id, 2);
      const linked = await app.gql<List>(LIST, { filter: { jointProgrammeId } }, reader);
      expect(linked.data!.activities.edges.map((e) => e.node.id)).toEqual([written!.id]);
      expect((await send(UNLINK, { id: written!.id, jointProgrammeId }, jpManager)).errors).toBeUndefined();
      expect(await readBack(written!.id, 3)).toMatchObject({ jointProgrammeId: null });
    });

    it("refuses an activity outside the programme's period, naming the date and the programme's bound", async () => {
      const { written } = await register({ end: '2023-06-30' });
      expect(refusal(await send(LINK, { id: written!.id, jointProgrammeId })).extensions).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'OUTSIDE_JOINT_PROGRAMME_PERIOD',
        fields: [
          {
            path: 'end',
            value: '2023-06-30',
            message: `is after joint programme ${jointProgrammeId} ends (2022-12-31)`,
          },
        ],
      });
      const registeredOutside = refusal(await register({ start: '2019-01-01', jointProgrammeId }));
      expect(registeredOutside.extensions).toMatchObject({
        reason: 'OUTSIDE_JOINT_PROGRAMME_PERIOD',
        fields: [{ path: 'start' }],
      });
    });

    it("refuses to narrow the programme's period past a linked activity, naming it, and stores nothing", async () => {
      const { written } = await register({ start: '2020-03-01', end: '2021-12-31', jointProgrammeId });
      await readBack(written!.id, 1);
      const before = await eventCount();
      const revise = `mutation ($input: ReviseJointProgrammeInput!) { reviseJointProgramme(input: $input) { version } }`;
      const narrowed = refusal(
        await send(revise, { id: jointProgrammeId, startDate: '2020-06-01', endDate: '2022-12-31' }),
      );
      expect(narrowed.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'ACTIVITY_OUTSIDE_PERIOD',
        fields: [
          {
            path: 'startDate',
            value: '2020-06-01',
            message: `would leave out linked activity "Fiscal space analysis for a universal child benefit" (${written!.id}), which starts 2020-03-01; move the activity or unlink it first`,
          },
        ],
      });
      expect(await eventCount()).toBe(before);
    });

    it("checks an activity's new dates against its programme's period as revised since the link", async () => {
      const draft = `mutation ($input: DraftJointProgrammeInput!) { draftJointProgramme(input: $input) { id } }`;
      const programme = (
        await send(draft, {
          code: 'JP-KHM-02',
          title: 'Shock-responsive social protection',
          countries: ['KHM'],
          startDate: '2020-01-01',
          endDate: '2022-12-31',
        })
      ).written!.id;
      const programmeEnd = async () =>
        (
          await app.database.dataSource.query(
            `SELECT to_char(end_date, 'YYYY-MM-DD') AS "end" FROM programming_joint_programmes WHERE id = $1`,
            [programme],
          )
        )[0]?.end;
      await eventually(async () => expect(await programmeEnd()).toBe('2022-12-31'));
      const { written } = await register({ end: '2021-06-30', jointProgrammeId: programme });
      await readBack(written!.id, 1);
      const revise = `mutation ($input: ReviseJointProgrammeInput!) { reviseJointProgramme(input: $input) { version } }`;
      expect(
        (await send(revise, { id: programme, startDate: '2020-01-01', endDate: '2021-12-31' })).errors,
      ).toBeUndefined();
      await eventually(async () => expect(await programmeEnd()).toBe('2021-12-31'));

      const later = refusal(await send(REVISE, { id: written!.id, ...anActivity({ end: '2022-06-30' }) }));
      expect(later.extensions).toMatchObject({
        reason: 'OUTSIDE_JOINT_PROGRAMME_PERIOD',
        fields: [
          { path: 'end', value: '2022-06-30', message: `is after joint programme ${programme} ends (2021-12-31)` },
        ],
      });
    });

    it('refuses a programme that does not exist as NOT_FOUND', async () => {
      const { written } = await register();
      expect(refusal(await send(LINK, { id: written!.id, jointProgrammeId: 'JP-NOWHERE' })).extensions).toEqual({
        code: 'NOT_FOUND',
        reason: 'JOINT_PROGRAMME_NOT_FOUND',
        fields: [{ path: 'jointProgrammeId', value: 'JP-NOWHERE', message: 'no such joint programme' }],
      });
    });
  });

  describe('the activities query', () => {
    // Malawi is used by no other test, so these lists are exact.
    const seeded: Record<string, string> = {};

    beforeAll(async () => {
      const malawi = [
        {
          key: 'cash',
          start: '2019-01-01',
          end: '2019-12-31',
          policyAreas: ['SHOCK_RESPONSIVE'],
          targetGroups: ['POOR_VULNERABLE'],
          titles: { en: 'Cash transfers 100% scale-up' },
        },
        {
          key: 'registry',
          start: '2020-01-01',
          end: '2021-12-31',
          policyAreas: ['DELIVERY_SYSTEMS'],
          organisation: 'WFP',
          partners: [{ organisation: 'UNICEF', role: 'FUNDING' }],
          titles: { en: 'Unified beneficiary registry' },
        },
        {
          key: 'pension',
          start: '2020-01-01',
          end: '2020-06-30',
          guarantees: ['OLDER_PERSONS'],
          status: 'PIPELINE',
          titles: { en: 'Social pension costing' },
        },
        {
          key: 'health',
          start: '2021-07-01',
          end: '2023-06-30',
          policyAreas: ['HEALTH_INTEGRATION', 'FINANCING'],
          titles: { fr: 'Couverture santé' },
          language: 'fr',
        },
        {
          key: 'informal',
          start: '2022-01-01',
          end: '2022-12-31',
          policyAreas: ['INFORMAL_ECONOMY'],
          targetGroups: ['INFORMAL_WORKERS'],
          titles: { en: 'Extending coverage to informal workers' },
        },
      ];
      for (const { key, ...fields } of malawi) {
        const { written } = await register({
          country: 'MWI',
          policyAreas: [],
          guarantees: [],
          targetGroups: [],
          partners: [],
          ...fields,
        });
        seeded[key] = written!.id;
      }
      await eventually(async () => {
        const all = await app.gql<List>(LIST, { filter: { country: 'MWI' } }, reader);
        expect(all.data!.activities.totalCount).toBe(malawi.length);
      });
    });

    const ids = async (filter: Record<string, unknown>) => {
      const { data, errors } = await app.gql<List>(LIST, { filter: { country: 'MWI', ...filter } }, reader);
      expect(errors).toBeUndefined();
      return data!.activities.edges.map((e) => Object.keys(seeded).find((k) => seeded[k] === e.node.id));
    };

    it('orders by start date then id, and filters by each field', async () => {
      const sameDay = [seeded.registry, seeded.pension].sort();
      const order = await ids({});
      expect(order[0]).toBe('cash');
      expect(order.slice(1, 3).map((k) => seeded[k!])).toEqual(sameDay);
      expect(order.slice(3)).toEqual(['health', 'informal']);
      expect(await ids({ policyArea: 'FINANCING' })).toEqual(['health']);
      expect(await ids({ policyArea: 'SHOCK_RESPONSIVE' })).toEqual(['cash']);
      expect(await ids({ guarantee: 'OLDER_PERSONS' })).toEqual(['pension']);
      expect(await ids({ targetGroup: 'INFORMAL_WORKERS' })).toEqual(['informal']);
      expect(await ids({ status: 'PIPELINE' })).toEqual(['pension']);
      expect(await ids({ organisation: 'WFP' })).toEqual(['registry']);
      expect(await ids({ organisation: 'UNICEF' })).toEqual(['registry']);
      expect(await ids({ activeOn: '2020-09-15' })).toEqual(['registry']);
      expect(await ids({ period: { from: '2021-12-01', to: '2022-01-31' } })).toEqual([
        'registry',
        'health',
        'informal',
      ]);
      expect(await ids({ period: { to: '2019-06-30' } })).toEqual(['cash']);
      expect(await ids({ text: 'REGISTRY' })).toEqual(['registry']);
      expect(await ids({ text: '100%' })).toEqual(['cash']);
      expect(await ids({ text: 'santé' })).toEqual(['health']);
      expect(await ids({ policyArea: 'INFORMAL_ECONOMY', organisation: 'WFP' })).toEqual([]);
    });

    it('pages with cursors and keeps the total across pages', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 3; page++) {
        const { data }: GqlResult<List> = await app.gql<List>(
          LIST,
          { filter: { country: 'MWI' }, first: 2, after },
          reader,
        );
        expect(data!.activities.totalCount).toBe(5);
        seen.push(...data!.activities.edges.map((e) => e.node.id));
        expect(data!.activities.pageInfo.hasNextPage).toBe(page < 2);
        after = data!.activities.pageInfo.endCursor;
      }
      const { data } = await app.gql<List>(LIST, { filter: { country: 'MWI' } }, reader);
      expect(seen).toEqual(data!.activities.edges.map((e) => e.node.id));
    });

    it('counts only when totalCount is asked for', async () => {
      const countsRun = async (query: string) => {
        const ds = app.database.dataSource as unknown as { logger: Logger };
        const original = ds.logger;
        const counts: string[] = [];
        ds.logger = Object.assign(Object.create(original) as Logger, {
          logQuery: (sql: string) => void (/COUNT\(\*\)/.test(sql) && counts.push(sql)),
        });
        try {
          const { data } = await app.gql<List>(query, { filter: { country: 'MWI' }, first: 2 }, reader);
          expect(data!.activities.edges).toHaveLength(2);
        } finally {
          ds.logger = original;
        }
        return counts.length;
      };
      const withoutTotal = `query ($filter: ActivityFilterInput, $first: Int) {
        activities(filter: $filter, first: $first) { edges { node { id } } pageInfo { hasNextPage } } }`;
      expect(await countsRun(withoutTotal)).toBe(0);
      expect(await countsRun(LIST)).toBe(1);
    });

    it('refuses a foreign cursor, a bad date and an oversized page as BAD_USER_INPUT naming the argument', async () => {
      const cursor = refusal(await app.gql(LIST, { after: Buffer.from('nonsense').toString('base64url') }));
      expect(cursor.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'after' }] });
      const date = refusal(await app.gql(LIST, { filter: { activeOn: '2020-13-01' } }));
      expect(date.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'filter.activeOn', value: '2020-13-01' }],
      });
      const size = refusal(await app.gql(LIST, { first: 101 }));
      expect(size.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'first', value: 101 }] });
    });
  });

  it.each([
    ['PolicyArea', 'LNOB_INCLUSION INFORMAL_ECONOMY FINANCING DELIVERY_SYSTEMS SHOCK_RESPONSIVE HEALTH_INTEGRATION'],
    ['Guarantee', 'HEALTH_CARE CHILDREN WORKING_AGE OLDER_PERSONS'],
    // FORMAT.md's five stages, and doc 001's implementation sub-stages (l.404–410) after IMPLEMENTATION.
    [
      'DeliveryStage',
      'POLICY_MAKING PLANNING_BUDGETING SCHEME_DESIGN IMPLEMENTATION IMPLEMENTATION_INFORMATION ' +
        'IMPLEMENTATION_SELECTION IMPLEMENTATION_ENROLMENT IMPLEMENTATION_CONTRIBUTIONS ' +
        'IMPLEMENTATION_BENEFIT_DELIVERY IMPLEMENTATION_GRIEVANCES MONITORING_EVALUATION',
    ],
    [
      'ActivityFunction',
      'POLICY_ADVICE LEGAL_FRAMEWORK ASSESSMENT COSTING_FISCAL_SPACE CAPACITY_BUILDING INFORMATION_SYSTEMS ' +
        'CASH_TRANSFER IN_KIND SERVICE_DELIVERY ADVOCACY COORDINATION RESEARCH MONITORING_EVALUATION',
    ],
    [
      'TargetGroup',
      'CHILDREN PREGNANT_WOMEN_NEWBORNS OLDER_PERSONS PERSONS_WITH_DISABILITIES UNEMPLOYED WORK_INJURY_VICTIMS ' +
        'POOR_VULNERABLE INFORMAL_WORKERS WOMEN REFUGEES_MIGRANTS RURAL_WORKERS DOMESTIC_WORKERS YOUTH',
    ],
    ['ActivityStatus', 'PIPELINE IMPLEMENTATION FINALISATION CLOSED CANCELLED SUSPENDED'],
    ['OrganisationRole', 'FUNDING ACCOUNTABLE EXTENDING IMPLEMENTING'],
  ])('spells the %s enum exactly as FORMAT.md does', async (name, spellings) => {
    const { data } = await app.gql<{ __type: { enumValues: { name: string }[] } }>(
      `query ($name: String!) { __type(name: $name) { enumValues { name } } }`,
      { name },
    );
    expect(data!.__type.enumValues.map((v) => v.name).sort()).toEqual(spellings.split(' ').sort());
  });

  describe('publication', () => {
    const PUBLISH = `mutation ($input: PublishActivityInput!) { publishActivity(input: $input) { version eventIds } }`;
    const UNPUBLISH = `mutation ($input: UnpublishActivityInput!) { unpublishActivity(input: $input) { version eventIds } }`;

    it('lets its agency editor publish it, appends nothing when published again, and unpublishes it', async () => {
      const { written } = await register({ titles: { en: 'ILO pension reform advice' } }, iloEditor);
      const published = await send(PUBLISH, { id: written!.id, expectedVersion: 1 }, iloEditor);
      expect(published.errors).toBeUndefined();
      expect(published.written).toMatchObject({ version: 2, eventIds: [expect.any(String)] });
      const again = await send(PUBLISH, { id: written!.id }, iloEditor);
      expect(again.written).toEqual({ version: 2, eventIds: [] });
      expect(await readBack(written!.id, 2)).toMatchObject({ published: true });
      // Left published for the rebuild below, so the column holds both values.
      const other = await register({ titles: { en: 'ILO pension reform advice, phase 2' } }, iloEditor);
      await send(PUBLISH, { id: other.written!.id }, iloEditor);
      expect((await send(UNPUBLISH, { id: other.written!.id }, iloEditor)).written!.version).toBe(3);
      expect(await readBack(other.written!.id, 3)).toMatchObject({ published: false });
    });

    it("refuses another agency's editor and a viewer, saying who may", async () => {
      const { written } = await register({ organisation: 'WFP' });
      for (const token of [iloEditor, reader]) {
        expect(refusal(await send(PUBLISH, { id: written!.id }, token))).toMatchObject({
          message:
            'Only a platform admin, an agency editor of WFP in KHM or an RCO coordinator of KHM can publish this activity',
          extensions: { code: 'FORBIDDEN' },
        });
      }
    });

    it('refuses to publish a cancelled activity, naming its state', async () => {
      const { written } = await register({ status: 'PIPELINE' });
      await send(CHANGE_STATUS, { id: written!.id, status: 'CANCELLED' });
      expect(refusal(await send(PUBLISH, { id: written!.id }))).toMatchObject({
        message: 'Activity is CANCELLED; cannot publish',
        extensions: { code: 'CONFLICT', reason: 'INVALID_TRANSITION' },
      });
    });
  });

  it('rebuilds the activities table from the events into an identical table', async () => {
    // The live projections first handle the last commands, so that no live write races the rebuild.
    const { eventLog, registry } = app.runtime;
    await eventually(async () =>
      expect(await eventLog.lag(projectionGroup('programming'), registry.allContexts)).toBe(0),
    );
    const [{ published, unpublished }] = await app.database.dataSource.query(
      `SELECT count(*) FILTER (WHERE published)::int AS published, count(*) FILTER (WHERE NOT published)::int AS unpublished
         FROM programming_activities`,
    );
    expect({ published: published > 0, unpublished: unpublished > 0 }).toEqual({ published: true, unpublished: true });
    const hash = () => tableHash(app.database.dataSource, 'programming_activities');
    const live = await hash();
    await rebuildProjection(app.database.dataSource, app.runtime.registry, activityProjection);
    expect(await hash()).toBe(live);
  });
});
