import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one process, served at /metrics. */
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'concord_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'concord_commands_total',
    help: 'Commands handled, by command and outcome',
    labelNames: ['command', 'outcome'],
    registers: [this.registry],
  });

  readonly appends = new Counter({
    name: 'concord_events_appended_total',
    help: 'Events appended to the event store',
    labelNames: ['stream_type'],
    registers: [this.registry],
  });

  readonly relayed = new Counter({
    name: 'concord_relay_events_published_total',
    help: 'Events the relay published to Kafka',
    registers: [this.registry],
  });

  readonly projected = new Counter({
    name: 'concord_projection_events_total',
    help: 'Events applied per projection',
    labelNames: ['projection'],
    registers: [this.registry],
  });

  readonly deadLetters = new Counter({
    name: 'concord_dead_letters_total',
    help: 'Events parked in the dead-letter table and topic',
    labelNames: ['consumer'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'concord_' });
  }

  /** Gauges read at scrape time (relay lag, consumer lag per group, DLQ size). */
  gauge(name: string, help: string, labelNames: string[], collect: (g: Gauge) => Promise<void>): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        await collect(this).catch(() => undefined);
      },
    });
  }
}
