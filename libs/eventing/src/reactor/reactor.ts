import type { DataSource } from 'typeorm';
import type { CommandRunner } from '../command/command-runner';
import type { EventEnvelope } from '../envelope';

/**
 * A consumer that turns events into commands (a policy: "when an activity changes, check it for
 * duplication"), in its own consumer group. Delivery is at least once, so what it does must be
 * idempotent: commands whose decider has nothing new to say append nothing.
 */
export interface Reactor {
  /** Its consumer group. */
  name: string;
  /** Bounded contexts whose events it receives. */
  contexts: string[];
  /** Checks its configuration before the first batch; a throw stops the process from starting. */
  check?(): void;
  react(batch: EventEnvelope[], deps: { db: DataSource; commands: CommandRunner }): Promise<void>;
}
