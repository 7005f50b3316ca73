// The shop in a real browser (headless Chromium). Log in, add two items, kill the serving backend from
// its box in the lab picture: the served-by badge turns red at once; reload: with sessions in memory
// a new backend and a plainly lost session; with Redis the cart is intact and the page says why.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { openChromium, type OpenBrowser } from '../support/chromium.js';
import { startLab, startRedis, type RedisServer } from '../support/lab.js';

const OUT = join(ROOT, 'test-output');

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
    let browser: OpenBrowser | null = null;
    try {
      browser = await openChromium();
      const { page } = browser;
      await page.goto(lab.url);
      expect(await page.locator('#admin').isVisible()).toBe(false);
      // Same document: no load event, only hashchange.
      await page.goto(`${lab.url}#token=${lab.token}`);
      await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(lab.url);
      expect(await page.evaluate(() => sessionStorage.getItem('prepdeck-lab-token'))).toBe(lab.token);
      await page.locator('#admin').waitFor({ state: 'visible' });
      expect(await page.evaluate(() => location.hash)).toBe('');
    } finally {
      await browser?.close();
      await lab.stop();
    }
  }, 60_000);

  const runs = [
    { store: 'memory', balancer: 'builtin' },
    { store: 'redis', balancer: 'builtin' },
    { store: 'redis', balancer: 'haproxy' },
  ] as const;
  for (const { store, balancer } of runs) {
    it(`${balancer}, ${store}: log in, add two items, kill the serving backend from its box, reload`, async () => {
      const lab = await startLab(['--balancer', balancer, '--store', store, ...(store === 'redis' ? ['--redis-url', redis.url] : [])]);
      let browser: OpenBrowser | null = null;
      try {
        browser = await openChromium();
        const { page, context } = browser;
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

        // Kill the backend serving this page from its box: the badge says so at once.
        const box = page.getByTestId(`box-${backend}`);
        await box.getByTestId(`kill-${backend}`).click();
        await expect.poll(async () => (await box.getByTestId('state').textContent())?.trim(), { timeout: 10_000 }).toBe('down');
        await expect.poll(() => page.getByTestId('served-note').textContent(), { timeout: 10_000 }).toBe(`${backend} is down — your next request will be re-balanced`);
        expect(await page.getByTestId('served').getAttribute('class')).toMatch(/\bdown\b/);

        await page.reload();
        const now = (await page.getByTestId('backend').textContent())!.trim();
        expect(now).not.toBe(backend);
        if (store === 'memory') {
          await page.getByTestId('cart-empty').waitFor();
          await page.getByTestId('logged-out').waitFor();
          expect(await page.getByTestId('lost').textContent()).toBe(
            `Session lost. Your session was in ${backend}'s memory and is lost: ${now} does not have it (each backend keeps its own sessions). Your next login or cart item starts a new one.`,
          );
          expect(await page.getByTestId('no-session').count()).toBe(0);
        } else {
          expect(await page.getByTestId('cart').locator('li').allTextContents()).toEqual(['lamp', 'book']);
          expect((await page.getByTestId('user').textContent())!.trim()).toBe('candidate');
          expect(await page.getByTestId('survived').textContent()).toMatch(new RegExp(`^Your session survived: ${backend} served you before`));
        }
        // The panel survives the reload (the token is in sessionStorage, not in the URL).
        await page.getByTestId(`revive-${backend}`).waitFor();
        await page.screenshot({ path: join(OUT, `lab-browser-${balancer}-${store}.png`), fullPage: true });
      } finally {
        await browser?.close();
        const r = await lab.stop();
        expect(r.code).toBe(130);
      }
    }, 60_000);
  }
});
