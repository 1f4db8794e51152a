import { projectionGroup } from '@concord/platform';
import { eventually, type TestApp } from '@concord/test-support';

/**
 * A mutation as a test step: `send('registerActivity', input)` sends it with the token given, expects
 * no error and returns the written stream's id. The input type is the mutation's name + "Input"
 * unless another is named.
 */
export const mutationSender =
  (app: TestApp, token: string) =>
  async (name: string, input: Record<string, unknown>, type = `${name[0].toUpperCase()}${name.slice(1)}Input`) => {
    const { data, errors } = await app.gql<Record<string, { id: string }>>(
      `mutation ($input: ${type}!) { ${name}(input: $input) { id } }`,
      { input },
      token,
    );
    expect(errors).toBeUndefined();
    return data![name].id;
  };

/** Waits until these contexts' projections have applied every event appended so far. */
export const projected = (app: TestApp, contexts: string[], timeoutMs?: number) =>
  eventually(async () => {
    const { eventLog, registry } = app.runtime;
    for (const context of contexts) expect(await eventLog.lag(projectionGroup(context), registry.allContexts)).toBe(0);
  }, timeoutMs);
