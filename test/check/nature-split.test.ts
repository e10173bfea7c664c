/** A 部门整体 form's split by income against its split by expenditure (src/check/nature-split.ts). */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';

async function splitChecks(text: string) {
  const { record } = await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'split.txt' });
  return record.checks.filter((c) => c.rule === 'form.nature_split').map((c) => [c.status, c.certainty, c.evidence.map((e) => e.text)]);
}

const block = (income: string, expenditure: string) =>
  `2023年度部门整体支出绩效自评表\n年度预算申请\n(万元\n年初预算数\n全年预算数\n全年执行数\n分值\n执行率\n自评得分\n年度资金总额\n861.10\n2030.12\n2030.12\n10\n100%\n10\n按收入性质分:${income}\n按支出性质分:${expenditure}\n其中:一般公共预算:1325.68\n其中:基本支出:900.47\n政府性基金拨款:118.82\n项目支出:1025.20\n纳入专户管理的非税收入拨款:\n其他资金:585.62\n年度总体目标\n`;

describe('form.nature_split', () => {
  it('fails when the two printed totals differ (t153: 1925.67 against 2030.12)', async () => {
    expect(await splitChecks(block('2030.12', '1925.67'))).toEqual([['fail', 'definite', ['2030.12', '1925.67']]]);
  });

  it('passes equal totals and reads nothing when the block prints no totals (t180)', async () => {
    expect((await splitChecks(block('2030.12', '2030.12'))).map((r) => r[0])).toEqual(['pass']);
    expect(await splitChecks('按收入性质分:\n\n按支出性质分:\n\n 其中: 一般公共预算:1873.66万元\n\n其中:基本支出:1768.16万元\n')).toEqual([]);
  });
});
