/**
 * Records for the export tests: the hand-written seed record (test/store/sample-record.ts) varied
 * in year, department spelling, region and figures, so keys, pivots and money can be asserted.
 */
import type { Figure, ReportRecord } from '../../src/schema/record.js';
import type { Store } from '../../src/store/store.js';
import { sampleRecord, sha256Of } from '../store/sample-record.js';

export interface FixtureReport {
  sha256: string;
  fileName: string;
  record: ReportRecord;
}

function money(exact: string, text: string, unit = '万元'): Figure {
  const base = sampleRecord().figures.budget!;
  return { ...base, value: Number(exact), exact, text, unit, scale: unit === '万元' ? 4 : 0, precision: text.split('.')[1]?.replace(/\D/gu, '').length ?? 0 };
}

function make(fileName: string, edit: (record: ReportRecord) => void): FixtureReport {
  const record = sampleRecord();
  const sha256 = sha256Of(fileName);
  record.source.fileName = fileName;
  record.source.sha256 = sha256;
  edit(record);
  return { sha256, fileName, record };
}

export const HUADU_KEY = '花都直属机关工委';
export const XUNDIAN_KEY = '寻甸委办公室';

/**
 * huadu-2021: the seed as is (budget 890.33万元 = 8903300 yuan, rate 80.2%, score 91.28).
 * huadu-2022: the same unit spelled 中国共产党…工委, budget 900.00万元, execution to the fen.
 * xundian-2023 / 2024: 中共寻甸回族彝族自治县委员会办公室 and 中共寻甸县委办公室 — one department.
 * xundian-2024-project: a project report of the same department (the pivot must prefer the overall one).
 * unnamed-2022: no department name.
 */
export function fixtureReports(): FixtureReport[] {
  return [
    make('huadu-2021.pdf', () => {}),
    make('huadu-2022.pdf', (r) => {
      r.report.fiscalYear = 2022;
      r.report.title = '中国共产党广州市花都区直属机关工委2022年部门整体支出绩效自评报告';
      r.report.department = '中国共产党广州市花都区直属机关工委';
      r.figures.budget = money('9000000', '900.00万元');
      r.figures.execution = money('8123456.78', '8123456.78元', '元');
      r.figures.executionRate = { ...r.figures.executionRate!, value: 0.9026, exact: '0.9026', text: '90.26%' };
      r.figures.selfScore = { ...r.figures.selfScore!, value: 95, exact: '95', text: '95分' };
      r.checks[0]!.status = 'fail';
    }),
    make('xundian-2023.docx', (r) => {
      r.source.format = 'docx';
      r.report.fiscalYear = 2023;
      r.report.title = '中共寻甸回族彝族自治县委员会办公室 2023年部门整体支出绩效自评报告';
      r.report.department = '中共寻甸回族彝族自治县委员会办公室';
      r.report.region = { province: null, city: null, county: '寻甸回族彝族自治县' };
      r.figures.budget = money('12345678901.23', '12345678901.23元', '元');
      r.figures.budgetInitial = money('10000000000', '100万万元');
      r.figures.execution = money('12000000000.01', '12000000000.01元', '元');
      r.figures.executionRate = null;
      r.figures.selfScore = { ...r.figures.selfScore!, value: 88.5, exact: '88.5', text: '88.5分' };
      r.figures.byFunction[0]!.amount.evidence.quote = '一般公共服务支出523.39万元，占"总支出"的73.3%\n（见表一）';
      r.figures.counts[0]!.subject = '=HYPERLINK("http://x")';
    }),
    make('xundian-2024.pdf', (r) => {
      r.report.fiscalYear = 2024;
      r.report.title = '中共寻甸县委办公室2024年部门整体支出绩效自评报告';
      r.report.department = '中共寻甸县委办公室';
      r.report.region = { province: null, city: null, county: '寻甸县' };
      r.figures.budget = money('5000000.05', '500.0005万元');
      r.figures.execution = money('4000000', '400万元');
      r.figures.executionRate = null;
    }),
    make('xundian-2024-project.pdf', (r) => {
      r.report.fiscalYear = 2024;
      r.report.kind = 'project';
      r.report.department = '中共寻甸县委办公室';
      r.report.region = { province: null, city: null, county: '寻甸县' };
      r.figures.budget = money('250000', '25万元');
      r.figures.execution = money('249900', '24.99万元');
    }),
    make('unnamed-2022.pdf', (r) => {
      r.report.fiscalYear = 2022;
      r.report.department = null;
      r.report.title = null;
      r.report.region = { province: null, city: null, county: null };
    }),
  ];
}

export async function saveFixtures(store: Store, reports: readonly FixtureReport[] = fixtureReports()): Promise<FixtureReport[]> {
  for (const { sha256, record } of reports) await store.saveRecord(sha256, record);
  return [...reports];
}
