import fs from 'node:fs';
import path from 'node:path';
import {
  exampleOperationsDir,
  formatTrustedDocumentsManifest,
  repositoryRoot,
  trustedDocumentsManifest,
  trustedDocumentsManifestPath,
} from '@safeguarding/shared';

/**
 * `npm run trusted-documents`: the manifest of the example operations, for a gateway run with
 * TRUSTED_DOCUMENTS_PATH. An integrator registers its own operations the same way, or with its
 * codegen's persisted-documents output (the same hash → document format).
 */
function main(): void {
  const manifest = trustedDocumentsManifest(exampleOperationsDir);
  fs.writeFileSync(trustedDocumentsManifestPath, formatTrustedDocumentsManifest(manifest));
  process.stdout.write(
    `${path.relative(repositoryRoot, trustedDocumentsManifestPath)}: ${Object.keys(manifest).length} operations\n`,
  );
}

main();
