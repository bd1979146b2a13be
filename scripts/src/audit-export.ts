import 'reflect-metadata';
import fs from 'node:fs';
import { exportAuditTrail } from '@safeguarding/shared';
import { runAuditCommand } from './audit-command';

/**
 * `npm run audit:export -- <subgraph> [file]`: checks that subgraph's whole audit chain with its
 * keys and writes it, with its checkpoints and signed, as JSON (to stdout without a file), for
 * `npm run audit:verify` to check anywhere with the public key alone.
 */
runAuditCommand({
  name: 'audit:export',
  keysNeededTo: 'export',
  run: async (db, definition, [file]) => {
    const exported = JSON.stringify(await exportAuditTrail(db, definition.name), null, 2);
    if (file) fs.writeFileSync(file, exported);
    else process.stdout.write(`${exported}\n`);
  },
});
