/**
 * One process per embedded database. PGlite is PostgreSQL in one process with no shared-memory
 * locking: two processes that open the same data directory write over each other's pages. The
 * first to open it holds `jixiao.lock` (its pid, host and command) until it closes; another one is
 * refused with a DataDirInUseError that says to use PostgreSQL for several workers. A lock left
 * by a process that no longer runs is taken over.
 */
import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DataDirInUseError, NoDatabaseError } from '../errors.js';

export const LOCK_FILE = 'jixiao.lock';

interface LockInfo {
  pid: number;
  host: string;
  command: string;
  since: string;
}

/** True when the directory holds a PGlite (PostgreSQL) cluster. */
export function holdsDatabase(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

/** For read commands: refuses a directory with no database, before anything creates one. */
export function assertHoldsDatabase(dataDir: string): void {
  if (!holdsDatabase(dataDir))
    throw new NoDatabaseError(`no jixiao database in ${dataDir}: run \`jixiao ingest\` first, or point --data-dir (JIXIAO_DATA_DIR) at the directory that holds one`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/**
 * Takes the directory's lock (the directory must exist). Returns the function that releases it;
 * it is also released when the process exits.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, host: hostname(), command: process.argv.slice(1).join(' '), since: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw inUse(dataDir, readLock(path));
      const holder = readLock(path);
      // Another host's pid means nothing here: only a lock from this host can be judged stale.
      if (holder && (holder.host !== info.host || isRunning(holder.pid))) throw inUse(dataDir, holder);
      try {
        unlinkSync(path);
      } catch {
        // taken over by another process meanwhile: the next attempt says so
      }
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (readLock(path)?.pid === process.pid) {
      try {
        unlinkSync(path);
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', release);
  return release;
}

function inUse(dataDir: string, holder: LockInfo | null): DataDirInUseError {
  const who = holder ? `process ${holder.pid} on ${holder.host} (${holder.command}, since ${holder.since})` : 'another process';
  return new DataDirInUseError(
    `the embedded database in ${dataDir} is in use by ${who}. The embedded database has one writer: stop that process, or use PostgreSQL (--database-url / JIXIAO_DATABASE_URL) to run several workers or commands at once`,
  );
}
