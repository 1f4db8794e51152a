import { randomUUID } from 'node:crypto';

/** Time and identity come in from outside so deciders stay pure and tests stay deterministic. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const newId = (): string => randomUUID();
