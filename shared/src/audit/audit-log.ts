import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { SubgraphContext } from '../context';
import { AuditAction, AuditChainHead, AuditRecord } from './audit-record.entity';

export interface AuditEntry {
  readonly action: AuditAction;
  readonly entityType: string;
  readonly entityId: string;
  readonly partnershipId: string | null;
  readonly reason?: string | null;
}

const genesis = '0'.repeat(64);
const headId = 1;

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
function digest(record: Omit<AuditRecord, 'hash'>): string {
  const content = [
    record.sequence, record.occurredAt, record.action, record.subject, record.organisationId,
    record.organisationKind, record.operationName ?? '', record.entityType, record.entityId,
    record.partnershipId ?? '', record.reason ?? '', record.channel, record.requestId, record.previousHash,
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/**
 * Appends records for the caller in one statement after locking the head of the chain, so
 * concurrent writers cannot fork it. Pass the write's own manager to commit audit and change together.
 */
export async function appendAudit(ctx: SubgraphContext, entries: readonly AuditEntry[], manager?: EntityManager): Promise<void> {
  if (entries.length === 0) return;
  const identity = ctx.scope.requireIdentity();
  const write = async (tx: EntityManager) => {
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
        previousHash,
      };
      previousHash = digest(record);
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

/** Walks the whole chain; a record changed, removed or reordered shows as the first break. */
export async function verifyAuditChain(manager: EntityManager, batchSize = 1000): Promise<AuditChainStatus> {
  let previousHash = genesis;
  let expected = 1;
  let checked = 0;
  for (;;) {
    const batch = await manager.find(AuditRecord, { order: { sequence: 'ASC' }, skip: checked, take: batchSize });
    for (const record of batch) {
      const { hash, ...content } = record;
      if (record.sequence !== expected || record.previousHash !== previousHash || digest(content) !== hash) {
        return { intact: false, checked, brokenAtSequence: record.sequence };
      }
      previousHash = hash;
      expected += 1;
      checked += 1;
    }
    if (batch.length < batchSize) {
      // Records removed from the end leave every link intact; only the head remembers them.
      const head = await manager.findOneBy(AuditChainHead, { id: headId });
      if (head && (head.sequence !== checked || head.hash !== previousHash)) {
        return { intact: false, checked, brokenAtSequence: Math.min(head.sequence, checked + 1) };
      }
      return { intact: true, checked, brokenAtSequence: null };
    }
  }
}
