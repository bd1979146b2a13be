import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAuthenticator, readSupergraph, startGateway } from '@safeguarding/gateway';
import { createLogger, demoIds, type RunningHttpService } from '@safeguarding/shared';
import { at } from './support/narrow';

/** A stand-in identity provider whose key set can be made to fail the ways real ones do. */
type Behaviour = 'keys' | 'error-500' | 'html' | 'other-key' | 'silent';

let behaviour: Behaviour = 'keys';
let server: http.Server;
let jwksUrl: string;
let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let publicJwk: Record<string, unknown>;
let otherJwk: Record<string, unknown>;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  privateKey = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  otherJwk = {
    ...(await exportJWK((await generateKeyPair('ES256', { extractable: true })).publicKey)),
    kid: 'k2',
    alg: 'ES256',
    use: 'sig',
  };
  server = http.createServer((_req, res) => {
    switch (behaviour) {
      case 'keys':
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }));
        return;
      case 'other-key':
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [otherJwk] }));
        return;
      case 'error-500':
        res.writeHead(500).end('upstream exploded');
        return;
      case 'html':
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>');
        return;
      case 'silent':
        return; // never answers: the authenticator's timeout must
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const issuer = 'https://idp.example';
const audience = 'safeguarding-graph';
const claims = {
  org: { id: demoIds.agencies.sussexCommunityTrust, kind: 'RELEVANT_AGENCY' },
  roles: ['PRACTITIONER'],
  partnerships: [demoIds.partnerships.westSussex],
};
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function sign(times: { iat?: number; exp?: number; nbf?: number }, kid = 'k1'): Promise<string> {
  const payload: JWTPayload = { ...claims, ...times };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', kid })
    .setSubject('nurse-1')
    .setIssuer(issuer)
    .setAudience(audience)
    .sign(privateKey);
}

// A fresh authenticator per case, so one case's cached keys never answer for the next.
const authenticator = (overrides: { maxLifetimeSeconds?: number; url?: string } = {}) =>
  createAuthenticator({
    jwksUrl: overrides.url ?? jwksUrl,
    issuer,
    audience,
    jwksTimeoutMs: 500,
    ...(overrides.maxLifetimeSeconds ? { maxLifetimeSeconds: overrides.maxLifetimeSeconds } : {}),
  });

