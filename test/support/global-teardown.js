const { execFileSync } = require('node:child_process');
const { rmSync } = require('node:fs');
const { join } = require('node:path');

/** Stops the run's own broker and removes its data (the shared jars stay). */
module.exports = async function globalTeardown() {
  const env = globalThis.__concordStartedKafka;
  if (!env) return;
  execFileSync('bash', [join(__dirname, '..', '..', 'infra', 'kafka', 'kafka.sh'), 'stop'], { env, stdio: 'inherit' });
  rmSync(env.KAFKA_HOME_DIR, { recursive: true, force: true });
};
