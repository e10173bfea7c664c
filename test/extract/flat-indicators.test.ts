/** 绩效指标 rows of a 自评表 flattened into text (src/extract/flat-indicators.ts). */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';
import type { Indicator } from '../../src/schema/record.js';

async function indicatorsOf(text: string): Promise<Indicator[]> {
  return (await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'synthetic.txt' })).record.figures.indicators;
}
const rowsOf = (rows: Indicator[]) => rows.map((r) => [r.level1, r.level2, r.level3, r.target, r.actual, r.weight?.text ?? null, r.score?.text ?? null]);

const SPACED =
  '项目支出绩效自评表 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 ' +
  '产出指标(50分) 数量指标 培训人数 ≥50人 56人 20 20 质量指标 培训合格率 95% 98% 15 15 ' +
  '验收结论 合格 合格 15 15 满意度指标 学员满意度 90% 96% 10 9 总分 100 99';

describe('flattened indicator rows', () => {
  it('reads rows whose cells fill the header’s value columns, with headings and evidence', async () => {
    const rows = await indicatorsOf(SPACED);
    expect(rowsOf(rows)).toEqual([
      ['产出指标', '数量指标', '培训人数', '≥50人', '56人', '20', '20'],
      ['产出指标', '质量指标', '培训合格率', '95%', '98%', '15', '15'],
      // Text cells, one token each as the source separates them, before the row's 分值 and 得分.
      ['产出指标', '质量指标', '验收结论', '合格', '合格', '15', '15'],
      // 满意度指标 is a 一级 tier on some forms and a 二级 on others: left blank.
      ['', '', '学员满意度', '90%', '96%', '10', '9'],
    ]);
    expect(rows[0]!.weight).toMatchObject({ value: 20, unit: '分', kind: 'score' });
    expect(rows[0]!.weight!.evidence.quote).toBe('20');
    expect(rows[1]!.evidence.quote).toContain('培训合格率');
    // The tier heading's points are dropped: not all the rows under it are read.
    expect(rows.every((r) => !/分/u.test(r.level1))).toBe(true);
  });

  it('splits glued cells by their units and takes a name after a row with nothing to explain', async () => {
    const rows = await indicatorsOf(
      '绩效指标一级指标二级指标三级指标年度指标值全年完成值未完成原因和改进措施产出指标数量指标储备到位率100%100%' +
        '事件发生数0起0起市民满意度290%100%质量指标利息保障率100%无资金未到位群众知晓率95%90%说明无',
    );
    expect(rowsOf(rows)).toEqual([
      ['产出指标', '数量指标', '储备到位率', '100%', '100%', null, null],
      ['产出指标', '数量指标', '事件发生数', '0起', '0起', null, null],
      ['产出指标', '数量指标', '市民满意度', '290%', '100%', null, null],
    ]);
  });

  it('does not read rows whose cells cannot be assigned for sure', async () => {
    // Two bare numbers glued ("44"), a number glued to a dropped digit ("100%3"), too few or too
    // many cells, a name holding a heading or a total, and no header at all.
    expect(await indicatorsOf('三级指标年度指标值全年完成值分值得分预算编审完整率100%100%44资产管理率100%100%55')).toEqual([]);
    // (The row after it starts at a tier heading and has its two cells: it is read. "3时效" is no hour.)
    expect(rowsOf(await indicatorsOf('三级指标 年度指标值 实际完成值 查办率100%100%3时效指标 完成时间 5 5'))).toEqual([['', '时效指标', '完成时间', '5', '5', null, null]]);
    expect(await indicatorsOf('三级指标 年度指标值 实际完成值 分值 得分 工程质量合格 10 10 资金执行在预算范围内 10 10')).toEqual([]);
    expect(await indicatorsOf('三级指标 年初目标值 实际完成值 得分 企业走出去 效益指标 有利于 20 20 10 总分 100')).toEqual([]);
    expect(await indicatorsOf('产出指标 数量指标 培训人数 50人 56人 20 20 质量指标 合格率 95% 98% 15 15')).toEqual([]);
    // Text cells the source does not separate from the name: the name cannot be told apart.
    expect(await indicatorsOf('三级指标 年度指标值 实际完成值 分值 得分 验收结论合格合格 15 15')).toEqual([]);
    // A percentage in the 得分 column does not fit it.
    expect(await indicatorsOf('三级指标 年初目标值 实际完成值 得分 培训合格率 95% 98% 100%')).toEqual([]);
  });

  it('does not take text after a row that has something to explain as the next name', async () => {
    const rows = await indicatorsOf('三级指标 年度指标值 实际完成值 偏差原因 培训合格率 95% 90% 部分学员缺考 学员满意度 90% 96% 说明');
    expect(rowsOf(rows)).toEqual([['', '', '培训合格率', '95%', '90%', null, null]]);
  });
});

