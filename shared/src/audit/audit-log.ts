import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { SubgraphContext } from '../context';
import { AuditAction, AuditRecord } from './audit-record.entity';

export interface AuditEntry {
  readonly action: AuditAction;
  readonly entityType: string;
  readonly entityId: string;
  readonly partnershipId: string | null;
  readonly reason?: string | null;
}

const genesis = '0'.repeat(64);

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
    const lock = tx.connection.options.type === 'better-sqlite3' ? '' : ' FOR UPDATE';
    const [head] = (await tx.query(
      `SELECT sequence, hash FROM audit_records ORDER BY sequence DESC LIMIT 1${lock}`,
    )) as Array<{ sequence: number; hash: string }>;
    let sequence = head ? Number(head.sequence) : 0;
    let previousHash = head?.hash ?? genesis;
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
  };
  if (manager) await write(manager);
  else await ctx.db.transaction(write);
}

export interface AuditChainStatus {
  readonly intact: boolean;
  readonly checked: number;
  /** The first record whose content, order or link no longer matches. */
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
    if (batch.length < batchSize) return { intact: true, checked, brokenAtSequence: null };
  }
}
