import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify as cryptoVerify,
  type KeyObject,
} from 'node:crypto';
import { MoreThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import type { SubgraphContext } from '../context';
import { AuditAction, AuditChainHead, AuditCheckpoint, AuditOutcome, AuditRecord } from './audit-record.entity';
import { inTransaction } from '../database';

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
export function useAuditChainKeys(
  db: DataSource,
  hmacKey: string | undefined,
  signingKeyPem: string | undefined,
): AuditChainKeys {
  const signing = signingKeyPem ? createPrivateKey(signingKeyPem) : generateKeyPairSync('ed25519').privateKey;
  const keys = {
    hmac: hmacKey ? Buffer.from(hmacKey, 'utf8') : randomBytes(32),
    signing,
    verifying: createPublicKey(signing),
  };
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
  return Buffer.from(
    JSON.stringify(['audit-checkpoint', checkpoint.sequence, checkpoint.hash, checkpoint.signedAt]),
    'utf8',
  );
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
    await manager.insert(AuditChainHead, {
      id: headId,
      sequence: newest?.sequence ?? 0,
      hash: newest?.hash ?? genesis,
    });
  } catch (error) {
    // Another replica created it first: that is the outcome wanted.
    if (!(await manager.existsBy(AuditChainHead, { id: headId }))) throw error;
  }
}

/** What the server knows of the operation a record was made under, from the document it executed. */
export interface DerivedOperation {
  /** query, mutation or subscription. */
  readonly type: string;
  /** The root fields the document selects (not their aliases), sorted, comma-separated. */
  readonly rootFields: string;
  /** SHA-256 (hex) of the document's text: the one the gateway's signed token binds. */
  readonly documentHash: string;
}

const derivedOperations = new WeakMap<SubgraphContext, DerivedOperation>();

/** Called once the request's operation is resolved (see auditOperationPlugin). */
export function setDerivedOperation(ctx: SubgraphContext, operation: DerivedOperation): void {
  derivedOperations.set(ctx, operation);
}

export function derivedOperationOf(ctx: SubgraphContext): DerivedOperation | null {
  return derivedOperations.get(ctx) ?? null;
}

// Every field but the hash, in a fixed order: the record's content as the chain vouches for it.
// Records written before the server derived the operation (and before refusals were recorded)
// have no operation and an ALLOWED outcome: their content is the first fifteen fields alone, so
// chains written then still verify; every newer record vouches for all nineteen.
export function auditRecordDigest(key: Buffer, record: Omit<AuditRecord, 'hash'>): string {
  return createHmac('sha256', key)
    .update(JSON.stringify(auditRecordContent(record)))
    .digest('hex');
}

export function auditRecordContent(record: Omit<AuditRecord, 'hash'>): unknown[] {
  const content: unknown[] = [
    record.sequence,
    record.occurredAt,
    record.action,
    record.subject,
    record.organisationId,
    record.organisationKind,
    record.clientOperationName ?? '',
    record.entityType,
    record.entityId,
    record.partnershipId ?? '',
    record.reason ?? '',
    record.channel,
    record.requestId,
    record.previousHash,
    record.clientRequestId ?? '',
  ];
  const { outcome } = record;
  if (
    record.operationType !== null ||
    record.rootFields !== null ||
    record.documentHash !== null ||
    outcome !== AuditOutcome.ALLOWED
  ) {
    content.push(record.operationType ?? '', record.rootFields ?? '', record.documentHash ?? '', outcome);
  }
  // A system's record vouches for its client too; a person's keeps the content it always had.
  const clientId = record.clientId ?? null;
  if (clientId !== null) {
    if (content.length === 15)
      content.push(record.operationType ?? '', record.rootFields ?? '', record.documentHash ?? '', outcome);
    content.push(clientId);
  }
  return content;
}

type PendingRecord = Omit<AuditRecord, 'sequence' | 'previousHash' | 'hash'>;

function pendingRecords(ctx: SubgraphContext, entries: readonly AuditEntry[], outcome: AuditOutcome): PendingRecord[] {
  const identity = ctx.scope.requireIdentity();
  const operation = derivedOperationOf(ctx);
  // The request's own instant (a test's pinned clock included), so the trail and the deadlines agree.
  const occurredAt = ctx.now.toISOString();
  return entries.map((entry) => ({
    occurredAt,
    action: entry.action,
    outcome,
    subject: identity.subject,
    clientId: identity.client?.id ?? null,
    organisationId: identity.organisation.id,
    organisationKind: identity.organisation.kind,
    operationType: operation?.type ?? null,
    rootFields: operation?.rootFields ?? null,
    documentHash: operation?.documentHash ?? null,
    clientOperationName: ctx.clientOperationName,
    entityType: entry.entityType,
    entityId: entry.entityId,
    partnershipId: entry.partnershipId,
    reason: entry.reason ?? null,
    channel: ctx.channel,
    requestId: ctx.requestId,
    clientRequestId: ctx.clientRequestId,
  }));
}

