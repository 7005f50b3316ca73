// The lab page's layout in headless Chromium at a laptop size (1200×900) and a phone size (390×844):
// the lab picture beside the shop and wholly on screen on the laptop, nothing wider than the phone;
// arrows labelled cookie / round-robin, your own backend highlighted, Undrain on a draining backend,
// the red badge after Kill. PNGs go to test-output/ (gitignored) for a look by eye.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { openChromium, type OpenBrowser } from '../support/chromium.js';
import { startLab, type RunningLab } from '../support/lab.js';

const OUT = join(ROOT, 'test-output');

type Box = { x: number; y: number; width: number; height: number };

async function box(page: Page, testid: string): Promise<Box> {
  const b = await page.getByTestId(testid).boundingBox();
  expect(b, testid).not.toBeNull();
  return b!;
}

/** Opens the admin view, logs in, adds an item, drains a backend that is not ours; returns ours. */
async function useTheShop(page: Page, lab: RunningLab): Promise<{ mine: string; other: string }> {
  await page.goto(`${lab.url}#token=${lab.token}`);
  await page.getByTestId('login').click();
  await page.getByTestId('user').waitFor();
  await page.getByTestId('item').fill('lamp');
  await page.getByTestId('add').click();
  await page.getByTestId('cart').getByText('lamp').waitFor();
  const mine = (await page.getByTestId('backend').textContent())!.trim();
  const other = ['s1', 's2', 's3'].find((s) => s !== mine)!;
  await page.getByTestId(`drain-${other}`).click();
  await page.getByTestId(`undrain-${other}`).waitFor();
  return { mine, other };
}

describe('the lab page layout in Chromium', () => {
  let lab: RunningLab;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    lab = await startLab([]);
  });
  afterAll(async () => {
    await lab?.stop();
  });

  it('1200×900: the lab picture sits beside the shop, within the viewport; arrows, highlight, Undrain, red badge after Kill', async () => {
    let browser: OpenBrowser | null = null;
    try {
      browser = await openChromium({ width: 1200, height: 900 });
      const { page } = browser;
      const { mine, other } = await useTheShop(page, lab);

      // A draining backend offers Undrain, not Revive; a running one Kill and Drain.
      const drained = page.getByTestId(`box-${other}`);
      expect(await drained.getByRole('button').allTextContents()).toEqual(['Kill', 'Undrain']);
      expect((await drained.getByTestId('state').textContent())!.trim()).toBe('draining');
      // Your own backend is highlighted, and only it.
      expect(await page.getByTestId(`box-${mine}`).getAttribute('class')).toMatch(/\bmine\b/);
      expect(await drained.getAttribute('class')).not.toMatch(/\bmine\b/);
      // Each box says how many sessions it holds and how many requests it served.
      expect(await page.getByTestId(`box-${mine}`).getByTestId('sessions').textContent()).toBe('1 session held');
      expect(await page.getByTestId(`box-${mine}`).getByTestId('requests').textContent()).toMatch(/^\d+ requests served$/);
      // The last requests as arrows: the first one balanced (round-robin), the later ones pinned by the cookie.
      await expect.poll(async () => (await page.locator('#arrows text').allTextContents()).join(' | '), { timeout: 10_000 }).toMatch(/round-robin.*cookie \(you\)/);
      expect(await page.locator('#arrows line').count()).toBeGreaterThanOrEqual(4);

      const shop = await box(page, 'balancer').then(() => page.locator('.shop').boundingBox());
      const admin = await page.locator('#admin').boundingBox();
      expect(shop && admin).toBeTruthy();
      // Beside: to the right of the shop, overlapping it vertically.
      expect(admin!.x).toBeGreaterThanOrEqual(shop!.x + shop!.width);
      expect(admin!.y).toBeLessThan(shop!.y + shop!.height);
      // Wholly within the 1200×900 viewport, no scrolling needed.
      expect(admin!.x).toBeGreaterThanOrEqual(0);
      expect(admin!.x + admin!.width).toBeLessThanOrEqual(1200);
      expect(admin!.y + admin!.height).toBeLessThanOrEqual(900);
      await page.screenshot({ path: join(OUT, 'lab-1200x900.png') });

      // Kill the backend that served this page: the badge turns red and says what happens next.
      await page.getByTestId(`kill-${mine}`).click();
      await expect.poll(() => page.getByTestId('served-note').textContent(), { timeout: 10_000 }).toBe(`${mine} is down — your next request will be re-balanced`);
      const color = await page.getByTestId('backend').evaluate((e) => getComputedStyle(e).backgroundColor);
      expect(color).toBe('rgb(179, 38, 30)');
      expect(await page.getByTestId(`box-${mine}`).getByRole('button').allTextContents()).toEqual(['Revive']);
      await page.screenshot({ path: join(OUT, 'lab-1200x900-killed.png') });

      await page.reload();
      await page.getByTestId('lost').waitFor();
      await page.screenshot({ path: join(OUT, 'lab-1200x900-reloaded.png') });
      await page.getByTestId(`revive-${mine}`).click();
      await page.getByTestId(`undrain-${other}`).click();
      await page.getByTestId(`drain-${other}`).waitFor();
    } finally {
      await browser?.close();
    }
  }, 90_000);

  it('390×844: one column, nothing wider than the screen', async () => {
    let browser: OpenBrowser | null = null;
    try {
      browser = await openChromium({ width: 390, height: 844 });
      const { page } = browser;
      const { other } = await useTheShop(page, lab);
      await expect.poll(() => page.locator('#arrows line').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const wide = Array.from(document.querySelectorAll('body *'))
          .filter((e) => !e.closest('svg') || e.tagName === 'svg')
          .map((e) => ({ e, r: e.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && (r.right > width + 0.5 || r.left < -0.5))
          .map(({ e, r }) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} ${Math.round(r.left)}..${Math.round(r.right)}`);
        const labels = Array.from(document.querySelectorAll('#arrows text')).map((t) => t.getBoundingClientRect()).filter((r) => r.right > width + 0.5);
        return { scroll: document.documentElement.scrollWidth, width, wide, labels: labels.length };
      });
      expect(overflow.width).toBe(390);
      expect(overflow.wide).toEqual([]);
      expect(overflow.labels).toBe(0);
      expect(overflow.scroll).toBeLessThanOrEqual(390);
      // One column: the lab picture below the shop.
      const shop = (await page.locator('.shop').boundingBox())!;
      const admin = (await page.locator('#admin').boundingBox())!;
      expect(admin.y).toBeGreaterThanOrEqual(shop.y + shop.height);
      await page.screenshot({ path: join(OUT, 'lab-390x844.png'), fullPage: true });
      await page.getByTestId(`undrain-${other}`).click();
      await page.getByTestId(`drain-${other}`).waitFor();
    } finally {
      await browser?.close();
    }
  }, 90_000);
});
