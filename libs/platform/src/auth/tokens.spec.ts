import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { DEVELOPMENT_SECRET } from '../config/config';
import { mintToken, TokenVerifier } from './tokens';

describe('Bearer tokens', () => {
  it('round-trips a development HS256 token into the actor', async () => {
    const auth = { secret: DEVELOPMENT_SECRET };
    const token = await mintToken({ sub: 'u-9', roles: ['agency-editor'], org: 'WFP', countries: ['KHM'] }, auth);
    await expect(new TokenVerifier(auth).verify(token)).resolves.toEqual({
      id: 'u-9',
      roles: ['agency-editor'],
      organisation: 'WFP',
      countries: ['KHM'],
    });
  });

  it('refuses a token signed with another secret, an expired one and one without a subject', async () => {
    const verifier = new TokenVerifier({ secret: DEVELOPMENT_SECRET });
    const other = await mintToken({ sub: 'u', roles: [] }, { secret: 'another-secret-of-at-least-32-characters' });
    await expect(verifier.verify(other)).rejects.toMatchObject({
      kind: 'UNAUTHENTICATED',
      message: /signature verification failed/,
    });
    const expired = await mintToken({ sub: 'u', roles: [], expiresIn: '-1m' }, { secret: DEVELOPMENT_SECRET });
    await expect(verifier.verify(expired)).rejects.toMatchObject({ kind: 'UNAUTHENTICATED', message: /"exp" claim/ });
    const anonymous = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(DEVELOPMENT_SECRET));
    await expect(verifier.verify(anonymous)).rejects.toMatchObject({ message: /no subject/ });
  });

  describe('RS256 through a JWKS URL (an OIDC provider)', () => {
    let server: Server;
    let jwksUrl: string;
    let privateKey: KeyLike;

    beforeAll(async () => {
      const pair = await generateKeyPair('RS256');
      privateKey = pair.privateKey;
      const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
      server = createServer((_, res) =>
        res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })),
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    const sign = (claims: Record<string, unknown>, issuer = 'https://idp.example') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('oidc-user')
        .setIssuer(issuer)
        .setExpirationTime('5m')
        .sign(privateKey);

    it('accepts a token signed by the provider, checking the issuer', async () => {
      const verifier = new TokenVerifier({ jwksUrl, issuer: 'https://idp.example' });
      await expect(verifier.verify(await sign({ roles: ['viewer'] }))).resolves.toMatchObject({
        id: 'oidc-user',
        roles: ['viewer'],
      });
      await expect(verifier.verify(await sign({}, 'https://evil.example'))).rejects.toMatchObject({
        kind: 'UNAUTHENTICATED',
        message: /"iss" claim/,
      });
    });

    it('refuses an HS256 token when RS256 keys are configured', async () => {
      const hs = await mintToken({ sub: 'u', roles: ['platform-admin'] }, { secret: DEVELOPMENT_SECRET });
      await expect(new TokenVerifier({ jwksUrl }).verify(hs)).rejects.toMatchObject({ kind: 'UNAUTHENTICATED' });
    });
  });
});
