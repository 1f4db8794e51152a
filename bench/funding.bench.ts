// `npm run bench -- funding`: fundingOverview for one country by year over 200,000 generated
// transactions, over GraphQL/HTTP at 16 concurrent clients, beside the very SQL the request runs
// (captured from TypeORM) sent straight to Postgres by 16 pg clients.
import { CONTEXTS } from '@concord/composition';
import {
  contributionAggregate,
  contributionDecider,
  importRates,
  readRatesFile,
  type ContributionCommand,
  type ContributionEvent,
  type ContributionState,
} from '@concord/funding';
import { newId, systemActor } from '@concord/kernel';
import { createLogger, loadConfig, startRuntime, type Runtime } from '@concord/platform';
import { listCountries } from '@concord/reference';
import { check, round, type BenchContext, type BenchReport, type Benchmark } from './support/bench';
import { captureSql, compareApiWithSql, startBothSides, substitute, weighted } from './support/api-versus-sql';
import { runHttpLoad } from './support/http-load';
import { createThrowawayDatabase } from './support/postgres';
import { random } from './support/random';
import { closedLoop, timed, until } from './support/stats';

const CONFIG = {
  transactions: Number(process.env.BENCH_FUNDING_TRANSACTIONS ?? 200_000),
  /** Pledge, commitment, 2 × funds, outgoing commitment, 2 × disbursement, 3 × expenditure. */
  transactionsPerContribution: 10,
  countries: 130,
  donors: 25,
  years: [2018, 2025],
  seed: 1,
  writers: 8,
  clients: 16,
  warmupPerClient: 20,
  requestsPerClient: 150,
  rounds: 2,
  targets: { overviewP95Ms: 50 },
};

const RECIPIENTS = ['UNICEF', 'ILO', 'WFP', 'UNDP', 'UN_WOMEN', 'UNFPA', 'WHO', 'FAO', 'UNHCR', 'IOM'];
/** Currency and its rough units per USD; half the money is in USD. */
const CURRENCIES: [string, number][] = [
  ['USD', 1],
  ['USD', 1],
  ['USD', 1],
  ['EUR', 0.9],
  ['GBP', 0.78],
  ['SEK', 10.5],
  ['NOK', 10.2],
  ['CHF', 0.92],
  ['JPY', 140],
];

const OVERVIEW = `query ($filter: FundingFilterInput, $groupBy: FundingDimension) {
  fundingOverview(filter: $filter, groupBy: $groupBy) {
    total { required pledged committed received disbursed spent gap jointShare unconverted }
    groups { key figures { pledged committed received disbursed spent gap jointCommitted singleAgencyCommitted } }
    pipeline { proposals requested }
  }
}`;

export const benchmark: Benchmark = {
  name: 'funding',
  description: `fundingOverview by country and year over GraphQL/HTTP at ${CONFIG.clients} clients on ${CONFIG.transactions} generated transactions, beside its SQL run directly`,
  run,
};

