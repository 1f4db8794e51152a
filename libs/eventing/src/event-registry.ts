import type { EventEnvelope } from './envelope';

/** Turns the data of `type` at `fromVersion` into the shape of `fromVersion + 1`. */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(data: unknown): unknown;
}

export interface StreamRegistration {
  streamType: string;
  /** The bounded context; it names the Kafka topic `concord.<context>.events.v1`. */
  context: string;
  /** Current schema version of each event type the stream emits (default 1). */
  schemaVersions?: Record<string, number>;
  upcasters?: Upcaster[];
}

/**
 * What the platform knows about streams: which context owns them (topic routing), the current
 * schema version of each event type, and the upcasters that lift old events to it on read.
 */
export class EventRegistry {
  private readonly contexts = new Map<string, string>();
  private readonly versions = new Map<string, number>();
  private readonly upcasters = new Map<string, Upcaster>();

  constructor(registrations: StreamRegistration[] = []) {
    registrations.forEach((r) => this.register(r));
  }

  register(registration: StreamRegistration): this {
    this.contexts.set(registration.streamType, registration.context);
    for (const [type, version] of Object.entries(registration.schemaVersions ?? {})) {
      this.versions.set(type, version);
    }
    for (const upcaster of registration.upcasters ?? []) {
      this.upcasters.set(`${upcaster.type}@${upcaster.fromVersion}`, upcaster);
    }
    return this;
  }

  contextOf(streamType: string): string {
    const context = this.contexts.get(streamType);
    if (!context) throw new Error(`Stream type ${streamType} is not registered with a context`);
    return context;
  }

  get allContexts(): string[] {
    return [...new Set(this.contexts.values())].sort();
  }

  streamTypesOf(contexts: string[]): string[] {
    return [...this.contexts].filter(([, c]) => contexts.includes(c)).map(([type]) => type);
  }

  schemaVersionOf(type: string): number {
    return this.versions.get(type) ?? 1;
  }

  /** Lifts an event written under an older schema to the current one, one version at a time. */
  upcast<D>(event: EventEnvelope): EventEnvelope<D> {
    let current = event;
    for (;;) {
      const upcaster = this.upcasters.get(`${current.type}@${current.schemaVersion}`);
      if (!upcaster) return current as EventEnvelope<D>;
      current = {
        ...current,
        data: upcaster.upcast(current.data),
        schemaVersion: current.schemaVersion + 1,
      };
    }
  }
}

export const topicName = (prefix: string, context: string): string => `${prefix}concord.${context}.events.v1`;

export const deadLetterTopicName = (prefix: string): string => `${prefix}concord.dead-letters.v1`;
