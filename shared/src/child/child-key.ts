import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** At most this many pseudonymous references are linked into one child's key. */
export const maxLinkedReferences = 5;
// Room for the longest list of references, so every key has the same length whatever it holds.
const paddedLength = 224;
const ivLength = 12;
const tagLength = 16;
const prefix = 'child_';

interface ChildKeyMaterial {
  readonly encryption: Buffer;
  readonly iv: Buffer;
}

function derive(secret: Buffer): ChildKeyMaterial {
  const material = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'safeguarding-graph child key', 64));
  return { encryption: material.subarray(0, 32), iv: material.subarray(32) };
}

// Development without any secret: keys are good for this process only, as the audit chain's are.
let material: ChildKeyMaterial = derive(randomBytes(32));

/**
 * Sets the secret every subgraph seals and opens child keys with. They must agree, so without a
 * CHILD_KEY_SECRET of its own a subgraph derives it from the identity-token secret they all share.
 */
export function useChildKeySecret(secret: string | undefined): void {
  if (secret) material = derive(Buffer.from(secret, 'utf8'));
}

/**
 * The graph-wide key of a child: the pseudonymous references linked to the child, sealed (AES-256-GCM
 * with an IV derived from the content, so the same references always give the same key). No other
 * service can read a reference or an NHS number out of it, and every key has the same length, so a
 * key says nothing of how many records stand behind it.
 */
export function sealChildKey(references: readonly string[]): string {
  // The first references are kept when there are more: the caller puts the one it was asked for first.
  const sorted = [...new Set(references)].slice(0, maxLinkedReferences).sort();
  const plain = Buffer.alloc(paddedLength, 0x20);
  plain.write(JSON.stringify(sorted), 'utf8');
  const iv = createHmac('sha256', material.iv).update(plain).digest().subarray(0, ivLength);
  const cipher = createCipheriv('aes-256-gcm', material.encryption, iv);
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return prefix + Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The references a key holds, or null for a key this graph did not seal (forged, altered, or another secret's). */
export function openChildKey(key: string): string[] | null {
  if (!key.startsWith(prefix)) return null;
  const raw = Buffer.from(key.slice(prefix.length), 'base64url');
  if (raw.length !== ivLength + paddedLength + tagLength) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', material.encryption, raw.subarray(0, ivLength));
    decipher.setAuthTag(raw.subarray(ivLength + paddedLength));
    const plain = Buffer.concat([decipher.update(raw.subarray(ivLength, ivLength + paddedLength)), decipher.final()]);
    const parsed: unknown = JSON.parse(plain.toString('utf8').trimEnd());
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

/** What an audit record names a child by: a digest of its key, short enough for the trail's id column. */
export function childAuditId(key: string): string {
  return createHmac('sha256', material.iv).update(key).digest('hex').slice(0, 32);
}
