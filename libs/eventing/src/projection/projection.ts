import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '../envelope';

/**
 * A read model fed by events. `apply` runs inside the transaction that also records the stream's
 * last applied version, so an event is applied at most once per projection even when delivered
 * twice. It must not throw on odd data; a throw is treated as a fault (retry, then dead letter).
 */
export interface Projection {
  name: string;
  /** The read-model tables it owns: truncated on rebuild, hashed in the rebuild test. */
  tables: string[];
  /** Event types it reacts to; other events only advance its checkpoint. */
  eventTypes: string[];
  apply(event: EventEnvelope, tx: EntityManager): Promise<void>;
}
