import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';
import type { ReportRecord } from '../../src/schema/record.js';
import { ReportRecord as ReportRecordSchema } from '../../src/schema/record.js';

const SEED = '../shared/seed/';
const FULL = ['huadu-2021-jgdgw.txt', 'huadu-2021-jgdgw.gb18030.txt', 'huadu-2021-jgdgw.docx', 'huadu-2021-jgdgw.pdf'];

async function extract(file: string): Promise<ReportRecord> {
  const { record } = await analyzeBytes(readFileSync(SEED + file), { fileName: file });
  return record;
}

const byName = (items: { name: string; code?: string | undefined; amount: { value: number } }[]) =>
  Object.fromEntries(items.map((i) => [i.name, i.amount.value]));

describe.each(FULL)('the seed record from %s', (file) => {
  let r: ReportRecord;
  it('matches the seed README exactly', async () => {
    r = await extract(file);
    expect(() => ReportRecordSchema.parse(r)).not.toThrow();
    expect(r.report).toMatchObject({
      title: '中共广州市花都区直属机关工作委员会2021年部门整体支出绩效自评报告',
      kind: 'department_overall',
      department: '中共广州市花都区直属机关工作委员会',
      fiscalYear: 2021,
    });
    expect(r.report.region).toMatchObject({ city: '广州市', county: '花都区' });
    const f = r.figures;
    expect(f.budget).toMatchObject({ value: 8903300, exact: '8903300', text: '890.33万元', unit: '万元', precision: 2, scale: 4, kind: 'money' });
    expect(f.execution).toMatchObject({ value: 7140700, text: '714.07万元' });
    expect(f.executionRate).toMatchObject({ value: 0.802, text: '80.2%', precision: 1 });
    expect(f.selfScore).toMatchObject({ value: 91.28, unit: '分' });
    expect(f.budgetInitial).toBeNull();
    expect(byName(f.byFunction)).toEqual({ 一般公共服务支出: 5233900, 社会保障和就业支出: 1424600, 卫生健康支出: 50100, 住房保障支出: 432200 });
    expect(f.byFunction.map((x) => x.code)).toEqual(['201', '208', '210', '221']);
    expect(byName(f.byNature)).toEqual({ 基本支出: 6421900, 项目支出: 718800 });
    expect(f.fundSources).toEqual([]);
    expect(f.projects).toHaveLength(1);
    expect(f.projects[0]).toMatchObject({ name: '党建工委工作经费', budget: { value: 250000 }, execution: { value: 249900 }, executionRate: { value: 1, text: '100.0%' } });
  });
  it('finds the counts with their subjects, and no traps', async () => {
    r ??= await extract(file);
    const values = r.figures.counts.map((c) => c.value);
    for (const v of [774, 165, 380, 1762, 12, 10, 70, 80, 60, 13000, 2]) expect(values).toContain(v);
    expect(values.filter((v) => v === 774)).toHaveLength(2);
    expect(values.filter((v) => v === 12)).toHaveLength(3);
    const c774 = r.figures.counts.find((c) => c.value === 774)!;
    expect(c774.subject).toContain('党组织书记');
    expect(c774.action).toBe('培训');
    const c165 = r.figures.counts.find((c) => c.value === 165)!;
    expect(c165.subject).toBe('党员');
    expect(r.figures.counts.find((c) => c.value === 13000)).toMatchObject({ approx: 'at_least', lo: '13000', hi: '14000' });
    expect(r.figures.counts.find((c) => c.text.startsWith('近万'))).toMatchObject({ approx: 'less_than', hi: '10000' });
    // 2021年, 第九届, 百名党员, 十九大 are not counts
    expect(values).not.toContain(2021);
    expect(values).not.toContain(9);
    expect(values).not.toContain(100);
  });
  it('points every figure at its source text', async () => {
    r ??= await extract(file);
    const f = r.figures;
    for (const fig of [f.budget!, f.execution!, f.executionRate!, f.selfScore!, ...f.byFunction.map((x) => x.amount)]) {
      expect(fig.evidence.quote).toBe(fig.text);
      expect(fig.evidence.end - fig.evidence.start).toBe(fig.text.length);
    }
    if (file.endsWith('.pdf')) {
      // the 5-page PDF sets 一、基本情况's duty list over pages 1–2; the figures stand on page 3
      expect(f.budget!.evidence.page).toBe(3);
      expect(f.selfScore!.evidence.page).toBe(3);
      expect(r.figures.counts.find((c) => c.text === '60支')!.evidence.page).toBe(5);
    } else expect(f.budget!.evidence.page).toBeNull();
  });
  it('passes the three relations the issue names, and fails none', async () => {
    r ??= await extract(file);
    const rule = (id: string) => r.checks.filter((c) => c.rule === id);
    expect(rule('execution_rate')[0]?.status).toBe('pass');
    expect(rule('sum.by_function')[0]?.status).toBe('pass');
    expect(rule('execution_rate.project')[0]?.status).toBe('pass');
    expect(rule('sum.by_nature')[0]?.status).toBe('pass');
    expect(r.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });
});

// One page each (title, figures, the project paragraph) set in non-embedded CJK fonts.
describe.each(['huadu-2021-jgdgw-cidfont.pdf', 'huadu-2021-jgdgw-gbk-euc.pdf'])('the seed page from %s', (file) => {
  it('gives the same report facts, figures, breakdowns and project', async () => {
    const r = await extract(file);
    expect(r.report).toMatchObject({ kind: 'department_overall', department: '中共广州市花都区直属机关工作委员会', fiscalYear: 2021 });
    const f = r.figures;
    expect([f.budget?.value, f.execution?.value, f.executionRate?.value, f.selfScore?.value]).toEqual([8903300, 7140700, 0.802, 91.28]);
    expect(byName(f.byFunction)).toEqual({ 一般公共服务支出: 5233900, 社会保障和就业支出: 1424600, 卫生健康支出: 50100, 住房保障支出: 432200 });
    expect(byName(f.byNature)).toEqual({ 基本支出: 6421900, 项目支出: 718800 });
    expect(f.projects[0]).toMatchObject({ name: '党建工委工作经费', budget: { value: 250000 }, execution: { value: 249900 } });
    expect(f.budget!.evidence.page).toBe(1);
    expect(r.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });
});
