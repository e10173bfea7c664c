import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Of } from '../../src/analyze.js';
import { ingestFiles, reprocessDocuments, type IngestEvent } from '../../src/queue/embedded.js';
import { openPgliteStore } from '../../src/store/pglite-store.js';
import type { InspectableStore, RecordInput } from '../../src/store/store.js';

const SEED = join(import.meta.dirname, '../../fixtures/seed/huadu-2021-jgdgw.txt');

let dir: string;
let files: string[];
let store: InspectableStore;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jixiao-embedded-'));
  const seed = await readFile(SEED, 'utf8');
  files = [];
  for (let i = 0; i < 6; i++) {
    const file = join(dir, `report-${i}.txt`);
    await writeFile(file, `${seed}\n附注${i}\n`);
    files.push(file);
  }
  await writeFile(join(dir, 'copy.txt'), `${seed}\n附注0\n`);
  await writeFile(join(dir, 'broken.pdf'), '%PDF-1.7\n1 0 obj <<');
  store = await openPgliteStore();
  await store.migrate();
});

afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('ingestFiles (embedded)', () => {
  it('stores every good file once, and a bad file or a failed save fails alone', async () => {
    const badSha = sha256Of(new Uint8Array(await readFile(files[3]!)));
    // The store refuses one record, as a database would refuse a row: the batch it is in must not take others down.
    const refusing: InspectableStore = Object.create(store, {
      saveRecords: {
        value: (items: readonly RecordInput[]) =>
          items.some((item) => item.sha256 === badSha) ? Promise.reject(new Error('refused by the store')) : store.saveRecords(items),
      },
    });
    const events: IngestEvent[] = [];
    const paths = [...files.slice(0, 3), join(dir, 'broken.pdf'), ...files.slice(3), join(dir, 'copy.txt')];
    const summary = await ingestFiles(paths, { store: refusing, concurrency: 0, onEvent: (e) => events.push(e) });

    expect(summary.stored).toBe(5);
    expect(summary.skipped).toBe(1);
    expect(summary.failed.map((f) => f.file).sort()).toEqual([files[3], join(dir, 'broken.pdf')].sort());
    expect(summary.failed.find((f) => f.file === files[3])!.message).toContain('refused by the store');
    expect((await store.stats()).reports).toBe(5);
    expect(await store.getRecord(badSha)).toBeNull();
    for (const file of [...files.slice(0, 3), ...files.slice(4)]) {
      const sha256 = sha256Of(new Uint8Array(await readFile(file)));
      const doc = await store.getDocument(sha256);
      expect(doc).toMatchObject({ fileName: file.split('/').pop(), format: 'txt', hasBytes: true });
      expect((await store.getRecord(sha256))!.figures.budget!.exact).toBe('8903300');
    }
    expect(events.filter((e) => e.type === 'stored')).toHaveLength(5);
    expect((await store.listErrors()).map((e) => e.fileName).sort()).toEqual(['broken.pdf', 'report-3.txt']);

    // A second run skips what is stored and retries only the failed file.
    const again = await ingestFiles(paths, { store, concurrency: 0 });
    expect(again).toMatchObject({ stored: 1, skipped: 6 });
    expect(again.failed.map((f) => f.file)).toEqual([join(dir, 'broken.pdf')]);
  });

  it('reprocesses kept originals, skips documents without one and refuses bytes that do not match their sha256', async () => {
    const good = new Uint8Array(await readFile(files[0]!));
    const goodSha = sha256Of(good);
    const noBytes = sha256Of(new Uint8Array([1]));
    const tampered = sha256Of(new Uint8Array([2]));
    await store.putDocument({ sha256: noBytes, fileName: 'gone.txt', format: 'txt', byteLength: 10, pages: 1, ocrPages: 0 });
    await store.putDocument({ sha256: tampered, fileName: 'tampered.txt', format: 'txt', bytes: good, byteLength: good.length, pages: 1, ocrPages: 0 });
    const docs = (await store.listDocuments()).filter((d) => [goodSha, noBytes, tampered].includes(d.sha256));
    const events: IngestEvent[] = [];
    const summary = await reprocessDocuments(docs, { store, concurrency: 0, onEvent: (e) => events.push(e) });
    expect(summary).toMatchObject({ files: 3, stored: 1, skipped: 1 });
    expect(summary.failed).toEqual([{ file: 'tampered.txt', code: 'checksum_mismatch', message: expect.stringContaining(goodSha) }]);
    expect(events.find((e) => e.type === 'skipped')).toMatchObject({ file: 'gone.txt', sha256: noBytes });
    expect(await store.getRecord(tampered)).toBeNull();
    expect((await store.getRecord(goodSha))!.figures.budget!.exact).toBe('8903300');
  });
});
