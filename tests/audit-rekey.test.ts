import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { subgraphs } from '@safeguarding/gateway';
import {
  AuditAction,
  AuditChainHead,
  AuditCheckpoint,
  AuditOutcome,
  AuditRecord,
  createLogger,
  openDatabase,
  repositoryRoot,
  resolveDatabaseTarget,
  StatementCounter,
  subgraphEntities,
  unkeyedAuditDigest,
  useAuditChainKeys,
  verifyAuditChain,
} from '@safeguarding/shared';
import type { DataSource } from 'typeorm';
import { dropDatabases, onMysql, testConfig } from './support/graph';

/**
 * Issue 12 item 4: a development database whose audit chain was written before the chain was
 * keyed (plain SHA-256) is re-keyed by `npm run audit:rekey -- <subgraph>` under the configured
 * key, after its old links are checked; the command refuses a broken old chain and production.
 */
const escalations = subgraphs.find((definition) => definition.name === 'escalations')!;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-rekey-'));
const hmacKey = randomBytes(32).toString('base64url');
const signingKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const config = testConfig({ DATA_DIR: dataDir, AUDIT_HMAC_KEY: hmacKey, AUDIT_SIGNING_KEY: signingKey });
const databaseEnv: Record<string, string> = onMysql
  ? { DATABASE_URL: process.env['DATABASE_URL']!, DATABASE_NAME_PREFIX: config.DATABASE_NAME_PREFIX }
  : { DATA_DIR: dataDir };

afterAll(async () => {
  if (onMysql) await dropDatabases(config);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function open(): Promise<DataSource> {
  return openDatabase(resolveDatabaseTarget('escalations', config), {
    entities: subgraphEntities(escalations),
    migrations: escalations.migrations,
    logger: createLogger('test', 'silent'),
    statements: new StatementCounter(),
  });
}

/** A chain as the graph wrote it before the key: each link plain SHA-256 of the record's fields. */
async function writeUnkeyedChain(count: number): Promise<void> {
  const db = await open();
  try {
    await db.createQueryBuilder().delete().from(AuditRecord).execute();
    await db.createQueryBuilder().delete().from(AuditCheckpoint).execute();
    let previousHash = '0'.repeat(64);
    const records: AuditRecord[] = [];
    for (let sequence = 1; sequence <= count; sequence += 1) {
      const record: Omit<AuditRecord, 'hash'> = {
        sequence,
        occurredAt: `2026-10-01T09:00:${String(sequence % 60).padStart(2, '0')}.000Z`,
        action: AuditAction.READ,
        outcome: AuditOutcome.ALLOWED,
        subject: 'demo:sussex-health-visitor',
        clientId: null,
        organisationId: 'b0b0b0b0-0000-4000-8000-000000000001',
        organisationKind: 'RELEVANT_AGENCY',
        operationType: null,
        rootFields: null,
        documentHash: null,
        clientOperationName: 'Case',
        entityType: 'ProfessionalDisagreement',
        entityId: `d0d0d0d0-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
        partnershipId: null,
        reason: null,
        channel: 'gateway',
        requestId: `request-${sequence}`,
        clientRequestId: null,
        previousHash,
      };
      previousHash = unkeyedAuditDigest(record);
      records.push({ ...record, hash: previousHash });
    }
    await db.getRepository(AuditRecord).insert(records);
    await db.getRepository(AuditChainHead).save({ id: 1, sequence: count, hash: previousHash });
  } finally {
    await db.destroy();
  }
}

function rekey(env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const script = path.join(repositoryRoot, 'scripts', 'dist', 'audit-rekey.js');
  const result = spawnSync(process.execPath, [script, 'escalations'], {
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
      AUDIT_HMAC_KEY: hmacKey,
      AUDIT_SIGNING_KEY: signingKey,
      ...databaseEnv,
      ...env,
    },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function keyedStatus() {
  const db = await open();
  try {
    useAuditChainKeys(db, hmacKey, signingKey);
    return {
      chain: await verifyAuditChain(db.manager, {
        fromStart: true,
        checkpointEvery: Number.POSITIVE_INFINITY,
        now: new Date(),
      }),
      checkpoints: await db.getRepository(AuditCheckpoint).find(),
      records: await db.getRepository(AuditRecord).find({ order: { sequence: 'ASC' } }),
    };
  } finally {
    await db.destroy();
  }
}

describe('npm run audit:rekey', () => {
  it('re-keys an unkeyed development chain under the configured key, keeping every record, and signs its head', async () => {
    await writeUnkeyedChain(30);
    const before = await keyedStatus();
    expect(before.chain).toMatchObject({ intact: false, brokenAtSequence: 1 });
    const result = rekey();
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('escalations: 30 audit records re-keyed; head signed\n');
    expect(result.status).toBe(0);
    const after = await keyedStatus();
    expect(after.chain).toEqual({ intact: true, checked: 30, brokenAtSequence: null });
    expect(after.checkpoints).toEqual([expect.objectContaining({ sequence: 30, hash: after.records[29]!.hash })]);
    // Only the links changed: what each record says is as it was.
    const strip = ({ hash: _h, previousHash: _p, ...content }: AuditRecord) => content;
    expect(after.records.map(strip)).toEqual(before.records.map(strip));
    // A second run finds nothing to do.
    expect(rekey().stdout).toBe(
      'escalations: the audit chain verifies under the configured key already; nothing to do\n',
    );
  });

  it('refuses an unkeyed chain that was changed after it was written, naming the record, and changes nothing', async () => {
    await writeUnkeyedChain(10);
    const db = await open();
    await db.getRepository(AuditRecord).update({ sequence: 4 }, { subject: 'demo:nobody' });
    await db.destroy();
    const before = await keyedStatus();
    const result = rekey();
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('audit:rekey: the unkeyed chain is broken at record 4: nothing was re-keyed\n');
    expect((await keyedStatus()).records).toEqual(before.records);
  });

  it('is refused in production, and without the keys', async () => {
    const production = rekey({ NODE_ENV: 'production' });
    expect(production.status).toBe(1);
    expect(production.stderr).toBe(
      'audit:rekey: refused: NODE_ENV=production (a production audit trail is never re-keyed)\n',
    );
    const keyless = rekey({ AUDIT_HMAC_KEY: '' });
    expect(keyless.status).toBe(1);
    expect(keyless.stderr).toBe(
      'audit:rekey: configuration error: AUDIT_HMAC_KEY: required to re-key (the keys the subgraph runs with)\n',
    );
  });
});
