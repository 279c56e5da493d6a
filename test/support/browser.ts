// Browser-test support: the built portal (web/server.ts around Next), Debian's chromium, and axe.
// The portal must be built first (`npm run build -w web`); nothing here downloads anything.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

const REPO_ROOT = path.resolve(__dirname, '../..');
const WEB_DIR = path.join(REPO_ROOT, 'web');
// The portal's own server around Next (web/server.ts), built with it.
const PORTAL_SERVER = path.join(WEB_DIR, '.next/portal-server/web/server.js');

export const CHROMIUM_PATH = process.env.MESA_CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the networking flags chromium keeps dialling Google services on a closed network.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export type Portal = { url: string; stop(): Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts the built portal on a free port against the given API and waits until it answers. */
export async function startPortal(apiUrl: string, options: { timeoutMs?: number; env?: Record<string, string> } = {}): Promise<Portal> {
  if (!existsSync(path.join(WEB_DIR, '.next', 'BUILD_ID')) || !existsSync(PORTAL_SERVER)) {
    throw new Error('The portal is not built: run `npm run build -w web` before the browser tests.');
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn(process.execPath, [PORTAL_SERVER, '-p', String(port), '-H', '127.0.0.1'], {
    cwd: WEB_DIR,
    env: { ...process.env, MESA_API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', PORT: String(port), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group, so stop() reaches anything next forks.
    detached: true,
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const done = exited(child);
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }, 5000);
    await done;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.timeoutMs ?? 30000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the portal exited with ${child.exitCode}:\n${output.join('')}`);
    }
    try {
      await fetch(`${url}/login`, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
      return { url, stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  await stop();
  throw new Error(`The portal did not answer on ${url} in time:\n${output.join('')}`);
}

/**
 * Headless Debian chromium. playwright's launch() gives each browser a fresh temporary
 * --user-data-dir (and removes it on close); tests isolate further with one context each.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the current page and fails on any serious or critical WCAG 2.1 A/AA violation. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length === 0) return;
  const report = serious
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
        .join('\n');
      return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
  throw new Error(`Accessibility violations on ${page.url()}:\n${report}`);
}

/**
 * An input by its visible label. Playwright matches label text including Mantine's
 * aria-hidden required asterisk ("Contraseña *"), so the asterisk is allowed explicitly.
 */
export function fieldByLabel(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^${escaped}(\\s*\\*)?$`));
}

/** Fills and sends the login form the page shows (once React has hydrated it). */
export async function submitLoginForm(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.waitForSelector('form button[type="submit"]:not([disabled])');
  await fieldByLabel(page, 'Correo electrónico').fill(user.email);
  await fieldByLabel(page, 'Contraseña').fill(user.password);
  await page.getByRole('button', { name: 'Entrar' }).click();
}

/** Signs in through the login form and waits for the landing page. */
export async function logIn(page: Page, user: { email: string; password: string }, landing: string): Promise<void> {
  await page.goto('/login');
  await submitLoginForm(page, user);
  await page.waitForURL((url) => url.pathname === landing);
}
