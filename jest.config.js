// One suite, two databases: embedded SQLite by default, MySQL/MariaDB when DATABASE_URL is set.

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  transform: {
    // 151002: ts-jest's note on Node16 module kind; output is CommonJS either way.
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json', diagnostics: { ignoreCodes: [151002] } }],
    // Hive's planner without VM modules (see the transformer).
    '/node_modules/@graphql-hive/router-runtime/dist/index\\.cjs$': '<rootDir>/tests/support/require-planner.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!@graphql-hive/router-runtime/dist/index\\.cjs$)'],
  moduleNameMapper: {
    '^@safeguarding/shared$': '<rootDir>/shared/src',
    '^@safeguarding/gateway$': '<rootDir>/gateway/src',
    '^@safeguarding/(partnerships|agencies|schools|reviews|escalations|notifications)$': '<rootDir>/subgraphs/$1/src',
  },
  testTimeout: 120000,
  // Each file starts a whole graph; two at once is what two cores carry.
  maxWorkers: 2,
  // A worker that ends a file holding this much is replaced: each file starts a whole graph, and
  // what a file leaves behind must not add up over the suite.
  workerIdleMemoryLimit: '1536MB',
};
