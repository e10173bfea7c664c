/**
 * The normalized text is not stored, only the original file: the report page re-reads the kept
 * bytes with the same reader the record came from, so the record's evidence offsets apply. Reads
 * are cached (a PDF takes seconds) and shared by concurrent requests.
 */
import { readLimitsOf, type ReadLimits, type SourceDocument } from '../ingest/document.js';
import { readDocument } from '../ingest/read.js';
import type { Store } from '../store/store.js';
import type { PageStart } from './source-text.js';

export interface LoadedSource {
  text: string;
  format: string;
  pageCount: number;
  /** Where pages 2… begin in the text (empty for formats without pages). */
  pageStarts: PageStart[];
}

export type SourceResult =
  | { ok: true; source: LoadedSource }
  | { ok: false; reason: 'not_kept' | 'unreadable'; message: string };

export interface SourceLoaderOptions extends ReadLimits {
  store: Pick<Store, 'getDocumentBytes'>;
  /** Documents kept in memory (default 8). */
  cacheSize?: number;
}

export type SourceLoader = (sha256: string, fileName: string) => Promise<SourceResult>;

/** Normalized offsets where each page after the first begins. */
export function findPageStarts(doc: Pick<SourceDocument, 'text' | 'toRaw' | 'rawPageStarts'>): PageStart[] {
  const starts = doc.rawPageStarts;
  const out: PageStart[] = [];
  let next = 1;
  for (let i = 0; i < doc.text.length && next < starts.length; i++) {
    const raw = doc.toRaw[i] ?? 0;
    while (next < starts.length && starts[next]! <= raw) {
      out.push({ page: next + 1, offset: i });
      next++;
    }
  }
  return out;
}

export function createSourceLoader(options: SourceLoaderOptions): SourceLoader {
  const cacheSize = options.cacheSize ?? 8;
  const cache = new Map<string, Promise<SourceResult>>();
  const load = async (sha256: string, fileName: string): Promise<SourceResult> => {
    const bytes = await options.store.getDocumentBytes(sha256);
    if (!bytes) return { ok: false, reason: 'not_kept', message: 'the original file is not kept in the store' };
    try {
      const doc = await readDocument(bytes, {
        fileName,
        ...readLimitsOf(options),
      });
      const paged = doc.format === 'pdf' || doc.format === 'image';
      return {
        ok: true,
        source: { text: doc.text, format: doc.format, pageCount: doc.pages.length, pageStarts: paged ? findPageStarts(doc) : [] },
      };
    } catch (error) {
      return { ok: false, reason: 'unreadable', message: error instanceof Error ? error.message : String(error) };
    }
  };
  return (sha256, fileName) => {
    const hit = cache.get(sha256);
    if (hit) {
      // Re-insert: Map order is the LRU order.
      cache.delete(sha256);
      cache.set(sha256, hit);
      return hit;
    }
    const pending = load(sha256, fileName);
    cache.set(sha256, pending);
    while (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    // A failed store read is not cached: the next request retries.
    pending.catch(() => cache.delete(sha256));
    return pending;
  };
}
