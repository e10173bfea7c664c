/**
 * Picks the adapter: PostgreSQL when a database URL is given, else embedded PGlite (in `dataDir`,
 * or in memory when neither is given). Migrates by default so callers get a ready store.
 */
import type { InspectableStore } from './store.js';
import { assertHoldsDatabase, lockDataDir } from './data-dir-lock.js';
import { mkdir } from 'node:fs/promises';

/** PGlite in a data directory, held by this process alone until the store is closed. */
async function openLockedPglite(dataDir: string, mode: 'read' | 'write'): Promise<InspectableStore> {
  if (mode === 'read') assertHoldsDatabase(dataDir);
  else await mkdir(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  try {
    const store = await (await import('./pglite-store.js')).openPgliteStore({ dataDir });
    const close = store.close.bind(store);
    return Object.assign(store, {
      async close() {
        try {
          await close();
        } finally {
          release();
        }
      },
    });
  } catch (error) {
    release();
    throw error;
  }
}

export interface OpenStoreOptions {
  /** postgres://…; takes precedence over dataDir. */
  databaseUrl?: string;
  /** PGlite data directory; undefined (and no databaseUrl) = in-memory. */
  dataDir?: string;
  /** PostgreSQL schema for the tables. */
  schema?: string;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /**
   * 'read' (list, show, status, export, serve): a data directory that holds no database is an
   * error (NoDatabaseError), and nothing is created. Default 'write'.
   */
  mode?: 'read' | 'write';
}

export async function openStore(options: OpenStoreOptions = {}): Promise<InspectableStore> {
  const databaseUrl = options.databaseUrl?.trim();
  // Each adapter loads its driver (pg, PGlite's WebAssembly) only when it is the one opened.
  const store = databaseUrl
    ? await (await import('./postgres-store.js')).openPostgresStore({ url: databaseUrl, ...(options.schema !== undefined ? { schema: options.schema } : {}) })
    : options.dataDir !== undefined
      ? await openLockedPglite(options.dataDir, options.mode ?? 'write')
      : await (await import('./pglite-store.js')).openPgliteStore({});
  if (options.migrate ?? true) {
    try {
      await store.migrate();
    } catch (error) {
      await store.close().catch(() => {});
      throw error;
    }
  }
  return store;
}
