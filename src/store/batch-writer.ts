/**
 * Group commits for a store: saves that arrive while a write is running are written together by the
 * next `saveRecords` call, in one transaction. Under a light load every save is written on its own
 * at once; when the store is the bottleneck, batches grow by themselves (up to `maxBatch`). A batch
 * that fails is retried record by record, so one bad record fails alone and the rest are stored.
 */
import type { RecordInput, Store } from './store.js';

export interface BatchWriterOptions {
  /** Most records per transaction (default 32). */
  maxBatch?: number;
}

export interface BatchWriter {
  /** Resolves once this record is committed; rejects with the error of this record alone. */
  save(item: RecordInput): Promise<void>;
  /** Resolves when everything handed to `save` so far has been written or has failed. */
  drain(): Promise<void>;
}

interface Pending {
  item: RecordInput;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function createBatchWriter(store: Pick<Store, 'saveRecords'>, options: BatchWriterOptions = {}): BatchWriter {
  const maxBatch = Math.max(1, options.maxBatch ?? 32);
  const queue: Pending[] = [];
  let running: Promise<void> | null = null;

  const writeBatch = async (batch: Pending[]): Promise<void> => {
    try {
      await store.saveRecords(batch.map((pending) => pending.item));
      for (const pending of batch) pending.resolve();
      return;
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
    }
    // The batch rolled back as a whole: find the culprit(s) by writing each on its own.
    for (const pending of batch) {
      try {
        await store.saveRecords([pending.item]);
        pending.resolve();
      } catch (error) {
        pending.reject(error);
      }
    }
  };

  const run = async (): Promise<void> => {
    while (queue.length > 0) await writeBatch(queue.splice(0, maxBatch));
    running = null;
  };

  return {
    save(item) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        running ??= run();
      });
    },
    async drain() {
      while (running) await running;
    },
  };
}
