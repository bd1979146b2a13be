import path from 'node:path';

// shared/src (ts-jest) and shared/dist (compiled) are both two levels below the repository root.
export const repositoryRoot = path.resolve(__dirname, '..', '..');

// DOMAIN.md's reference data lives beside the repository, not in it: it is maintained by the
// steering side and replaced without a release of ours.
export const defaultReferenceDataDir = path.resolve(repositoryRoot, '..', 'shared', 'data');
