import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { CqrsModule } from '@nestjs/cqrs';
import { Controller, Get, Global, Module, Res, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { GraphQLModule } from '@nestjs/graphql';
import type { ExecutionResult } from 'graphql';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { CommandRunner, EventStore } from '@concord/eventing';
import type { Request, Response, NextFunction } from 'express';
import { DataSource } from 'typeorm';
import { TokenVerifier } from '../auth/tokens';
import { depthLimit } from '../graphql/depth-limit';
import { LiveEvents } from '../graphql/live-events';
import { AuditTrailResolver } from '../graphql/audit-trail.resolver';
import { formatError } from '../graphql/errors';
import { authPlugin, requestLoggingPlugin } from '../graphql/plugins';
import { buildRequestContext, correlationIdOf, subscriptionContext } from '../graphql/request-context';
import { validationPipe } from '../graphql/validation';
import { NestPinoLogger } from '../observability/logger';
import { Metrics } from '../observability/metrics';
import type { Roles, Runtime } from './runtime';

/** Metric labels stay bounded: any other path is counted as 'other'. */
const KNOWN_ROUTES = new Set([
  '/graphql',
  '/health/live',
  '/health/ready',
  '/metrics',
  '/exports/3w.csv',
  '/exports/3w.xlsx',
]);

/** Makes the runtime's objects injectable everywhere. */
@Global()
@Module({})
class PlatformModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: DataSource, useValue: runtime.dataSource },
        { provide: EventStore, useValue: runtime.store },
        { provide: CommandRunner, useValue: runtime.commands },
        { provide: Metrics, useValue: runtime.metrics },
        { provide: TokenVerifier, useValue: new TokenVerifier(runtime.config.auth) },
        ...(runtime.live ? [{ provide: LiveEvents, useValue: runtime.live }] : []),
      ],
      exports: [DataSource, EventStore, CommandRunner, Metrics, TokenVerifier, ...(runtime.live ? [LiveEvents] : [])],
    };
  }
}

function operationsController(runtime: Runtime) {
  @Controller()
  class OperationsController {
    @Get('health/live')
    live() {
      return { status: 'ok' };
    }

    @Get('health/ready')
    async ready(@Res() res: Response) {
      const checks: Record<string, string> = {};
      checks.database = await runtime.dataSource
        .query('SELECT 1')
        .then(() => 'ok')
        .catch((e: Error) => `failed: ${e.message}`);
      if (runtime.kafka) {
        const admin = runtime.kafka.admin();
        checks.kafka = await admin
          .connect()
          .then(() => admin.describeCluster())
          .then(() => 'ok')
          .catch((e: Error) => `failed: ${e.message}`)
          .finally(() => admin.disconnect());
      }
      const ok = Object.values(checks).every((c) => c === 'ok');
      res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', checks });
    }

    @Get('metrics')
    async metrics(@Res() res: Response) {
      res.type(runtime.metrics.registry.contentType).send(await runtime.metrics.registry.metrics());
    }
  }
  return OperationsController;
}

/**
 * GraphQL subscriptions over graphql-ws at /graphql. The bearer token comes in the connection's
 * parameters (`{ authorization: 'Bearer …' }`); a refused one closes the socket (4403), no token
 * means an anonymous subscriber. Errors are formatted as for queries.
 */
function liveUpdatesOverWebSocket(verifier: TokenVerifier) {
  return {
    path: '/graphql',
    onConnect: async ({ connectionParams }: { connectionParams?: Readonly<Record<string, unknown>> }) =>
      !(await subscriptionContext(connectionParams, verifier)).authError,
    context: ({ connectionParams }: { connectionParams?: Readonly<Record<string, unknown>> }) =>
      subscriptionContext(connectionParams, verifier),
    onNext: (_ctx: unknown, _id: string, _payload: unknown, _args: unknown, result: ExecutionResult) =>
      result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : undefined,
  };
}

function graphqlModule(runtime: Runtime): DynamicModule {
  const verifier = new TokenVerifier(runtime.config.auth);
  return GraphQLModule.forRoot<ApolloDriverConfig>({
    driver: ApolloDriver,
    autoSchemaFile: true,
    sortSchema: true,
    introspection: runtime.config.introspection,
    csrfPrevention: true,
    context: ({ req }: { req: Request }) => buildRequestContext(req, verifier),
    formatError,
    subscriptions: { 'graphql-ws': liveUpdatesOverWebSocket(verifier) },
    validationRules: [depthLimit(12)],
    plugins: [
      authPlugin,
      requestLoggingPlugin(runtime.logger.child({ component: 'graphql' }), runtime.metrics),
      // Responses are never HTTP-cached (POST, per-caller data); the default cache-control plugin
      // would otherwise wrap every field resolver of every request.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
}

/** The HTTP process: GraphQL for the api role, health and metrics for every role. */
export async function createHttpApp(runtime: Runtime, roles: Roles): Promise<INestApplication> {
  @Module({
    imports: [
      PlatformModule.forRuntime(runtime),
      ...(roles.api ? [CqrsModule.forRoot(), graphqlModule(runtime), ...runtime.contexts.map((c) => c.module)] : []),
    ],
    controllers: [operationsController(runtime)],
    providers: roles.api ? [AuditTrailResolver] : [],
  })
  class AppModule {}

  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    logger: new NestPinoLogger(runtime.logger.child({ component: 'nest' })),
    bodyParser: true,
    abortOnError: false,
  });
  app.useBodyParser('json', { limit: '1mb' });
  app.useGlobalPipes(validationPipe);
  const requests = runtime.logger.child({ component: 'http' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const correlationId = correlationIdOf(req);
    req.headers['x-correlation-id'] = correlationId;
    res.setHeader('x-correlation-id', correlationId);
    const started = process.hrtime.bigint();
    const end = runtime.metrics.httpDuration.startTimer({ method: req.method });
    res.on('finish', () => {
      end({ route: KNOWN_ROUTES.has(req.path) ? req.path : 'other', status: String(res.statusCode) });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      requests.debug({ correlationId, method: req.method, path: req.path, status: res.statusCode, ms }, 'request');
    });
    next();
  });
  return app;
}
