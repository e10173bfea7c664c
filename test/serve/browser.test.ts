/**
 * The review app in a real browser: Debian's Chromium driven by playwright-core, against a server
 * on a random port over a data directory holding the fixtures. Screenshots go to test-output/.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { createFixtureStore, XSS_DEPARTMENT, type FixtureStore } from './fixture-store.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-output');

/** A property of the element the URL fragment targets (the test files are typed without the DOM lib). */
function targetProperty(page: Page, property: 'id' | 'textContent' | 'className'): Promise<string | null> {
  return page.evaluate<string | null>(`document.querySelector(':target')?.${property} ?? null`);
}

const title = HAS_CHROMIUM
  ? 'review app in Chromium'
  : `review app in Chromium — SKIPPED: ${CHROMIUM} is absent (apt-get install -y chromium)`;

// The default reporter does not list skipped tests by name: say it where every reporter shows it.
if (!HAS_CHROMIUM) process.stderr.write(`test/serve/browser.test.ts: ${title}\n`);

describe.skipIf(!HAS_CHROMIUM)(title, () => {
  let fx: FixtureStore;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let workDir: string;
  const foreignRequests: string[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'jixiao-browser-'));
    await mkdir(OUT, { recursive: true });
    fx = await createFixtureStore({ dataDir: path.join(workDir, 'data') });
    server = await startServer({ store: fx.store, port: 0 });
    context = await chromium.launchPersistentContext(path.join(workDir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1400, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) foreignRequests.push(request.url());
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await fx?.store.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('opens the list with its counts; a hostile department name stays text', async () => {
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.locator('#reports tbody tr').count()).toBe(3);
    expect(await page.locator('#count-reports b').textContent()).toBe('3');
    expect(await page.locator('#count-errors b').textContent()).toBe('1');
    expect(Number(await page.locator('#count-failed b').textContent())).toBeGreaterThanOrEqual(1);
    const hostile = page.locator(`tr[data-sha256="${fx.xssSha}"] td:nth-child(2)`);
    expect(await hostile.textContent()).toBe(XSS_DEPARTMENT);
    await page.screenshot({ path: path.join(OUT, 'serve-list.png'), fullPage: true });
    expect(dialogs).toEqual([]);
  });

  it('filters by "has failed checks", downloads the selection and sorts by a column', async () => {
    await page.selectOption('select[name="failed"]', '1');
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(/failed=1/u);
    const shas = await page.locator('#reports tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-sha256')));
    expect(shas).toContain(fx.mutatedSha);
    expect(shas).not.toContain(fx.seedSha);
    // The download button exports the same selection.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.downloads a:text("CSV")')]);
    expect(download.suggestedFilename()).toBe('jixiao-reports.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain(fx.mutatedSha);
    expect(csv).not.toContain(fx.seedSha);
    await page.goto(`${server.url}/`);
    await page.click('th a:text("年度")');
    await page.waitForURL(/sort=fiscalYear&dir=asc/u);
    const years = await page.locator('#reports tbody tr td:first-child').allTextContents();
    expect(years).toEqual([...years].sort());
  });

  it('opens the seed report and shows 890.33万元 highlighted, linked to its field and back', async () => {
    await page.goto(`${server.url}/`);
    await page.click(`tr[data-sha256="${fx.seedSha}"] td:nth-child(2) a`);
    await page.waitForURL(new RegExp(`/reports/${fx.seedSha}$`, 'u'));
    const mark = page.locator('#source-text a.fig', { hasText: '890.33万元' }).first();
    await expect.poll(() => mark.isVisible()).toBe(true);
    expect(await mark.evaluate((el) => (el.ownerDocument.defaultView as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor)).toBe('rgb(255, 241, 168)');
    await page.screenshot({ path: path.join(OUT, 'serve-report-seed.png') });

    // Figure → field.
    await mark.click();
    await page.waitForURL(/#field-budget$/u);
    expect(await targetProperty(page, 'id')).toBe('field-budget');
    expect(await page.locator('#field-budget').isVisible()).toBe(true);
    // Field → figure: the source pane scrolls to the mark.
    await page.locator('#source').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.click('#field-execution a.figure-link');
    await expect.poll(() => targetProperty(page, 'textContent')).toBe('714.07万元');
    const inView = await page.evaluate<boolean>(`(() => {
      const pane = document.getElementById('source').getBoundingClientRect();
      const target = document.querySelector(':target').getBoundingClientRect();
      return target.top >= pane.top && target.bottom <= pane.bottom;
    })()`);
    expect(inView).toBe(true);
    await page.screenshot({ path: path.join(OUT, 'serve-report-seed-field-to-figure.png') });
  });

  it('opens a report with a failed check and shows both intervals', async () => {
    await page.goto(`${server.url}/?failed=1`);
    await page.click(`tr[data-sha256="${fx.mutatedSha}"] td:nth-child(2) a`);
    await page.waitForURL(new RegExp(`/reports/${fx.mutatedSha}$`, 'u'));
    const first = page.locator('section.check').first();
    expect(await first.getAttribute('data-status')).toBe('fail');
    const check = page.locator('section.check[data-rule="execution_rate"]');
    expect(await check.getAttribute('data-status')).toBe('fail');
    expect(await check.locator('.expected').textContent()).toBe('[81.32501, 81.32704] %');
    expect(await check.locator('.actual').textContent()).toBe('[80.15, 80.25) %');
    expect(await check.locator('.badge').textContent()).toBe('未通过');
    await page.screenshot({ path: path.join(OUT, 'serve-report-failed-check.png') });
    // A figure the check used leads to its place in the text, marked as used by a failed check.
    await check.locator('a.figure-link', { hasText: '724.07万元' }).click();
    await expect.poll(() => targetProperty(page, 'className')).toContain('failed');
    expect(await targetProperty(page, 'textContent')).toBe('724.07万元');
  });

  it('shows the comparison with both charts drawn by the served Chart.js', async () => {
    await page.goto(`${server.url}/compare?kind=`);
    await expect.poll(() => page.evaluate<number>('window.jixiaoCharts ? window.jixiaoCharts.length : 0')).toBe(2);
    const box = await page.locator('#chart-distribution').boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    expect(await page.locator('#compare-table td.cell').count()).toBe(2);
    await page.screenshot({ path: path.join(OUT, 'serve-compare.png'), fullPage: true });
  });

  it('shows the ingest errors and switches to English', async () => {
    await page.goto(`${server.url}/errors`);
    expect(await page.locator('#errors tbody tr').count()).toBe(1);
    expect(await page.locator('#errors').textContent()).toContain('corrupt_file');
    await page.screenshot({ path: path.join(OUT, 'serve-errors.png') });
    await page.click('a.lang');
    await page.waitForURL(/lang=en/u);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Ingest errors');
  });

  it('loaded nothing from the network, ran no injected script and threw no page error', () => {
    expect(foreignRequests).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
