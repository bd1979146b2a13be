import { SignJWT } from 'jose';
import type { Identity } from '../identity';
import { claimsFromIdentity } from './claims';

/**
 * The key development tokens are signed with when AUTH_JWT_SECRET is not set. It is public (it is
 * in this repository), so the gateway refuses to use it, or any shared secret, in production.
 */
export const developmentJwtSecret = 'development-only-safeguarding-graph-key-never-in-production';
export const defaultIssuer = 'safeguarding-graph-development';
export const defaultAudience = 'safeguarding-graph';

export interface MintOptions {
  readonly secret?: string;
  readonly issuer?: string;
  readonly audience?: string;
  /** Seconds from now (default one hour, the gateway's default maximum lifetime); negative for an already expired token. */
  readonly expiresIn?: number;
  readonly notBefore?: number;
}

/** A caller's token as an identity provider would issue it, for development and tests. */
export async function mintDevelopmentToken(identity: Identity, options: MintOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ ...claimsFromIdentity(identity) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(options.issuer ?? defaultIssuer)
    .setAudience(options.audience ?? defaultAudience)
    .setSubject(identity.subject)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 3600));
  if (options.notBefore !== undefined) jwt.setNotBefore(now + options.notBefore);
  return jwt.sign(new TextEncoder().encode(options.secret ?? developmentJwtSecret));
}
