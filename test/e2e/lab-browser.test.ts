// The shop in a real browser: Debian's Chromium, headless, driven by playwright-core (no browser
// download). Log in, add two items, kill the serving backend from the admin panel, reload: with
// sessions in memory a new backend and an empty cart; with Redis the cart is intact.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/cli.js';
import { startLab, startRedis, type RedisServer } from '../support/lab.js';

const CHROMIUM = '/usr/bin/chromium';
// Chromium refuses to start its sandbox as root; only then is it turned off.
const SANDBOX_ARGS = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
const OUT = join(ROOT, 'test-output');

function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...SANDBOX_ARGS, '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
    timeout: 30_000,
  });
}

describe('the shop in headless Chromium', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('a #token= link opened in an already-open tab: the token moves to sessionStorage on hashchange and the panel appears', async () => {
    const lab = await startLab([]);
    const profile = tempDir('prepdeck-chromium-');
    let context: BrowserContext | null = null;
    try {
      context = await launch(profile.path);
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(10_000);
      await page.goto(lab.url);
      expect(await page.locator('#admin').isVisible()).toBe(false);
      // Same document: no load event, only hashchange.
      await page.goto(`${lab.url}#token=${lab.token}`);
      await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(lab.url);
      expect(await page.evaluate(() => sessionStorage.getItem('prepdeck-lab-token'))).toBe(lab.token);
      await page.locator('#admin').waitFor({ state: 'visible' });
      expect(await page.evaluate(() => location.hash)).toBe('');
    } finally {
      await context?.close();
      profile.remove();
      await lab.stop();
    }
  }, 60_000);

  for (const store of ['memory', 'redis'] as const) {
    it(`${store}: log in, add two items, kill the serving backend from the admin panel, reload`, async () => {
      const lab = await startLab(['--store', store, ...(store === 'redis' ? ['--redis-url', redis.url] : [])]);
      const profile = tempDir('prepdeck-chromium-');
      let context: BrowserContext | null = null;
      try {
        context = await launch(profile.path);
        const page = context.pages()[0] ?? (await context.newPage());
        page.setDefaultTimeout(10_000);
        // Only loopback: anything else is a bug in the page.
        await page.route('**/*', (route) => (/^https?:\/\/127\.0\.0\.1[:/]/.test(route.request().url()) ? route.continue() : route.abort()));

        await page.goto(`${lab.url}#token=${lab.token}`);
        // The token moves to sessionStorage and out of the address bar.
        await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(lab.url);
        const backend = (await page.getByTestId('backend').textContent())!.trim();
        expect(['s1', 's2', 's3']).toContain(backend);
        // Just looking creates no session: it starts with the login.
        await page.getByTestId('no-session').waitFor();
        expect(await context.cookies()).not.toContainEqual(expect.objectContaining({ name: 'sid' }));

        await page.getByTestId('login').click();
        await page.getByTestId('user').waitFor();
        await page.getByTestId('session').waitFor();
        for (const item of ['lamp', 'book']) {
          await page.getByTestId('item').fill(item);
          await page.getByTestId('add').click();
          await page.getByTestId('cart').getByText(item).waitFor();
        }
        expect(await page.getByTestId('cart').locator('li').allTextContents()).toEqual(['lamp', 'book']);
        expect((await page.getByTestId('backend').textContent())!.trim()).toBe(backend);

        // The admin panel appears (token from the fragment) and kills the backend serving this page.
        await page.getByTestId(`kill-${backend}`).click();
        await expect
          .poll(async () => (await page.locator(`tr[data-backend="${backend}"] td`).nth(1).textContent())?.trim(), { timeout: 10_000 })
          .toBe('down');

        await page.reload();
        const now = (await page.getByTestId('backend').textContent())!.trim();
        expect(now).not.toBe(backend);
        if (store === 'memory') {
          await page.getByTestId('cart-empty').waitFor();
          await page.getByTestId('logged-out').waitFor();
          expect(await page.getByTestId('fresh').textContent()).toMatch(/does not hold your previous session, so it is lost/);
        } else {
          expect(await page.getByTestId('cart').locator('li').allTextContents()).toEqual(['lamp', 'book']);
          expect((await page.getByTestId('user').textContent())!.trim()).toBe('candidate');
        }
        // The panel survives the reload (the token is in sessionStorage, not in the URL).
        await page.getByTestId(`revive-${backend}`).waitFor();
        await page.screenshot({ path: join(OUT, `lab-browser-${store}.png`), fullPage: true });
      } finally {
        await context?.close();
        profile.remove();
        const r = await lab.stop();
        expect(r.code).toBe(130);
      }
    }, 60_000);
  }
});
