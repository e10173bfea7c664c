/**
 * Properties of the whole pipeline on generated text: whatever the input, analysis ends (a record
 * or a typed error, never a crash or a hang), the record passes its schema, and every figure and
 * count quotes exactly the text its span points at.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../src/analyze.js';
import { JixiaoError } from '../src/errors.js';
import { listRecordFigures } from '../src/schema/record-figures.js';
import { ReportRecord } from '../src/schema/record.js';

const corpus = [
  readFileSync('fixtures/seed/huadu-2021-jgdgw.txt', 'utf8'),
  ...readdirSync('../shared/corpus')
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(`../shared/corpus/${f}`, 'utf8')),
].join('\n');

/** Pieces reports are made of, and pieces that have broken parsers before. */
const ATOMS = [
  '万元', '元', '亿元', '%', '％', '.', '．', ',', '，', '、', '其中', '合计', '共计', '预算数', '执行数', '执行率',
  '得分', '分值', '名', '个', '人次', '（', '）', '|', '\t', '\n', ' ', '　', '一', '十', '百', '千', '万', '零',
  '多', '余', '约', '下达', '三级指标', '年度指标值', '实际完成值', '0', '7', '00', '.5', '1,234.56', '１２３',
  '-', '~', '至', '年', '2021', '①', '\u200b', '\ufeff', '\ud800', '𠀀',
];

/** Words that stand between a label and its figure. */
const FILLERS = ['共计', '共', '计', '合计', '累计', '达到', '达', '为', '是', '约', '：', ' '];

const fragment = fc.oneof(
  fc.constantFrom(...ATOMS),
  fc.tuple(fc.nat(corpus.length - 1), fc.integer({ min: 1, max: 120 })).map(([at, n]) => corpus.slice(at, at + n)),
);
const text = fc.oneof(
  fc.array(fragment, { minLength: 1, maxLength: 80 }).map((parts) => parts.join('')),
  // A long run of label words before a figure: the shape that made label regexes backtrack for minutes.
  fc.tuple(
    fragment,
    fc.array(fc.constantFrom(...FILLERS), { minLength: 1, maxLength: 3 }),
    // Long runs: a backtracking regex takes 2^n steps, so short runs would not show it.
    fc.constantFrom(30, 60, 150, 300),
    fc.constantFrom('', '金', '款', '年', '）'),
    fc.constantFrom('0整', '8万元', '12.5%', '3名', '100'),
    fragment,
  ).map(([head, unit, times, stop, figure, tail]) => head + unit.join('').repeat(times) + stop + figure + tail),
);

describe('analyzeBytes on generated text', () => {
  it('ends with a valid record whose evidence quotes its own span, or a typed error', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(text, async (input) => {
        let result;
        try {
          result = await analyzeBytes(new TextEncoder().encode(input), { fileName: 'generated.txt' });
        } catch (error) {
          expect(error).toBeInstanceOf(JixiaoError);
          return;
        }
        const { record, doc } = result;
        expect(() => ReportRecord.parse(record)).not.toThrow();
        const spans = [...listRecordFigures(record).map((f) => f.figure.evidence), ...record.figures.counts.map((c) => c.evidence)];
        for (const e of spans) {
          expect(0 <= e.start && e.start <= e.end && e.end <= doc.text.length).toBe(true);
          expect(e.quote).toBe(doc.text.slice(e.start, e.end));
          const { rawStart = -1, rawEnd = -1 } = e;
          expect(0 <= rawStart && rawStart <= rawEnd && rawEnd <= doc.rawText.length).toBe(true);
        }
        for (const check of record.checks) expect(['pass', 'warn', 'fail']).toContain(check.status);
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });
});
