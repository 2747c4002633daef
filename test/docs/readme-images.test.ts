// The README's pictures are the demo's own: every image it shows is one that `npm run screenshots` takes while walking
// the README's steps (test/e2e/readme-walkthrough.ts PICTURES) and is in docs/images, and docs/images holds nothing
// else, so no picture of something the demo does not show can linger there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PICTURES } from '../e2e/readme-walkthrough';

const ROOT = path.resolve(__dirname, '..', '..');
const IMAGES = path.join(ROOT, 'docs', 'images');

function readmeImages(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].flatMap((match) => (match[1] ? [match[1]] : []));
}

it('shows only pictures the screenshot walk takes, each of them once, all present in docs/images', () => {
  const shown = readmeImages();
  expect([...shown].sort()).toEqual(PICTURES.map((name) => `docs/images/${name}.png`).sort());
  for (const image of shown) expect(existsSync(path.join(ROOT, image))).toBe(true);
});

it('keeps nothing in docs/images that the README does not show', () => {
  expect(readdirSync(IMAGES).sort()).toEqual(PICTURES.map((name) => `${name}.png`).sort());
});
