/** The fund block of a 自评表 flattened into text (src/extract/flat-form.ts). */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';
import { splitGluedCells } from '../../src/extract/flat-form.js';
import type { Figure, ReportRecord } from '../../src/schema/record.js';

async function recordOf(text: string): Promise<ReportRecord> {
  return (await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'synthetic.txt' })).record;
}
const seen = (f: Figure | null | undefined) => (f ? [f.value, f.evidence.quote] : null);
const texts = (cuts: ReturnType<typeof splitGluedCells>) => cuts?.map((c) => c.text) ?? null;

describe('splitGluedCells', () => {
  const money3 = ['budget', 'execution', 'executionRate'] as const;
  it('splits a run whose money cells share their decimals in one way only', () => {
    expect(texts(splitGluedCells('194.9194.9100%', money3))).toEqual(['194.9', '194.9', '100%']);
    expect(splitGluedCells('194.9194.9100%', money3)?.map((c) => c.start)).toEqual([0, 5, 10]);
    expect(texts(splitGluedCells('12.5012.50100%', money3))).toEqual(['12.50', '12.50', '100%']);
    // A changed cell still reads as printed: the rate does not choose the split.
    expect(texts(splitGluedCells('195.6194.9100%', money3))).toEqual(['195.6', '194.9', '100%']);
  });
  it('gives no reading when several splits fit (130|130|100% or 1301|30|100%) or none does', () => {
    expect(splitGluedCells('130130100%', money3)).toBeNull();
    expect(splitGluedCells('194.9194.9', money3)).toBeNull();
    expect(splitGluedCells('0194.9100%', money3)).toBeNull();
  });
});

describe('flattened fund block', () => {
  it('reads column names broken over lines and cells that print their unit', async () => {
    const r = await recordOf(
      '项目支出绩效自评表\n（2021年度）\n\n预算单位名称\n\n 某区林业局\n\n年度预\n\n算申请\n\n(万元)\n\n年初\n\n预算数\n\n全年预算数\n\n全年\n\n执行数\n\n分值\n\n执行率\n\n得分\n\n年度资金总额\n\n4753.66万元\n\n4753.66万元\n\n3824.26万元\n\n10\n\n80.45%\n\n10\n\n按收入性质分:\n\n',
    );
    const f = r.figures;
    expect(seen(f.budgetInitial)).toEqual([47536600, '4753.66万元']);
    expect(seen(f.budget)).toEqual([47536600, '4753.66万元']);
    expect(seen(f.execution)).toEqual([38242600, '3824.26万元']);
    expect(seen(f.executionRate)).toEqual([0.8045, '80.45%']);
    expect(f.budget!.evidence.start).toBeGreaterThan(f.budgetInitial!.evidence.start);
  });

  it('reads glued cells of the total and a 其中 row named by its source', async () => {
    const r = await recordOf(
      '专项资金名称县级储备粮主管部门某县商务局项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额194.9194.9100%其中:中央、省、市补助县级资金194.9194.9100%其他资金年度总体目标保持储备规模',
    );
    const f = r.figures;
    expect(seen(f.budget)).toEqual([1949000, '194.9']);
    expect(seen(f.execution)).toEqual([1949000, '194.9']);
    expect(seen(f.executionRate)).toEqual([1, '100%']);
    expect(f.execution!.evidence.start).toBeGreaterThan(f.budget!.evidence.start);
    expect(f.fundSources.map((s) => [s.name, s.amount.value])).toEqual([
      ['年度资金总额', 1949000],
      ['中央、省、市补助县级资金', 1949000],
    ]);
    expect(r.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('reads a bare number in the 执行率 column as a percentage when the row fills every column', async () => {
    const r = await recordOf(
      '项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 130 130 130 10 100 10 其中:当年财政拨款 130 130 - 100 - 上年结转资金 - - 其他资金 年度总体目标',
    );
    const f = r.figures;
    expect(seen(f.executionRate)).toEqual([1, '100']);
    expect(f.executionRate).toMatchObject({ unit: '%', kind: 'percent', exact: '1', precision: 0 });
    expect(seen(f.execution)).toEqual([1300000, '130']);
    expect(r.checks.find((c) => c.rule === 'execution_rate')?.status).toBe('pass');
    // Spending over budget prints a rate over 100: it is read, and the rate check judges it.
    const over = await recordOf('项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 130 130 130 10 107 10 年度总体目标');
    expect(seen(over.figures.executionRate)).toEqual([1.07, '107']);
    expect(over.checks.find((c) => c.rule === 'execution_rate')?.status).toBe('fail');
  });

  it('drops a row that lost a cell rather than shift a bare number into the 执行率 column', async () => {
    const r = await recordOf('项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 130 130 10 100 10 年度总体目标');
    expect(r.figures.executionRate).toBeNull();
    expect(r.figures.execution).toBeNull();
  });
});
