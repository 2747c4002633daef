// One jest project for backend, sandbox and contract suites. SWC strips types only;
// `npm run typecheck` is the type gate, so tests start fast.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/sandbox', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  setupFiles: ['<rootDir>/sandbox/runtime/jest-setup.ts'],
  testTimeout: 30000,
  // Browser tests live in test/e2e and run through their own script (they need Chromium).
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/static/'],
};
