/** Jest: unit tests (pure), integration tests (real PostgreSQL) and end-to-end tests (HTTP to a
 * running server). One PostgreSQL server per run: the machine's (DATABASE_URL) or an embedded
 * throw-away one; each test file gets its own database cloned from a migrated template. */
/** @type {import('jest').Config} */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
module.exports = {
  testEnvironment: 'node',
  transform,
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 60000,
};
