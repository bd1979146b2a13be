import { createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { MoreThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import type { SubgraphContext } from '../context';
import { AuditAction, AuditChainHead, AuditCheckpoint, AuditRecord } from './audit-record.entity';

export interface AuditEntry {
  readonly action: AuditAction;
  readonly entityType: string;
  readonly entityId: string;
  readonly partnershipId: string | null;
  readonly reason?: string | null;
}

const genesis = '0'.repeat(64);
const headId = 1;

/** The keys of one database's chain. Neither is ever written to the database. */
export interface AuditChainKeys {
  /** Links each record to the one before (HMAC-SHA256): without it no one can recompute the chain. */
  readonly hmac: Buffer;
  /** Signs checkpoints of the head; its public half is all an outside verifier needs. */
  readonly signing: KeyObject;
  readonly verifying: KeyObject;
}

const chainKeys = new WeakMap<DataSource, AuditChainKeys>();

/**
 * Sets the keys of this database's audit chain, so that whoever can edit its rows (a DBA, a
 * leaked backup) can neither recompute a chain that still verifies nor sign a head. Without keys
 * (development, tests) random ones are made: the chain then verifies only while the process runs.
 */
export function useAuditChainKeys(db: DataSource, hmacKey: string | undefined, signingKeyPem: string | undefined): AuditChainKeys {
  const signing = signingKeyPem ? createPrivateKey(signingKeyPem) : generateKeyPairSync('ed25519').privateKey;
  const keys = { hmac: hmacKey ? Buffer.from(hmacKey, 'utf8') : randomBytes(32), signing, verifying: createPublicKey(signing) };
  chainKeys.set(db, keys);
  return keys;
}

export function auditChainKeys(db: DataSource): AuditChainKeys {
  const keys = chainKeys.get(db);
  if (!keys) throw new Error('the audit chain has no keys: useAuditChainKeys was not run for this database');
  return keys;
}

/** What a checkpoint's signature covers; an outside verifier rebuilds it byte for byte. */
export function checkpointPayload(checkpoint: Pick<AuditCheckpoint, 'sequence' | 'hash' | 'signedAt'>): Buffer {
  return Buffer.from(JSON.stringify(['audit-checkpoint', checkpoint.sequence, checkpoint.hash, checkpoint.signedAt]), 'utf8');
}

export function checkpointSignatureValid(checkpoint: AuditCheckpoint, publicKey: KeyObject): boolean {
  try {
    return cryptoVerify(null, checkpointPayload(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}

/** Makes sure the head row exists, from the newest record if the chain predates it. Run at start. */
export async function ensureAuditChainHead(manager: EntityManager): Promise<void> {
  if (await manager.existsBy(AuditChainHead, { id: headId })) return;
  const [newest] = await manager.find(AuditRecord, { order: { sequence: 'DESC' }, take: 1 });
  try {
    await manager.insert(AuditChainHead, { id: headId, sequence: newest?.sequence ?? 0, hash: newest?.hash ?? genesis });
  } catch (error) {
    // Another replica created it first: that is the outcome wanted.
    if (!(await manager.existsBy(AuditChainHead, { id: headId }))) throw error;
  }
}

// Every field but the hash, in a fixed order: the record's content as the chain vouches for it.
export function auditRecordDigest(key: Buffer, record: Omit<AuditRecord, 'hash'>): string {
  const content = [
    record.sequence, record.occurredAt, record.action, record.subject, record.organisationId,
    record.organisationKind, record.operationName ?? '', record.entityType, record.entityId,
    record.partnershipId ?? '', record.reason ?? '', record.channel, record.requestId, record.previousHash,
    record.clientRequestId ?? '',
  ];
  return createHmac('sha256', key).update(JSON.stringify(content)).digest('hex');
}

/**
 * Appends records for the caller in one statement after locking the head of the chain, so
 * concurrent writers cannot fork it. Pass the write's own manager to commit audit and change together.
 */
export async function appendAudit(ctx: SubgraphContext, entries: readonly AuditEntry[], manager?: EntityManager): Promise<void> {
  if (entries.length === 0) return;
  const identity = ctx.scope.requireIdentity();
  const write = async (tx: EntityManager) => {
    const key = auditChainKeys(tx.connection).hmac;
    // SQLite has no row locks; its transactions already take turns (see openDatabase).
    const head =
      tx.connection.options.type === 'better-sqlite3'
        ? await tx.findOneBy(AuditChainHead, { id: headId })
        : await tx.createQueryBuilder(AuditChainHead, 'head').where('head.id = :id', { id: headId }).setLock('pessimistic_write').getOne();
    if (!head) throw new Error('the audit chain has no head: ensureAuditChainHead was not run');
    let sequence = head.sequence;
    let previousHash = head.hash;
    const occurredAt = new Date().toISOString();
    const records = entries.map((entry) => {
      sequence += 1;
      const record: Omit<AuditRecord, 'hash'> = {
        sequence,
        occurredAt,
        action: entry.action,
        subject: identity.subject,
        organisationId: identity.organisation.id,
        organisationKind: identity.organisation.kind,
        operationName: ctx.operationName,
        entityType: entry.entityType,
        entityId: entry.entityId,
        partnershipId: entry.partnershipId,
        reason: entry.reason ?? null,
        channel: ctx.channel,
        requestId: ctx.requestId,
        clientRequestId: ctx.clientRequestId,
        previousHash,
      };
      previousHash = auditRecordDigest(key, record);
      return { ...record, hash: previousHash };
    });
    await tx.insert(AuditRecord, records);
    await tx.update(AuditChainHead, { id: headId }, { sequence, hash: previousHash });
  };
  if (manager) await write(manager);
  else await ctx.db.transaction(write);
}

export interface AuditChainStatus {
  readonly intact: boolean;
  readonly checked: number;
  /** The first record whose content, order or link no longer matches (or the head's, for a cut tail). */
  readonly brokenAtSequence: number | null;
}

/**
 * Checks the chain from the newest signed checkpoint to the head (the whole chain when there is
 * none), then signs the head as a new checkpoint once `checkpointEvery` records have been checked
 * since the last one, so a read never rescans more than that. Records before the checkpoint are
 * vouched for by its signature over their last hash; `npm run audit:verify` checks every record.
 */
export async function verifyAuditChain(manager: EntityManager, options: { batchSize?: number; checkpointEvery?: number; fromStart?: boolean } = {}): Promise<AuditChainStatus> {
  const batchSize = options.batchSize ?? 1000;
  const checkpointEvery = options.checkpointEvery ?? 500;
  const keys = auditChainKeys(manager.connection);
  const [checkpoint] = options.fromStart ? [] : await manager.find(AuditCheckpoint, { order: { sequence: 'DESC' }, take: 1 });
  let previousHash = genesis;
  let expected = 1;
  if (checkpoint) {
    // A checkpoint that does not verify, or whose record changed, is itself the break.
    const anchor = await manager.findOneBy(AuditRecord, { sequence: checkpoint.sequence });
    if (!checkpointSignatureValid(checkpoint, keys.verifying) || !anchor || anchor.hash !== checkpoint.hash) {
      return { intact: false, checked: 0, brokenAtSequence: checkpoint.sequence };
    }
    previousHash = checkpoint.hash;
    expected = checkpoint.sequence + 1;
  }
  let checked = 0;
  for (;;) {
    const batch = await manager.find(AuditRecord, { where: { sequence: MoreThanOrEqual(expected) }, order: { sequence: 'ASC' }, take: batchSize });
    for (const record of batch) {
      const { hash, ...content } = record;
      if (record.sequence !== expected || record.previousHash !== previousHash || auditRecordDigest(keys.hmac, content) !== hash) {
        return { intact: false, checked, brokenAtSequence: record.sequence };
      }
      previousHash = hash;
      expected += 1;
      checked += 1;
    }
    if (batch.length < batchSize) break;
  }
  // Records removed from the end leave every link intact; only the head remembers them.
  const head = await manager.findOneBy(AuditChainHead, { id: headId });
  const last = expected - 1;
  if (head && (head.sequence !== last || head.hash !== previousHash)) {
    return { intact: false, checked, brokenAtSequence: Math.min(head.sequence, last + 1) };
  }
  if (checked >= checkpointEvery && last > 0) await signCheckpoint(manager, keys, last, previousHash);
  return { intact: true, checked, brokenAtSequence: null };
}

async function signCheckpoint(manager: EntityManager, keys: AuditChainKeys, sequence: number, hash: string): Promise<void> {
  const signedAt = new Date().toISOString();
  const signature = sign(null, checkpointPayload({ sequence, hash, signedAt }), keys.signing).toString('base64');
  try {
    await manager.insert(AuditCheckpoint, { sequence, hash, signedAt, signature });
  } catch (error) {
    // A concurrent read signed the same head first: that is the outcome wanted.
    if (!(await manager.existsBy(AuditCheckpoint, { sequence }))) throw error;
  }
}
