/** Who is acting: the subject of the bearer token, or the system itself (imports, detectors). */
export interface Actor {
  id: string;
  roles: string[];
  /** Organisation code the actor edits for (agency editors). */
  organisation?: string;
  /** ISO3 countries the actor's roles are scoped to (RCO coordinators, agency editors). */
  countries: string[];
  /** Joint programme ids a JP manager manages. */
  jointProgrammes?: string[];
}

export const systemActor: Actor = { id: 'system', roles: ['system'], countries: [] };

/** Everything a decision may depend on besides the command and the state. */
export interface DecideContext {
  actor: Actor;
  now: Date;
}

/** A domain event as a decider sees it; the event store wraps it in an envelope. */
export interface DomainEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
}

/** An aggregate's behaviour as pure functions over plain data (no Nest, no I/O). */
export interface Decider<C, E extends DomainEvent, S> {
  initialState: S;
  decide: (command: C, state: S, ctx: DecideContext) => E[];
  evolve: (state: S, event: E) => S;
}

export const fold = <C, E extends DomainEvent, S>(decider: Decider<C, E, S>, events: E[]): S =>
  events.reduce(decider.evolve, decider.initialState);
