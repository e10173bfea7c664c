/**
 * Picks the adapter: PostgreSQL when a database URL is given, else embedded PGlite (in `dataDir`,
 * or in memory when neither is given). Migrates by default so callers get a ready store.
 */
import type { InspectableStore } from './store.js';

export interface OpenStoreOptions {
  /** postgres://…; takes precedence over dataDir. */
  databaseUrl?: string;
  /** PGlite data directory; undefined (and no databaseUrl) = in-memory. */
  dataDir?: string;
  /** PostgreSQL schema for the tables. */
  schema?: string;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
}

export async function openStore(options: OpenStoreOptions = {}): Promise<InspectableStore> {
  const databaseUrl = options.databaseUrl?.trim();
  // Each adapter loads its driver (pg, PGlite's WebAssembly) only when it is the one opened.
  const store = databaseUrl
    ? await (await import('./postgres-store.js')).openPostgresStore({ url: databaseUrl, ...(options.schema !== undefined ? { schema: options.schema } : {}) })
    : await (await import('./pglite-store.js')).openPgliteStore(options.dataDir !== undefined ? { dataDir: options.dataDir } : {});
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
