// Custom UI checks that need the built apps: unit tests of static/ helpers, and browser tests (test/e2e) driving the
// system Chromium (/usr/bin/chromium, or CHROMIUM_PATH) through playwright-core. Run `npm run build:ui` first.
const transform = {
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
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'ui-unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/static'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/build/'],
      transform,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.test.ts'],
      transform,
      setupFiles: ['<rootDir>/sandbox/runtime/jest-setup.ts'],
    },
  ],
  testTimeout: 60000,
};
