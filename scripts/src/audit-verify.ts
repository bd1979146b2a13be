import fs from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { publicKeyFingerprint, verifyAuditExport, type AuditExport } from '@safeguarding/shared';

/**
 * `npm run audit:verify -- <export.json> [public-key.pem]`: checks an exported trail away from the
 * graph. Give the public key you hold: the one inside the file proves only that the file is
 * consistent with itself. Exit 0 when it verifies; 1 naming the first bad record otherwise.
 */
function main(): void {
  const [file, keyFile] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('audit:verify: usage: npm run audit:verify -- <export.json> [public-key.pem]\n');
    process.exit(2);
  }
  const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as AuditExport;
  const publicKey = createPublicKey(keyFile ? fs.readFileSync(keyFile, 'utf8') : exported.publicKey);
  if (!keyFile) process.stderr.write('audit:verify: warning: no public key given; using the one in the file\n');
  const verdict = verifyAuditExport(exported, publicKey);
  const fingerprint = publicKeyFingerprint(publicKey);
  if (verdict.valid) {
    process.stdout.write(
      `audit:verify: ${exported.subgraph}: ${verdict.records} records intact (key sha256:${fingerprint})\n`,
    );
    return;
  }
  process.stderr.write(
    `audit:verify: ${exported.subgraph}: FAILED at record ${verdict.sequence ?? '-'}: ${verdict.reason}\n`,
  );
  process.exit(1);
}

try {
  main();
} catch (error) {
  process.stderr.write(`audit:verify: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  process.exit(1);
}
