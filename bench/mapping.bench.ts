// `npm run bench -- mapping`: the mapping answers over HTTP on 100,000 generated activities in 130
// countries — whoDoesWhat for one country and for the world, partnerActivities text search — at 16
// concurrent clients, beside the `activities` list query measured the same way in the same run.
import { systemActor, newId } from '@concord/kernel';
import {
  activityAggregate,
  cooperationFrameworkAggregate,
  type ActivityDetailsInput,
  type CooperationFrameworkCommand,
} from '@concord/programming';
import type { Runtime } from '@concord/platform';
import { check, round, type BenchContext, type BenchReport, type Benchmark, type SummaryRow } from './support/bench';
import { startBothSides, weighted } from './support/api-versus-sql';
import { generatedDatabase } from './support/generated-database';
import { runHttpLoad } from './support/http-load';
import { measureLiveDelivery } from './support/live-delivery';
import { distribution, type Distribution } from './support/stats';

const CONFIG = {
  activities: Number(process.env.BENCH_MAPPING_ACTIVITIES ?? 100_000),
  countries: 130,
  seed: 1,
  clients: 16,
  targets: { countryP95Ms: 30, worldP95Ms: 300, searchP95Ms: 50, deliveryP99Ms: 1000 },
  /** Subscription delivery: subscribers on a second api runtime, activities written through the first. */
  live: {
    subscribers: 16,
    countries: 16,
    // A steady rate first, then one that saturates 2 cores at 100,000 activities (the worker's
    // duplication check and projections fall behind): each phase's latency on its own.
    phases: [
      { writes: 150, writesPerSecond: 5 },
      { writes: 300, writesPerSecond: 20 },
    ],
  },
  /** Frameworks for the most active countries, each with 3 outcomes of 3 outputs; a third of the country's activities linked. */
  frameworks: 8,
};

const WHO_DOES_WHAT = `query ($scope: MappingScopeInput, $filter: WhoDoesWhatFilterInput) {
  whoDoesWhat(scope: $scope, filter: $filter) {
    activities organisations jointProgrammes budgets { currency required available spent }
    byPolicyArea { policyArea organisation activities jointProgrammes budgets { currency required } }
    bySubnationalArea { country area organisation activities }
    actorMatrix { organisations actors { organisation occurrences } unplaced { organisation activities }
      rows { guarantee organisations stages { stage actors { organisation activities } } } }
    mandatesWithoutActivity { organisation code } activitiesWithoutMandate { organisation code activities } } }`;

const SEARCH = `query ($text: String, $scope: MappingScopeInput) {
  partnerActivities(text: $text, scope: $scope, first: 20) {
    totalCount edges { node { id title organisation country score } } facets { name values { value count } } } }`;

const ALIGNMENT = `query ($id: ID!) { frameworkAlignment(frameworkId: $id) {
  outcomes { code activities withoutActivity singleAgency fundingGap organisations { organisation activities jointProgrammes }
    outputs { code organisations { organisation } } budgets { currency gap } }
  linkedActivities unlinkedActivities { organisation activities } linkedJointProgrammes unlinkedJointProgrammes { code }
  sdgTargetsNotServed sdgTargetsOutsideFramework { target activities } } }`;

const ACTIVITIES = `query ($filter: ActivityFilterInput!) {
  activities(filter: $filter, first: 20) {
    totalCount edges { node { id title leadOrganisation { code name } country policyAreas status start end } } } }`;

interface Workload {
  name: string;
  query: string;
  variables: unknown[];
  warmupPerClient: number;
  perClient: number;
  targetP95Ms?: number;
}

export const benchmark: Benchmark = {
  name: 'mapping',
  description: `whoDoesWhat (country, world) and partnerActivities over GraphQL/HTTP at ${CONFIG.clients} clients on ${CONFIG.activities} generated activities, beside the activities list query`,
  run,
};

