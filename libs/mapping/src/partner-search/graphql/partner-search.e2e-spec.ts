import { directoryContext } from '@concord/directory';
import { rebuildProjection, tableHash } from '@concord/eventing';
import { programmingContext } from '@concord/programming';
import { startTestApp, type TestApp } from '@concord/test-support';
import { mappingContext } from '../../mapping.context';
import { mutationSender, projected } from '../../testing/graphql-steps';
import { activityDocumentProjection } from '../read-model/activity-document.projection';

const SEARCH = `query ($text: String, $scope: MappingScopeInput, $filter: PartnerSearchFilterInput, $first: Int, $after: String) {
  partnerActivities(text: $text, scope: $scope, filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { id title organisation partners country status start end score } }
    pageInfo { hasNextPage endCursor } facets { name values { value count } } } }`;
const SIMILAR = `query ($id: ID!, $scope: MappingScopeInput, $anywhere: Boolean) {
  similarActivities(id: $id, scope: $scope, anywhere: $anywhere) { id score } }`;

interface Search {
  totalCount: number;
  edges: { cursor: string; node: { id: string; title: string; score: number; start: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  facets: { name: string; values: { value: string; count: number }[] }[];
}

const activity = (id: string, overrides: Record<string, unknown>) => ({
  id,
  organisation: 'ILO',
  country: 'KHM',
  functions: ['POLICY_ADVICE'],
  start: '2021-01-01',
  end: '2022-12-31',
  status: 'IMPLEMENTATION',
  ...overrides,
});

describe('partner search over GraphQL (embedded mode)', () => {
  let app: TestApp;
  let admin: string;
  let reader: string;

  let send: ReturnType<typeof mutationSender>;
  const settled = () => projected(app, ['programming', 'mapping']);

  beforeAll(async () => {
    app = await startTestApp([directoryContext, programmingContext, mappingContext]);
    admin = await app.token({ sub: 'admin', roles: ['platform-admin'] });
    send = mutationSender(app, admin);
    reader = await app.token({ sub: 'viewer', roles: ['viewer'] });
    const register = (input: Record<string, unknown>) => send('registerActivity', input);
    await register(
      activity('S1', {
        titles: { en: 'Social protection floor assessment' },
        descriptions: { en: 'An assessment-based national dialogue with the ministries' },
      }),
    );
    await register(
      activity('S2', {
        organisation: 'UNICEF',
        country: 'SEN',
        language: 'fr',
        titles: { fr: 'Évaluation des systèmes de protection sociale' },
        descriptions: { fr: 'Une évaluation conjointe avec le ministère' },
        start: '2019-01-01',
        end: '2020-06-30',
      }),
    );
    await register(
      activity('S3', {
        organisation: 'WFP',
        country: 'HND',
        language: 'es',
        titles: { es: 'Protección social para la niñez' },
        descriptions: { es: 'Transferencias monetarias a hogares con niños' },
        status: 'CLOSED',
      }),
    );
    await register(
      activity('S4', {
        organisation: 'WFP',
        partners: [{ organisation: 'ILO', role: 'IMPLEMENTING' }],
        titles: { en: 'Cash transfers for older persons' },
        descriptions: { en: 'Monthly pension payments through the national registry' },
      }),
    );
    await register(
      activity('S5', {
        organisation: 'UNICEF',
        titles: { en: 'Beneficiary registry' },
        descriptions: { en: 'A single registry for social protection programmes' },
      }),
    );
    await send('publishActivity', { id: 'S1' });
    await settled();
  });
  afterAll(() => app.close());

  const search = async (variables: Record<string, unknown>, as: string | null = reader) => {
    const { data, errors } = await app.gql<{ partnerActivities: Search }>(SEARCH, variables, as ?? undefined);
    expect(errors).toBeUndefined();
    return data!.partnerActivities;
  };
  const ids = (result: Search) => result.edges.map((e) => e.node.id);
  const facet = (result: Search, name: string) =>
    Object.fromEntries(result.facets.find((f) => f.name === name)!.values.map((v) => [v.value, v.count]));

  it('stems each language its own way and folds accents and case', async () => {
    expect(ids(await search({ text: 'assessments' }))).toEqual(['S1']);
    expect(ids(await search({ text: 'EVALUATIONS' }))).toEqual(['S2']); // French plural, no accent
    expect(ids(await search({ text: 'protecciones sociales' }))).toEqual(['S3']);
    expect(ids(await search({ text: 'niñez' }))).toEqual(['S3']);
    expect(ids(await search({ text: 'pensions' }))).toEqual(['S4']);
  });

  it('ranks a match in the title above one in the description, and counts facets over every match', async () => {
    const result = await search({ text: 'social protection' });
    // Both words in S1's and S2's titles; only in S5's description.
    expect(ids(result)).toEqual(['S1', 'S2', 'S5']);
    expect(result.edges[1].node.score).toBeGreaterThan(result.edges[2].node.score);
    expect(result.totalCount).toBe(3);
    expect(facet(result, 'country')).toEqual({ KHM: 2, SEN: 1 });
    expect(facet(result, 'organisation')).toEqual({ ILO: 1, UNICEF: 2 });
    expect(facet(result, 'year')).toEqual({ '2019': 1, '2020': 1, '2021': 2, '2022': 2 });
  });

  it('narrows by scope and filter, and pages with cursors', async () => {
    expect(ids(await search({ text: 'social protection', scope: { country: 'KHM' } }))).toEqual(['S1', 'S5']);
    expect(ids(await search({ scope: { region: 'LATIN_AMERICA_CARIBBEAN' } }))).toEqual(['S3']);
    expect(ids(await search({ filter: { organisation: 'ILO', year: 2022 } })).sort()).toEqual(['S1', 'S4']);
    expect(ids(await search({ filter: { status: 'CLOSED' } }))).toEqual(['S3']);
    const first = await search({ text: 'social protection', first: 2 });
    expect(ids(first)).toEqual(['S1', 'S2']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = await search({ text: 'social protection', first: 2, after: first.pageInfo.endCursor });
    expect(ids(next)).toEqual(['S5']);
    expect(next.pageInfo.hasNextPage).toBe(false);
    // No text: everything the filter lets through, latest first.
    expect((await search({})).totalCount).toBe(5);
  });

  it('shows anonymous callers published activities only, facets included', async () => {
    const result = await search({ text: 'social protection' }, null);
    expect(ids(result)).toEqual(['S1']);
    expect(facet(result, 'country')).toEqual({ KHM: 1 });
  });

  it("finds an activity's look-alikes in its country, in a scope given, or anywhere", async () => {
    const similar = async (variables: Record<string, unknown>) => {
      const { data, errors } = await app.gql<{ similarActivities: { id: string; score: number }[] }>(
        SIMILAR,
        variables,
        reader,
      );
      expect(errors).toBeUndefined();
      return data!.similarActivities.map((a) => a.id);
    };
    // S5's "social protection" is S1's title; "registry" is in S4's description.
    expect(await similar({ id: 'S5' })).toEqual(['S1', 'S4']);
    expect(await similar({ id: 'S1', scope: { region: 'AFRICA' } })).toEqual(['S2']);
    // "national" dialogue and registry: S4 too.
    expect((await similar({ id: 'S1', anywhere: true })).sort()).toEqual(['S2', 'S3', 'S4', 'S5']);
  });

  it('follows a revision of the title, and rebuilds the same documents from the events', async () => {
    await send(
      'reviseActivity',
      activity('S5', {
        organisation: 'UNICEF',
        titles: { en: 'Integrated beneficiary database' },
        descriptions: { en: 'A single registry for social protection programmes' },
      }),
    );
    await settled();
    expect(ids(await search({ text: 'database' }))).toEqual(['S5']);
    expect(ids(await search({ text: 'registry' }))).toEqual(['S4', 'S5']); // still in S5's description
    const hash = () => tableHash(app.database.dataSource, 'mapping_activity_documents');
    const live = await hash();
    await rebuildProjection(app.database.dataSource, app.runtime.registry, activityDocumentProjection);
    expect(await hash()).toBe(live);
  });

  it('refuses a foreign cursor, an overlong text and an unknown activity, naming them', async () => {
    const refusal = async (query: string, variables: Record<string, unknown>) => {
      const { errors } = await app.gql(query, variables, reader);
      expect(errors).toHaveLength(1);
      return errors![0];
    };
    expect((await refusal(SEARCH, { after: 'bm90IGEgY3Vyc29y' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_CURSOR',
    });
    expect((await refusal(SEARCH, { text: 'x'.repeat(201) })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'QUERY_TOO_LONG',
    });
    expect((await refusal(SIMILAR, { id: 'NOPE' })).extensions).toMatchObject({ code: 'NOT_FOUND' });
    // An unpublished activity is unknown to anonymous callers.
    const { errors } = await app.gql(SIMILAR, { id: 'S5' });
    expect(errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});