async function run({ progress, cleanup }: BenchContext): Promise<BenchReport> {
  const pg = await createThrowawayDatabase(cleanup);
  progress(`database ${pg.name} on Postgres ${pg.serverVersion}`);
  const config = loadConfig({ DATABASE_URL: pg.url, PORT: '0', LOG_LEVEL: 'warn' });
  const runtime = await startRuntime(config, CONTEXTS, { api: true, worker: true }, createLogger('warn'));
  cleanup.add('close the runtime', () => runtime.close());

  const rates = await recordRates(runtime);
  progress(`recorded ${rates} monthly exchange rates; generating ${CONFIG.transactions} transactions…`);
  const generated = await generate(runtime, progress);
  progress(
    `written in ${(generated.ms / 1000).toFixed(1)} s (${generated.events} events); waiting for the projection…`,
  );
  const projected = await timed(generated.transactions, () =>
    until(
      async () => (await count(runtime, 'funding_transactions')) === generated.transactions,
      30 * 60_000,
      'the funding projection to catch up',
      250,
    ),
  );
  const { url, token, raw } = await startBothSides(runtime, config, pg.url, CONFIG.clients, cleanup);

  const countries: { country: string; n: number }[] = await runtime.dataSource.query(
    `SELECT country, count(*)::int AS n FROM funding_transactions GROUP BY 1 ORDER BY n DESC, 1`,
  );
  const filters = weighted(countries, (r) => ({ country: r.country }));
  const variables = filters.map((filter) => ({ filter, groupBy: 'YEAR' }));
  progress(`fundingOverview: ${filters.length} filters; capturing the SQL of one request`);
  const captured = await captureSql(runtime, /\b(funding|programming)_/, () =>
    runHttpLoad({ url, token, query: OVERVIEW, variables, clients: 1, perClient: 1 }),
  );
  const comparison = await compareApiWithSql({
    url,
    token,
    query: OVERVIEW,
    variables,
    captured,
    parallel: true,
    replay: (i, statement) => ({ sql: statement.sql, params: substitute(statement.params, filters[0], filters[i]) }),
    raw,
    clients: CONFIG.clients,
    warmupPerClient: CONFIG.warmupPerClient,
    requestsPerClient: CONFIG.requestsPerClient,
    rounds: CONFIG.rounds,
    progress,
  });
  const { apiMs, rawSqlMs } = comparison;
  return {
    machine: { postgres: pg.serverVersion, postgresSettings: pg.settings },
    config: { ...CONFIG, database: pg.name },
    results: {
      data: {
        contributions: generated.contributions,
        transactions: generated.transactions,
        events: generated.events,
        exchangeRates: rates,
        writeSeconds: round(generated.ms / 1000),
        projectionCatchUpSeconds: round(projected.ms / 1000),
        transactionsPerCountry: round(generated.transactions / CONFIG.countries, 0),
      },
      fundingOverview: { ...comparison, statementsPerRequest: captured.length, statements: captured.map((c) => c.sql) },
    },
    targets: [check('fundingOverview p95 via GraphQL (ms)', apiMs.p95, '<', CONFIG.targets.overviewP95Ms)],
    summary: [
      { figure: 'fundingOverview (country, by year) p50 via GraphQL', value: apiMs.p50, unit: 'ms' },
      {
        figure: 'fundingOverview (country, by year) p95 via GraphQL',
        value: apiMs.p95,
        unit: 'ms',
        target: `< ${CONFIG.targets.overviewP95Ms}`,
        pass: apiMs.p95 < CONFIG.targets.overviewP95Ms,
      },
      { figure: 'same aggregation, raw SQL p50', value: rawSqlMs.p50, unit: 'ms' },
      { figure: 'same aggregation, raw SQL p95', value: rawSqlMs.p95, unit: 'ms' },
      { figure: 'GraphQL / raw SQL at p95', value: comparison.apiOverRawP95, unit: '×' },
      { figure: 'transactions projected per second', value: projected.perSecond, unit: '/s' },
    ],
    notes: [
      `Data: ${generated.contributions} contributions from ${CONFIG.donors} donors to ${RECIPIENTS.length} agencies (70 %) and a pooled fund (30 %) in ${CONFIG.countries} countries, ${CONFIG.transactionsPerContribution} transactions each (pledge, commitment, funds, outgoing commitment, disbursements, expenditure) dated ${CONFIG.years.join('–')}, in USD (a third) and 6 other currencies with monthly rates. Each contribution's events are decided by the contribution decider and appended in one append by ${CONFIG.writers} writers, then projected by the in-process projection (DATABASE_URL without KAFKA_BROKERS), then VACUUM ANALYZE.`,
      `GraphQL: fundingOverview(filter: {country}, groupBy: YEAR) over HTTP keep-alive with a viewer token, ${CONFIG.clients} clients in closed loops cycling through countries in proportion to their transactions. Raw SQL: the statements that request ran (transactions, activities' requirements, proposal pipeline), captured from TypeORM and run at once on ${CONFIG.clients} pg clients, as the API runs them.`,
    ],
  };
}

