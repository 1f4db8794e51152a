import { ConfigError, loadConfig } from './config';

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('Configuration from the environment', () => {
  it('defaults to embedded mode on port 3000 with data in ./.data', () => {
    expect(loadConfig({})).toMatchObject({
      mode: 'embedded',
      port: 3000,
      dataDir: expect.stringMatching(/\/\.data$/),
      kafka: undefined,
    });
  });

  it('is distributed when DATABASE_URL and KAFKA_BROKERS are both set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://h/db',
      KAFKA_BROKERS: 'a:9092, b:9092',
      KAFKA_TOPIC_PREFIX: 'x.',
    });
    expect(config).toMatchObject({
      mode: 'distributed',
      kafka: { brokers: ['a:9092', 'b:9092'], topicPrefix: 'x.', partitions: 6 },
    });
  });

  it('names every bad variable at once', () => {
    expect(
      problemsOf({
        PORT: '-1',
        DATABASE_URL: 'mysql://x',
        KAFKA_BROKERS: 'nohost',
        LOG_LEVEL: 'loud',
        KAFKA_PARTITIONS: '0',
      }),
    ).toEqual([
      'DATABASE_URL="mysql://x": must be a postgres:// or postgresql:// URL',
      'KAFKA_BROKERS: "nohost" is not host:port',
      'LOG_LEVEL="loud": must be one of fatal, error, warn, info, debug, trace, silent',
      'PORT="-1": must be a whole number from 0 to 65535',
      'KAFKA_PARTITIONS="0": must be a whole number from 1 to 1000',
    ]);
  });

  it('refuses Kafka without a shared database, and production without real token settings', () => {
    expect(problemsOf({ KAFKA_BROKERS: 'k:9092' })).toEqual([
      expect.stringMatching(/KAFKA_BROKERS is set but DATABASE_URL is not/),
    ]);
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'JWT_SECRET or JWT_JWKS_URL must be set when NODE_ENV=production',
    ]);
    expect(problemsOf({ JWT_SECRET: 'short' })).toEqual(['JWT_SECRET: must be at least 32 characters']);
  });
});
