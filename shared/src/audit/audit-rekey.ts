import { createHash } from 'node:crypto';
import { MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { auditChainKeys, auditRecordDigest, signAuditCheckpoint, verifyAuditChain } from './audit-log';
import { AuditChainHead, AuditCheckpoint, AuditRecord } from './audit-record.entity';
import { inTransaction } from '../database';

export class AuditRekeyError extends Error {
  override name = 'AuditRekeyError';
  constructor(
    message: string,
    readonly sequence: number | null,
  ) {
    super(message);
  }
}

/** The link of a record written before the chain was keyed: plain SHA-256 of its first fourteen fields. */
export function unkeyedAuditDigest(record: Omit<AuditRecord, 'hash'>): string {
  const content = [
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
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

export interface RekeyOutcome {
  /** Records re-linked under the key; 0 when the chain was keyed already. */
  readonly rekeyed: number;
  readonly alreadyKeyed: boolean;
}

/**
 * Re-links a chain written before the keyed chain (plain SHA-256) under this database's HMAC key
 * and signs its head, so a development database made before the change verifies again. The old
 * chain is checked first, link by link: one that does not verify as it was written is refused,
 * naming the record, because re-keying it would launder whatever changed it. For development
 * databases only (the command refuses NODE_ENV=production): in production nobody re-keys a trail.
 */
export async function rekeyAuditChain(db: DataSource, now: Date): Promise<RekeyOutcome> {
  if (
    (await verifyAuditChain(db.manager, { fromStart: true, checkpointEvery: Number.POSITIVE_INFINITY, now })).intact
  ) {
    return { rekeyed: 0, alreadyKeyed: true };
  }
  const keys = auditChainKeys(db);
  return inTransaction(db, async (tx: EntityManager) => {
    const head = await tx.findOneBy(AuditChainHead, { id: 1 });
    let oldPrevious = '0'.repeat(64);
    let newPrevious = oldPrevious;
    let expected = 1;
    for (;;) {
      const batch = await tx.find(AuditRecord, {
        where: { sequence: MoreThan(expected - 1) },
        order: { sequence: 'ASC' },
        take: 1000,
      });
      for (const record of batch) {
        const { hash, ...content } = record;
        if (
          record.sequence !== expected ||
          record.previousHash !== oldPrevious ||
          unkeyedAuditDigest(content) !== hash
        ) {
          throw new AuditRekeyError(
            `the unkeyed chain is broken at record ${record.sequence}: nothing was re-keyed`,
            record.sequence,
          );
        }
        const relinked = { ...content, previousHash: newPrevious };
        const newHash = auditRecordDigest(keys.hmac, relinked);
        await tx.update(AuditRecord, { sequence: record.sequence }, { previousHash: newPrevious, hash: newHash });
        oldPrevious = hash;
        newPrevious = newHash;
        expected += 1;
      }
      if (batch.length < 1000) break;
    }
    const last = expected - 1;
    if (head && (head.sequence !== last || head.hash !== oldPrevious)) {
      throw new AuditRekeyError(
        `the unkeyed chain ends at record ${last} but its head says ${head.sequence}: nothing was re-keyed`,
        Math.min(head.sequence, last + 1),
      );
    }
    if (head) await tx.update(AuditChainHead, { id: 1 }, { sequence: last, hash: newPrevious });
    else await tx.insert(AuditChainHead, { id: 1, sequence: last, hash: newPrevious });
    // Checkpoints signed over the old links vouch for nothing now; the new head is signed instead.
    await tx.createQueryBuilder().delete().from(AuditCheckpoint).execute();
    if (last > 0) await signAuditCheckpoint(tx, keys, last, newPrevious, now);
    return { rekeyed: last, alreadyKeyed: false };
  });
}
