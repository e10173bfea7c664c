import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { jixiao } from './run-cli.js';

// Issue 17: bad input never hangs and is never stored as a report; one writer per embedded
// database; read commands never create one; a stop request reaches the worker through npx.

const tmp = mkdtempSync(join(tmpdir(), 'jixiao-hostile-'));
const SEED = 'fixtures/seed/huadu-2021-jgdgw';

/** Deterministic bytes (a linear congruential generator), in [lo, hi]. */
function noise(n: number, lo = 0, hi = 255, seed = 17): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = lo + ((x >>> 16) % (hi - lo + 1));
  }
  return out;
}

describe('a folder of hostile files beside good ones', () => {
  const dir = join(tmp, 'folder');
  mkdirSync(dir);
  writeFileSync(join(dir, 'random.docx'), noise(50_000));
  writeFileSync(join(dir, 'random.pdf'), noise(50_000, 0, 255, 5));
  // Printable bytes under a .docx name: not a ZIP package, so not a Word file whatever it decodes to.
  writeFileSync(join(dir, 'printable.docx'), noise(20_000, 0x20, 0x7e));
  // High bytes decode as GB18030 to a page of mostly rare Han characters.
  writeFileSync(join(dir, 'gibberish.txt'), noise(50_000, 0x81, 0xfe, 3));
  writeFileSync(join(dir, 'private-use.txt'), Array.from({ length: 3000 }, (_, i) => String.fromCodePoint(0xe000 + (i % 6000))).join(''));
  writeFileSync(join(dir, 'english.txt'), 'This memo talks about a budget of 890.33 and nothing else. '.repeat(100));
  writeFileSync(join(dir, 'report-as.pdf'), readFileSync(`${SEED}.txt`));
  writeFileSync(join(dir, 'good.txt'), readFileSync(`${SEED}.txt`, 'utf8').replace('执行数', '执行数 '));
  writeFileSync(join(dir, 'novel.txt'), '春天来了，花开了，小鸟在树上唱歌。孩子们在公园里玩耍，老人们在湖边散步。'.repeat(30));
  const dataDir = join(tmp, 'folder-db');

  it('names every bad file with its typed error, stores none of them, stores the good ones with their notes', { timeout: 180_000 }, async () => {
    const r = await jixiao(['ingest', dir, '--data-dir', dataDir, '--concurrency', '1']);
    expect(r.code, r.stderr).toBe(1);
    const failed = new Map([...r.stdout.matchAll(/failed: \S+\/([^/\s:]+): (\w+):/gu)].map((m) => [m[1]!, m[2]!]));
    expect(Object.fromEntries(failed)).toEqual({
      'random.docx': 'corrupt_file',
      'random.pdf': 'corrupt_file',
      'printable.docx': 'corrupt_file',
      'gibberish.txt': 'not_text',
      'private-use.txt': 'not_text',
      'english.txt': 'not_text',
    });
    expect(r.stdout).toMatch(/3 report\(s\) stored/u);
    expect(r.stdout).toMatch(/note: \S+report-as\.pdf: the file is named \.pdf but holds txt/u);
    expect(r.stdout).toMatch(/note: \S+novel\.txt: no self-evaluation content/u);
    const list = await jixiao(['list', '--data-dir', dataDir, '--json']);
    const rows = JSON.parse(list.stdout) as Array<{ sha256: string; fileName: string }>;
    expect(rows.map((row) => row.fileName).sort()).toEqual(['good.txt', 'novel.txt', 'report-as.pdf']);
    const shown = await jixiao(['show', 'report-as.pdf', '--data-dir', dataDir, '--json']);
    const record = JSON.parse(shown.stdout);
    expect(record.source.format).toBe('txt');
    expect(record.source.notes).toEqual([expect.stringContaining('named .pdf but holds txt')]);
    expect(record.figures.budget.value).toBe(8903300);
  });
});

describe('linear in the input', () => {
  it('extracts a one-line text of 50,000 "预算数890.33万元，" in seconds (quadratic: over a minute)', { timeout: 120_000 }, async () => {
    // Before the fix 20,000 repetitions took 11.5 s and the time grew with the square: 50,000
    // would take about 70 s. Linear, they take 2–4 s on one core.
    const file = join(tmp, 'one-line.txt');
    writeFileSync(file, '预算数890.33万元，'.repeat(50_000));
    const started = Date.now();
    const r = await jixiao(['extract', file, '--json']);
    const seconds = (Date.now() - started) / 1000;
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).figures.budget.exact).toBe('8903300');
    expect(seconds).toBeLessThan(30);
  });
});

describe('one writer per embedded database', () => {
  it('refuses a second process on a data directory in use, and says to use PostgreSQL', { timeout: 120_000 }, async () => {
    const dataDir = join(tmp, 'held-db');
    const held = await openStore({ dataDir });
    try {
      const r = await jixiao(['ingest', `${SEED}.txt`, '--data-dir', dataDir]);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(new RegExp(`in use by process ${process.pid}`, 'u'));
      expect(r.stderr).toMatch(/PostgreSQL/u);
      const read = await jixiao(['list', '--data-dir', dataDir]);
      expect(read.code).toBe(3);
    } finally {
      await held.close();
    }
    // Released on close: the directory is usable again.
    expect((await jixiao(['list', '--data-dir', dataDir])).code).toBe(0);
  });

  it('read commands on a directory with no database say so, exit 2 and create nothing', { timeout: 120_000 }, async () => {
    const missing = join(tmp, 'no-such-db');
    for (const args of [['list'], ['show', 'abc'], ['status'], ['export', '--format', 'csv'], ['serve', '--port', '0']]) {
      const r = await jixiao([...args, '--data-dir', missing]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/no jixiao database in/u);
      expect(existsSync(missing), args.join(' ')).toBe(false);
    }
  });
});

describe('configuration errors', () => {
  it('a worker without a Redis URL is a configuration error (exit 3), not a transient one', async () => {
    const env = { JIXIAO_REDIS_URL: '' };
    const r = await jixiao(['worker', '--data-dir', join(tmp, 'worker-db')], env);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/needs a Redis URL/u);
  });
});

describe('processes a user can stop', () => {
  const redisUrl = process.env.JIXIAO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const marker = join(tmp, `npx-worker-db-${process.pid}`);
  const running = () => execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes(marker) && !l.includes('ps -eo'));
  afterAll(() => {
    for (const line of running()) process.kill(Number(line.trim().split(/\s+/u)[0]), 'SIGKILL');
  });

  it('SIGTERM to `npx jixiao worker` stops the worker it started: no orphan', { timeout: 120_000 }, async () => {
    const child = spawn('npx', ['jixiao', 'worker', '--data-dir', marker, '--concurrency', '1'], {
      env: { ...process.env, JIXIAO_REDIS_URL: redisUrl, JIXIAO_QUEUE: `jixiao-stop-${process.pid}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += b));
    const deadline = Date.now() + 90_000;
    while (!/consuming/u.test(stderr) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
    expect(stderr).toMatch(/consuming/u);
    expect(running().length).toBeGreaterThan(0);
    child.kill('SIGTERM');
    const gone = Date.now() + 30_000;
    while (running().length > 0 && Date.now() < gone) await new Promise((r) => setTimeout(r, 250));
    expect(running()).toEqual([]);
  });
});
