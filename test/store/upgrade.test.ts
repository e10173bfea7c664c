/**
 * Upgrading a store written by extractor 0.2.0 (schema-1 records, no forms table): migrate, read
 * the old records upgraded, and `reprocess --older-than 0.3.0` (reprocessDocuments over the
 * documents listDocuments selects) re-extracts them as current records with their forms rows.
 */
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeBytes, sha256Of } from '../../src/analyze.js';
import { reprocessDocuments } from '../../src/queue/embedded.js';
import { openPgliteStore } from '../../src/store/pglite-store.js';
import { EXTRACTOR_VERSION } from '../../src/version.js';
import { createVersion1Database, insertVersion1Report, toVersion1 } from './v1-database.js';

const seed = new Uint8Array(readFileSync(new URL('../../fixtures/seed/huadu-2021-jgdgw.txt', import.meta.url)));
const dbs: PGlite[] = [];
afterAll(async () => {
  await Promise.all(dbs.map((db) => db.close()));
});

describe('a 0.2.0 store upgraded', () => {
  it('reprocess --older-than 0.3.0 re-extracts schema-1 records as current ones, forms rows included', async () => {
    const db = await PGlite.create();
    dbs.push(db);
    await createVersion1Database(db);
    const sha256 = sha256Of(seed);
    const { record: current } = await analyzeBytes(seed, { fileName: 'huadu.txt' });
    await insertVersion1Report(db, sha256, 'huadu.txt', toVersion1(current), seed);

    const store = await openPgliteStore({ db });
    await store.migrate();
    expect((await store.getRecord(sha256))!.schemaVersion).toBe(2);
    const older = await store.listDocuments({ olderThanVersion: '0.3.0' });
    expect(older.map((doc) => doc.sha256)).toEqual([sha256]);

    const summary = await reprocessDocuments(older, { store, concurrency: 0 });
    expect(summary.stored).toBe(1);
    const raw = await db.query<{ version: number; extractor: string; document_kind: string }>(
      "SELECT (record->>'schemaVersion')::int AS version, extractor_version AS extractor, document_kind FROM reports WHERE sha256 = $1",
      [sha256],
    );
    expect(raw.rows).toEqual([{ version: 2, extractor: EXTRACTOR_VERSION, document_kind: current.report.documentKind }]);
    expect((await store.getDocument(sha256))!.extractorVersion).toBe(EXTRACTOR_VERSION);
    expect((await store.rowCounts(sha256)).forms).toBe(current.forms.length);
  });
});
