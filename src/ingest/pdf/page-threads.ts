/**
 * One PDF's pages read on two threads at once: this one and a worker thread with its own PDFium
 * instance (the compiled WebAssembly module is posted to it, not compiled again). Each thread takes
 * the next unread page from a shared counter, so neither waits for the other however the pages'
 * costs differ; the results come back in page order, and a page the worker did not deliver (it
 * failed to start or died) is read here. Page reading and layout are about two thirds of a long
 * 决算's extraction, and the second core is otherwise idle in a one-document command.
 *
 * A worker reads one document, then ends. A command can start it early (startPageWorker) so that
 * its start-up overlaps the command's own instead of delaying the read.
 */
import { Worker } from 'node:worker_threads';
import { compilePdfium } from './pdfium.js';
import type { PageResult } from '../read-pdf.js';

/** What a page's reading gave: its result, or what it threw. */
export type PageOutcome = { result: PageResult } | { error: unknown };

/** One document for the worker: its bytes, the shared counter (next page nobody has taken) and its page count. */
export interface PageJob {
  bytes: Uint8Array;
  next: Int32Array;
  pageCount: number;
}

/** This thread → worker: PDFium's compiled module (first), then documents. */
export type ToPageWorker = { module: WebAssembly.Module } | { job: PageJob };

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

interface PageWorker {
  worker: Worker;
  /** Resolves once the compiled module is posted (before any job), false when it could not be. */
  ready: Promise<boolean>;
  /** Failed to start or exited: it takes no more jobs. */
  gone: boolean;
  /** Receives the running job's messages; called with `{ done: true }` too when the worker goes. */
  listener?: (message: PageMessage) => void;
}

let pageWorker: PageWorker | undefined;

/**
 * The worker's young generation, in MiB. V8's default lets a busy thread's grow to tens of MiB;
 * the peak of a long read is when both threads hold their PDFium memory, and the page results are
 * short-lived: a small one keeps the 178-page run's peak under 250 MiB (10–20 MiB less measured).
 */
const WORKER_YOUNG_GENERATION_MB = 8;

/**
 * Starts the page worker for the next document, unless one is waiting already, without waiting
 * for it. It does not keep the process alive while idle.
 */
export function startPageWorker(): void {
  if (pageWorker && !pageWorker.gone) return;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./page-worker.js', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  } catch {
    // No worker (e.g. run from the TypeScript sources, where page-worker.js is not built): this
    // thread reads every page.
    return;
  }
  const state: PageWorker = {
    worker,
    gone: false,
    ready: compilePdfium().then(
      (module) => {
        worker.postMessage({ module } satisfies ToPageWorker);
        return true;
      },
      () => false,
    ),
  };
  const leave = (): void => {
    state.gone = true;
    state.listener?.({ done: true });
  };
  worker.on('message', (message: PageMessage) => state.listener?.(message));
  worker.once('error', leave);
  worker.once('exit', leave);
  worker.unref();
  pageWorker = state;
}

/**
 * Reads pages 1…count with `readHere` on this thread and on the page worker (started here if no
 * one has) over the same bytes. Outcomes are indexed by page − 1.
 */
export async function readPagesOnTwoThreads(count: number, bytes: Uint8Array, readHere: (n: number) => Promise<PageResult>): Promise<PageOutcome[]> {
  startPageWorker();
  const next = new Int32Array(new SharedArrayBuffer(4));
  const outcomes: Array<PageOutcome | undefined> = new Array<PageOutcome | undefined>(count);
  const workerDone = runJob({ bytes, next, pageCount: count }, outcomes);
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

/** Hands `job` to the page worker; resolves once it has delivered all it will (done or gone). */
async function runJob(job: PageJob, outcomes: Array<PageOutcome | undefined>): Promise<void> {
  const state = pageWorker;
  if (!state || state.gone || !(await state.ready) || state.gone) return;
  // Waiting for its messages must keep the process alive; idle, it must not.
  state.worker.ref();
  try {
    await new Promise<void>((resolve) => {
      state.listener = (message) => {
        if ('done' in message) resolve();
        else if ('result' in message) outcomes[message.index] = { result: message.result };
        else outcomes[message.index] = { error: Object.assign(new Error(message.error.message), { name: message.error.name }) };
      };
      state.worker.postMessage({ job } satisfies ToPageWorker);
    });
  } finally {
    // Its PDFium memory (WebAssembly memory never shrinks) is not kept through the analysis that
    // follows: the worker ends with its document, and the next document starts another.
    state.listener = undefined;
    state.gone = true;
    void state.worker.terminate();
  }
}