/** Links records after the head (locked by the caller's transaction) and moves the head past them. */
// Written as plain statements: this runs once per group commit on every audited read, and
// TypeORM's query building cost more CPU than the statements themselves (see bench:audit).
const recordColumns = [
  'sequence',
  'occurredAt',
  'action',
  'outcome',
  'subject',
  'clientId',
  'organisationId',
  'organisationKind',
  'operationType',
  'rootFields',
  'documentHash',
  'clientOperationName',
  'entityType',
  'entityId',
  'partnershipId',
  'reason',
  'channel',
  'requestId',
  'clientRequestId',
  'previousHash',
  'hash',
] as const satisfies ReadonlyArray<keyof AuditRecord>;

const insertChunk = 500;

/** The head as this process last wrote it, per database: lets a MySQL append lock it in one statement. */
const lastHeads = new WeakMap<DataSource, { sequence: number; hash: string }>();

async function writeLinked(tx: EntityManager, pending: readonly PendingRecord[]): Promise<void> {
  const key = auditChainKeys(tx.dataSource).hmac;
  const sqlite = tx.dataSource.options.type === 'better-sqlite3';
  const quote = (name: string) => (sqlite ? `"${name}"` : `\`${name}\``);
  const link = (head: { sequence: number; hash: string }) => {
    let sequence = head.sequence;
    let previousHash = head.hash;
    const records = pending.map((content) => {
      sequence += 1;
      const record: Omit<AuditRecord, 'hash'> = { ...content, sequence, previousHash };
      previousHash = auditRecordDigest(key, record);
      return { ...record, hash: previousHash };
    });
    return { records, head: { sequence, hash: previousHash } };
  };
  const moveHead = (from: { sequence: number; hash: string } | null, to: { sequence: number; hash: string }) =>
    tx.query<{ affectedRows?: number }>(
      `UPDATE ${quote('audit_chain_head')} SET ${quote('sequence')} = ?, ${quote('hash')} = ? WHERE ${quote('id')} = ?${from ? ` AND ${quote('sequence')} = ? AND ${quote('hash')} = ?` : ''}`,
      from ? [to.sequence, to.hash, headId, from.sequence, from.hash] : [to.sequence, to.hash, headId],
    );
  let linked: ReturnType<typeof link> | null = null;
  // On MySQL, when this process wrote the head last, moving it from what it was (an UPDATE that
  // matches only that head) takes its row lock and proves no one else appended, in one round trip
  // instead of a SELECT … FOR UPDATE and an UPDATE. Anyone else's append makes it match nothing.
  const cached = sqlite ? undefined : lastHeads.get(tx.dataSource);
  if (cached) {
    const attempt = link(cached);
    if (((await moveHead(cached, attempt.head)).affectedRows ?? 0) === 1) linked = attempt;
  }
  if (!linked) {
    // SQLite has no row locks; its transactions already take turns (see openDatabase).
    const rows = await tx.query<Array<{ sequence: number | string; hash: string }>>(
      `SELECT ${quote('sequence')}, ${quote('hash')} FROM ${quote('audit_chain_head')} WHERE ${quote('id')} = ?${sqlite ? '' : ' FOR UPDATE'}`,
      [headId],
    );
    const head = rows[0];
    if (!head) throw new Error('the audit chain has no head: ensureAuditChainHead was not run');
    linked = link({ sequence: Number(head.sequence), hash: head.hash });
    await moveHead(null, linked.head);
  }
  const columns = recordColumns.map(quote).join(', ');
  const placeholders = `(${recordColumns.map(() => '?').join(', ')})`;
  // Bounded statements: a batch of a few thousand reads still goes in a handful of inserts.
  for (let at = 0; at < linked.records.length; at += insertChunk) {
    const chunk = linked.records.slice(at, at + insertChunk);
    await tx.query(
      `INSERT INTO ${quote('audit_records')} (${columns}) VALUES ${chunk.map(() => placeholders).join(', ')}`,
      chunk.flatMap((record) => recordColumns.map((column) => record[column] ?? null)),
    );
  }
  // Remembered before commit; a rolled-back transaction leaves a head that no longer matches, which
  // the next append finds out in its UPDATE (matching nothing) and then reads the head instead.
  lastHeads.set(tx.dataSource, linked.head);
}

