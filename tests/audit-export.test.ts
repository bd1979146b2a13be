import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import {
  auditChainKeys,
  AuditRecord,
  exportAuditTrail,
  nameBasedId,
  repositoryRoot,
  type AuditExport,
} from '@safeguarding/shared';
import { startGraph, type TestGraph } from './support/graph';

let graph: TestGraph;
let directory: string;
beforeAll(async () => {
  graph = await startGraph();
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-export-'));
});
afterAll(async () => {
  await graph?.stop();
  fs.rmSync(directory, { recursive: true, force: true });
});

const caseQuery = `query ($id: ID!) { professionalDisagreement(id: $id) { id } }`;
const disagreementId = nameBasedId('demo:disagreement:0001');

/** `npm run audit:verify` as an outside verifier runs it: a separate process with the public key alone. */
function verify(file: string, publicKeyFile?: string): { status: number | null; stdout: string; stderr: string } {
  const script = path.join(repositoryRoot, 'scripts', 'dist', 'audit-verify.js');
  const result = spawnSync(process.execPath, [script, file, ...(publicKeyFile ? [publicKeyFile] : [])], {
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('an exported audit trail', () => {
  let exported: AuditExport;
  let publicKeyFile: string;

  beforeAll(async () => {
    for (const as of ['sussex-health-visitor', 'west-sussex-social-worker'] as const) {
      expect((await graph.query(caseQuery, { id: disagreementId }, { as })).errors).toBeUndefined();
    }
    const db = graph.subgraphs.escalations.db;
    exported = await exportAuditTrail(db, 'escalations');
    publicKeyFile = path.join(directory, 'escalations-audit.pub.pem');
    fs.writeFileSync(publicKeyFile, auditChainKeys(db).verifying.export({ type: 'spki', format: 'pem' }));
  });

  it('verifies outside the graph with the public key', () => {
    expect(exported.records.length).toBeGreaterThanOrEqual(2);
    expect(exported.head.sequence).toBe(exported.records.at(-1)!.sequence);
    const file = path.join(directory, 'intact.json');
    fs.writeFileSync(file, JSON.stringify(exported));
    const result = verify(file, publicKeyFile);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`escalations: ${exported.records.length} records intact`);
  });

  it('fails, naming the first bad record, when a record is changed, removed or the tail cut', () => {
    const cases: Array<[string, (copy: AuditExport & { records: any[] }) => void, number]> = [
      [
        'changed',
        (copy) => {
          copy.records[1].subject = 'demo:nobody';
        },
        exported.records[1]!.sequence,
      ],
      [
        'removed',
        (copy) => {
          copy.records.splice(0, 1);
        },
        1,
      ],
      [
        'cut',
        (copy) => {
          copy.records.pop();
        },
        exported.records.at(-1)!.sequence,
      ],
    ];
    for (const [name, tamper, sequence] of cases) {
      const copy = JSON.parse(JSON.stringify(exported));
      tamper(copy);
      const file = path.join(directory, `${name}.json`);
      fs.writeFileSync(file, JSON.stringify(copy));
      const result = verify(file, publicKeyFile);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`FAILED at record ${sequence}`);
    }
  });

  it('fails with another key, even when the file was re-signed consistently by whoever holds that key', () => {
    const file = path.join(directory, 'intact-other-key.json');
    fs.writeFileSync(file, JSON.stringify(exported));
    const otherKey = path.join(directory, 'other.pub.pem');
    fs.writeFileSync(otherKey, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
    const result = verify(file, otherKey);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('FAILED');
  });

  it('is refused while the chain in the database is broken, naming the record', async () => {
    const db = graph.subgraphs.escalations.db;
    const repository = db.getRepository(AuditRecord);
    const victim = exported.records[0]!;
    await repository.update({ sequence: victim.sequence }, { subject: 'demo:nobody' });
    await expect(exportAuditTrail(db, 'escalations')).rejects.toThrow(
      `the chain is broken at record ${victim.sequence}`,
    );
    await repository.update({ sequence: victim.sequence }, { subject: victim.subject });
  });
});
