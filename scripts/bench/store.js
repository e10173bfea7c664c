// Store: records/s written into PGlite (in memory and on disk) and into PostgreSQL, each run on
// an empty store, with records produced by the stages section (real extraction output).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { loadDist } from './env.js';
import { now } from './stats.js';

async function saveAll(store, records, concurrency, batch = 1) {
  const t0 = now();
  let next = 0;
  const lane = async () => {
    while (next < records.length) {
      if (batch > 1) {
        const slice = records.slice(next, (next += batch));
        await store.saveRecords(slice.map((r) => ({ sha256: r.sha256, record: r.record })));
        continue;
      }
      const r = records[next++];
      await store.saveRecord(r.sha256, r.record);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return now() - t0;
}

/** The same record under another sha256, so each run inserts fresh rows into one open store. */
function renamed(records, tag) {
  return records.map((r) => {
    const sha256 = createHash('sha256').update(`${r.sha256}:${tag}`).digest('hex');
    return { sha256, record: { ...r.record, source: { ...r.record.source, sha256 } } };
  });
}

/**
 * Each target is opened once (opening PGlite runs initdb and the migrations: seconds, reported
 * apart), warmed up with 30 records, then each run saves every record under new sha256s.
 * @param {{ records: string, runs: number, targets: Array<{ label: string, kind: 'pglite-memory' | 'pglite-disk' | 'postgres', databaseUrl?: string, concurrency?: number }> }} args
 */
export async function runStore(args) {
  const { openStore } = await loadDist('store/open-store.js');
  const records = JSON.parse(readFileSync(args.records, 'utf8'));
  const out = [];
  for (const target of args.targets) {
    const dir = target.kind === 'pglite-disk' ? mkdtempSync(join(tmpdir(), 'jixiao-bench-pglite-')) : null;
    const t0 = now();
    const store = await openStore(
      target.kind === 'postgres'
        ? { databaseUrl: target.databaseUrl, schema: `bench_${target.label.replace(/\W+/g, '_').toLowerCase()}` }
        : dir
          ? { dataDir: dir }
          : {},
    );
    const openMs = now() - t0;
    const ms = [];
    let rows = null;
    try {
      await saveAll(store, renamed(records.slice(0, 30), 'warm-up'), target.concurrency ?? 1);
      for (let r = 0; r < args.runs; r++) ms.push(await saveAll(store, renamed(records, `run-${r}`), target.concurrency ?? 1, target.batch));
      rows = await store.rowCounts(renamed(records.slice(0, 1), 'run-0')[0].sha256);
    } finally {
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
    out.push({ label: target.label, kind: target.kind, concurrency: target.concurrency ?? 1, records: records.length, ms, openMs, rowsPerRecord: rows });
  }
  return { targets: out };
}
