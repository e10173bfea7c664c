import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, ServiceUnavailableError } from '../../src/errors.js';
import { openStore } from '../../src/store/open-store.js';
import { openPgliteStore } from '../../src/store/pglite-store.js';
import { describeStoreConformance } from './conformance.js';
import { createVersion1Database, insertVersion1Report, toVersion1 } from './v1-database.js';
import { SAMPLE_FILE_NAME, SAMPLE_SHA256, sampleRecord } from './sample-record.js';

const tempDirs: string[] = [];

async function makeTempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-pglite-'));
  tempDirs.push(dir);
  return dir;
}

const shared: PGlite[] = [];

afterAll(async () => {
  await Promise.all(shared.map((db) => db.close()));
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/**
 * Starting PGlite takes seconds on a busy machine, so each suite shares one instance and every
 * test gets an empty database by dropping the schema the store migrated into.
 */
function sharedPglite(create: () => Promise<PGlite>): () => Promise<Awaited<ReturnType<typeof openPgliteStore>>> {
  let db: Promise<PGlite> | undefined;
  return async () => {
    db ??= create().then((created) => {
      shared.push(created);
      return created;
    });
    const instance = await db;
    await instance.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    return openPgliteStore({ db: instance });
  };
}

describeStoreConformance('PGlite in memory', sharedPglite(() => PGlite.create()));
describeStoreConformance('PGlite on disk', sharedPglite(async () => PGlite.create({ dataDir: await makeTempDir() })));

describe('openPgliteStore on disk', () => {
  it('does not close a PGlite it was given', async () => {
    const db = await PGlite.create();
    shared.push(db);
    const store = await openPgliteStore({ db });
    await store.migrate();
    await store.close();
    expect(db.closed).toBe(false);
    expect((await db.query('SELECT count(*)::int AS n FROM documents')).rows).toEqual([{ n: 0 }]);
  });

  it('keeps documents and records across close and reopen', async () => {
    const dataDir = join(await makeTempDir(), 'nested', 'db');
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    const first = await openPgliteStore({ dataDir });
    await first.migrate();
    await first.putDocument({ sha256: SAMPLE_SHA256, fileName: SAMPLE_FILE_NAME, format: 'pdf', bytes, byteLength: 6, pages: 5, ocrPages: 0 });
    await first.saveRecord(SAMPLE_SHA256, sampleRecord());
    await first.recordError({ fileName: 'x.pdf', code: 'corrupt_file', message: 'm', disposition: 'permanent' });
    await first.close();
    await first.close(); // closing twice is harmless

    const second = await openPgliteStore({ dataDir });
    try {
      await second.migrate();
      expect(await second.getRecord(SAMPLE_SHA256)).toEqual(sampleRecord());
      expect(Array.from((await second.getDocumentBytes(SAMPLE_SHA256))!)).toEqual(Array.from(bytes));
      expect(await second.stats()).toEqual({ documents: 1, reports: 1, reportsWithFailedChecks: 0, ingestErrors: 1 });
    } finally {
      await second.close();
    }
  });

  it('stores check details as JSON objects and money as exact numerics in the child tables', async () => {
    const db = await PGlite.create();
    shared.push(db);
    const store = await openPgliteStore({ db });
    await store.migrate();
    await store.saveRecords([{ sha256: SAMPLE_SHA256, record: sampleRecord() }]);
    const details = await db.query<{ type: string; detail: unknown }>(
      'SELECT jsonb_typeof(detail) AS type, detail FROM checks WHERE detail IS NOT NULL ORDER BY ord',
    );
    expect(details.rows.length).toBeGreaterThan(0);
    expect(details.rows.every((row) => row.type === 'object')).toBe(true);
    expect(details.rows[0]!.detail).toEqual(sampleRecord().checks.find((check) => check.detail)!.detail);
    const budget = await db.query<{ value: string }>("SELECT value::text AS value FROM figures WHERE field = 'budget'");
    expect(budget.rows).toEqual([{ value: '8903300' }]);
  });

  it('migrates a database of schema-1 records: document_kind filled, records read upgraded, forms empty', async () => {
    const db = await PGlite.create();
    shared.push(db);
    await createVersion1Database(db);
    await insertVersion1Report(db, SAMPLE_SHA256, 'a.pdf', toVersion1(sampleRecord()));
    const store = await openPgliteStore({ db });
    await store.migrate();
    const record = await store.getRecord(SAMPLE_SHA256);
    expect(record).toMatchObject({ schemaVersion: 2, report: { documentKind: 'self_evaluation_report' }, forms: [], parts: [] });
    expect((await store.listReports({ kind: 'self_evaluation_report' })).map((row) => row.documentKind)).toEqual(['self_evaluation_report']);
    expect(await store.listForms(SAMPLE_SHA256)).toEqual([]);
    expect((await store.listDocuments({ olderThanVersion: '0.3.0' })).map((doc) => doc.sha256)).toEqual([SAMPLE_SHA256]);
  });

  it('reports an unusable data directory as ServiceUnavailableError', async () => {
    // A regular file where the directory should be.
    const dir = await makeTempDir();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'file'), 'x');
    const error = await openPgliteStore({ dataDir: join(dir, 'file') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect((error as ServiceUnavailableError).code).toBe('pglite_unavailable');
  });
});

describe('openStore', () => {
  it('opens a migrated in-memory PGlite store by default', async () => {
    const store = await openStore();
    try {
      expect(store.kind).toBe('pglite');
      expect(await store.stats()).toEqual({ documents: 0, reports: 0, reportsWithFailedChecks: 0, ingestErrors: 0 });
    } finally {
      await store.close();
    }
  });

  it('opens PGlite in a data directory', async () => {
    const dataDir = await makeTempDir();
    const store = await openStore({ dataDir });
    try {
      await store.saveRecord(SAMPLE_SHA256, sampleRecord());
    } finally {
      await store.close();
    }
    const again = await openStore({ dataDir });
    try {
      expect(await again.findBySha256Prefix(SAMPLE_SHA256.slice(0, 6))).toEqual([SAMPLE_SHA256]);
    } finally {
      await again.close();
    }
  });

  it('rejects a database URL that is not PostgreSQL', async () => {
    await expect(openStore({ databaseUrl: 'mysql://root@127.0.0.1/db' })).rejects.toBeInstanceOf(ConfigError);
    await expect(openStore({ databaseUrl: 'not a url' })).rejects.toBeInstanceOf(ConfigError);
  });
});
