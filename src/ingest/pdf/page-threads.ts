/**
 * One PDF's pages read on two threads at once: this one and a worker thread with its own PDFium
 * instance (the compiled WebAssembly module is posted to it, not compiled again). Each thread takes
 * the next unread page from a shared counter, so neither waits for the other however the pages'
 * costs differ; the results come back in page order, and a page the worker did not deliver (it
 * failed to start or died) is read here. Page reading and layout are about two thirds of a long
 * 决算's extraction, and the second core is otherwise idle in a one-document command.
 */
import { Worker } from 'node:worker_threads';
import type { PageResult } from '../read-pdf.js';

/** What a page's reading gave: its result, or what it threw. */
export type PageOutcome = { result: PageResult } | { error: unknown };

export interface PageWorkerData {
  /** PDFium's compiled WebAssembly. */
  module: WebAssembly.Module;
  bytes: Uint8Array;
  /** The shared counter: index of the next page nobody has taken. */
  next: Int32Array;
  pageCount: number;
}

/** Worker → this thread: a page's outcome (an error as its name and message, what crosses threads), then `done`. */
export type PageMessage = { index: number; result: PageResult } | { index: number; error: { name: string; message: string } } | { done: true };

/** Takes the next unread page (0-based) off the shared counter; ≥ pageCount when none is left. */
export function claimPage(next: Int32Array): number {
  return Atomics.add(next, 0, 1);
}

/** An error as it can cross to another thread. */
export function errorShape(error: unknown): { name: string; message: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
}

/** The page's result, or the error it threw. */
export function unwrapOutcome(outcome: PageOutcome | undefined): PageResult {
  if (!outcome) throw new Error('page was not read');
  if ('error' in outcome) throw outcome.error;
  return outcome.result;
}

/**
 * Reads pages 1…count with `readHere` on this thread and a worker thread running page-worker.js
 * over the same bytes. Outcomes are indexed by page − 1.
 */
export async function readPagesOnTwoThreads(
  count: number,
  source: Pick<PageWorkerData, 'module' | 'bytes'>,
  readHere: (n: number) => Promise<PageResult>,
): Promise<PageOutcome[]> {
  const next = new Int32Array(new SharedArrayBuffer(4));
  const outcomes: Array<PageOutcome | undefined> = new Array<PageOutcome | undefined>(count);
  const workerDone = startPageWorker({ ...source, next, pageCount: count }, outcomes);
  const readOne = async (index: number): Promise<PageOutcome> => {
    try {
      return { result: await readHere(index + 1) };
    } catch (error) {
      return { error };
    }
  };
  for (let index = claimPage(next); index < count; index = claimPage(next)) outcomes[index] = await readOne(index);
  await workerDone;
  for (let index = 0; index < count; index++) outcomes[index] ??= await readOne(index);
  return outcomes as PageOutcome[];
}

/** Starts the worker; resolves once it has delivered all it will (done, failed or exited). */
function startPageWorker(data: PageWorkerData, outcomes: Array<PageOutcome | undefined>): Promise<void> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./page-worker.js', import.meta.url), { workerData: data });
  } catch {
    // No worker (e.g. run from the TypeScript sources, where page-worker.js is not built): this
    // thread reads every page.
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const finish = (): void => {
      worker.unref();
      resolve();
    };
    worker.on('message', (message: PageMessage) => {
      if ('done' in message) finish();
      else if ('result' in message) outcomes[message.index] = { result: message.result };
      else outcomes[message.index] = { error: Object.assign(new Error(message.error.message), { name: message.error.name }) };
    });
    worker.once('error', finish);
    worker.once('exit', finish);
  });
}
