// `npm run screenshots`: the README's pictures (docs/images/*.png), taken from the demo itself. Starts the sandbox on a
// fresh, temporary data folder, walks the README's steps in the machine's Chromium exactly as the browser test does
// (test/e2e/readme-walkthrough.ts), and photographs each point the README shows. Every step happens at a fixed
// moment of a fixed day, on the server's clock and the browser's alike, in UTC, at one window size, and each picture
// waits until the sandbox has nothing left to do, so running it again changes nothing visible.
//
//   npm run screenshots            (the sandbox's default ports, 4020–4023, so the pictures show the README's addresses)
//   SCREENSHOT_PORT=5000 npm run screenshots
// The Forge SDKs capture the runtime globals when they load, so these go first.
import '../sandbox/runtime/install-globals';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { z } from 'zod';
import { startSandboxApp, type SandboxApp } from '../sandbox/app/start-app';
import { holdSandboxClock } from '../sandbox/runtime/globals';
import { launchChromium } from '../test/e2e/browser';
import { PICTURES, takeReadmeWalkthrough, type PictureName } from '../test/e2e/readme-walkthrough';
import { assertUiBuilt } from '../test/e2e/ui-fixture';

const IMAGES = path.resolve(__dirname, '..', 'docs', 'images');
// Always the same folder (and always emptied first): the overview shows where the state is kept.
const DATA_DIR = path.join(tmpdir(), 'support-ticket-sync-screenshots');
/** The demo's day: each step n happens at 09:00 + n minutes, UTC. */
const DAY_START = Date.UTC(2026, 2, 2, 9, 0, 0);
const STEP_MS = 60_000;
const VIEWPORT = { width: 1400, height: 900 };
const IDLE_TIMEOUT_MS = 60_000;
/**
 * Applied while a picture is taken (frames too): the pull countdown counts real seconds, and an overlay scrollbar
 * may be fading in or out; neither belongs in a picture that must come out the same.
 */
const STILL = '.clock { visibility: hidden; } ::-webkit-scrollbar { display: none; }';
const TICK_MS = 250;

const port = z.coerce
  .number()
  .int()
  .min(1)
  .max(65532)
  .parse(process.env.SCREENSHOT_PORT ?? '4020');

/**
 * Waits until the sandbox has nothing left to do, and the console has shown what the last change did. Work that waits
 * for a later moment (a retry after Brevo's per-second limit, a back-off) gets that moment at once: the held clock
 * moves straight to it — only when nothing else runs, so every run takes the same jumps.
 */
async function settled(app: SandboxApp, clock: BrowserContext['clock'], page: Page): Promise<void> {
  let quiet = 0;
  for (let waited = 0; ; waited += TICK_MS) {
    const running = app.sandbox.accounting.invocations().some((record) => record.outcome === undefined);
    if (!running && app.sandbox.idle()) break;
    if (waited > IDLE_TIMEOUT_MS) throw new Error('The sandbox did not settle');
    const due = running ? undefined : app.sandbox.nextDueWhileIdle();
    // Quiet twice in a row: a call the browser is still sending gets its chance to start first.
    quiet = due !== undefined && due > Date.now() ? quiet + 1 : 0;
    if (due !== undefined && quiet >= 2) {
      holdSandboxClock(due);
      await clock.setFixedTime(due);
      quiet = 0;
    }
    // Two ticks of the sandbox's delivery loop (100 ms), so what just fell due is under way before the next look.
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  // The console refreshes its live regions 250 ms after a change (sandbox/web/console/console.js).
  await page.waitForTimeout(800);
}

async function main(): Promise<void> {
  assertUiBuilt();
  rmSync(DATA_DIR, { recursive: true, force: true });
  holdSandboxClock(DAY_START);
  const app = await startSandboxApp({
    port,
    jiraPort: port + 1,
    teamSupportPort: port + 2,
    brevoPort: port + 3,
    dataDir: DATA_DIR,
    reset: true,
    pullEverySeconds: 300,
  });
  const browser = await launchChromium();
  let context: BrowserContext | undefined;
  const taken = new Set<PictureName>();
  try {
    context = await browser.newContext({
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
      locale: 'en-US',
      timezoneId: 'UTC',
      colorScheme: 'light',
      reducedMotion: 'reduce',
      // The console's policy allows its own stylesheet only; the pictures' STILL rules are injected.
      bypassCSP: true,
    });
    const clock = context.clock;
    await clock.setFixedTime(DAY_START);
    const page = await context.newPage();
    mkdirSync(IMAGES, { recursive: true });
    await takeReadmeWalkthrough(page, app, {
      beforeStep: async (step) => {
        await settled(app, clock, page);
        // Forward only: a step whose waits ran past its successor's moment starts where the clock stands.
        const at = Math.max(DAY_START + step * STEP_MS, Date.now());
        holdSandboxClock(at);
        await clock.setFixedTime(at);
      },
      picture: async (name: PictureName, target: Page | Locator) => {
        await settled(app, clock, page);
        // No hover or caret in the picture.
        await page.mouse.move(0, 0);
        const file = path.join(IMAGES, `${name}.png`);
        const options = {
          path: file,
          animations: 'disabled',
          caret: 'hide',
          scale: 'css',
          style: STILL,
        } as const;
        if (!('goto' in target)) await target.screenshot(options);
        else if (name === 'sandbox-event-log') {
          // The counters and the log's head: the rows below name queue events by random ids.
          const firstRow = await target.getByTestId('event').first().boundingBox();
          const height = Math.min(VIEWPORT.height, Math.ceil(firstRow?.y ?? VIEWPORT.height));
          await target.screenshot({ ...options, clip: { x: 0, y: 0, width: VIEWPORT.width, height } });
        } else await target.screenshot({ ...options, fullPage: false });
        taken.add(name);
        console.log(`  ${path.relative(process.cwd(), file)}`);
      },
    });
  } finally {
    await context?.close();
    await browser.close();
    await app.close();
    rmSync(DATA_DIR, { recursive: true, force: true });
  }
  const missing = PICTURES.filter((name) => !taken.has(name));
  if (missing.length > 0) throw new Error(`The walk took no picture for ${missing.join(', ')}`);
}

main().then(
  () => {
    console.log('The README pictures are up to date.');
    process.exit(0);
  },
  (error: unknown) => {
    console.error(
      `The screenshots could not be taken: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);
