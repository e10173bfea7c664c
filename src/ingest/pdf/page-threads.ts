/**
 * One PDF's pages read on two threads at once: this one and a worker thread with its own PDFium
 * instance (the compiled WebAssembly module is posted to it, not compiled again). This thread
 * takes pages from the front, the worker from the back, each the next one nobody has taken, until
 * they meet: neither waits for the other however the pages' costs differ, and each thread meets
 * most of a source document's fonts alone (PDFium loads a font once per open document: handing
 * out pages alternately made both threads load nearly every font, ≈ 0.12 s more CPU on the
 * 178-page 决算). The results come back in page order, and a page the worker did not deliver (it
 * failed to start or died) is read here. Page reading and layout are about two thirds of a long
 * 决算's extraction, and the second core is otherwise idle in a one-document command.
 *
 * A worker reads one document, then waits, parked, for one task (runOnPageWorker: the checks
 * that read only the document, run there while this thread extracts the record), and ends after
 * it; a parked worker no one gives a task ends when the next document starts, or with the process.
 * A command can start it early (startPageWorker), and even hand it the document before this
 * thread is ready to read (startReadingEarly): its pages are then read while this thread is still
 * loading the analysis modules.
 */
import { Worker } from 'node:worker_threads';
import { compilePdfium } from './pdfium.js';
import type { Block, PageInfo } from '../document.js';

/** What a page's reading gave: its result, or what it threw. */
/** One page as a thread read it: its facts, its blocks and what went wrong on the way. */
export interface PageResult {
  info: PageInfo;
  blocks: Block[];
  warnings: string[];
}

export type PageOutcome = { result: PageResult } | { error: unknown };

/**
 * Pages taken so far, from the front (low 32 bits) and from the back (high 32 bits), in one
 * 64-bit cell so that one compare-and-swap takes a page and no page is taken twice.
 */
export type PageClaims = BigInt64Array;

/** One document for the worker: its bytes and the shared claims; the worker counts its pages itself. */
export interface PageJob {
  bytes: Uint8Array;
  claims: PageClaims;
}

/** A task for the worker after its pages: the export `name` of the module at `url`, called with a clone of `arg`. */
export interface PageWorkerTask {
  url: string;
  name: string;
  arg: unknown;
}

/**
 * This thread → worker: PDFium's compiled module (first), then a document, then at most one task;
 * at any time, the module the task will come from (`prepare`: imported once the pages are read).
 */
export type ToPageWorker = { module: WebAssembly.Module } | { job: PageJob } | { task: PageWorkerTask } | { prepare: string };

/**
 * Worker → this thread: a page's outcome (an error as its name and message, what crosses
 * threads), then `done`; for a task, its value or its error.
 */
export type PageMessage =
  | { index: number; result: PageResult }
  | { index: number; error: { name: string; message: string } }
  | { done: true }
  | { taskResult: unknown }
  | { taskError: { name: string; message: string } };

export function newPageClaims(): PageClaims {
  return new BigInt64Array(new SharedArrayBuffer(8));
}

const LOW = 0xffffffffn;

/**
 * Takes the next unread page (0-based) of a `count`-page document from the front, or from the
 * back; undefined when every page is taken.
 */
export function claimPage(claims: PageClaims, count: number, fromBack = false): number | undefined {
  for (;;) {
    const taken = Atomics.load(claims, 0);
    const front = Number(taken & LOW);
    const back = Number(taken >> 32n);
    if (front + back >= count) return undefined;
    const next = fromBack ? taken + (1n << 32n) : taken + 1n;
    if (Atomics.compareExchange(claims, 0, taken, next) === taken) return fromBack ? count - 1 - back : front;
  }
}

