/**
 * The embedded store: PostgreSQL compiled to WASM (PGlite), one connection, data in a directory.
 * PGlite serialises every query and transaction behind its own mutex, so concurrent callers in one
 * process are safe; two processes must never open the same data directory.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { ServiceUnavailableError } from '../errors.js';
import { SqlStore, type SqlDriver, type SqlRow, type SqlSession } from './sql-store.js';
import type { InspectableStore } from './store.js';

export interface PgliteStoreOptions {
  /** Directory holding the database; undefined = in-memory (gone on close). */
  dataDir?: string;
  /** An open PGlite to use instead of creating one (dataDir is then ignored); the store does not close it. */
  db?: PGlite;
}

function wrapError(error: unknown, action: string): unknown {
  // SQL errors (constraint violations, bad input) carry a SQLSTATE and stay as they are.
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code)) {
    return error;
  }
  if (error instanceof Error && /closed/i.test(error.message)) {
    return new ServiceUnavailableError('pglite', `${action}: ${error.message}`, { cause: error });
  }
  return error;
}

function sessionOf(target: PGlite | Transaction): SqlSession {
  return {
    async query<R extends SqlRow = SqlRow>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
      try {
        return (await target.query<R>(sql, [...params])).rows;
      } catch (error) {
        throw wrapError(error, 'query');
      }
    },
    async exec(sql: string): Promise<void> {
      try {
        await target.exec(sql);
      } catch (error) {
        throw wrapError(error, 'exec');
      }
    },
  };
}

async function createPglite(dataDir: string | undefined): Promise<PGlite> {
  try {
    if (dataDir === undefined) return await PGlite.create();
    await mkdir(dataDir, { recursive: true });
    return await PGlite.create({ dataDir });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ServiceUnavailableError('pglite', `cannot open PGlite at ${dataDir ?? 'memory'}: ${reason}`, { cause: error });
  }
}

export async function openPgliteStore(options: PgliteStoreOptions = {}): Promise<InspectableStore> {
  const owned = options.db === undefined;
  const db = options.db ?? (await createPglite(options.dataDir));
  const session = sessionOf(db);
  let closing: Promise<void> | null = null;
  const driver: SqlDriver = {
    kind: 'pglite',
    schema: null,
    query: session.query,
    exec: session.exec,
    async transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T> {
      try {
        return await db.transaction((tx) => fn(sessionOf(tx)));
      } catch (error) {
        throw wrapError(error, 'transaction');
      }
    },
    close() {
      closing ??= owned && !db.closed ? db.close() : Promise.resolve();
      return closing;
    },
  };
  return new SqlStore(driver);
}
