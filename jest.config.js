// One jest project for backend, sandbox and contract suites. ts-jest transpiles each file on its own
// (isolatedModules): `npm run typecheck` is the type gate, so tests start fast.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/sandbox', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // ts-jest transpiles each file on its own (no type check here: `npm run typecheck` is the gate).
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        isolatedModules: true,
        tsconfig: {
          module: 'commonjs',
          target: 'es2022',
          esModuleInterop: true,
          resolveJsonModule: true,
          jsx: 'react-jsx',
        },
      },
    ],
  },
  setupFiles: ['<rootDir>/sandbox/runtime/jest-setup.ts'],
  testTimeout: 30000,
  // Browser tests live in test/e2e and run through their own script (they need Chromium).
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/static/'],
};
