/**
 * The check groups that read only the document (checkDocument / checkDocumentAlone), run apart —
 * on the page worker while the record is extracted — and handed to checkRecord, give exactly the
 * checks checkRecord gives alone, also after crossing a thread (a structured clone).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECK_RULES, checkDocument, checkDocumentAlone, checkRawDocumentAlone, checkRecord } from '../../src/check/index.js';
import { extractRecord } from '../../src/extract/extract-record.js';
import { readDocument } from '../../src/ingest/read.js';
import type { SourceDocument } from '../../src/ingest/document.js';
import type { CheckResult } from '../../src/schema/record.js';

const REALPDF = fileURLToPath(new URL('../../../shared/realpdf', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../fixtures/corpus', import.meta.url));

async function read(path: string): Promise<SourceDocument> {
  return readDocument(new Uint8Array(readFileSync(path)), { fileName: path.split('/').pop(), ocr: false });
}

function sameChecks(doc: SourceDocument): { alone: CheckResult[]; apart: CheckResult[] } {
  const record = extractRecord(doc, { fileName: 'x', sha256: null });
  const options = { text: doc.text, doc };
  return { alone: checkRecord(record, options), apart: checkRecord(record, options, structuredClone(checkDocumentAlone(doc))) };
}

describe('checks that read only the document, run apart', () => {
  it('a document rule reads no more of the record than its parts: checkDocument needs only them', async () => {
    const doc = await read(`${CORPUS}/t001.txt`);
    const record = extractRecord(doc, { fileName: 't001.txt', sha256: null });
    expect(checkDocument(doc, record.parts)).toEqual(checkDocumentAlone(doc));
    expect(Object.keys(checkDocumentAlone(doc))).toEqual(CHECK_RULES.filter((r) => r.reads === 'document').map((r) => r.id));
  });

  it('gives the same checks as checkRecord alone on labelled texts', async () => {
    for (const name of ['t001.txt', 't010.txt', 't100.txt', 't200.txt']) {
      if (!existsSync(`${CORPUS}/${name}`)) continue;
      const { alone, apart } = sameChecks(await read(`${CORPUS}/${name}`));
      expect(JSON.stringify(apart)).toBe(JSON.stringify(alone));
    }
  });

  it.skipIf(!existsSync(`${REALPDF}/putuo-finance-2024-final-accounts-altered.pdf`))('gives the same checks as checkRecord alone on a 决算 with findings', async () => {
    const { alone, apart } = sameChecks(await read(`${REALPDF}/putuo-finance-2024-final-accounts-altered.pdf`));
    expect(alone.some((r) => r.rule.startsWith('sangong') || r.rule.startsWith('narrative.'))).toBe(true);
    expect(JSON.stringify(apart)).toBe(JSON.stringify(alone));
  });

  it.skipIf(!existsSync(`${REALPDF}/putuo-finance-2024-final-accounts-altered.pdf`))('gives the same from the read document alone, normalized again on the other side (what analyze hands the worker)', async () => {
    const doc = await read(`${REALPDF}/putuo-finance-2024-final-accounts-altered.pdf`);
    const { rawText: _rawText, text: _text, toRaw: _toRaw, rawPageStarts: _rawPageStarts, blockSpans: _blockSpans, ...raw } = doc;
    expect(JSON.stringify(checkRawDocumentAlone(structuredClone(raw)))).toBe(JSON.stringify(checkDocumentAlone(doc)));
  });

  it('uses the results handed over instead of running those groups again', async () => {
    const doc = await read(`${CORPUS}/t001.txt`);
    const record = extractRecord(doc, { fileName: 't001.txt', sha256: null });
    const done = checkDocumentAlone(doc);
    const planted: CheckResult = { rule: 'number_format.planted', status: 'fail', certainty: 'definite', message: { zh: '植入', en: 'planted' }, evidence: [] } as unknown as CheckResult;
    done['number_format'] = [planted];
    const checks = checkRecord(record, { text: doc.text, doc }, done);
    expect(checks.filter((r) => r.rule === 'number_format.planted')).toHaveLength(1);
  });
});
