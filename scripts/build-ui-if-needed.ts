// `npm start` builds the Custom UIs only when a build is missing or older than its sources, so restarts are quick.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'build' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const stale = ['issue-panel', 'admin'].some((app) => {
  const built = path.join(root, 'static', app, 'build', 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(
    newest(path.join(root, 'static', app)),
    newest(path.join(root, 'static', 'shared')),
  );
  return sources > statSync(built).mtimeMs;
});

if (stale) execSync('npm run build:ui', { cwd: root, stdio: 'inherit' });
else console.log('Custom UI builds are up to date.');
