import { referenceContext } from '@concord/reference/context';
import { startTestApp, type TestApp } from '@concord/test-support';

describe('Reference data over GraphQL', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp([referenceContext]);
  });
  afterAll(() => app.close());

  it('finds countries by accent-insensitive name in any language, or by code', async () => {
    const { data } = await app.gql<{ countries: { code: string; name: { fr: string } }[] }>(
      `{ countries(search: "COTE D IVOIRE") { code name { fr } } }`,
    );
    expect(data!.countries).toEqual([{ code: 'CIV', name: { fr: expect.stringMatching(/^Côte.d.Ivoire$/) } }]);
    const byCode = await app.gql<{ country: { alpha2: string } }>(`{ country(code: "KHM") { alpha2 } }`);
    expect(byCode.data!.country).toEqual({ alpha2: 'KH' });
  });

  it('serves the SDG targets of a goal and refuses an unknown goal', async () => {
    const { data } = await app.gql<{ sdgTargets: { code: string }[] }>(`{ sdgTargets(goal: "1") { code } }`);
    expect(data!.sdgTargets.map((t) => t.code)).toContain('1.3');
    expect(data!.sdgTargets.every((t) => t.code.startsWith('1.'))).toBe(true);
    const bad = await app.gql(`{ sdgTargets(goal: "18") { code } }`);
    expect(bad.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'goal', value: '18' }],
    });
  });

  it('serves each document vocabulary with labels in three languages', async () => {
    const { data } = await app.gql<{ vocabulary: { code: string; label: { en: string; fr: string; es: string } }[] }>(
      `{ vocabulary(name: guarantees) { code label { en fr es } } }`,
    );
    expect(data!.vocabulary.map((v) => v.code)).toEqual(['HEALTH_CARE', 'CHILDREN', 'WORKING_AGE', 'OLDER_PERSONS']);
    expect(data!.vocabulary.every((v) => v.label.en && v.label.fr && v.label.es)).toBe(true);
    const unknown = await app.gql(`{ vocabulary(name: spaceships) { code } }`);
    expect(unknown.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
