import type { Config } from '../config.js';
import type { Store } from '../store/store.js';

export interface StoreOptions {
  dataDir?: string;
  databaseUrl?: string;
}

/**
 * Opens the configured store (flag, then environment, then default), runs `fn`, closes it. Read
 * commands pass mode 'read': a data directory with no database is then an error, never created.
 */
export async function withStore<T>(config: Config, opts: StoreOptions, fn: (store: Store) => Promise<T>, mode: 'read' | 'write' = 'write'): Promise<T> {
  // Loaded here, not at the top: `jixiao --help` loads no store.
  const { openStore } = await import('../store/open-store.js');
  const databaseUrl = opts.databaseUrl ?? config.databaseUrl;
  const store = await openStore({ ...(databaseUrl ? { databaseUrl } : {}), dataDir: opts.dataDir ?? config.dataDir, mode });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** withStore for commands that only read (list, show, status, export, departments). */
export const withStoreToRead = <T>(config: Config, opts: StoreOptions, fn: (store: Store) => Promise<T>): Promise<T> => withStore(config, opts, fn, 'read');
