/** The 情况说明 reader: hard-wrapped lines are one paragraph, so a sentence cut by a line keeps its figures. */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/ingest/document.js';
import { normalizeDocument } from '../../../src/normalize/normalize.js';
import type { CheckResult, ReportRecord } from '../../../src/schema/record.js';
import { checkAccounts } from '../../../src/check/accounts/index.js';
import { readNarrative } from '../../../src/check/accounts/narrative.js';

const RECORD = { parts: [] } as unknown as ReportRecord;

function docOf(lines: string[]) {
  const blocks: Block[] = lines.map((text) => ({ kind: 'paragraph', text, page: 1 }));
  return normalizeDocument({ format: 'pdf', pages: [{ number: 1, chars: 1000, needsOcr: false }], blocks, warnings: [] });
}

const changes = (lines: string[]): [string, string | null][] =>
  checkAccounts(RECORD, docOf(lines))
    .filter((r: CheckResult) => r.rule === 'narrative.change')
    .map((r) => [r.status, r.certainty ?? null]);

/** Lines cut at a fixed width, as a PDF's text layer prints a 预算 说明. */
const WRAPPED = [
  '项目支出预算 48100 元,占支出总预算的 4.43%,同比无增',
  '减变化。',
  '其中:',
  '(一)文化旅游体育与传媒支出类科目 850088.3 元,',
  '占支出总预算 78.33%,同比减少 54357.12 元,下降 6.01 %。',
  '(二)社会保障和就业支出类科目 116433.12 元,占支',
  '出总预算 10.73 %,同比增加 16803.36 元,增长 14.43%。',
  '(三)卫生健康支出类科目 43897.73 元,占支出总预',
  '算4.05 %,同比减少 6014.46 元,下降 12.05 %。',
];

describe('readNarrative on a hard-wrapped text', () => {
  it('joins the lines a sentence runs over, and a "(二)…元," line is a paragraph, not a heading', () => {
    const texts = readNarrative(docOf(WRAPPED), 0).map((s) => s.text);
    expect(texts).toContain('(二)社会保障和就业支出类科目116433.12元,占支出总预算10.73%,同比增加16803.36元,增长14.43%。');
    expect(texts).toContain('项目支出预算48100元,占支出总预算的4.43%,同比无增减变化。');
  });

  it('keeps lines apart in an ordinary text: a title without punctuation is not glued to its paragraph', () => {
    const texts = readNarrative(docOf(['部门预算公开说明', '本年支出合计100万元，比上年增加10万元，增长11.11%。', '(一)基本支出', '基本支出80万元。']), 0).map((s) => s.text);
    expect(texts).toEqual(['部门预算公开说明', '本年支出合计100万元，比上年增加10万元，增长11.11%。', '基本支出80万元。']);
  });
});

describe('narrative.change after a share of the same amount', () => {
  it('fails definitely a growth taken on this year: 16803.36 / (116433.12 − 16803.36) = 16.87%, not 14.43%', () => {
    expect(changes(WRAPPED)).toEqual([
      ['pass', 'definite'],
      ['fail', 'definite'],
      ['pass', 'definite'],
    ]);
  });

  it('stays possible when a figure other than its share stands between the amount and its change', () => {
    expect(changes(['支出合计116433.12元，执行率95.5%，同比增加16803.36元，增长14.43%。'])).toEqual([['fail', 'possible']]);
  });
});
