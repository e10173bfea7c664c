/**
 * One analysis on the thread pool within a time budget. A document still running when its budget
 * is spent ends with a typed `timeout` error: piscina terminates the thread it runs on (its
 * synchronous work cannot be interrupted any other way) and starts a fresh one, so the batch
 * goes on. A task that shared the terminated thread is run again once.
 */
import type { Piscina } from 'piscina';
import { TimeoutError } from '../errors.js';
import type { AnalyzeTask, AnalyzeTaskResult } from './analyze-task.js';

/** piscina's rejection of the other tasks of a thread it terminates. */
const THREAD_TERMINATED = 'Terminating worker thread';

export async function runWithBudget(pool: Piscina, task: AnalyzeTask, budgetMs: number): Promise<AnalyzeTaskResult> {
  for (let attempt = 0; ; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), budgetMs);
    try {
      return (await pool.run(task, { signal: controller.signal })) as AnalyzeTaskResult;
    } catch (error) {
      if (controller.signal.aborted) return timeoutResult(task.fileName, budgetMs);
      if (attempt === 0 && error instanceof Error && error.message === THREAD_TERMINATED) continue;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}

export function timeoutResult(fileName: string, budgetMs: number): AnalyzeTaskResult {
  const error = new TimeoutError(`analysis took longer than the budget of ${formatBudget(budgetMs)} and was stopped (JIXIAO_DOCUMENT_TIMEOUT_MS)`, { file: fileName });
  return { ok: false, code: error.code, message: error.message, disposition: error.disposition };
}

function formatBudget(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s` : `${ms} ms`;
}
