/**
 * The conformance suite and PostgreSQL-only behaviour against a real server on loopback.
 * Every store gets its own schema (jixiao_test_<run>_<n>), dropped after the run, so parallel runs
 * sharing the database do not collide. Override the server with JIXIAO_TEST_DATABASE_URL.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, ServiceUnavailableError } from '../../src/errors.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import type { InspectableStore } from '../../src/store/store.js';
import { describeStoreConformance } from './conformance.js';
import { SAMPLE_FIGURE_ROWS, SAMPLE_FILE_NAME, SAMPLE_SHA256, sampleRecord, SAMPLE_CHECK_ROWS, SAMPLE_FORM_ROWS, SAMPLE_INDICATOR_ROWS } from './sample-record.js';

const DATABASE_URL = process.env.JIXIAO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUN = `jixiao_test_${randomBytes(4).toString('hex')}`;
const schemas: string[] = [];

function nextSchema(): string {
  const schema = `${RUN}_${schemas.length}`;
  schemas.push(schema);
  return schema;
}

afterAll(async () => {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
});

describeStoreConformance('PostgreSQL', () => openPostgresStore({ url: DATABASE_URL, schema: nextSchema(), poolSize: 5 }));

async function withStores<T>(count: number, schema: string, fn: (stores: InspectableStore[]) => Promise<T>): Promise<T> {
  const stores = await Promise.all(
    Array.from({ length: count }, () => openPostgresStore({ url: DATABASE_URL, schema, poolSize: 3 })),
  );
  try {
    return await fn(stores);
  } finally {
    await Promise.all(stores.map((store) => store.close()));
  }
}

describe('openPostgresStore', () => {
  it('migrates once when several clients migrate a fresh schema at the same time', async () => {
    const schema = nextSchema();
    await withStores(3, schema, async (stores) => {
      await Promise.all(stores.map((store) => store.migrate()));
      await Promise.all(stores.map((store) => store.migrate()));
    });
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
      expect(rows).toEqual(MIGRATIONS.map((_, index) => ({ version: index + 1 })));
    } finally {
      await client.end();
    }
  });

  it('keeps one report when separate pools save the same sha256 concurrently', async () => {
    await withStores(2, nextSchema(), async ([one, two]) => {
      await one!.migrate();
      await one!.putDocument({ sha256: SAMPLE_SHA256, fileName: SAMPLE_FILE_NAME, format: 'pdf', byteLength: 1, pages: 5, ocrPages: 0 });
      const saves = [];
      for (let i = 0; i < 5; i++) {
        const record = sampleRecord();
        record.figures.counts = record.figures.counts.slice(0, i + 1);
        saves.push(one!.saveRecord(SAMPLE_SHA256, record), two!.saveRecord(SAMPLE_SHA256, record));
      }
      await Promise.all(saves);
      const stored = await two!.getRecord(SAMPLE_SHA256);
      expect(await one!.rowCounts(SAMPLE_SHA256)).toEqual({
        reports: 1,
        figures: SAMPLE_FIGURE_ROWS,
        counts: stored!.figures.counts.length,
        indicators: SAMPLE_INDICATOR_ROWS,
        checks: SAMPLE_CHECK_ROWS,
        forms: SAMPLE_FORM_ROWS,
      });
      expect((await one!.stats()).reports).toBe(1);
    });
  });

  it('isolates stores in different schemas', async () => {
    await withStores(1, nextSchema(), async ([first]) => {
      await withStores(1, nextSchema(), async ([second]) => {
        await first!.migrate();
        await second!.migrate();
        await first!.saveRecord(SAMPLE_SHA256, sampleRecord());
        expect((await first!.stats()).reports).toBe(1);
        expect((await second!.stats()).reports).toBe(0);
      });
    });
  });

  it('takes the schema from a ?schema= URL parameter', async () => {
    const schema = nextSchema();
    const store = await openPostgresStore({ url: `${DATABASE_URL}?schema=${schema}` });
    try {
      await store.migrate();
      await store.saveRecord(SAMPLE_SHA256, sampleRecord());
    } finally {
      await store.close();
    }
    await withStores(1, schema, async ([again]) => {
      expect(await again!.findBySha256Prefix(SAMPLE_SHA256.slice(0, 10))).toEqual([SAMPLE_SHA256]);
    });
  });

  it('fails fast with ServiceUnavailableError when the server is unreachable', async () => {
    const started = Date.now();
    const error = await openPostgresStore({ url: 'postgres://postgres@127.0.0.1:1/test' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect((error as ServiceUnavailableError).service).toBe('postgres');
    expect((error as ServiceUnavailableError).disposition).toBe('transient');
    expect((error as ServiceUnavailableError).code).toBe('postgres_unavailable');
    expect((error as Error).cause).toBeDefined();
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('times out on a host that never answers', async () => {
    // 10.255.255.1 is unroutable: the connect hangs until our timeout.
    const started = Date.now();
    const error = await openPostgresStore({ url: 'postgres://postgres@10.255.255.1:5432/test', connectTimeoutMs: 500 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports configuration mistakes as ConfigError', async () => {
    await expect(openPostgresStore({ url: 'not a url' })).rejects.toBeInstanceOf(ConfigError);
    await expect(openPostgresStore({ url: 'http://127.0.0.1:5432/test' })).rejects.toBeInstanceOf(ConfigError);
    await expect(openPostgresStore({ url: DATABASE_URL, schema: 'Bad-Schema"; drop' })).rejects.toBeInstanceOf(ConfigError);
    await expect(openPostgresStore({ url: DATABASE_URL, poolSize: 0 })).rejects.toBeInstanceOf(ConfigError);
    const missing = new URL(DATABASE_URL);
    missing.pathname = `/${RUN}_no_such_database`;
    await expect(openPostgresStore({ url: missing.toString() })).rejects.toBeInstanceOf(ConfigError);
  });

  it('maps a connection killed mid-transaction to ServiceUnavailableError and recovers', async () => {
    const schema = nextSchema();
    await withStores(1, schema, async ([store]) => {
      await store!.migrate();
      await store!.putDocument({ sha256: SAMPLE_SHA256, fileName: SAMPLE_FILE_NAME, format: 'pdf', byteLength: 1, pages: 5, ocrPages: 0 });
      const admin = new pg.Client({ connectionString: DATABASE_URL });
      await admin.connect();
      try {
        // Hold the document's row lock so the save blocks inside its transaction.
        await admin.query('BEGIN');
        await admin.query(`SELECT 1 FROM "${schema}".documents WHERE sha256 = $1 FOR UPDATE`, [SAMPLE_SHA256]);
        const save = store!.saveRecord(SAMPLE_SHA256, sampleRecord()).catch((e: unknown) => e);
        for (let waited = 0; waited < 50; waited++) {
          const { rows } = await admin.query(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
            [`jixiao:${schema}`],
          );
          if (rows[0].n > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [`jixiao:${schema}`]);
        const error = await save;
        expect(error).toBeInstanceOf(ServiceUnavailableError);
        expect((error as ServiceUnavailableError).service).toBe('postgres');
        await admin.query('ROLLBACK');
      } finally {
        await admin.end();
      }
      // The pool drops the dead clients; the retried save succeeds.
      await store!.saveRecord(SAMPLE_SHA256, sampleRecord());
      expect(await store!.getRecord(SAMPLE_SHA256)).toEqual(sampleRecord());
    });
  });
});

describe('openStore with a database URL', () => {
  it('opens a migrated PostgreSQL store', async () => {
    const store = await openStore({ databaseUrl: DATABASE_URL, schema: nextSchema() });
    try {
      expect(store.kind).toBe('postgres');
      expect(await store.stats()).toEqual({ documents: 0, reports: 0, reportsWithFailedChecks: 0, ingestErrors: 0 });
    } finally {
      await store.close();
    }
  });
});