const count = async (runtime: Runtime, table: string): Promise<number> =>
  (await runtime.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

/** A rate on the first of every month of the period, near each currency's usual level. */
async function recordRates(runtime: Runtime): Promise<number> {
  const next = random(CONFIG.seed + 1);
  const lines = ['currency,date,rate,source'];
  for (const [currency, level] of new Map(CURRENCIES)) {
    if (currency === 'USD') continue;
    for (let year = CONFIG.years[0] - 1; year <= CONFIG.years[1]; year++) {
      for (let month = 1; month <= 12; month++) {
        const rate = (level * (0.9 + next() * 0.2)).toFixed(4);
        lines.push(`${currency},${year}-${String(month).padStart(2, '0')}-01,${rate},bench monthly rate`);
      }
    }
  }
  await importRates({ runner: runtime.commands, store: runtime.store }, await readRatesFile(lines), newId());
  return lines.length - 1;
}

/** The commands of one contribution, folded through the decider into the events of one append. */
function contributionEvents(next: () => number, countries: string[]): ContributionEvent[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const [currency, level] = pick(CURRENCIES);
  const pooled = next() < 0.3;
  const recipient = pooled ? 'BENCH_POOLED_FUND' : pick(RECIPIENTS);
  const commands: ContributionCommand[] = [
    {
      type: 'RecordContribution',
      data: {
        title: `Contribution to ${recipient}`,
        donor: `DONOR_${String(1 + Math.floor(next() * CONFIG.donors)).padStart(2, '0')}`,
        recipient: { kind: pooled ? 'FUND' : 'ORGANISATION', ref: recipient },
        known: pooled ? { organisation: 'UNMPTFO', countries: [] } : undefined,
        currency,
        earmarking: pooled ? 'POOLED' : pick(['CORE', 'THEMATIC', 'PROJECT_SPECIFIC'] as const),
        country: pick(countries),
      },
    },
  ];
  const year = CONFIG.years[0] + Math.floor(next() * (CONFIG.years[1] - CONFIG.years[0] + 1));
  const date = (month: number) =>
    `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
  const pledge = Math.round((50_000 + next() * 2_000_000) * level);
  const amount = (share: number) => (Math.round(pledge * share * 100) / 100).toFixed(2);
  const chain = (
    [
      ['INCOMING_PLEDGE', 1, 1],
      ['INCOMING_COMMITMENT', 0.9, 2],
      ['INCOMING_FUNDS', 0.5, 3],
      ['INCOMING_FUNDS', 0.4, 6],
      ['OUTGOING_COMMITMENT', 0.8, 4],
      ['DISBURSEMENT', 0.4, 5],
      ['DISBURSEMENT', 0.35, 8],
      ['EXPENDITURE', 0.3, 7],
      ['EXPENDITURE', 0.3, 10],
      ['EXPENDITURE', 0.2, 12],
    ] as const
  ).map(([type, share, month]): ContributionCommand => ({
    type: 'RecordTransaction',
    data: { type, amount: amount(share), valueDate: date(month) },
  }));
  commands.push(...chain);
  let state: ContributionState = contributionDecider.initialState;
  const events: ContributionEvent[] = [];
  for (const command of commands) {
    for (const event of contributionDecider.decide(command, state, { actor: systemActor, now: new Date() })) {
      state = contributionDecider.evolve(state, event);
      events.push(event);
    }
  }
  return events;
}

async function generate(runtime: Runtime, progress: (message: string) => void) {
  const countries = listCountries()
    .map((c) => c.code)
    .slice(0, CONFIG.countries);
  const contributions = Math.ceil(CONFIG.transactions / CONFIG.transactionsPerContribution);
  const perWriter = Math.ceil(contributions / CONFIG.writers);
  let events = 0;
  let written = 0;
  const started = performance.now();
  await closedLoop(CONFIG.writers, perWriter, async (writer, i) => {
    const n = writer * perWriter + i;
    if (n >= contributions) return;
    const batch = contributionEvents(random(CONFIG.seed * 1_000_003 + n), countries);
    await runtime.store.append({
      streamType: contributionAggregate.streamType,
      streamId: newId(),
      expectedVersion: 0,
      events: batch,
      occurredAt: new Date(),
      metadata: { actor: systemActor, correlationId: 'bench-funding' },
    });
    events += batch.length;
    if (++written % Math.ceil(contributions / 10) === 0)
      progress(`  ${written}/${contributions} contributions written`);
  });
  return {
    contributions,
    transactions: contributions * CONFIG.transactionsPerContribution,
    events,
    ms: performance.now() - started,
  };
}
