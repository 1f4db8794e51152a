import type { Decider, DecideContext, DomainEvent } from '../decider';
import { ConcordError } from '../errors';

export const testContext: DecideContext = {
  actor: { id: 'u-1', roles: ['platform-admin'], countries: [] },
  now: new Date('2026-01-15T10:00:00Z'),
};

/**
 * Given past events, when a command is decided, then these events (or this error).
 * `specFor(decider)` binds the decider once per spec file.
 */
export function specFor<C, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return (...history: E[]) => ({
    when(command: C, ctx: DecideContext = testContext) {
      const state = history.reduce(decider.evolve, decider.initialState);
      const run = () => decider.decide(command, state, ctx);
      return {
        then(expected: unknown[]) {
          expect(run()).toEqual(expected);
        },
        thenThrows(code: string, message?: RegExp) {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(ConcordError);
          expect((thrown as ConcordError).code).toBe(code);
          if (message) expect((thrown as ConcordError).message).toMatch(message);
        },
      };
    },
  });
}
