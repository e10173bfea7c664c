import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';

const read = async (f: string) => (await analyzeBytes(readFileSync(`fixtures/xlsx/${f}`), { fileName: f })).record;

describe('a 自评表 as XLSX, XLS and DOCX', () => {
  it.each(['self-eval.xlsx', 'self-eval.xls', 'self-eval.docx'])('%s reads to the form record', async (f) => {
    const r = await read(f);
    expect(r.report).toMatchObject({ kind: 'project', fiscalYear: 2021, department: '中共广州市花都区直属机关工作委员会' });
    expect(r.figures.budget).toMatchObject({ value: 250000, unit: '万元' });
    expect(r.figures.budgetInitial?.value).toBe(250000);
    expect(r.figures.execution?.value).toBe(249900);
    expect(r.figures.executionRate?.value).toBeCloseTo(0.9996, 10);
    expect(r.figures.selfScore).toMatchObject({ value: 98, unit: '分' });
    // 预算执行 (from the fund block) plus the five 绩效指标 rows
    expect(r.figures.indicators.map((i) => [i.level3, i.weight?.value, i.score?.value])).toEqual([
      ['预算执行率', 10, 10],
      ['培训党务干部人数', 20, 20],
      ['培训合格率', 15, 15],
      ['培训完成及时率', 15, 15],
      ['党员队伍素质提升', 30, 28],
      ['参训人员满意度', 10, 10],
    ]);
    expect(r.figures.indicators[1]!.level1).toBe('产出指标(50分)');
    const status = Object.fromEntries(r.checks.map((c) => [c.rule, c.status]));
    expect(status).toMatchObject({ execution_rate: 'pass', 'indicator.scores_total': 'pass', 'indicator.weights_total': 'pass', 'sum.fund_sources': 'pass' });
    expect(r.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });
  it('the three formats give the same figures', async () => {
    const [a, b, c] = await Promise.all(['self-eval.xlsx', 'self-eval.xls', 'self-eval.docx'].map(read));
    const strip = (r: typeof a) => JSON.stringify({ ...r!.figures, counts: r!.figures.counts.map((x) => x.value) }, (k, v) => (k === 'evidence' ? undefined : v));
    expect(strip(b)).toBe(strip(a));
    expect(strip(c)).toBe(strip(a));
  });
});
