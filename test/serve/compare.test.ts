import { describe, expect, it } from 'vitest';
import { buildComparison } from '../../src/serve/compare.js';
import { matchesText, sortReports } from '../../src/serve/query.js';
import type { ReportSummary } from '../../src/store/store.js';

function summary(over: Partial<ReportSummary>): ReportSummary {
  return {
    sha256: 'x',
    fileName: 'f.txt',
    title: null,
    department: null,
    fiscalYear: null,
    kind: 'department_overall',
    documentKind: 'self_evaluation_report',
    region: { province: null, city: null, county: null },
    budget: null,
    execution: null,
    budgetText: null,
    executionText: null,
    executionRate: null,
    selfScore: null,
    forms: 0,
    checksFailed: 0,
    checksWarned: 0,
    extractorVersion: '0',
    ...over,
  };
}

describe('buildComparison', () => {
  const rows = [
    summary({ sha256: 'a', department: '乙局', fiscalYear: 2021, budget: 100, execution: 80, executionRate: 0.8, selfScore: 90 }),
    summary({ sha256: 'b', department: '乙局', fiscalYear: 2021, budget: 50, execution: null, executionRate: 1, selfScore: null }),
    summary({ sha256: 'c', department: '甲局', fiscalYear: 2022, executionRate: 0.955 }),
    summary({ sha256: 'd', department: null, fiscalYear: 2022, executionRate: 0.3 }),
    summary({ sha256: 'e', department: '甲局', fiscalYear: 2023, executionRate: 1.2 }),
  ];
  const cmp = buildComparison(rows);

  it('groups by department × year, summing money and averaging rates and scores', () => {
    expect(cmp.years).toEqual([2021, 2022, 2023]);
    expect(cmp.departments).toEqual(['甲局', '乙局'].sort(new Intl.Collator('zh-CN').compare));
    const cell = cmp.cells.find((c) => c.department === '乙局' && c.year === 2021)!;
    expect(cell).toMatchObject({ sha256s: ['a', 'b'], budget: 150, execution: 80, executionRate: 0.9, selfScore: 90 });
    // A report without a department is not placed in the table but counts in the distribution.
    expect(cmp.cells.flatMap((c) => c.sha256s)).not.toContain('d');
  });

  it('buckets execution rates, with exactly 100% apart', () => {
    const count = (label: string) => cmp.distribution.find((b) => b.label === label)!.count;
    expect(count('<50%')).toBe(1);
    expect(count('80–90%')).toBe(1);
    expect(count('95–100%')).toBe(1);
    expect(count('100%')).toBe(1);
    expect(count('>100%')).toBe(1);
    expect(cmp.distribution.reduce((a, b) => a + b.count, 0)).toBe(5);
    expect(cmp.rates.n).toBe(5);
    expect(cmp.rates.median).toBe(0.955);
  });
});

describe('list helpers', () => {
  const rows = [
    summary({ sha256: 'a', fileName: 'b.txt', department: '乙局', budget: 5 }),
    summary({ sha256: 'b', fileName: 'a.txt', department: '甲局', budget: null, title: '某某项目绩效自评' }),
    summary({ sha256: 'c', fileName: 'c.txt', department: null, budget: 7 }),
  ];

  it('sorts numbers both ways with missing values last', () => {
    expect(sortReports(rows, 'budget', 'asc').map((r) => r.sha256)).toEqual(['a', 'c', 'b']);
    expect(sortReports(rows, 'budget', 'desc').map((r) => r.sha256)).toEqual(['c', 'a', 'b']);
    expect(sortReports(rows, 'department', 'asc').at(-1)!.sha256).toBe('c');
  });

  it('searches department, title and file name, case-insensitively', () => {
    expect(rows.filter((r) => matchesText(r, '项目')).map((r) => r.sha256)).toEqual(['b']);
    expect(rows.filter((r) => matchesText(r, 'C.TXT')).map((r) => r.sha256)).toEqual(['c']);
    expect(rows.filter((r) => matchesText(r, '乙')).map((r) => r.sha256)).toEqual(['a']);
  });
});
