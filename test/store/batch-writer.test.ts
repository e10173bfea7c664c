import { describe, expect, it } from 'vitest';
import { createBatchWriter } from '../../src/store/batch-writer.js';
import type { RecordInput } from '../../src/store/store.js';
import { sampleRecord } from './sample-record.js';

function item(sha256: string): RecordInput {
  return { sha256, record: sampleRecord() };
}

/** A store whose saveRecords calls wait until the test lets them finish. */
function gatedStore(failWhen: (shas: string[]) => boolean = () => false) {
  const calls: string[][] = [];
  const gates: Array<() => void> = [];
  return {
    calls,
    openNext() {
      gates.shift()?.();
    },
    async saveRecords(items: readonly RecordInput[]): Promise<void> {
      const shas = items.map((i) => i.sha256);
      calls.push(shas);
      await new Promise<void>((resolve) => gates.push(resolve));
      if (failWhen(shas)) throw new Error(`bad batch ${shas.join(',')}`);
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createBatchWriter', () => {
  it('writes the first save at once and the saves that queue up meanwhile together', async () => {
    const store = gatedStore();
    const writer = createBatchWriter(store);
    const a = writer.save(item('a'));
    await tick();
    expect(store.calls).toEqual([['a']]);
    const rest = ['b', 'c', 'd'].map((sha) => writer.save(item(sha)));
    await tick();
    expect(store.calls).toHaveLength(1);
    store.openNext();
    await a;
    await tick();
    expect(store.calls).toEqual([['a'], ['b', 'c', 'd']]);
    store.openNext();
    await Promise.all(rest);
    await writer.drain();
  });

  it('keeps batches within maxBatch', async () => {
    const store = gatedStore();
    const writer = createBatchWriter(store, { maxBatch: 2 });
    const all = ['a', 'b', 'c', 'd', 'e'].map((sha) => writer.save(item(sha)));
    for (let i = 0; i < 3; i++) {
      await tick();
      store.openNext();
    }
    await Promise.all(all);
    expect(store.calls).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
  });

  it('retries a failed batch record by record, so only the bad record fails', async () => {
    const store = gatedStore((shas) => shas.includes('bad'));
    const writer = createBatchWriter(store);
    const first = writer.save(item('a'));
    const batch = ['b', 'bad', 'c'].map((sha) => writer.save(item(sha)));
    const settled = Promise.allSettled([first, ...batch]);
    for (let i = 0; i < 5; i++) {
      await tick();
      store.openNext();
    }
    const results = await settled;
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[2] as PromiseRejectedResult).reason)).toContain('bad batch bad');
    expect(store.calls).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
  });

  it('drain resolves once every save has settled', async () => {
    const store = gatedStore();
    const writer = createBatchWriter(store);
    let done = false;
    void writer.save(item('a')).then(() => (done = true));
    const drained = writer.drain().then(() => done);
    await tick();
    store.openNext();
    expect(await drained).toBe(true);
  });
});
