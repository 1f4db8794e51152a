// `npm run bench -- queries`: the read side over HTTP. On a database of generated activities
// (`concord demo generate`, 100,000 by default), the GraphQL queries `activities` filtered by country
// and policy area and `jointProgrammes` filtered by country, at 16 concurrent clients, beside the
// very SQL those requests run (captured from TypeORM) sent straight to Postgres by 16 pg clients.
import type { Runtime } from '@concord/platform';
import { check, round, type BenchContext, type BenchReport, type Benchmark, type SummaryRow } from './support/bench';
import {
  captureSql,
  compareApiWithSql,
  startBothSides,
  substitute,
  weighted,
  type Statement,
} from './support/api-versus-sql';
import { runHttpLoad } from './support/http-load';
import { generatedDatabase } from './support/generated-database';

const CONFIG = {
  activities: Number(process.env.BENCH_QUERIES_ACTIVITIES ?? 100_000),
  countries: 130,
  seed: 1,
  clients: 16,
  pageSize: 20,
  warmupPerClient: 20,
  requestsPerClient: 150,
  /** API and raw SQL alternate this many times; the distributions pool every round. */
  rounds: 2,
  targets: { activitiesP95Ms: 25, apiOverRawP95: 3 },
};

const ACTIVITIES = `query ($filter: ActivityFilterInput!, $first: Int!) {
  activities(filter: $filter, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title leadOrganisation { code name } country policyAreas status start end budgetRequired } }
  }
}`;

const JOINT_PROGRAMMES = `query ($filter: JointProgrammeFilterInput!, $first: Int!) {
  jointProgrammes(filter: $filter, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id code title status countries startDate endDate leadOrganisation participants { organisation role } } }
  }
}`;

/** One benchmarked query: how to ask it over GraphQL, and how to replay its SQL for other filters. */
interface Workload {
  name: string;
  query: string;
  /** The filters the clients cycle through, drawn from the data in proportion to how often they occur. */
  filters: Record<string, string>[];
  /**
   * The captured statements of one request (for filters[0]) rewritten for `filter`. Each statement
   * may depend on the rows of the ones before (the DataLoader's keys come from the page).
   */
  replay(statement: Statement, filter: Record<string, string>, earlier: Record<string, unknown>[][]): Statement;
}

export const benchmark: Benchmark = {
  name: 'queries',
  description: `activities and jointProgrammes over GraphQL/HTTP at ${CONFIG.clients} clients on ${CONFIG.activities} generated activities, beside their SQL run directly`,
  run,
};

