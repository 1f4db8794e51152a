import { resolve } from 'node:path';

export type Mode = 'embedded' | 'distributed';

export interface Config {
  mode: Mode;
  nodeEnv: string;
  port: number;
  workerPort: number;
  dataDir: string;
  /** Unset in embedded mode: PGlite under dataDir serves the database. */
  databaseUrl?: string;
  kafka?: {
    brokers: string[];
    clientId: string;
    topicPrefix: string;
    partitions: number;
    replicationFactor: number;
    /** How long a silent consumer keeps its partitions before the group moves them on. */
    sessionTimeoutMs: number;
  };
  auth: {
    /** HS256 secret (development and tests). */
    secret?: string;
    /** RS256 keys of an OIDC provider. */
    jwksUrl?: string;
    issuer?: string;
    audience?: string;
  };
  logLevel: string;
  introspection: boolean;
}

/** Used only outside production when no JWT_SECRET is set, so `concord token` works out of the box. */
export const DEVELOPMENT_SECRET = 'concord-development-secret-not-for-production';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and validates the environment once at start-up; every problem is named at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}=${JSON.stringify(raw)}: must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  const nodeEnv = env.NODE_ENV || 'development';
  const production = nodeEnv === 'production';

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\/[^\s]+$/.test(databaseUrl)) {
    problems.push(`DATABASE_URL=${JSON.stringify(databaseUrl)}: must be a postgres:// or postgresql:// URL`);
  }
  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  for (const broker of brokers) {
    if (!/^[\w.-]+:\d{1,5}$/.test(broker)) {
      problems.push(`KAFKA_BROKERS: ${JSON.stringify(broker)} is not host:port`);
    }
  }
  if (brokers.length && !databaseUrl) {
    problems.push(
      'KAFKA_BROKERS is set but DATABASE_URL is not: distributed mode needs a shared Postgres (set both, or neither for embedded mode)',
    );
  }

  const secret = env.JWT_SECRET || (production ? undefined : DEVELOPMENT_SECRET);
  const jwksUrl = env.JWT_JWKS_URL || undefined;
  if (jwksUrl && !/^https?:\/\//.test(jwksUrl)) {
    problems.push(`JWT_JWKS_URL=${JSON.stringify(jwksUrl)}: must be an http(s) URL`);
  }
  if (production && !env.JWT_SECRET && !jwksUrl) {
    problems.push('JWT_SECRET or JWT_JWKS_URL must be set when NODE_ENV=production');
  }
  if (env.JWT_SECRET && env.JWT_SECRET.length < 32) {
    problems.push('JWT_SECRET: must be at least 32 characters');
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL=${JSON.stringify(logLevel)}: must be one of ${LOG_LEVELS.join(', ')}`);
  }

  const config: Config = {
    mode: brokers.length ? 'distributed' : 'embedded',
    nodeEnv,
    port: int('PORT', 3000, 0, 65535),
    workerPort: int('WORKER_PORT', 3001, 0, 65535),
    dataDir: resolve(env.CONCORD_DATA_DIR || '.data'),
    databaseUrl,
    kafka: brokers.length
      ? {
          brokers,
          clientId: env.KAFKA_CLIENT_ID || 'concord',
          topicPrefix: env.KAFKA_TOPIC_PREFIX || '',
          partitions: int('KAFKA_PARTITIONS', 6, 1, 1000),
          replicationFactor: int('KAFKA_REPLICATION_FACTOR', 1, 1, 10),
          sessionTimeoutMs: int('KAFKA_SESSION_TIMEOUT_MS', 30_000, 6_000, 300_000),
        }
      : undefined,
    auth: { secret, jwksUrl, issuer: env.JWT_ISSUER || undefined, audience: env.JWT_AUDIENCE || undefined },
    logLevel,
    introspection: env.GRAPHQL_INTROSPECTION ? env.GRAPHQL_INTROSPECTION === 'true' : !production,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
