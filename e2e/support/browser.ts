// Debian's Chromium through playwright-core, and the per-file/per-test lifecycle every journey shares:
// one server and one browser per file, a fresh browser context (cookies, storage) per test.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startServer, type E2eServer } from './server.ts';
import { repoRoot } from './web-build.ts';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Fake camera and microphone without a permission prompt, and WebRTC over the loopback interface. */
export const VIDEO_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection'];

export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export type Journey = {
  server: E2eServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Another, independent browser context (a second user), closed after the test. */
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
};

export type JourneyOptions = {
  viewport?: { width: number; height: number };
  serverConfig?: Record<string, string>;
  /** More Chromium flags, e.g. VIDEO_ARGS. */
  chromiumArgs?: readonly string[];
  /** Runs in every page of every context before the page's own scripts (e.g. a debug switch in localStorage). */
  initScript?: string;
};

/** Registers the hooks; the returned object's fields are filled in before each test runs. */
export function useJourney(options: JourneyOptions = {}): Journey {
  const journey = {} as Journey;
  const extraContexts: BrowserContext[] = [];
  const open = async (viewport = options.viewport ?? DESKTOP) => {
    // zh-CN like the typical user; the server localises error titles from the cookie or this header.
    // Reduced motion (which the app honours) keeps scans and clicks off half-finished animations.
    const context = await journey.browser.newContext({
      baseURL: journey.server.baseUrl,
      locale: 'zh-CN',
      viewport,
      timezoneId: 'Asia/Shanghai',
      reducedMotion: 'reduce',
    });
    context.setDefaultTimeout(15_000);
    if (options.initScript) await context.addInitScript(options.initScript);
    return context;
  };
  beforeAll(async () => {
    journey.server = await startServer(options.serverConfig);
    journey.browser = await launchBrowser(options.chromiumArgs);
  });
  afterAll(async () => {
    await journey.browser?.close();
    await journey.server?.close();
  });
  beforeEach(async () => {
    journey.context = await open();
    journey.page = await journey.context.newPage();
    journey.newPage = async (opts = {}) => {
      const context = await open(opts.viewport);
      extraContexts.push(context);
      return context.newPage();
    };
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await saveScreenshot(journey.page, ctx.task.name);
    for (const context of extraContexts.splice(0)) await context.close();
    await journey.context?.close();
  });
  return journey;
}

async function saveScreenshot(page: Page | undefined, name: string) {
  if (!page || page.isClosed()) return;
  const dir = path.join(repoRoot, 'test-results', 'e2e');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w\u4e00-\u9fff-]+/g, '_').slice(0, 80)}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  process.stdout.write(`[e2e] screenshot of the failure: ${file}\n`);
}
