import type { INestApplication } from '@nestjs/common';
import {
  createHttpApp,
  createLogger,
  DEVELOPMENT_SECRET,
  mintToken,
  schemaOf,
  startRuntime,
  type BoundedContext,
  type Config,
  type Roles,
  type Runtime,
} from '@concord/platform';
import { createTestDatabase, type TestDatabase } from './databases';
import { graphqlRequest, type GqlResult } from './graphql';
import { testKafka } from './kafka';

export interface TestApp {
  url: string;
  runtime: Runtime;
  config: Config;
  database: TestDatabase;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>>;
  token(claims: { sub?: string; roles: string[]; org?: string; countries?: string[] }): Promise<string>;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    mode: 'embedded',
    nodeEnv: 'test',
    port: 0,
    workerPort: 0,
    dataDir: '/nonexistent',
    auth: { secret: DEVELOPMENT_SECRET },
    logLevel: process.env.LOG_LEVEL ?? 'silent',
    introspection: true,
    ...overrides,
  };
}

/**
 * Starts Concord over HTTP on a free port against a database of the test's own: embedded (the
 * event log over the events table) or distributed (the real Kafka broker, topics of its own).
 */
export async function startTestApp(
  contexts: BoundedContext[],
  options: { mode?: 'embedded' | 'distributed'; roles?: Roles; database?: TestDatabase; topicPrefix?: string } = {},
): Promise<TestApp> {
  const database =
    options.database ?? (await createTestDatabase(schemaOf(contexts), { needsServer: options.mode === 'distributed' }));
  const kafka = options.mode === 'distributed' ? testKafka() : undefined;
  const config = testConfig({
    mode: options.mode ?? 'embedded',
    databaseUrl: database.url,
    kafka: kafka && {
      brokers: kafka.brokers,
      clientId: 'concord-test',
      topicPrefix: options.topicPrefix ?? kafka.topicPrefix,
      partitions: 3,
      replicationFactor: 1,
      sessionTimeoutMs: 6_000,
    },
  });
  const roles = options.roles ?? { api: true, worker: true };
  const runtime = await startRuntime(config, contexts, roles, createLogger(config.logLevel), database);
  const app: INestApplication = await createHttpApp(runtime, roles);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    runtime,
    config,
    database,
    gql: (query, variables, token) => graphqlRequest(url, query, variables, token),
    token: (claims) => mintToken({ sub: claims.sub ?? 'u-test', ...claims }, config.auth),
    async close() {
      await app.close();
      await runtime.close();
      if (!options.database) await database.close();
    },
  };
}