async function run({ root, progress, cleanup }: BenchContext): Promise<BenchReport> {
  const { pg, config, runtime, data } = await generatedDatabase(
    { ...CONFIG, projected: ['programming_activities', 'mapping_activity_documents'] },
    progress,
    cleanup,
  );
  const { url, token } = await startBothSides(runtime, config, pg.url, CONFIG.clients, cleanup);
  const db = runtime.dataSource;

  const countries: { country: string; n: number }[] = await db.query(
    `SELECT country, count(*)::int AS n FROM programming_activities GROUP BY 1 ORDER BY n DESC, 1`,
  );
  const byCountry = weighted(countries, (r) => ({ country: r.country }));
  // Words as users would type them: title lexemes neither rare nor everywhere, one or two at a time.
  const words: { word: string }[] = await db.query(
    `SELECT word FROM ts_stat('SELECT document FROM mapping_activity_documents')
      WHERE length(word) > 3 AND ndoc BETWEEN 50 AND $1 ORDER BY ndoc DESC, word LIMIT 120`,
    [Math.max(100, Math.round(data.activities / 20))],
  );
  if (words.length < 10) throw new Error(`only ${words.length} search words found: too little text to search`);
  const searches = words.map(({ word }, i) => ({
    text: i % 3 === 0 ? `${word} ${words[(i * 7) % words.length].word}` : word,
    ...(i % 2 === 0 && { scope: byCountry[i % byCountry.length] }),
  }));
  progress(
    `${CONFIG.frameworks} cooperation frameworks for the most active countries, a third of their activities linked…`,
  );
  const frameworkIds = await Promise.all(
    countries.slice(0, CONFIG.frameworks).map(({ country }) => frameworkFor(runtime, country)),
  );
  await runtime.dataSource.query('ANALYZE programming_activities');
  const worldFilters = [{}, { filter: { status: 'IMPLEMENTATION' } }, { filter: { policyArea: 'FINANCING' } }];

  const workloads: Workload[] = [
    {
      name: 'activities (baseline)',
      query: ACTIVITIES,
      variables: byCountry.map((scope) => ({ filter: scope })),
      warmupPerClient: 10,
      perClient: 100,
    },
    {
      name: 'whoDoesWhat country',
      query: WHO_DOES_WHAT,
      variables: byCountry.map((scope) => ({ scope })),
      warmupPerClient: 10,
      perClient: 100,
      targetP95Ms: CONFIG.targets.countryP95Ms,
    },
    {
      name: 'whoDoesWhat world',
      query: WHO_DOES_WHAT,
      variables: worldFilters,
      warmupPerClient: 1,
      perClient: 6,
      targetP95Ms: CONFIG.targets.worldP95Ms,
    },
    {
      name: 'frameworkAlignment',
      query: ALIGNMENT,
      variables: frameworkIds.map((id) => ({ id })),
      warmupPerClient: 10,
      perClient: 100,
    },
    {
      name: 'partnerActivities search',
      query: SEARCH,
      variables: searches,
      warmupPerClient: 10,
      perClient: 100,
      targetP95Ms: CONFIG.targets.searchP95Ms,
    },
  ];

  const results: Record<
    string,
    { latencyMs: Distribution; requests: number; seconds: number; overBaselineP95?: number }
  > = {};
  const summary: SummaryRow[] = [];
  const targets = [];
  let baselineP95 = NaN;
  for (const w of workloads) {
    progress(`${w.name}: warm-up, then ${CONFIG.clients} clients × ${w.perClient} requests`);
    const load = { url, token, query: w.query, variables: w.variables, clients: CONFIG.clients };
    await runHttpLoad({ ...load, perClient: w.warmupPerClient });
    const { latenciesMs, ms } = await runHttpLoad({ ...load, perClient: w.perClient });
    const latencyMs = distribution(latenciesMs);
    if (Number.isNaN(baselineP95)) baselineP95 = latencyMs.p95;
    const overBaselineP95 = round(latencyMs.p95 / baselineP95, 2);
    results[w.name] = { latencyMs, requests: latenciesMs.length, seconds: round(ms / 1000), overBaselineP95 };
    progress(`  p50 ${latencyMs.p50} ms, p95 ${latencyMs.p95} ms (${overBaselineP95}× the baseline's p95)`);
    summary.push(
      { figure: `${w.name} p50`, value: latencyMs.p50, unit: 'ms' },
      {
        figure: `${w.name} p95`,
        value: latencyMs.p95,
        unit: 'ms',
        ...(w.targetP95Ms !== undefined && { target: `< ${w.targetP95Ms}`, pass: latencyMs.p95 < w.targetP95Ms }),
      },
      { figure: `${w.name} p95 / baseline p95`, value: overBaselineP95, unit: '×' },
    );
    if (w.targetP95Ms !== undefined) targets.push(check(`${w.name} p95 (ms)`, latencyMs.p95, '<', w.targetP95Ms));
  }

  // Distributed mode from here: the in-process runtime gives way to two over Kafka.
  await cleanup.runOne('close the HTTP server');
  await cleanup.runOne('close the runtime');
  const live = await measureLiveDelivery(
    { databaseUrl: pg.url, ...CONFIG.live, countries: countries.slice(0, CONFIG.live.countries).map((c) => c.country) },
    root,
    cleanup,
    progress,
  );
  for (const phase of live) {
    const name = `subscription delivery at ${phase.writesPerSecond} writes/s`;
    summary.push(
      { figure: `${name} p50`, value: phase.latencyMs.p50, unit: 'ms' },
      {
        figure: `${name} p99`,
        value: phase.latencyMs.p99,
        unit: 'ms',
        target: `< ${CONFIG.targets.deliveryP99Ms}`,
        pass: phase.latencyMs.p99 < CONFIG.targets.deliveryP99Ms && phase.deliveries === phase.expected,
      },
      { figure: `${name}: changes delivered`, value: phase.deliveries, unit: `of ${phase.expected}` },
    );
    targets.push(check(`${name} p99 (ms)`, phase.latencyMs.p99, '<', CONFIG.targets.deliveryP99Ms));
  }
  return {
    machine: { postgres: pg.serverVersion, postgresSettings: pg.settings },
    config: { ...CONFIG, database: pg.name },
    results: { data, searchWords: words.length, ...results, 'subscription delivery': live },
    targets,
    summary,
    notes: [
      `Data: \`concord demo generate --countries ${CONFIG.countries} --activities ${CONFIG.activities} --seed ${CONFIG.seed}\` through the command path into a throwaway database, projected in-process (DATABASE_URL without KAFKA_BROKERS) with the streaming duplication detector off (reads are measured at rest), then VACUUM ANALYZE.`,
      `GraphQL over HTTP keep-alive from a worker thread, ${CONFIG.clients} clients in closed loops, viewer token. Country scopes are drawn in proportion to each country's activities; the world query cycles through no filter, status IMPLEMENTATION and policy area FINANCING.`,
      'Search texts: title lexemes found in between 50 and 5 % of the documents (ts_stat), one word or two, half of them scoped to a country.',
      'Baseline: the activities list query (one country, first 20) measured the same way in the same run; compare the ratios across runs, not the milliseconds.',
      `frameworkAlignment: ${CONFIG.frameworks} frameworks (the most active countries, 3 outcomes × 3 outputs, SDG targets), a third of each country's activities linked to its outputs by ReviseActivity; the clients cycle through them. No target in the issue.`,
      `Subscription delivery, distributed mode: the relay starts at the store's head; one api runtime (commands, relay) with a worker process (projections, duplication detector) registers activities in the ${CONFIG.live.countries} most active countries (${CONFIG.live.phases.map((p) => `${p.writes} at ${p.writesPerSecond}/s`).join(', then ')}), while ${CONFIG.live.subscribers} graphql-ws clients hold activityChanged(country) on a second api runtime (its own Kafka tail); latency = client receipt − the event's occurredAt, projection apply included. Clients and both runtimes share this process.`,
    ],
  };
}

