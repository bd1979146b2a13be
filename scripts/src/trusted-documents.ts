import fs from 'node:fs';
import path from 'node:path';
import {
  formatTrustedDocumentsManifest,
  repositoryRoot,
  trustedDocumentsManifest,
  trustedDocumentsManifestPath,
  trustedOperationsDirs,
} from '@safeguarding/shared';

/**
 * `npm run trusted-documents`: the manifest of the example operations and the portal's, for a
 * gateway run with TRUSTED_DOCUMENTS_PATH. An integrator registers its own operations the same way, or with its
 * codegen's persisted-documents output (the same hash → document format).
 */
function main(): void {
  const manifest = trustedDocumentsManifest(trustedOperationsDirs);
  fs.writeFileSync(trustedDocumentsManifestPath, formatTrustedDocumentsManifest(manifest));
  process.stdout.write(
    `${path.relative(repositoryRoot, trustedDocumentsManifestPath)}: ${Object.keys(manifest).length} operations\n`,
  );
}

main();