describe('flattened indicator headers of other templates', () => {
  const cases: Array<[string, string, string[][]]> = [
    [
      '全年实际值 as the 完成值 column (the header "分值 年度指标值 全年实际值 得分" of t070, t224)',
      '项目支出绩效自评表 一级指标 二级指标 三级指标 分值 年度指标值 全年实际值 得分 未完成原因及拟采取的改进措施 ' +
        '产出指标(70分) 数量指标 安装水标尺 40 ≥266米 ≥266米 40 质量指标 验收合格率 30 100% 100% 30 总分 100 100',
      [
        ['产出指标', '数量指标', '安装水标尺', '≥266米', '≥266米', '40', '40'],
        ['产出指标', '质量指标', '验收合格率', '100%', '100%', '30', '30'],
      ],
    ],
    [
      'the heads "年度 实际" paired with the tails "指标值 完成值" printed after the first line (t304)',
      '项目支出绩效自评表 一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析及改进措施\n指标值 完成值\n' +
        '  产出指标 数量指标 服务对象人数 100人次 100人次 15 15  \n    质量指标 服务达标率 80% 80% 20 20  \n    时效指标 及时率 95% 95% 15 15\n总分 100 90',
      [
        ['产出指标', '数量指标', '服务对象人数', '100人次', '100人次', '15', '15'],
        ['产出指标', '质量指标', '服务达标率', '80%', '80%', '20', '20'],
        ['产出指标', '时效指标', '及时率', '95%', '95%', '15', '15'],
      ],
    ],
    [
      'rows after a remark cell, tier cells wrapped onto the next line and text cells (t304: 社会效益 … / 指标, 完成时限 2019年 2019年)',
      '项目支出绩效自评表 一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析及改进措施\n指标值 完成值\n' +
        '  产出指标 数量指标 服务对象人数 100人次 100人次 15 15  \n    时效指标 完成时限 2019年 2019年 15 15  \n' +
        '    成本指标 计划完成率 90% 60% 20 10 部分项目延续至下年\n    社会效益 财政工作运行效率 ≥80% ≥80% 15 15  \n指标\n' +
        '  满意度 服务对象满意度指标 受益群体满意度 90% 90% 15 15  \n指标\n总分 100 90',
      [
        ['产出指标', '数量指标', '服务对象人数', '100人次', '100人次', '15', '15'],
        ['产出指标', '时效指标', '完成时限', '2019年', '2019年', '15', '15'],
        ['', '', '计划完成率', '90%', '60%', '20', '10'],
        ['', '社会效益指标', '财政工作运行效率', '≥80%', '≥80%', '15', '15'],
        ['满意度指标', '服务对象满意度指标', '受益群体满意度', '90%', '90%', '15', '15'],
      ],
    ],
  ];
  it.each(cases)('reads %s', async (_, text, expected) => {
    expect(rowsOf(await indicatorsOf(text))).toEqual(expected);
  });
});