/** A framework for a country with 3 outcomes of 3 outputs, and every third activity of the country linked to one. */
async function frameworkFor(runtime: Runtime, country: string): Promise<string> {
  const streamId = newId();
  const run = (command: CooperationFrameworkCommand) =>
    runtime.commands.run(cooperationFrameworkAggregate, {
      streamId,
      command,
      actor: systemActor,
      correlationId: newId(),
    });
  await run({
    type: 'CreateCooperationFramework',
    data: {
      code: `BENCH-${country}`,
      title: `Framework ${country}`,
      countries: [country],
      startDate: '2018-01-01',
      endDate: '2027-12-31',
    },
  });
  await run({ type: 'AddStrategicPriority', data: { code: 'SP1', title: 'People', sdgTargets: ['1.3'] } });
  const outputs: string[] = [];
  for (let o = 1; o <= 3; o++) {
    await run({
      type: 'AddOutcome',
      data: { priorityCode: 'SP1', code: `1.${o}`, title: `Outcome ${o}`, sdgTargets: [`1.${o + 1}`] },
    });
    for (let p = 1; p <= 3; p++) {
      await run({ type: 'AddOutput', data: { outcomeCode: `1.${o}`, code: `1.${o}.${p}`, title: `Output ${o}.${p}` } });
      outputs.push(`${streamId}:1.${o}.${p}`);
    }
  }
  await run({ type: 'ActivateCooperationFramework', data: {} });
  // A revision restates the details: those the activity was registered with, now linked to an output.
  const registered: { id: string; data: ActivityDetailsInput & Record<string, unknown> }[] =
    await runtime.dataSource.query(
      `SELECT a.id, e.data FROM programming_activities a
       JOIN events e ON e.stream_id = a.id AND e.version = 1
      WHERE a.country = $1 ORDER BY a.id`,
      [country],
    );
  for (const [i, { id, data }] of registered.entries()) {
    if (i % 3) continue;
    const { externalIds: _ids, source: _source, jointProgrammePeriod: _period, ...details } = data;
    await runtime.commands.run(activityAggregate, {
      streamId: id,
      command: {
        type: 'ReviseActivity',
        data: { ...(details as ActivityDetailsInput), frameworkOutputId: outputs[(i / 3) % outputs.length] },
      },
      actor: systemActor,
      correlationId: newId(),
    });
  }
  return streamId;
}
