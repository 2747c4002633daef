// The system Chromium driven by playwright-core (never a downloaded browser), headless, with a fresh profile per launch.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

export const ARTIFACTS_DIR = path.resolve(__dirname, '..', 'artifacts');

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: apt-get install -y chromium, or set CHROMIUM_PATH`,
    );
  }
  // launch() gives every browser its own new, empty user-data-dir.
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
}

/** Problems the page reported: uncaught errors, console errors and CSP violations (Atlaskit's warnings are not ours). */
export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return problems;
}

/** What a page reached beyond this machine, and what it logged about its content security policy or feature flags. */
export interface EgressReport {
  /** requests to hosts other than loopback (`METHOD url`), blocked or not */
  external: string[];
  /** "Refused to connect/load…" console messages and requests the browser blocked */
  cspViolations: string[];
  /** console messages of Atlaskit's feature-flag client (static/shared/feature-gates-off.ts keeps it quiet) */
  featureFlagNoise: string[];
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Watches a page for traffic that would leave the machine and for console messages about the content security
 * policy (the sandbox serves the Custom UI policy, `connect-src 'self'`) or the feature-flag client, in any console
 * level. A Custom UI in the sandbox talks to its own server only.
 */
export function watchEgress(page: Page): EgressReport {
  const report: EgressReport = { external: [], cspViolations: [], featureFlagNoise: [] };
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return;
    if (!LOOPBACK_HOSTS.has(url.hostname)) report.external.push(`${request.method()} ${request.url()}`);
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    if (/blocked/i.test(reason)) report.cspViolations.push(`${reason}: ${request.url()}`);
  });
  page.on('console', (message: ConsoleMessage) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (connect|load|execute|apply|frame)/i.test(text)) {
      report.cspViolations.push(text);
    }
    if (/feature ?gate|FeatureGateClients|statsig/i.test(text)) report.featureFlagNoise.push(text);
  });
  return report;
}

export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true, animations: 'disabled' });
  return file;
}
