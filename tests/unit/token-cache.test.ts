import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type KeyLike } from 'jose';
import { cachingAuthenticator } from '@safeguarding/gateway';
import {
  claimsFromIdentity,
  createAuthenticator,
  demoIdentities,
  type Authenticator,
  type Identity,
} from '@safeguarding/shared';

const secret = 'a-test-secret-of-at-least-thirty-two-characters';
const issuer = 'test-issuer';
const audience = 'test-audience';
const identity: Identity = Object.values(demoIdentities)[0] as Identity;

// The clock every part reads, moved by the test; jose's checks read the verifier's `now` too.
let clock = Date.now();
const now = () => clock;

function counted(verifier: Authenticator): Authenticator & { calls: number } {
  const wrapper = {
    calls: 0,
    async authenticate(authorization: string | undefined) {
      wrapper.calls += 1;
      return verifier.authenticate(authorization);
    },
  };
  return wrapper;
}

async function token(
  expiresInSeconds: number,
  key: Uint8Array | KeyLike = new TextEncoder().encode(secret),
  kid?: string,
) {
  const at = Math.floor(clock / 1000);
  return new SignJWT({ ...claimsFromIdentity(identity) })
    .setProtectedHeader({ alg: key instanceof Uint8Array ? 'HS256' : 'ES256', ...(kid ? { kid } : {}) })
    .setIssuer(issuer)
    .setAudience(audience)
    .setSubject(identity.subject)
    .setIssuedAt(at)
    .setExpirationTime(at + expiresInSeconds)
    .sign(key);
}

beforeEach(() => {
  clock = Date.now();
});

describe('verified caller tokens remembered at the gateway', () => {
  it('verifies a token once and answers its replays from memory, with the same identity', async () => {
    const verifier = counted(createAuthenticator({ secret, issuer, audience, now }));
    const cache = cachingAuthenticator(verifier, { maxEntries: 10, now });
    const bearer = `Bearer ${await token(600)}`;
    const first = await cache.authenticate(bearer);
    const second = await cache.authenticate(bearer);
    expect(first).toEqual(second);
    expect(first?.subject).toBe(identity.subject);
    expect(verifier.calls).toBe(1);
    expect(cache.size).toBe(1);
  });

  it('never answers from memory at or after the token expiry: the verifier refuses it then', async () => {
    const verifier = counted(createAuthenticator({ secret, issuer, audience, now, clockToleranceSeconds: 0 }));
    const cache = cachingAuthenticator(verifier, { maxEntries: 10, now });
    const bearer = `Bearer ${await token(60)}`;
    await cache.authenticate(bearer);
    clock += 59_000;
    await cache.authenticate(bearer);
    expect(verifier.calls).toBe(1);
    clock += 1_000;
    await expect(cache.authenticate(bearer)).rejects.toMatchObject({
      message: 'The token has expired',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(verifier.calls).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('holds at most its maximum, the least recently used going first', async () => {
    const verifier = counted(createAuthenticator({ secret, issuer, audience, now }));
    const cache = cachingAuthenticator(verifier, { maxEntries: 2, now });
    const [a, b, c] = await Promise.all([token(600), token(601), token(602)]);
    await cache.authenticate(`Bearer ${a}`);
    await cache.authenticate(`Bearer ${b}`);
    await cache.authenticate(`Bearer ${a}`);
    await cache.authenticate(`Bearer ${c}`);
    expect(cache.size).toBe(2);
    expect(verifier.calls).toBe(3);
    await cache.authenticate(`Bearer ${a}`);
    expect(verifier.calls).toBe(3);
    await cache.authenticate(`Bearer ${b}`);
    expect(verifier.calls).toBe(4);
  });

  it('never remembers a forged token: each attempt is verified and refused', async () => {
    const verifier = counted(createAuthenticator({ secret, issuer, audience, now }));
    const cache = cachingAuthenticator(verifier, { maxEntries: 10, now });
    const genuine = await token(600);
    const forged = await token(600, new TextEncoder().encode('another-secret-of-at-least-thirty-two-chars'));
    // The genuine token remembered must not vouch for a forged one with the same claims.
    await cache.authenticate(`Bearer ${genuine}`);
    for (let attempt = 0; attempt < 3; attempt++) {
      await expect(cache.authenticate(`Bearer ${forged}`)).rejects.toMatchObject({
        message: 'The token signature does not verify',
      });
    }
    expect(verifier.calls).toBe(4);
    expect(cache.size).toBe(1);
  });

  it('stays anonymous without a credential and remembers nothing for it', async () => {
    const verifier = counted(createAuthenticator({ secret, issuer, audience, now }));
    const cache = cachingAuthenticator(verifier, { maxEntries: 10, now });
    expect(await cache.authenticate(undefined)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it("stops answering from memory once the identity provider's key set no longer holds the key", async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
    let local = createLocalJWKSet({ keys: [jwk] });
    // The verifier stands for the shared one, which checks the signature against the same key set.
    const verifier = counted({
      authenticate: async (authorization) => {
        await jwtVerify((authorization ?? '').slice('Bearer '.length), local, { issuer, audience });
        return identity;
      },
    });
    const cache = cachingAuthenticator(verifier, { maxEntries: 10, now, keys: (h, t) => local(h, t) });
    const bearer = `Bearer ${await token(600, privateKey, 'k1')}`;
    await cache.authenticate(bearer);
    await cache.authenticate(bearer);
    expect(verifier.calls).toBe(1);
    local = createLocalJWKSet({ keys: [] });
    await expect(cache.authenticate(bearer)).rejects.toThrow();
    expect(verifier.calls).toBe(2);
    expect(cache.size).toBe(0);
  });
});