/**
 * Group commit for appends that stand alone (reads, refusals). Every request's append waits for the
 * commit that holds it, as before; but while one transaction holds the chain's head, the appends
 * that arrive meanwhile queue here and the next transaction links and writes all of them under one
 * lock. Readers of a subgraph then share lock acquisitions instead of queuing one by one on the
 * head row, and the chain stays one sequence with every link keyed, as the checks need.
 */
interface PendingAppend {
  readonly records: PendingRecord[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

class AuditAppender {
  private queue: PendingAppend[] = [];
  private draining = false;

  constructor(
    private readonly db: DataSource,
    private readonly maxBatch: number,
  ) {}

  append(records: PendingRecord[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ records, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch: PendingAppend[] = [];
        let size = 0;
        // One request's records are never split: each request's append commits whole or not at all.
        for (
          let next = this.queue.at(0);
          next && (batch.length === 0 || size + next.records.length <= this.maxBatch);
          next = this.queue.at(0)
        ) {
          this.queue.shift();
          batch.push(next);
          size += next.records.length;
        }
        try {
          await inTransaction(this.db, (tx) =>
            writeLinked(
              tx,
              batch.flatMap((pending) => pending.records),
            ),
          );
          for (const pending of batch) pending.resolve();
        } catch (error) {
          const [only] = batch;
          if (only && batch.length === 1) only.reject(error);
          // One request's failure must not fail the others it shared a commit with: each alone.
          else
            for (const pending of batch)
              await inTransaction(this.db, (tx) => writeLinked(tx, pending.records)).then(
                pending.resolve,
                pending.reject,
              );
        }
      }
    } finally {
      this.draining = false;
    }
  }
}

const appenders = new WeakMap<DataSource, AuditAppender>();

function appenderOf(db: DataSource): AuditAppender {
  let appender = appenders.get(db);
  if (!appender) {
    appender = new AuditAppender(db, 2000);
    appenders.set(db, appender);
  }
  return appender;
}

/**
 * Appends records for the caller. With the write's own manager, the records are linked inside that
 * transaction (locking the chain's head), so audit and change commit together. Without one, the
 * append joins the next group commit: it resolves once its records are durable.
 */
export async function appendAudit(
  ctx: SubgraphContext,
  entries: readonly AuditEntry[],
  manager?: EntityManager,
): Promise<void> {
  if (entries.length === 0) return;
  const records = pendingRecords(ctx, entries, AuditOutcome.ALLOWED);
  if (manager) await writeLinked(manager, records);
  else await appenderOf(ctx.db).append(records);
}

/**
 * Records attempts the caller was refused (a security event), after the request's own work was
 * rolled back; never inside it, so the refusal stays recorded whatever else failed.
 */
export async function appendRefusals(ctx: SubgraphContext, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0 || !ctx.scope.identity) return;
  await appenderOf(ctx.db).append(pendingRecords(ctx, entries, AuditOutcome.REFUSED));
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
export async function verifyAuditChain(
  manager: EntityManager,
  options: { readonly now: Date; batchSize?: number; checkpointEvery?: number; fromStart?: boolean },
): Promise<AuditChainStatus> {
  const batchSize = options.batchSize ?? 1000;
  const checkpointEvery = options.checkpointEvery ?? 500;
  const keys = auditChainKeys(manager.dataSource);
  const [checkpoint] = options.fromStart
    ? []
    : await manager.find(AuditCheckpoint, { order: { sequence: 'DESC' }, take: 1 });
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
    const batch = await manager.find(AuditRecord, {
      where: { sequence: MoreThanOrEqual(expected) },
      order: { sequence: 'ASC' },
      take: batchSize,
    });
    for (const record of batch) {
      const { hash, ...content } = record;
      if (
        record.sequence !== expected ||
        record.previousHash !== previousHash ||
        auditRecordDigest(keys.hmac, content) !== hash
      ) {
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
  if (checked >= checkpointEvery && last > 0) await signAuditCheckpoint(manager, keys, last, previousHash, options.now);
  return { intact: true, checked, brokenAtSequence: null };
}

export async function signAuditCheckpoint(
  manager: EntityManager,
  keys: AuditChainKeys,
  sequence: number,
  hash: string,
  now: Date,
): Promise<void> {
  const signedAt = now.toISOString();
  const signature = sign(null, checkpointPayload({ sequence, hash, signedAt }), keys.signing).toString('base64');
  try {
    await manager.insert(AuditCheckpoint, { sequence, hash, signedAt, signature });
  } catch (error) {
    // A concurrent read signed the same head first: that is the outcome wanted.
    if (!(await manager.existsBy(AuditCheckpoint, { sequence }))) throw error;
  }
}