/** Marks every page taken: a thread still reading stops after its current page. */
function closeClaims(claims: PageClaims): void {
  Atomics.store(claims, 0, LOW);
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

/** The worker that delivered the last document's pages, waiting for one task (runOnPageWorker). */
let parked: PageWorker | undefined;

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
  endParkedWorker();
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

/** A document handed to the worker: the pages it delivered so far, and when it is done with it. */
interface RunningJob {
  bytes: Uint8Array;
  claims: PageClaims;
  outcomes: Map<number, PageOutcome>;
  done: Promise<void>;
  /** The worker reading it, if one started. */
  reader: PageWorker | undefined;
}

/** The document startReadingEarly handed over, until readPagesOnTwoThreads takes it up. */
let early: RunningJob | undefined;

/**
 * Hands `bytes` (a PDF a one-document command will read) to the page worker now, started here
 * if need be: it reads pages from the back while this thread loads the rest of the command.
 * readPagesOnTwoThreads takes the job up when it is given the same bytes; a worker that finds
 * fewer pages than `MIN_PAGES_FOR_TWO_THREADS` leaves the document to this thread.
 */
export function startReadingEarly(bytes: Uint8Array): void {
  if (early) return;
  startPageWorker();
  early = runJob(bytes, newPageClaims());
}

/**
 * Reads pages 1…count with `readHere` on this thread and on the page worker (started here if no
 * one has) over the same bytes. Outcomes are indexed by page − 1.
 */
export async function readPagesOnTwoThreads(count: number, bytes: Uint8Array, readHere: (n: number) => Promise<PageResult>): Promise<PageOutcome[]> {
  let job = early;
  early = undefined;
  if (job && !sameBytes(job.bytes, bytes)) {
    // Another document than the one handed over early (the file changed in between): its worker
    // is ended (its messages must not reach another job), and another one reads this document.
    closeClaims(job.claims);
    if (job.reader) endWorker(job.reader);
    job = undefined;
  }
  if (!job) {
    startPageWorker();
    job = runJob(bytes, newPageClaims());
  }
  // Waiting for the worker's pages keeps the process alive; an idle worker (or one reading a
  // document handed over early that no one takes up) does not: it is unref'd.
  job.reader?.worker.ref();
  const readOne = async (index: number): Promise<PageOutcome> => {
    try {
      return { result: await readHere(index + 1) };
    } catch (error) {
      return { error };
    }
  };
  const outcomes: Array<PageOutcome | undefined> = new Array<PageOutcome | undefined>(count);
  for (let index = claimPage(job.claims, count); index !== undefined; index = claimPage(job.claims, count)) outcomes[index] = await readOne(index);
  await job.done;
  for (let index = 0; index < count; index++) outcomes[index] ??= job.outcomes.get(index) ?? (await readOne(index));
  return outcomes as PageOutcome[];
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a === b || (a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength)));
}

/** Hands a document to the page worker; `done` resolves once it has delivered all it will (done or gone). */
function runJob(bytes: Uint8Array, claims: PageClaims): RunningJob {
  const outcomes = new Map<number, PageOutcome>();
  const state = pageWorker && !pageWorker.gone ? pageWorker : undefined;
  return { bytes, claims, outcomes, done: deliver(state, { bytes, claims }, outcomes), reader: state };
}

async function deliver(state: PageWorker | undefined, job: PageJob, outcomes: Map<number, PageOutcome>): Promise<void> {
  if (!state || state.gone || !(await state.ready) || state.gone) return;
  try {
    await new Promise<void>((resolve) => {
      state.listener = (message) => {
        if ('done' in message) resolve();
        else if ('result' in message) outcomes.set(message.index, { result: message.result });
        else if ('error' in message) outcomes.set(message.index, { error: Object.assign(new Error(message.error.message), { name: message.error.name }) });
      };
      state.worker.postMessage({ job } satisfies ToPageWorker);
      if (expectedTask) state.worker.postMessage({ prepare: expectedTask } satisfies ToPageWorker);
    });
  } finally {
    // Parked for one task, idle (unref'd: it keeps no process alive). Its PDFium memory
    // (WebAssembly memory never shrinks) is kept until that task is done, not for another
    // document: the next document starts another worker.
    state.listener = undefined;
    state.worker.unref();
    if (!state.gone) {
      endParkedWorker();
      parked = state;
    }
  }
}

/** The module of the task the next document's worker will be given (expectPageWorkerTask). */
let expectedTask: string | undefined;

/**
 * Says that the document about to be read will give its page worker a task from the module at
 * `url` (runOnPageWorker). The worker imports it once its pages are read, while this thread
 * finishes its own and normalizes the document: the import (≈ 40 ms of CPU for the checks) is
 * then done when the task comes. A worker already reading (a document handed over early) is told
 * now; one started later, with its job.
 */
export function expectPageWorkerTask(url: URL): void {
  expectedTask = url.href;
  if (pageWorker && !pageWorker.gone) pageWorker.worker.postMessage({ prepare: url.href } satisfies ToPageWorker);
}

/** Ends the parked worker, if any (one whose document no one gave a task). */
export function endParkedWorker(): void {
  const state = parked;
  parked = undefined;
  if (state) endWorker(state);
}

/**
 * Runs the export `name` of the module at `url` on the worker that read the last document's pages,
 * with a clone of `arg`; the worker ends after it. Undefined when there is no such worker (a
 * short or non-PDF document, one read on this thread alone, a worker that died): the caller runs
 * it here. The worker's resource limits apply (its young generation is small).
 */
export function runOnPageWorker<T>(url: URL, name: string, arg: unknown): Promise<T> | undefined {
  const state = parked;
  parked = undefined;
  if (!state || state.gone) return undefined;
  state.worker.ref();
  return new Promise<T>((resolve, reject) => {
    state.listener = (message) => {
      if ('taskResult' in message) resolve(message.taskResult as T);
      else if ('taskError' in message) reject(Object.assign(new Error(message.taskError.message), { name: message.taskError.name }));
      else if ('done' in message) reject(new Error('the page worker ended before its task was done'));
    };
    state.worker.postMessage({ task: { url: url.href, name, arg } } satisfies ToPageWorker);
  }).finally(() => {
    state.listener = undefined;
    endWorker(state);
  });
}

/** A worker serves one document: ended, it takes no other, and the next document starts another. */
function endWorker(state: PageWorker): void {
  state.gone = true;
  void state.worker.terminate();
}
