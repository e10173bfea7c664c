import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { afterAll, describe, expect, it } from 'vitest';
import { runWithBudget } from '../../src/queue/run-with-budget.js';
import type { AnalyzeTask } from '../../src/queue/analyze-task.js';

// A stand-in for the analysis thread: "hang" never returns (a document that would run forever),
// anything else answers after 200 ms.
const dir = mkdtempSync(join(tmpdir(), 'jixiao-budget-'));
const worker = join(dir, 'worker.mjs');
writeFileSync(
  worker,
  `export default async (task) => {
    if (task.fileName === 'hang') for (;;) {}
    await new Promise((r) => setTimeout(r, 200));
    return { ok: true, record: null, format: 'txt', pages: 1, ocrPages: 0, notes: [] };
  };`,
);
const task = (fileName: string): AnalyzeTask => ({ bytes: new Uint8Array(1), fileName, sha256: fileName });

describe('runWithBudget', () => {
  // Two tasks per thread, as the embedded pool runs them: the hung one's thread is terminated.
  const pool = new Piscina({ filename: worker, maxThreads: 1, minThreads: 1, concurrentTasksPerWorker: 2 });
  afterAll(() => pool.destroy());

  it('ends a document over its budget with a typed timeout, and the pool goes on', { timeout: 30_000 }, async () => {
    const started = Date.now();
    const [hung, good] = await Promise.all([runWithBudget(pool, task('hang'), 1500), runWithBudget(pool, task('good'), 10_000)]);
    expect(hung).toMatchObject({ ok: false, code: 'timeout', disposition: 'permanent' });
    expect(hung.ok ? '' : hung.message).toMatch(/hang: analysis took longer than the budget of 1\.5 s/u);
    // The task that shared the terminated thread ran again on a fresh one.
    expect(good.ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect((await runWithBudget(pool, task('after'), 10_000)).ok).toBe(true);
  });
});
