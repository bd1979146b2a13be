import path from 'node:path';

// shared/src (ts-jest) and shared/dist (compiled) are both two levels below the repository root.
export const repositoryRoot = path.resolve(__dirname, '..', '..');

// The statutory reference data ships with the code (data/reference, with its sources); an operator
// replaces the whole set with REFERENCE_DATA_DIR when newer files are published, without a release.
export const defaultReferenceDataDir = path.join(repositoryRoot, 'data', 'reference');
