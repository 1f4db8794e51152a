// `npm run bench -- dedupe`: the duplication detector at 10k, 30k and 100k generated activities.
// Batch: candidate pairs examined (beside the same-country pairs a detector without blocking would
// examine, counted in the same run) and scan time. At 100k in Postgres: the full `concord dedupe
// scan` (read, detect, reconcile flags), the incremental check the streaming detector runs per
// changed activity (p50/p95), and, in distributed mode over Kafka, the time from an activity
// event to its flag in the read model.
import { CONTEXTS } from '@concord/composition';
import {
  detectDuplication,
  duplicationContext,
  recheckActivities,
  scanDuplication,
  type ActivityProfile,
} from '@concord/duplication';
import { systemActor } from '@concord/kernel';
import { createLogger, loadConfig, startRuntime, type Runtime } from '@concord/platform';
import { activityAggregate, type ActivityCommand } from '@concord/programming';
import { check, round, type BenchContext, type BenchReport, type Benchmark } from './support/bench';
import { benchKafka } from './support/kafka';
import { createThrowawayDatabase } from './support/postgres';
import { random } from './support/random';
import { closedLoop, distribution, timed, until } from './support/stats';
import { syntheticActivities } from './support/synthetic-activities';

const LARGEST = Number(process.env.BENCH_DEDUPE_ACTIVITIES ?? 100_000);

const CONFIG = {
  sizes: [LARGEST / 10, (LARGEST * 3) / 10, LARGEST],
  countries: 150,
  seed: 7,
  duplicateShare: 0.02,
  overlapShare: 0.02,
  writers: 8,
  incrementalChecks: 300,
  probes: 40,
  targets: { scanSeconds: 60, incrementalP95Ms: 50, eventToFlagP95Ms: 2000 },
};

export const benchmark: Benchmark = {
  name: 'dedupe',
  description: `duplication detector on ${CONFIG.sizes.join(', ')} generated activities: candidates, batch scan, incremental check, event to flag over Kafka`,
  run,
};

/** The pairs of activities in one country: what comparing within countries only would examine. */
function sameCountryPairs(profiles: readonly ActivityProfile[]): number {
  const perCountry = new Map<string, number>();
  for (const p of profiles) perCountry.set(p.country, (perCountry.get(p.country) ?? 0) + 1);
  return [...perCountry.values()].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0);
}

const registration = (p: ActivityProfile): ActivityCommand => ({
  type: 'RegisterActivity',
  data: {
    titles: { en: p.titles[0] },
    descriptions: p.descriptions.length ? { en: p.descriptions[0] } : null,
    organisation: p.organisation,
    partners: p.partners.map((organisation) => ({ organisation, role: 'IMPLEMENTING' })),
    country: p.country,
    areas: p.areas,
    policyAreas: p.policyAreas,
    guarantees: p.guarantees,
    functions: p.functions,
    targetGroups: p.targetGroups,
    counterparts: p.counterparts,
    start: p.start,
    end: p.end,
    status: 'IMPLEMENTATION',
    budget: p.budget && [{ year: Number(p.start.slice(0, 4)), currency: p.budget.currency, required: p.budget.amount }],
    source: 'CSV',
    externalIds: [{ system: 'BENCH', id: p.id }],
  },
});

const streamIdOf = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

