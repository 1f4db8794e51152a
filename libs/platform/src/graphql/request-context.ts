import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ConcordError, newId, type Actor } from '@concord/kernel';
import type { Request } from 'express';
import type { TokenVerifier } from '../auth/tokens';

/** What every resolver knows about the request it serves. */
export interface RequestContext {
  correlationId: string;
  actor?: Actor;
  /** Set when a bearer token was sent but refused: the request then fails as UNAUTHENTICATED. */
  authError?: ConcordError;
  /** Per-request DataLoaders (loaders.ts). */
  loaders?: Map<string, unknown>;
}

/** The caller's `x-correlation-id` when it is sane, else a new one; every log line and event carries it. */
export function correlationIdOf(req: Request): string {
  const header = req.headers['x-correlation-id'];
  return typeof header === 'string' && /^[\w.-]{1,100}$/.test(header) ? header : newId();
}

export function buildRequestContext(req: Request, verifier: TokenVerifier): Promise<RequestContext> {
  return contextFor(req.headers.authorization, String(req.headers['x-correlation-id']), verifier);
}

/**
 * A subscription's context, from the `authorization` its client sent in the connection's
 * parameters (browsers cannot set headers on a WebSocket).
 */
export function subscriptionContext(
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  verifier: TokenVerifier,
): Promise<RequestContext> {
  const authorization = connectionParams?.authorization ?? connectionParams?.Authorization;
  return contextFor(typeof authorization === 'string' ? authorization : undefined, newId(), verifier);
}

async function contextFor(
  authorization: string | undefined,
  correlationId: string,
  verifier: TokenVerifier,
): Promise<RequestContext> {
  if (!authorization) return { correlationId };
  const [scheme, token] = authorization.split(' ');
  if (scheme !== 'Bearer' || !token) {
    return {
      correlationId,
      authError: new ConcordError(
        'UNAUTHENTICATED',
        'INVALID_TOKEN',
        'The Authorization header must be "Bearer <token>"',
      ),
    };
  }
  try {
    return { correlationId, actor: await verifier.verify(token) };
  } catch (error) {
    return { correlationId, authError: error as ConcordError };
  }
}

/** The request's context in a resolver: `@Ctx() ctx: RequestContext`. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext =>
  GqlExecutionContext.create(context).getContext(),
);

/** The signed-in actor; mutations cannot run without one (see authPlugin in plugins.ts). */
export function actorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new ConcordError('UNAUTHENTICATED', 'SIGN_IN_REQUIRED', 'Sign in to do this');
  return ctx.actor;
}
