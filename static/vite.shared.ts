// Both Custom UI apps build the same way: Forge serves a resource folder from its CDN inside an iframe, so asset URLs
// must be relative (`base: './'`) and the bundle must not rely on inline scripts (the Custom UI CSP forbids them).
import path from 'node:path';
import { defineConfig, type UserConfig } from 'vite';

export function customUiConfig(appDir: string): UserConfig {
  return defineConfig({
    root: appDir,
    base: './',
    // JSX goes through Vite's built-in Oxc transform with React's automatic runtime (no React plugin installed).
    oxc: { jsx: { runtime: 'automatic' } },
    build: {
      outDir: path.join(appDir, 'build'),
      emptyOutDir: true,
      // Atlaskit alone is larger than Vite's default warning threshold; the iframe loads it once per page view.
      chunkSizeWarningLimit: 2_000,
      // No inline <script> for module preload polyfills: the CSP would block it.
      modulePreload: { polyfill: false },
    },
    server: { host: '127.0.0.1' },
    resolve: {
      // Atlaskit's feature-flag client is swapped for one that answers "off" without Statsig (shared/feature-gates-off.ts).
      alias: [
        {
          find: /^@atlaskit\/feature-gate-js-client(\/.*)?$/,
          replacement: path.join(import.meta.dirname, 'shared', 'feature-gates-off.ts'),
        },
      ],
    },
  });
}
