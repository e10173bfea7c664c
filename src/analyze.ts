import { createHash } from 'node:crypto';
import type { ReadOptions, SourceDocument } from './ingest/document.js';
import type { ReportRecord } from './schema/record.js';
import { readDocument } from './ingest/read.js';
import { extractRecord } from './extract/extract-record.js';
import { checkRecord, type DocumentChecks } from './check/index.js';
import { endParkedWorker, expectPageWorkerTask, runOnPageWorker } from './ingest/pdf/page-threads.js';
import { NoTextError, NotTextError } from './errors.js';
import { measureTextQuality, whyNotText } from './ingest/text-quality.js';
import { codeClass } from './extract/char-class.js';

export interface AnalyzeOptions extends ReadOptions {
  /** sha256 of the bytes when the caller already has it. */
  sha256?: string;
}

export interface Analysis {
  sha256: string;
  doc: SourceDocument;
  record: ReportRecord;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The whole per-file pipeline: read → normalize → segment → extract → check. A document with no
 * usable text (a scan with OCR unavailable) is an input error, never an empty success.
 */
export async function analyzeBytes(bytes: Uint8Array, options: AnalyzeOptions = {}): Promise<Analysis> {
  const sha256 = options.sha256 ?? sha256Of(bytes);
  if (options.parallelPages) expectPageWorkerTask(CHECK_MODULE);
  const doc = await readDocument(bytes, options);
  let beside: Promise<DocumentChecks | undefined> | undefined;
  try {
    assertHasText(doc, options.fileName);
    beside = checkDocumentBeside(doc);
  } finally {
    if (!beside) endParkedWorker();
  }
  const record = extractRecord(doc, { fileName: options.fileName ?? null, sha256 });
  record.checks = checkRecord(record, { text: doc.text, doc }, await beside);
  return { sha256, doc, record };
}

/** The module of the checks the page worker runs (checkDocumentBeside). */
const CHECK_MODULE = new URL('./check/index.js', import.meta.url);

/**
 * The checks that read only the document, run on the worker that read half of its pages (idle
 * once they are read) while this thread extracts the record: the 决算 table checks and the
 * breakdowns, about a sixth of a long 决算's analysis, off this thread. Undefined without such a
 * worker (a document read on one thread); a failed or lost worker gives undefined too, and
 * checkRecord then runs those checks here: the same results either way.
 */
function checkDocumentBeside(doc: SourceDocument): Promise<DocumentChecks | undefined> | undefined {
  // The read document without what normalization adds (the worker normalizes it again).
  const { rawText: _rawText, text: _text, toRaw: _toRaw, rawPageStarts: _rawPageStarts, blockSpans: _blockSpans, ...raw } = doc;
  return runOnPageWorker<DocumentChecks>(CHECK_MODULE, 'checkRawDocumentAlone', raw)?.catch(() => undefined);
}

const isSpaceCode = codeClass(/\s/u);

/**
 * Whether `text` has fewer than `n` UTF-16 units that are not white space (every white space
 * character is one unit), counted until there are n: the length of `text` without its white space.
 */
function hasFewerCharsThan(text: string, n: number): boolean {
  let chars = 0;
  for (let i = 0; i < text.length && chars < n; i++) if (!isSpaceCode(text.charCodeAt(i))) chars++;
  return chars < n;
}

/** Refuses documents whose text layer is empty or nearly so, or is not language (see text-quality). */
export function assertHasText(doc: SourceDocument, fileName?: string): void {
  const unread = doc.pages.filter((p) => p.needsOcr && p.ocrConfidence === undefined);
  if (hasFewerCharsThan(doc.text, 20)) {
    const why =
      unread.length > 0
        ? `${unread.length} of ${doc.pages.length} pages have no usable text layer (${[...new Set(unread.map((p) => p.ocrReason ?? 'empty'))].join(', ')}): it looks scanned and needs OCR`
        : 'the document holds no text';
    throw new NoTextError(why, { file: fileName });
  }
  const notText = whyNotText(measureTextQuality(doc.text));
  if (notText) throw new NotTextError(`not text: ${notText}`, { file: fileName });
}
