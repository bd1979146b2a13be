import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { claimsFromIdentity, type Identity } from '@safeguarding/shared';

/** A stand-in identity provider: an ES256 key, its JWKS on a free port, and tokens signed with it. */
export interface TestIdentityProvider {
  readonly jwksUrl: string;
  readonly issuer: string;
  readonly audience: string;
  /** A token for `identity`, as the provider would issue it (one hour, unless told). */
  sign(identity: Identity, options?: { expiresIn?: number; audience?: string }): Promise<string>;
  stop(): Promise<void>;
}

export async function startIdentityProvider(
  issuer = 'test-issuer',
  audience = 'test-audience',
): Promise<TestIdentityProvider> {
  const pair = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key-1', alg: 'ES256', use: 'sig' };
  const server = http.createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    issuer,
    audience,
    sign: (identity, options = {}) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ ...claimsFromIdentity(identity) })
        .setProtectedHeader({ alg: 'ES256', kid: jwk.kid, typ: 'JWT' })
        .setIssuer(issuer)
        .setAudience(options.audience ?? audience)
        .setSubject(identity.subject)
        .setIssuedAt(now)
        .setExpirationTime(now + (options.expiresIn ?? 3600))
        .sign(pair.privateKey);
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
