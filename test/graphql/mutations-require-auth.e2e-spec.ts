import { directoryContext } from '@concord/directory';
import { startTestApp, type TestApp } from '@concord/test-support';

/**
 * Every mutation of the schema, present and future, refuses an anonymous caller before any
 * resolver or input validation runs: authentication is one plugin, not a guard to remember.
 */
describe('every mutation requires a signed-in actor', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp([directoryContext]);
  });
  afterAll(() => app.close());

  it('answers UNAUTHENTICATED for each mutation without a token', async () => {
    const { data } = await app.gql<{
      __schema: {
        mutationType: {
          fields: { name: string; args: { name: string; type: { ofType: { name: string } | null } }[] }[];
        };
      };
    }>(`{ __schema { mutationType { fields { name args { name type { ofType { name } } } } } } }`);
    const mutations = data!.__schema.mutationType.fields;
    expect(mutations.length).toBeGreaterThanOrEqual(6);
    for (const mutation of mutations) {
      const variables = mutation.args.map((a) => `$${a.name}: ${a.type.ofType?.name ?? 'String'}!`).join(', ');
      const args = mutation.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const result = await app.gql(`mutation (${variables}) { ${mutation.name}(${args}) { __typename } }`, {});
      expect({ mutation: mutation.name, code: result.errors?.[0]?.extensions?.code }).toEqual({
        mutation: mutation.name,
        code: 'UNAUTHENTICATED',
      });
    }
  });
});
