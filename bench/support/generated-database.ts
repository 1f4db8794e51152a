// The read-side benchmarks' data: activities generated through the command path into a throwaway
// Postgres database, projected by the in-process projections, then left at rest.
import { CONTEXTS } from '@concord/composition';
import { generateSyntheticData } from '@concord/demo';
import { createLogger, loadConfig, startRuntime, type Config, type Runtime } from '@concord/platform';
import type { Cleanup } from './cleanup';
import { createThrowawayDatabase } from './postgres';
import { timed, until } from './stats';

export interface GeneratedDatabase {
  pg: Awaited<ReturnType<typeof createThrowawayDatabase>>;
  config: Config;
  runtime: Runtime;
  data: {
    activities: number;
    jointProgrammes: number;
    events: number;
    generateSeconds: number;
    projectionCatchUpSeconds: number;
  };
}

export const countRows = async (runtime: Runtime, table: string): Promise<number> =>
  (await runtime.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

/**
 * `concord demo generate` on a throwaway database (DATABASE_URL without KAFKA_BROKERS: one process,
 * projections in-process), waiting until every table in `projected` holds a row per activity
 * (`programming_joint_programmes` is waited for by its own count).
 */
export async function generatedDatabase(
  options: { activities: number; countries: number; seed: number; projected: string[] },
  progress: (message: string) => void,
  cleanup: Cleanup,
): Promise<GeneratedDatabase> {
  const pg = await createThrowawayDatabase(cleanup);
  progress(`database ${pg.name} on Postgres ${pg.serverVersion}`);
  const config = loadConfig({ DATABASE_URL: pg.url, PORT: '0', LOG_LEVEL: 'warn' });
  // Reads are measured at rest: the streaming duplication detector (a reactor) would otherwise check
  // 100,000 activities meanwhile. Projections run as usual.
  const contexts = CONTEXTS.map((c) => (c.reactors ? { ...c, reactors: [] } : c));
  const runtime = await startRuntime(config, contexts, { api: true, worker: true }, createLogger('warn'));
  cleanup.add('close the runtime', () => runtime.close());

  progress(`generating ${options.activities} activities in ${options.countries} countries (seed ${options.seed})…`);
  let lastReported = 0;
  const generated = await generateSyntheticData(
    { commands: runtime.commands, dataSource: runtime.dataSource },
    { countries: options.countries, activities: options.activities, seed: options.seed },
    (done, total) => {
      if (done - lastReported >= total / 10 || done === total) {
        lastReported = done;
        progress(`  ${done}/${total} units written`);
      }
    },
  );
  progress(
    `generated in ${(generated.ms / 1000).toFixed(1)} s (${generated.events} events); waiting for the projections…`,
  );
  const projected = await timed(generated.activities, () =>
    until(
      async () =>
        (await countRows(runtime, 'programming_joint_programmes')) === generated.programmes &&
        (await Promise.all(options.projected.map((table) => countRows(runtime, table)))).every(
          (n) => n === generated.activities,
        ),
      30 * 60_000,
      'the projections to catch up',
      250,
    ),
  );
  return {
    pg,
    config,
    runtime,
    data: {
      activities: generated.activities,
      jointProgrammes: generated.programmes,
      events: generated.eventsInStore,
      generateSeconds: Math.round(generated.ms / 100) / 10,
      projectionCatchUpSeconds: Math.round(projected.ms / 100) / 10,
    },
  };
}