describe('a token must say when it ends, and not live long', () => {
  beforeEach(() => {
    behaviour = 'keys';
  });

  it.each([
    ['no exp at all', () => ({ iat: nowSeconds() }), 'The token has no expiry (exp claim)'],
    [
      'an exp in 2100',
      () => ({ iat: nowSeconds(), exp: Date.UTC(2100, 0, 1) / 1000 }),
      'The token lives longer than the 3600 seconds accepted',
    ],
    [
      'an exp in 2100 and no iat',
      () => ({ exp: Date.UTC(2100, 0, 1) / 1000 }),
      'The token lives longer than the 3600 seconds accepted',
    ],
    [
      'an iat two minutes ahead (beyond the 30 s tolerance)',
      () => ({ iat: nowSeconds() + 120, exp: nowSeconds() + 600 }),
      'The token is issued in the future',
    ],
    [
      'an nbf two minutes ahead',
      () => ({ iat: nowSeconds(), nbf: nowSeconds() + 120, exp: nowSeconds() + 600 }),
      'The token is not valid yet',
    ],
    [
      'an exp a minute ago (beyond the tolerance)',
      () => ({ iat: nowSeconds() - 600, exp: nowSeconds() - 60 }),
      'The token has expired',
    ],
  ])('refuses %s', async (_label, times, message) => {
    const refused = authenticator().authenticate(`Bearer ${await sign(times())}`);
    await expect(refused).rejects.toMatchObject({
      message,
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  });

  it.each([
    ['a one-hour token', () => ({ iat: nowSeconds(), exp: nowSeconds() + 3600 })],
    ['a token whose clock runs 10 s ahead of ours', () => ({ iat: nowSeconds() + 10, exp: nowSeconds() + 600 })],
    ['a token expired 10 s ago, within the tolerance', () => ({ iat: nowSeconds() - 600, exp: nowSeconds() - 10 })],
    ['a short token without iat', () => ({ exp: nowSeconds() + 300 })],
  ])('accepts %s', async (_label, times) => {
    await expect(authenticator().authenticate(`Bearer ${await sign(times())}`)).resolves.toMatchObject({
      subject: 'nurse-1',
    });
  });

  it('applies a configured maximum lifetime', async () => {
    const token = await sign({ iat: nowSeconds(), exp: nowSeconds() + 900 });
    await expect(authenticator({ maxLifetimeSeconds: 600 }).authenticate(`Bearer ${token}`)).rejects.toThrow(
      'The token lives longer than the 600 seconds accepted',
    );
    await expect(authenticator({ maxLifetimeSeconds: 1200 }).authenticate(`Bearer ${token}`)).resolves.toMatchObject({
      subject: 'nurse-1',
    });
  });
});

describe("when the identity provider's key set fails", () => {
  const fresh = () => sign({ iat: nowSeconds(), exp: nowSeconds() + 300 });
  const unavailable = {
    message: 'The identity provider cannot be reached to check the token; try again shortly',
    extensions: { code: 'IDENTITY_PROVIDER_UNAVAILABLE', retryable: true, http: { status: 503 } },
  };

  it.each([
    ['answers 500', 'error-500'],
    ['answers an HTML page', 'html'],
    ['never answers', 'silent'],
  ] as const)('the key set %s: 503 IDENTITY_PROVIDER_UNAVAILABLE', async (_label, failing) => {
    behaviour = failing;
    await expect(authenticator().authenticate(`Bearer ${await fresh()}`)).rejects.toMatchObject(unavailable);
  });

  it('the key set is down (nothing listens): 503', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/jwks.json`;
    await new Promise((resolve) => closed.close(resolve));
    await expect(authenticator({ url }).authenticate(`Bearer ${await fresh()}`)).rejects.toMatchObject(unavailable);
  });

  it("the key set lacks the token's key id: 401, the caller's token is at fault", async () => {
    behaviour = 'other-key';
    await expect(authenticator().authenticate(`Bearer ${await fresh()}`)).rejects.toMatchObject({
      message: 'The token is signed with a key that is not trusted',
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  });
});

describe('the gateway answers these over HTTP with their status, never 500', () => {
  let gateway: RunningHttpService;
  beforeAll(async () => {
    gateway = await startGateway({
      supergraphSdl: readSupergraph(),
      // No subgraph is needed: every case here is decided before any is asked.
      subgraphUrls: {
        partnerships: 'http://127.0.0.1:9/graphql',
        agencies: 'http://127.0.0.1:9/graphql',
        schools: 'http://127.0.0.1:9/graphql',
        reviews: 'http://127.0.0.1:9/graphql',
        escalations: 'http://127.0.0.1:9/graphql',
      },
      host: '127.0.0.1',
      port: 0,
      logger: createLogger('test', 'silent'),
      production: true,
      authenticator: authenticator(),
      internalTokenSecret: 'i'.repeat(32),
    });
  });
  afterAll(() => gateway?.stop());

  const post = async (token: string) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> },
    };
  };

  // First, while the gateway holds no keys yet and must fetch them.
  it.each([
    [
      'a key set answering 500',
      'error-500',
      () => sign({ iat: nowSeconds(), exp: nowSeconds() + 300 }, 'k-rotated'),
      503,
      'IDENTITY_PROVIDER_UNAVAILABLE',
    ],
    [
      'a token for 2100',
      'keys',
      () => sign({ iat: nowSeconds(), exp: Date.UTC(2100, 0, 1) / 1000 }),
      401,
      'UNAUTHENTICATED',
    ],
    ['a token without exp', 'keys', () => sign({ iat: nowSeconds() }), 401, 'UNAUTHENTICATED'],
    [
      'an unknown key id',
      'keys',
      () => sign({ iat: nowSeconds(), exp: nowSeconds() + 300 }, 'k-unknown'),
      401,
      'UNAUTHENTICATED',
    ],
  ] as const)('%s', async (_label, failing, token, status, code) => {
    behaviour = failing;
    const response = await post(await token());
    expect(response.status).toBe(status);
    expect(response.body.errors).toHaveLength(1);
    expect(at(response.body.errors, 0).extensions['code']).toBe(code);
    expect(JSON.stringify(response.body)).not.toMatch(/upstream exploded|stacktrace|JOSE|ERR_/);
  });
});
