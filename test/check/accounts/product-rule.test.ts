/** narrative.product (issue 16): a quantity times its per-unit standard is the stated amount, in any text. */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/ingest/document.js';
import { normalizeDocument } from '../../../src/normalize/normalize.js';
import type { CheckResult, ReportRecord } from '../../../src/schema/record.js';
import { checkAccounts } from '../../../src/check/accounts/index.js';

const RECORD = { parts: [] } as unknown as ReportRecord;

function check(...lines: string[]): CheckResult[] {
  const blocks: Block[] = lines.map((text) => ({ kind: 'paragraph', text, page: 1 }));
  const doc = normalizeDocument({ format: 'pdf', pages: [{ number: 1, chars: 1000, needsOcr: false }], blocks, warnings: [] });
  return checkAccounts(RECORD, doc).filter((r) => r.rule === 'narrative.product');
}

const verdicts = (rs: CheckResult[]) => rs.map((r) => [r.status, r.certainty ?? null]);

describe('narrative.product', () => {
  it('passes a product that holds: 1200亩 × 91.07元 = 109284元 = 10.93万元', () => {
    const [r] = check('按每亩91.07元的标准，对全县1200亩耕地发放补贴，共计10.93万元。');
    expect(r).toMatchObject({ status: 'pass' });
    expect(r!.evidence.map((e) => [e.role, e.text])).toEqual([
      ['total', '10.93万元'],
      ['quantity', '1200亩'],
      ['standard', '91.07元'],
    ]);
  });

  it('fails a stated amount the product misses beyond every rounding (definite: one sentence states all three)', () => {
    expect(verdicts(check('按每亩91.07元标准，补贴面积1200亩，共计10.95万元。'))).toEqual([['fail', 'definite']]);
    expect(verdicts(check('资助标准为4000元/人，资助困难新生3000名，共1300万元。'))).toEqual([['fail', 'definite']]);
  });

  it('warns, not fails, when only a truncated standard explains the amount (91.07 cut from 91.079)', () => {
    // 100000亩 × 91.079元 = 9107900元 = 910.79万元; 91.07 read as rounded gives at most 100000.5 × 91.075 ≈ 9107546元.
    expect(verdicts(check('按每亩91.07元标准，补贴面积100000亩，共计910.79万元。'))).toEqual([['warn', 'possible']]);
  });

  it('reads nothing guessed: a rate per two units, two quantities, or a total without its mark', () => {
    expect(check('按每人每月300元标准，补助120人，共计4.32万元。')).toEqual([]);
    expect(check('补助标准为300元/人/月，补助120人，共计4.32万元。')).toEqual([]);
    expect(check('按每亩150元标准，计划2000亩，实际完成1800亩，共计27万元。')).toEqual([]);
    expect(check('项目资金500万元，按每亩150元标准补贴2000亩。')).toEqual([]);
    expect(check('按每亩150元标准补贴2000亩，工程设计50万元。')).toEqual([]);
    expect(verdicts(check('成本每亩4000元，种植30亩，计12万元。'))).toEqual([['pass', 'definite']]);
  });
  it('reads a total whose fund is named after the verb ("共计发放耕地力保护补贴资金"), not a change (共计减少…资金)', () => {
    expect(verdicts(check('补贴面积1200亩,按照每亩补贴91.07元的标准,共计发放耕地力保护补贴资金10.95万元。'))).toEqual([['fail', 'definite']]);
    expect(check('补贴面积1200亩,按照每亩补贴91.07元的标准,共计减少支出资金10.95万元。')).toEqual([]);
  });
});
