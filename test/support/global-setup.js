// Decides once per `jest` run which real Postgres and Kafka the tests use (README, "Tests"):
//   Postgres: DATABASE_URL if set, else the server at 127.0.0.1:5432 if one answers, else PGlite
//             (CONCORD_TEST_DB=pglite forces PGlite).
//   Kafka:    KAFKA_BROKERS if set, else the infra/kafka broker, started here and stopped after.
// No broker means a failed run with instructions, never silently skipped suites.
const { execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { join } = require('node:path');
const { Client } = require('pg');

const root = join(__dirname, '..', '..');
const kafkaScript = join(root, 'infra', 'kafka', 'kafka.sh');
const { freePortPair } = require('./free-port');
/** Jars shared by every run; data, logs and ports of each run its own, so parallel runs never collide. */
const brokerEnv = (name, port) => ({
  ...process.env,
  KAFKA_LIBS_DIR: join(root, '.data', 'kafka-libs'),
  KAFKA_HOME_DIR: join(root, '.data', `kafka-${name}`),
  KAFKA_PORT: String(port),
  KAFKA_CONTROLLER_PORT: String(port + 1),
});

async function postgresAnswers(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** `jest --selectProjects unit` needs neither Postgres nor Kafka (jest passes no such option here). */
const needsServices = () => {
  const at = process.argv.indexOf('--selectProjects');
  if (at < 0) return true;
  const selected = [];
  for (const arg of process.argv.slice(at + 1)) {
    if (arg.startsWith('-')) break;
    selected.push(arg);
  }
  return selected.some((p) => p !== 'unit');
};

module.exports = async function globalSetup() {
  process.env.CONCORD_TEST_ROOT = root;
  process.env.CONCORD_TEST_RUN = randomBytes(4).toString('hex');
  if (!needsServices()) return;

  const localUrl = `postgres://${process.env.PGUSER || 'postgres'}@127.0.0.1:5432/postgres`;
  if (process.env.CONCORD_TEST_DB === 'pglite') {
    process.env.CONCORD_TEST_PG_ADMIN_URL = ''; // forced, to run the suites on the embedded engine
  } else if (process.env.DATABASE_URL) {
    process.env.CONCORD_TEST_PG_ADMIN_URL = process.env.DATABASE_URL;
  } else if (await postgresAnswers(localUrl)) {
    process.env.CONCORD_TEST_PG_ADMIN_URL = localUrl;
  } else {
    process.env.CONCORD_TEST_PG_ADMIN_URL = '';
    console.warn('\n[tests] no Postgres at 127.0.0.1:5432 and no DATABASE_URL: using PGlite');
  }

  if (process.env.KAFKA_BROKERS) return;
  const port = await freePortPair(19092);
  const env = brokerEnv(`test-${process.env.CONCORD_TEST_RUN}`, port);
  {
    try {
      execFileSync('bash', [kafkaScript, 'start'], { env, stdio: 'inherit' });
      globalThis.__concordStartedKafka = env;
    } catch (error) {
      throw new Error(
        `No Kafka broker for the integration tests: starting infra/kafka failed (${error.message}).\n` +
          'Install Java 17 and Maven (apt-get install openjdk-17-jre-headless maven) so infra/kafka/kafka.sh ' +
          'can run a broker, or point KAFKA_BROKERS at a running Kafka.',
      );
    }
  }
  process.env.KAFKA_BROKERS = `127.0.0.1:${port}`;
};

module.exports.brokerEnv = brokerEnv;
