import { loadConfig, ConfigError, type Config } from '../config/config';
import { createLogger } from '../observability/logger';
import type { BoundedContext } from './bounded-context';
import { createHttpApp } from './http-app';
import { startRuntime, type Roles, type Runtime } from './runtime';

/** Loads the configuration or exits non-zero naming every bad variable. */
export function configOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`concord: ${error.message}\n`);
    process.exit(2);
  }
}

/**
 * Runs one Concord process with the given roles until SIGTERM/SIGINT, then shuts down in order:
 * stop taking requests, let consumers finish and commit their batch, stop the relay, close the DB.
 * `onStarted` runs once the process serves requests (e.g. loading demo data into an empty
 * database); its failure is logged and the process keeps serving.
 */
export async function runProcess(
  name: string,
  roles: Roles,
  contexts: BoundedContext[],
  options: { requireDistributed?: boolean; onStarted?: (runtime: Runtime) => Promise<void> } = {},
): Promise<void> {
  const config = configOrExit();
  if (options.requireDistributed && config.mode !== 'distributed') {
    process.stderr.write(
      `concord: ${name} runs in distributed mode only: set DATABASE_URL and KAFKA_BROKERS (or use \`npm start\` for embedded mode)\n`,
    );
    process.exit(2);
  }
  const logger = createLogger(config.logLevel).child({ process: name });
  const started = Date.now();
  const runtime = await startRuntime(config, contexts, roles, logger).catch((error: Error) => {
    process.stderr.write(`concord: ${name} could not start: ${error.message}\n`);
    process.exit(1);
  });
  const app = await createHttpApp(runtime, roles);
  const port = roles.api ? config.port : config.workerPort;
  await app.listen(port, '0.0.0.0').catch(async (error: Error) => {
    process.stderr.write(`concord: cannot listen on port ${port}: ${error.message}\n`);
    await runtime.close();
    process.exit(1);
  });
  const address = app.getHttpServer().address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  logger.info(
    { mode: config.mode, database: runtime.database.engine, port: actualPort, ms: Date.now() - started },
    `${name} ready`,
  );
  if (roles.api) process.stdout.write(`Concord GraphQL API: http://localhost:${actualPort}/graphql\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    await runtime.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  // After the signal handlers, so a stop during the task still shuts down in order.
  void options.onStarted?.(runtime).catch((err: Error) => {
    if (!stopping) logger.error({ err }, 'start-up task failed; the process keeps serving');
  });
}