async function run({ progress, cleanup }: BenchContext): Promise<BenchReport> {
  const { pg, config, runtime, data } = await generatedDatabase(
    { ...CONFIG, projected: ['programming_activities'] },
    progress,
    cleanup,
  );
  const { url, token, raw } = await startBothSides(runtime, config, pg.url, CONFIG.clients, cleanup);

  const workloads = [await activitiesWorkload(runtime), await jointProgrammesWorkload(runtime)];
  const results: Record<string, unknown> = {};
  const summary: SummaryRow[] = [];
  const targets = [];
  for (const workload of workloads) {
    progress(`${workload.name}: ${workload.filters.length} filters; capturing the SQL of one request`);
    const variables = workload.filters.map((f) => variablesOf(f));
    const captured = await captureSql(runtime, /\b(programming|directory)_/, () =>
      runHttpLoad({ url, token, query: workload.query, variables, clients: 1, perClient: 1 }),
    );
    const {
      apiMs,
      rawSqlMs: sqlMs,
      runs,
    } = await compareApiWithSql({
      url,
      token,
      query: workload.query,
      variables,
      captured,
      replay: (i, statement, earlier) => workload.replay(statement, workload.filters[i], earlier),
      raw,
      clients: CONFIG.clients,
      warmupPerClient: CONFIG.warmupPerClient,
      requestsPerClient: CONFIG.requestsPerClient,
      rounds: CONFIG.rounds,
      progress,
    });
    const ratio = apiMs.p95 / sqlMs.p95;
    results[workload.name] = {
      apiMs,
      rawSqlMs: sqlMs,
      apiOverRawP95: round(ratio, 2),
      statementsPerRequest: captured.length,
      statements: captured.map((c) => c.sql),
      runs,
    };
    summary.push(
      { figure: `${workload.name} p50 via GraphQL`, value: apiMs.p50, unit: 'ms' },
      {
        figure: `${workload.name} p95 via GraphQL`,
        value: apiMs.p95,
        unit: 'ms',
        ...(workload.name === 'activities' && {
          target: `< ${CONFIG.targets.activitiesP95Ms}`,
          pass: apiMs.p95 < CONFIG.targets.activitiesP95Ms,
        }),
      },
      { figure: `${workload.name} p50 raw SQL`, value: sqlMs.p50, unit: 'ms' },
      { figure: `${workload.name} p95 raw SQL`, value: sqlMs.p95, unit: 'ms' },
      {
        figure: `${workload.name} GraphQL / raw SQL at p95`,
        value: round(ratio, 2),
        unit: '×',
        ...(workload.name === 'activities' && {
          target: `< ${CONFIG.targets.apiOverRawP95}`,
          pass: ratio < CONFIG.targets.apiOverRawP95,
        }),
      },
    );
    if (workload.name === 'activities') {
      targets.push(
        check('activities p95 via GraphQL (ms)', apiMs.p95, '<', CONFIG.targets.activitiesP95Ms),
        check('activities GraphQL / raw SQL at p95', ratio, '<', CONFIG.targets.apiOverRawP95),
      );
    }
  }
  return {
    machine: { postgres: pg.serverVersion, postgresSettings: pg.settings },
    config: { ...CONFIG, database: pg.name },
    results: {
      data,
      ...results,
    },
    targets,
    summary,
    notes: [
      `Data: \`concord demo generate --countries ${CONFIG.countries} --activities ${CONFIG.activities} --seed ${CONFIG.seed}\` written through the command path into a throwaway database, projected by the in-process projections (DATABASE_URL without KAFKA_BROKERS), then VACUUM ANALYZE (as autovacuum leaves tables at rest).`,
      `GraphQL: POST /graphql over HTTP keep-alive (Node fetch, in a worker thread so the clients do not share the API's event loop) with a viewer token, ${CONFIG.clients} clients in closed loops, first ${CONFIG.pageSize}; each client cycles through filters drawn from the data in proportion to their frequency. Latency is request to parsed JSON.`,
      `Raw SQL: the statements one GraphQL request ran, captured from TypeORM's logger (count, page, then the DataLoader's lookup keyed by the page's rows), replayed in order with each request's filter on ${CONFIG.clients} pg clients. The gap between the two is the platform: HTTP, auth, GraphQL parsing/validation/execution, DataLoader, JSON.`,
      `Rounds alternate API and raw SQL (${CONFIG.rounds} each, ${CONFIG.clients * CONFIG.requestsPerClient} requests per round) after a warm-up of ${CONFIG.clients * CONFIG.warmupPerClient}; the distributions pool all rounds. Postgres, the API and the clients share the machine's CPUs.`,
    ],
  };
}

const variablesOf = (filter: Record<string, string>) => ({ filter, first: CONFIG.pageSize });

async function activitiesWorkload(runtime: Runtime): Promise<Workload> {
  const pairs: { country: string; policy_area: string; n: number }[] = await runtime.dataSource.query(
    `SELECT country, unnest(policy_areas) AS policy_area, count(*)::int AS n
       FROM programming_activities GROUP BY 1, 2 ORDER BY n DESC, 1, 2`,
  );
  const filters = weighted(pairs, (r) => ({
    country: r.country,
    policyArea: r.policy_area,
  }));
  return {
    name: 'activities',
    query: ACTIVITIES,
    filters,
    replay: (statement, filter, earlier) => {
      if (statement.sql.includes('directory_organisations')) {
        const page = (earlier.at(-1) ?? []).slice(0, CONFIG.pageSize); // the extra row only tells hasNextPage
        return { sql: statement.sql, params: [[...new Set(page.map((row) => row.a_organisation))]] };
      }
      return { sql: statement.sql, params: substitute(statement.params, filters[0], filter) };
    },
  };
}

async function jointProgrammesWorkload(runtime: Runtime): Promise<Workload> {
  const countries: { country: string; n: number }[] = await runtime.dataSource.query(
    `SELECT unnest(countries) AS country, count(*)::int AS n FROM programming_joint_programmes GROUP BY 1 ORDER BY n DESC, 1`,
  );
  const filters = weighted(countries, (r) => ({ country: r.country }));
  return {
    name: 'jointProgrammes',
    query: JOINT_PROGRAMMES,
    filters,
    replay: (statement, filter, earlier) => {
      if (/FROM "programming_jp_participants"/.test(statement.sql)) {
        // The DataLoader asks for the page's ids: `IN ($1, …, $n)` with as many as the page holds.
        const ids = (earlier.at(-1) ?? []).slice(0, CONFIG.pageSize).map((row) => row.j_id);
        const sql = statement.sql.replace(
          /IN \((\$\d+(, )?)+\)/,
          () => `IN (${ids.map((_, i) => `$${i + 1}`).join(', ')})`,
        );
        return { sql, params: ids };
      }
      return { sql: statement.sql, params: substitute(statement.params, filters[0], filter) };
    },
  };
}
