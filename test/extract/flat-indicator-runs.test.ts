/** 绩效指标 rows a PDF dump printed as runs of values apart from their names (src/extract/flat-indicator-runs.ts). */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';
import type { Form } from '../../src/schema/record.js';

async function formOf(text: string): Promise<Form | undefined> {
  return (await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'synthetic.txt' })).record.forms[0];
}
const rowsOf = (form: Form | undefined) => (form?.indicators ?? []).map((r) => [r.target, r.actual, r.weight?.text ?? null, r.score?.text ?? null]);

/** t160's layout: the money block, then the rows' values, the total "100 98.62", every name, and 总分 last. */
const head =
  '财政项目支出绩效自评表 (2022 年度) 项目名称 体育中心结算费用 主管部门 上海市普陀区体育局 年初预算数 全年预算数 全年执行数 分值 执行率 得分 ' +
  '250000.00 250000.00 215,457.6 10 86.18% 8.62 年度资金总额 项目资金 (元) 实施单位 上海市普陀区体育事业管理中心 预期目标 实际完成情况 已完成结算。 ' +
  '一级指标 二级指标 数量指标 三级指标 结算完成率 年度 指标值 实际 完成值 分值 得分 ';
const tail = ' 率 产出指标 质量指标 绩 效 指 标 时效指标 效益指标(30分) 社会效益指标 指标1:合同结算条款完成率 费用结算及时性 满意度指标 场馆开放满意度 总分 -1-';

describe('indicator rows printed apart from their names', () => {
  it('reads the rows in fours from each run’s end and the total before the 总分 printed last', async () => {
    const form = await formOf(`${head}=100% 100% 10 10 =100% 100% 20 20 及时 及时 20 20 =100% 100% 30 30 >=90% 100% 10 10 100 98.62${tail}`);
    expect(rowsOf(form)).toEqual([
      ['100%', '100%', '10', '10'],
      ['100%', '100%', '20', '20'],
      // Text cells break the run: the run holds only the points.
      ['', '', '20', '20'],
      ['100%', '100%', '30', '30'],
      ['>=90%', '100%', '10', '10'],
    ]);
    expect(form?.totalScore).toMatchObject({ text: '98.62', unit: '分' });
    expect(form?.indicators.every((r) => r.level3 === '')).toBe(true);
  });

  it('reads rows whose 分值 do not make the total’s 100 and leaves the sum to the checks (a row printed without its points: a warning, no definite fail)', async () => {
    const text = `${head}=100% 100% 10 10 =100% 100% 20 20 及时 及时 =100% 100% 30 30 >=90% 100% 10 10 100 98.62${tail}`;
    const { record } = await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'synthetic.txt' });
    expect(rowsOf(record.forms[0])).toHaveLength(4);
    const weights = record.checks.filter((c) => c.part === 'form:1' && c.rule === 'indicator.weights_total');
    expect(weights.map((c) => c.status)).toEqual(['warn']);
    expect(record.checks.filter((c) => c.part === 'form:1' && c.status === 'fail')).toEqual([]);
  });

  it('puts the money block’s 预算执行 分值 on top of rows that pass 100 with it (a row’s 分值 10 printed 17: 97 + 10 = 107)', async () => {
    const text = `${head}=100% 100% 17 10 =100% 100% 20 20 及时 及时 20 20 =100% 100% 30 30 >=90% 100% 10 10 100 98.62${tail}`;
    const { record } = await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'synthetic.txt' });
    const fail = record.checks.find((c) => c.part === 'form:1' && c.rule === 'indicator.weights_total');
    expect(fail).toMatchObject({ status: 'fail', certainty: 'definite' });
    expect(fail!.evidence.map((e) => e.text)).toContain('17');
  });

  it('abstains when a number stands between the total and its label, or a run does not end in points', async () => {
    const between = await formOf(`${head}=100% 100% 10 10 =100% 100% 20 20 及时 及时 20 20 =100% 100% 30 30 >=90% 100% 10 10 100 98.62 偏差 3 ${tail}`);
    expect(rowsOf(between)).toEqual([]);
    const notPoints = await formOf(`${head}=100% 100% 10 10 =100% 100% 20 20 及时 及时 20 20 =100% 100% 30 30 >=90% 100% 10 10% 100 98.62${tail}`);
    expect(rowsOf(notPoints)).toEqual([]);
  });

  it('catches a total that the printed scores do not make (t171: 13 + 15 + 10 + 10 + 27 + 9 and the block’s 9 = 93 against 94)', async () => {
    const text =
      '稷山县项目支出绩效自评表 (2020年度) 项目名称 建档立卡个人缴费县级配套资金 主管部门 稷山县医疗保障局 项目资金 年初预算数 (万元) 年度资金总额 其中:当年财政拨款 实施单位 ' +
      '全年预算数 全年执行数 分值 执行率 得分 65.66 65.07 10 99% 9 65.66 65.07 — 99% — 上年结转资金 — — 其他资金 — — 预期目标 实际完成情况 提高医疗保障水平 ' +
      '一级 指标 二级指标 三级指标 数量指标 指标1:全县参合人数 产出 指标 (50分 ) 实际 指标值 完成值 8755 分值 得分 偏差原因分析及改进措 施 8676 15 13 有新增死亡人员 ' +
      '质量指标 指标1:资金是否全部纳入医 保统筹 100% 100% 15 15 时效指标 指标1:资金是否全部及时纳 入 100% 100% 10 10 75元 75元 10 10 95% 95% 30 27 95% 95% 10 9 100 94 ' +
      '成本指标 指标1:配套资金每人每年 效益指 标(30 分) 满意度 指标 服务对象满 指标1:是否满意 (10分 意度指标 ) 总分';
    const { record } = await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'synthetic.txt' });
    expect(rowsOf(record.forms[0])).toEqual([
      ['', '8676', '15', '13'],
      ['100%', '100%', '15', '15'],
      ['100%', '100%', '10', '10'],
      ['75元', '75元', '10', '10'],
      ['95%', '95%', '30', '27'],
      ['95%', '95%', '10', '9'],
    ]);
    const fail = record.checks.find((c) => c.rule === 'indicator.scores_total' && c.status === 'fail');
    expect(fail).toMatchObject({ certainty: 'definite', part: 'form:1' });
  });
});
