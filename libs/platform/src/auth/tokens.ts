import { ConcordError, type Actor } from '@concord/kernel';
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Config } from '../config/config';

/** Claims Concord reads from a bearer token, beyond `sub`. */
interface ConcordClaims extends JWTPayload {
  roles?: string[];
  org?: string;
  countries?: string[];
  jps?: string[];
}

export const ROLES = ['platform-admin', 'rco-coordinator', 'agency-editor', 'jp-manager', 'viewer'] as const;

/** Verifies bearer tokens: RS256 against the provider's JWKS when configured, else HS256. */
export class TokenVerifier {
  private readonly jwks?: JWTVerifyGetKey;
  private readonly secret?: Uint8Array;

  constructor(private readonly auth: Config['auth']) {
    this.jwks = auth.jwksUrl ? createRemoteJWKSet(new URL(auth.jwksUrl)) : undefined;
    this.secret = auth.secret ? new TextEncoder().encode(auth.secret) : undefined;
  }

  async verify(token: string): Promise<Actor> {
    const options = { issuer: this.auth.issuer, audience: this.auth.audience };
    try {
      const { payload } = this.jwks
        ? await jwtVerify<ConcordClaims>(token, this.jwks, { ...options, algorithms: ['RS256'] })
        : await jwtVerify<ConcordClaims>(token, this.secret!, { ...options, algorithms: ['HS256'] });
      if (!payload.sub) throw new Error('the token has no subject (sub)');
      return {
        id: payload.sub,
        roles: Array.isArray(payload.roles) ? payload.roles.map(String) : [],
        organisation: typeof payload.org === 'string' ? payload.org : undefined,
        countries: Array.isArray(payload.countries) ? payload.countries.map(String) : [],
        ...(Array.isArray(payload.jps) ? { jointProgrammes: payload.jps.map(String) } : {}),
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ConcordError('UNAUTHENTICATED', 'INVALID_TOKEN', `The bearer token was refused: ${reason}`);
    }
  }
}

export interface TokenRequest {
  sub: string;
  roles: string[];
  org?: string;
  countries?: string[];
  jointProgrammes?: string[];
  expiresIn?: string;
}

/** Mints an HS256 development token (`concord token`); production tokens come from the OIDC provider. */
export async function mintToken(request: TokenRequest, auth: Config['auth']): Promise<string> {
  if (!auth.secret) throw new Error('JWT_SECRET is not set: tokens can only be minted with an HS256 secret');
  const jwt = new SignJWT({
    roles: request.roles,
    org: request.org,
    countries: request.countries ?? [],
    ...(request.jointProgrammes?.length ? { jps: request.jointProgrammes } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(request.sub)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '12h');
  if (auth.issuer) jwt.setIssuer(auth.issuer);
  if (auth.audience) jwt.setAudience(auth.audience);
  return jwt.sign(new TextEncoder().encode(auth.secret));
}