async function run({ root, progress, cleanup }: BenchContext): Promise<BenchReport> {
  const largest = CONFIG.sizes[CONFIG.sizes.length - 1];
  progress(`generating ${largest} activities in ${CONFIG.countries} countries…`);
  const all = syntheticActivities({ ...CONFIG, activities: largest });

  const batch = CONFIG.sizes.map((n) => {
    const profiles = all.slice(0, n);
    const started = performance.now();
    const detection = detectDuplication(profiles);
    const ms = performance.now() - started;
    const kinds: Record<string, number> = {};
    for (const pair of detection.pairs) kinds[pair.kind] = (kinds[pair.kind] ?? 0) + 1;
    const result = {
      activities: n,
      candidatesExamined: detection.candidatesExamined,
      candidatesPerActivity: round(detection.candidatesExamined / n, 1),
      sameCountryPairs: sameCountryPairs(profiles),
      flagged: kinds,
      detectSeconds: round(ms / 1000, 2),
    };
    progress(`detect ${n}: ${JSON.stringify(result)}`);
    return result;
  });

  const pg = await createThrowawayDatabase(cleanup);
  progress(`database ${pg.name} on Postgres ${pg.serverVersion}; writing ${largest} activities as events…`);
  // Loaded in embedded mode with the projections only: the detector's own catch-up over the
  // backlog is not what is measured here.
  const loading = CONTEXTS.map((c) => (c === duplicationContext ? { ...c, reactors: [] } : c));
  const embedded = loadConfig({ DATABASE_URL: pg.url, PORT: '0', LOG_LEVEL: 'warn' });
  let runtime: Runtime = await startRuntime(embedded, loading, { api: false, worker: true }, createLogger('warn'));
  cleanup.add('close the loading runtime', () => runtime.close());
  const written = await timed(largest, () =>
    closedLoop(CONFIG.writers, Math.ceil(largest / CONFIG.writers), async (writer, i) => {
      const n = writer * Math.ceil(largest / CONFIG.writers) + i;
      if (n >= largest) return;
      await runtime.commands.run(activityAggregate, {
        streamId: streamIdOf(n),
        command: registration(all[n]),
        actor: systemActor,
        correlationId: 'bench-dedupe',
      });
    }),
  );
  progress(`written in ${(written.ms / 1000).toFixed(1)} s; waiting for the projections…`);
  const projected = await timed(largest, () =>
    until(
      async () =>
        (await count(runtime, 'duplication_activity_words')) === largest &&
        (await count(runtime, 'programming_activities')) === largest,
      60 * 60_000,
      'the projections to catch up',
      500,
    ),
  );
  await runtime.dataSource.query('VACUUM ANALYZE');

  progress(`concord dedupe scan over ${largest} activities…`);
  const deps = { runner: runtime.commands, db: runtime.dataSource };
  const scan = await scanDuplication(deps, 'bench-dedupe-scan');
  progress(`scan: ${JSON.stringify(scan)}; rescan with nothing changed…`);
  const rescan = await scanDuplication(deps, 'bench-dedupe-rescan');

  progress(`${CONFIG.incrementalChecks} incremental checks…`);
  const pick = random(CONFIG.seed + 1);
  const checks: number[] = [];
  for (let i = 0; i < CONFIG.incrementalChecks; i++) {
    const id = streamIdOf(Math.floor(pick() * largest));
    const started = performance.now();
    await recheckActivities(deps, [id], 'bench-dedupe-check');
    checks.push(performance.now() - started);
  }
  const incremental = distribution(checks);

  // Distributed mode from here: the relay starts after the backlog (Kafka carries only the probes).
  await runtime.dataSource.query(
    `INSERT INTO event_log_checkpoints (name, tx_id, position)
     SELECT 'relay', tx_id, position FROM event_log_checkpoints WHERE name = 'group:programming-projections'
     ON CONFLICT (name) DO UPDATE SET tx_id = EXCLUDED.tx_id, position = EXCLUDED.position`,
  );
  await cleanup.runOne('close the loading runtime');
  const kafka = await benchKafka(root, cleanup, progress);
  const distributed = loadConfig({
    DATABASE_URL: pg.url,
    KAFKA_BROKERS: kafka.brokers.join(','),
    KAFKA_TOPIC_PREFIX: kafka.topicPrefix,
    PORT: '0',
    LOG_LEVEL: 'warn',
  });
  runtime = await startRuntime(distributed, CONTEXTS, { api: true, worker: true }, createLogger('warn'));
  cleanup.add('close the distributed runtime', () => runtime.close());
  progress(`${CONFIG.probes} probes over Kafka: a record entered again, until its flag is in the read model…`);
  const toFlag: number[] = [];
  for (let i = 0; i < CONFIG.probes; i++) {
    const original = all[Math.floor(pick() * largest)];
    const copy = {
      ...original,
      id: `${original.id}-again-${i}`,
      start: shifted(original.start, 3),
      end: shifted(original.end, 3),
    };
    const streamId = streamIdOf(largest + i);
    await runtime.commands.run(activityAggregate, {
      streamId,
      command: registration(copy),
      actor: systemActor,
      correlationId: `bench-dedupe-probe-${i}`,
    });
    const started = performance.now();
    await until(
      async () =>
        (await runtime.dataSource.query(`SELECT 1 FROM duplication_flags WHERE $1 = ANY(subject_ids)`, [streamId]))
          .length > 0,
      60_000,
      `the flag of probe ${i}`,
      2,
    );
    toFlag.push(performance.now() - started);
  }
  const eventToFlag = distribution(toFlag);
  const largestBatch = batch[batch.length - 1];
  const scanSeconds = round(scan.ms / 1000, 1);

  return {
    machine: { postgres: pg.serverVersion, postgresSettings: pg.settings, kafkaBrokers: kafka.brokers },
    config: { ...CONFIG, database: pg.name },
    results: {
      batch,
      growth: {
        activities: `${CONFIG.sizes[0]} → ${largest}`,
        candidates: round(largestBatch.candidatesExamined / batch[0].candidatesExamined, 1),
        sameCountryPairs: round(largestBatch.sameCountryPairs / batch[0].sameCountryPairs, 1),
      },
      load: {
        writeSeconds: round(written.ms / 1000),
        projectionCatchUpSeconds: round(projected.ms / 1000),
      },
      scan,
      rescan,
      incrementalMs: incremental,
      eventToFlagMs: eventToFlag,
    },
    targets: [
      check(`batch scan of ${largest} activities (s)`, scanSeconds, '<', CONFIG.targets.scanSeconds),
      check(`incremental check p95 at ${largest} (ms)`, incremental.p95, '<', CONFIG.targets.incrementalP95Ms),
      check('activity event to flag p95, distributed (ms)', eventToFlag.p95, '<', CONFIG.targets.eventToFlagP95Ms),
    ],
    summary: [
      ...batch.flatMap((b) => [
        { figure: `candidates examined, ${b.activities} activities`, value: b.candidatesExamined, unit: 'pairs' },
        { figure: `same-country pairs, ${b.activities} activities`, value: b.sameCountryPairs, unit: 'pairs' },
        { figure: `detection, ${b.activities} activities`, value: b.detectSeconds, unit: 's' },
      ]),
      {
        figure: `concord dedupe scan, ${largest} activities in Postgres (first: raises every flag)`,
        value: scanSeconds,
        unit: 's',
        target: `< ${CONFIG.targets.scanSeconds}`,
        pass: scanSeconds < CONFIG.targets.scanSeconds,
      },
      { figure: `rescan, nothing changed`, value: round(rescan.ms / 1000, 1), unit: 's' },
      { figure: `incremental check p50 at ${largest}`, value: incremental.p50, unit: 'ms' },
      {
        figure: `incremental check p95 at ${largest}`,
        value: incremental.p95,
        unit: 'ms',
        target: `< ${CONFIG.targets.incrementalP95Ms}`,
        pass: incremental.p95 < CONFIG.targets.incrementalP95Ms,
      },
      { figure: 'activity event to flag p50, distributed', value: eventToFlag.p50, unit: 'ms' },
      {
        figure: 'activity event to flag p95, distributed',
        value: eventToFlag.p95,
        unit: 'ms',
        target: `< ${CONFIG.targets.eventToFlagP95Ms}`,
        pass: eventToFlag.p95 < CONFIG.targets.eventToFlagP95Ms,
      },
    ],
    notes: [
      `Data: bench/support/synthetic-activities.ts, seed ${CONFIG.seed}: ${CONFIG.countries} countries, starts 2012–2026, periods of 6–48 months, titles from an en/fr/es phrase bank, a third national and the rest in one or two of 12 provinces; ${CONFIG.duplicateShare * 100} % records entered again by the same agency and ${CONFIG.overlapShare * 100} % another agency's version of a record. Each size is the first n of the same sequence, so the density per country grows with n.`,
      'Detection: the pure detector (blocking, signals, scoring) in this process; same-country pairs is the count a detector comparing every pair within a country would examine, for comparison.',
      `Scan: \`concord dedupe scan\` in Postgres: read the ${largest} activities, detect, and reconcile through Detect commands (the first raises every flag, the rescan finds them unchanged). The activities were written as RegisterActivity commands by ${CONFIG.writers} writers and projected in embedded mode without the streaming detector.`,
      `Incremental: recheckActivities for one random activity (neighbour query, word weights, scoring, Detect commands for its pairs), ${CONFIG.incrementalChecks} times in sequence.`,
      `Event to flag: the runtime restarted in distributed mode (Kafka, relay checkpoint after the backlog); ${CONFIG.probes} probes in sequence, each a record entered again 3 days later, timed from the append until its flag row is in duplication_flags: relay → Kafka → detector → Detect → relay → Kafka → flag projection.`,
    ],
  };
}

const shifted = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const count = async (runtime: Runtime, table: string): Promise<number> =>
  (await runtime.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
