import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/ingest/read.js';
import { findNumbers } from '../../src/extract/numbers.js';
import { numbersInSpan, readSentenceNumbers } from '../../src/extract/sentence-numbers.js';
import { segmentDocument } from '../../src/segment/segment.js';
import type { SourceDocument } from '../../src/ingest/document.js';

const CORPUS = '../shared/corpus/';
const SEED = '../shared/seed/huadu-2021-jgdgw.txt';

async function docOf(bytes: Uint8Array, fileName: string): Promise<SourceDocument> {
  return readDocument(bytes, { fileName, ocr: false });
}

/** The span's numbers as the shared reading gives them, as findNumbers would print them for the span alone. */
function shared(doc: SourceDocument, start: number, end: number): string | null {
  const got = numbersInSpan(doc, readSentenceNumbers(doc, segmentDocument(doc)), start, end);
  return got && JSON.stringify(got.map((n) => ({ ...n.match, start: n.start - start, end: n.end - start })));
}

function grammar(doc: SourceDocument, start: number, end: number): string {
  return JSON.stringify(findNumbers(doc.text.slice(start, end)));
}

describe('sentence numbers: the number grammar read once per document', () => {
  it('gives the grammar’s own list for every block, line and cut span of the real texts it answers', async () => {
    const files = [...readdirSync(CORPUS).filter((n) => /^r\d+\.txt$/u.test(n)).map((n) => CORPUS + n), SEED];
    let asked = 0;
    let answered = 0;
    for (const file of files) {
      const doc = await docOf(new Uint8Array(readFileSync(file)), file);
      const seg = segmentDocument(doc);
      const spans: [number, number, boolean][] = [...doc.blockSpans.filter((b) => !b.cells).map((b): [number, number, boolean] => [b.start, b.end, true]), ...seg.lines.map((l): [number, number, boolean] => [l.start, l.end, true])];
      // Spans cut inside sentences at both ends, as a hard-wrapped text's blocks are.
      for (const l of seg.lines) for (let k = 1; k < 4; k++) spans.push([l.start + Math.floor(((l.end - l.start) * k) / 7), l.end - Math.floor(((l.end - l.start) * k) / 9), false]);
      for (const [start, end, whole] of spans) {
        const got = shared(doc, start, end);
        if (whole) asked++;
        if (got === null) continue;
        if (whole) answered++;
        expect(got, `${file} ${start}–${end}`).toBe(grammar(doc, start, end));
      }
    }
    // Most blocks and lines are answered from the reading, else it saves nothing (in these texts the
    // rest are pieces of one sentence: lines a hard-wrapped text joins).
    expect(answered / asked).toBeGreaterThan(0.7);
  });

  it('abstains where reading the span whole differs from reading its sentences', async () => {
    const cases = [
      // a quote opened before a sentence end: 三个 is inside it
      '他说：“今年完成。三个项目”，全年。',
      // a closer before a minus sign: no minus in the span
      '工作如下（详见附件。）-5万元',
      // 」 before a list marker: "1" is a figure in the span
      '经费如下。」1.培训经费5万元。',
      // a label on the line before: 电话 … number is an identifier
      '联系电话：\n8690022',
    ];
    for (const text of cases) {
      const doc = await docOf(Buffer.from(`2021年自评报告\n${text}\n`), 'x.txt');
      const start = doc.text.indexOf(text.split('\n')[0]!);
      const end = start + text.length;
      const seg = segmentDocument(doc);
      const bySentence = JSON.stringify(seg.sentences.filter((s) => s.start >= start && s.end <= end).flatMap((s) => findNumbers(doc.text.slice(s.start, s.end)).map((m) => m.text)));
      expect(bySentence, text).not.toBe(JSON.stringify(findNumbers(doc.text.slice(start, end)).map((m) => m.text)));
      expect(shared(doc, start, end), text).toBeNull();
    }
  });

  it('answers a span of whole sentences and cut ones', async () => {
    const text = '支出5万元。约3万元用于培训。';
    const doc = await docOf(Buffer.from(`2021年自评报告\n${text}\n`), 'x.txt');
    const start = doc.text.indexOf(text);
    for (const [from, to] of [
      [start, start + text.length],
      [start + 2, start + text.length - 3],
    ] as const) {
      expect(shared(doc, from, to)).not.toBeNull();
      expect(shared(doc, from, to)).toBe(grammar(doc, from, to));
    }
  });
});
