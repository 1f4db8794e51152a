const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async function globalTeardown() {
  const env = globalThis.__concordStartedKafka;
  if (env)
    execFileSync('bash', [join(__dirname, '..', '..', 'infra', 'kafka', 'kafka.sh'), 'stop'], {
      env,
      stdio: 'inherit',
    });
};
