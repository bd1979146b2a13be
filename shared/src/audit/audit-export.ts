import { createHash, createPublicKey, sign, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { MoreThan, type DataSource } from 'typeorm';
import { AuditChainHead, AuditCheckpoint, AuditRecord } from './audit-record.entity';
import { auditChainKeys, checkpointPayload, checkpointSignatureValid, verifyAuditChain } from './audit-log';

/**
 * One subgraph's whole audit trail as a file that can be checked away from the graph with the
 * public signing key alone. The chain's links are keyed (HMAC) and so cannot be recomputed
 * outside; the export therefore signs each record it has just verified, and the head it ends at.
 */
export interface AuditExport {
  readonly format: 'safeguarding-audit-export/1';
  readonly subgraph: string;
  readonly exportedAt: string;
  /** SPKI PEM of the Ed25519 key that signed everything below. Compare its fingerprint with yours. */
  readonly publicKey: string;
  readonly head: { readonly sequence: number; readonly hash: string; readonly signature: string };
  readonly checkpoints: readonly AuditCheckpoint[];
  readonly records: ReadonlyArray<AuditRecord & { readonly signature: string }>;
}

export class AuditExportError extends Error {
  override name = 'AuditExportError';
  constructor(
    message: string,
    readonly sequence: number | null,
  ) {
    super(message);
  }
}

function recordPayload(record: AuditRecord): Buffer {
  const content = [
    'audit-record',
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
    record.clientRequestId ?? '',
    record.previousHash,
    record.hash,
    record.outcome ?? 'ALLOWED',
    record.operationType ?? '',
    record.rootFields ?? '',
    record.documentHash ?? '',
    // A system's record signs its client too; a person's payload is unchanged.
    ...(record.clientId ? [record.clientId] : []),
  ];
  return Buffer.from(JSON.stringify(content), 'utf8');
}

function headPayload(subgraph: string, exportedAt: string, sequence: number, hash: string): Buffer {
  return Buffer.from(JSON.stringify(['audit-export-head', subgraph, exportedAt, sequence, hash]), 'utf8');
}

/** Checks the whole chain with the key (refusing a broken one, naming the record), then signs the export. */
export async function exportAuditTrail(
  db: DataSource,
  subgraph: string,
  now: () => Date = () => new Date(),
): Promise<AuditExport> {
  const keys = auditChainKeys(db);
  // Every record, not only those since the newest checkpoint: an export vouches for all of them.
  const checkpoints = await db.manager.find(AuditCheckpoint, { order: { sequence: 'ASC' } });
  for (const checkpoint of checkpoints) {
    if (!checkpointSignatureValid(checkpoint, keys.verifying)) {
      throw new AuditExportError(`checkpoint at record ${checkpoint.sequence} does not verify`, checkpoint.sequence);
    }
  }
  const status = await verifyAuditChain(db.manager, {
    fromStart: true,
    checkpointEvery: Number.POSITIVE_INFINITY,
    now: now(),
  });
  if (!status.intact)
    throw new AuditExportError(`the chain is broken at record ${status.brokenAtSequence}`, status.brokenAtSequence);
  const records: Array<AuditRecord & { signature: string }> = [];
  let after = 0;
  for (;;) {
    const batch = await db.manager.find(AuditRecord, {
      where: { sequence: MoreThan(after) },
      order: { sequence: 'ASC' },
      take: 1000,
    });
    for (const record of batch)
      records.push({ ...record, signature: sign(null, recordPayload(record), keys.signing).toString('base64') });
    const last = batch.at(-1);
    if (!last || batch.length < 1000) break;
    after = last.sequence;
  }
  const head = await db.manager.findOneByOrFail(AuditChainHead, { id: 1 });
  const exportedAt = now().toISOString();
  return {
    format: 'safeguarding-audit-export/1',
    subgraph,
    exportedAt,
    publicKey: keys.verifying.export({ type: 'spki', format: 'pem' }).toString(),
    head: {
      sequence: head.sequence,
      hash: head.hash,
      signature: sign(null, headPayload(subgraph, exportedAt, head.sequence, head.hash), keys.signing).toString(
        'base64',
      ),
    },
    checkpoints,
    records,
  };
}

export type ExportVerdict =
  | { readonly valid: true; readonly records: number }
  | { readonly valid: false; readonly sequence: number | null; readonly reason: string };

export function publicKeyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/**
 * Checks an export with the public key alone: every record's signature, every link, every
 * checkpoint against its record, and the signed head (so records cut from the end show).
 */
export function verifyAuditExport(
  file: AuditExport,
  publicKey: KeyObject = createPublicKey(file.publicKey),
): ExportVerdict {
  const valid = (data: Buffer, signature: string) => {
    try {
      return cryptoVerify(null, data, publicKey, Buffer.from(signature, 'base64'));
    } catch {
      return false;
    }
  };
  const bad = (sequence: number | null, reason: string): ExportVerdict => ({ valid: false, sequence, reason });
  if (file.format !== 'safeguarding-audit-export/1') return bad(null, 'not a safeguarding audit export');
  if (!valid(headPayload(file.subgraph, file.exportedAt, file.head.sequence, file.head.hash), file.head.signature)) {
    return bad(file.head.sequence, 'the signed head does not verify with this key');
  }
  const bySequence = new Map<number, string>();
  let previousHash = '0'.repeat(64);
  let expected = 1;
  for (const record of file.records) {
    if (record.sequence !== expected) return bad(expected, `record ${expected} is missing`);
    if (record.previousHash !== previousHash)
      return bad(record.sequence, `record ${record.sequence} does not link to the one before`);
    if (!valid(recordPayload(record), record.signature))
      return bad(record.sequence, `record ${record.sequence} was changed after export`);
    bySequence.set(record.sequence, record.hash);
    previousHash = record.hash;
    expected += 1;
  }
  if (file.head.sequence !== expected - 1 || file.head.hash !== previousHash) {
    return bad(
      Math.min(file.head.sequence, expected),
      `the records end at ${expected - 1} but the signed head is ${file.head.sequence}`,
    );
  }
  for (const checkpoint of file.checkpoints) {
    if (
      !valid(checkpointPayload(checkpoint), checkpoint.signature) ||
      bySequence.get(checkpoint.sequence) !== checkpoint.hash
    ) {
      return bad(checkpoint.sequence, `checkpoint at record ${checkpoint.sequence} does not match`);
    }
  }
  return { valid: true, records: file.records.length };
}
