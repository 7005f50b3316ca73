// Debian's Chromium, headless, driven by playwright-core (no browser download): a fresh profile per
// test, no background traffic, and only loopback requests let through.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { tempDir } from './cli.js';

const CHROMIUM = '/usr/bin/chromium';
// Chromium refuses to start its sandbox as root; only then is it turned off.
const SANDBOX_ARGS = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

export interface OpenBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openChromium(viewport?: { width: number; height: number }): Promise<OpenBrowser> {
  const profile = tempDir('prepdeck-chromium-');
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile.path, {
      executablePath: CHROMIUM,
      headless: true,
      args: [...SANDBOX_ARGS, '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
      timeout: 30_000,
      ...(viewport ? { viewport } : {}),
    });
  } catch (err) {
    profile.remove();
    throw err;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  // Only loopback: anything else is a bug in the page.
  await page.route('**/*', (route) => (/^https?:\/\/127\.0\.0\.1[:/]/.test(route.request().url()) ? route.continue() : route.abort()));
  return {
    context,
    page,
    close: async () => {
      await context.close();
      profile.remove();
    },
  };
}
