import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';
import type { ReportRecord } from '../../src/schema/record.js';

async function reportOf(text: string): Promise<ReportRecord['report']> {
  return (await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'x.txt' })).record.report;
}

const EXPLANATION = '一、收入支出决算总体情况说明\n2023年度收入、支出决算总计1200.50万元。\n二、项目支出情况\n项目支出300.00万元,主要用于专项资金项目。\n';

describe('classifyDocument: a 决算 whose statements the text does not reach', () => {
  it('is final accounts when its title says 单位决算, even mid-line', async () => {
    const r = await reportOf(`黄山市中医医院2023年度单位决算 2024年9月\n${EXPLANATION}`);
    expect(r.documentKind).toBe('final_accounts');
    expect(r.kind).toBe('unknown');
  });
  it('is final accounts when its contents list the statements', async () => {
    const r = await reportOf(`目录\n第一部分 单位概况\n第二部分 2024年度单位决算情况说明\n一、收入支出决算总表\n二、收入决算表\n\n${EXPLANATION}`);
    expect(r.documentKind).toBe('final_accounts');
  });
  it('stays a self-evaluation when a title line speaks of one', async () => {
    const r = await reportOf(`某某医院2023年度单位决算绩效自评报告\n${EXPLANATION}自评得分95分。\n`);
    expect(r.documentKind).not.toBe('final_accounts');
  });
});
