/**
 * Constructed documents of the shapes forms are published in (not real publications): a 决算 with
 * a cover, contents, 决算 tables, narrative, a department form, project forms (one split across two
 * pages), a 项目名称 | 自评分数 table and an attached third-party report. Figures are those of the
 * 国家信访局 2024 信访研究宣传立法专项 form (pp. 32–33), with its sums redone: 473.76 + 20.00 = 493.76,
 * 473.76 + 62.44 = 536.20, 351.13 + 62.44 = 413.57, 413.57 / 536.2 = 77.13%, 分值 40 + 30 + 20 + 10 = 100,
 * 得分 40 + 30 + 17 + 7.7 = 94.7.
 */
import type { Block, TableBlock, TableCell } from '../../src/ingest/document.js';
import { normalizeDocument } from '../../src/normalize/normalize.js';
import type { SourceDocument } from '../../src/ingest/document.js';

export function para(text: string, page = 1): Block {
  return { kind: 'paragraph', text, page };
}

/** Cells as [col, text, colSpan?, rowSpan?], row by row. */
export function grid(rows: Array<Array<[number, string, number?, number?]>>, page = 1): TableBlock {
  return {
    kind: 'table',
    page,
    rows: rows.map((r, row): TableCell[] => r.map(([col, text, colSpan = 1, rowSpan = 1]) => ({ text, row, col, rowSpan, colSpan }))),
  };
}

export function documentOf(blocks: Block[]): SourceDocument {
  const pages = Math.max(1, ...blocks.map((b) => b.page));
  return normalizeDocument({
    format: 'pdf',
    pages: Array.from({ length: pages }, (_, i) => ({ number: i + 1, chars: 500, needsOcr: false })),
    blocks,
    warnings: [],
  });
}

export interface Money {
  initial: string;
  budget: string;
  execution: string;
  rate: string;
  weight: string;
  score: string;
}

export const STUDY_MONEY: Money = { initial: '493.76', budget: '536.2', execution: '413.57', rate: '77.13%', weight: '10.0', score: '7.7' };
export const STUDY_FUNDS: Array<[string, string, string, string]> = [
  ['其中：财政拨款', '473.76', '473.76', '351.13'],
  ['上年结转', '20.00', '62.44', '62.44'],
  ['其他资金', '0.00', '0.00', '0.00'],
];
/** 三级指标, 分值, 得分. */
export const STUDY_INDICATORS: Array<[string, string, string, string, string]> = [
  ['成本指标', '每本刊物印刷成本', '≤1.4元', '20', '20'],
  ['产出指标', '形成的研究成果数', '≥18个', '40', '40'],
  ['产出指标', '出版图书', '≥1本', '10', '10'],
  ['效益指标', '信访工作法治化水平', '有一定提升', '20', '17'],
];

/**
 * A 项目支出绩效自评表 in the 2024 central layout (11 grid columns): 项目资金 block with its label
 * spanning the rows, then 绩效指标. `splitAfter` indicator rows stay on the first page; the rest
 * and the 总分 row go on the next page as a table with one column fewer (as readers give it).
 */
export function projectForm(
  name: string,
  page: number,
  options: { money?: Money; funds?: Array<[string, string, string, string]>; indicators?: typeof STUDY_INDICATORS; total?: string; splitAfter?: number } = {},
): Block[] {
  const m = options.money ?? STUDY_MONEY;
  const funds = options.funds ?? STUDY_FUNDS;
  const inds = options.indicators ?? STUDY_INDICATORS;
  const split = options.splitAfter ?? inds.length;
  const rows: Array<Array<[number, string, number?, number?]>> = [
    [[0, '项目名称', 2], [2, name, 9]],
    [[0, '主管部门', 2], [2, '[292] 某市测试局', 3], [5, '实施单位'], [6, '某市测试局本级', 5]],
    [[0, '项目资金（万元）', 2, 5], [2, '', 2], [4, '年初预算数'], [5, '全年预算数'], [6, '全年执行数'], [7, '分值'], [8, '执行率', 2], [10, '得分']],
    [[2, '年度资金总额：', 2], [4, m.initial], [5, m.budget], [6, m.execution], [7, m.weight], [8, m.rate, 2], [10, m.score]],
    ...funds.map(([label, a, b, c]): Array<[number, string, number?, number?]> => [[2, label, 2], [4, a], [5, b], [6, c], [7, '--'], [8, '0.0%', 2], [10, '--']]),
    [[0, '绩效指标'], [1, '一级指标'], [2, '二级指标'], [3, '三级指标', 2], [5, '年度指标值'], [6, '实际完成值'], [7, '分值'], [8, '得分'], [9, '偏差原因分析及改进措施', 2]],
    ...inds.slice(0, split).map(([l1, l3, target, w, s]): Array<[number, string, number?, number?]> => [[1, l1], [2, ''], [3, l3, 2], [5, target], [6, target], [7, w], [8, s], [9, '', 2]]),
  ];
  const rest = inds.slice(split);
  if (rest.length === 0) rows.push([[0, '总分', 7], [7, '100'], [8, options.total ?? '94.7'], [9, '', 2]]);
  const blocks: Block[] = [para(`${name}项目绩效自评表`, page), para('（2024年度）', page), grid(rows, page)];
  if (rest.length > 0) {
    // The next page's table: the merged 绩效指标 column and one 三级指标 column fewer.
    const cont = [
      ...rest.map(([l1, l3, target, w, s]): Array<[number, string, number?, number?]> => [[0, ''], [1, l1], [2, ''], [3, l3], [4, target], [5, target], [6, w], [7, s], [8, '']]),
      [[0, '总分', 6], [6, '100'], [7, options.total ?? '94.7'], [8, '']] as Array<[number, string, number?, number?]>,
    ];
    blocks.push(para(String(page), page), grid(cont, page + 1));
  }
  return blocks;
}

/** A 部门整体支出绩效自评表: 部门名称, its money block, three indicators (30 + 30 + 30 + 10 = 100; 29 + 30 + 27 + 9.5 = 95.5). */
export function departmentForm(page: number): Block[] {
  return [
    para('部门整体支出绩效自评表', page),
    para('（2024年度）', page),
    grid(
      [
        [[0, '部门名称', 2], [2, '某市测试局', 6]],
        [[0, '年度预算执行情况（万元）', 1, 5], [1, ''], [2, '年初预算数'], [3, '全年预算数'], [4, '全年执行数'], [5, '分值'], [6, '执行率'], [7, '得分']],
        [[1, '年度资金总额'], [2, '2100.00'], [3, '2150.00'], [4, '2046.80'], [5, '10'], [6, '95.20%'], [7, '9.5']],
        [[1, '其中：财政拨款'], [2, '1900.00'], [3, '1950.00'], [4, '1870.30'], [5, '—'], [6, '—'], [7, '—']],
        [[1, '上年结转'], [2, '200.00'], [3, '200.00'], [4, '176.50'], [5, '—'], [6, '—'], [7, '—']],
        [[0, '绩效指标', 1, 4], [1, '一级指标'], [2, '二级指标'], [3, '三级指标'], [4, '年度指标值'], [5, '实际完成值'], [6, '分值'], [7, '得分']],
        [[1, '产出指标'], [2, '数量指标'], [3, '播发稿件数量'], [4, '≥2200篇'], [5, '2859篇'], [6, '30'], [7, '29']],
        [[1, '产出指标'], [2, '质量指标'], [3, '资金使用合规性'], [4, '合规'], [5, '合规'], [6, '30'], [7, '30']],
        [[1, '满意度指标'], [2, '服务对象满意度指标'], [3, '社会公众满意度'], [4, '≥90%'], [5, '92%'], [6, '30'], [7, '27']],
        [[0, '总分', 6], [6, '100'], [7, '95.5']],
        [[0, '评价等级', 6], [6, '优', 2]],
      ],
      page,
    ),
  ];
}

/** The start of a 部门决算: cover, 目录, 收入支出决算总表 (its title glued to its unit line), a narrative section. */
export function finalAccountsOpening(cover: string[] = ['某市测试局', '2024年度部门决算']): Block[] {
  return [
    ...cover.map((t) => para(t, 1)),
    para('目 录', 2),
    para('第一部分 某市测试局概况', 2),
    para('第二部分 2024年度部门决算表', 2),
    para('第一部分 某市测试局概况', 3),
    para('一、部门职责', 3),
    para('负责全市测试工作。', 3),
    para('收入支出决算总表公开01表部门：某市测试局 金额单位：万元', 4),
    grid(
      [
        [[0, '项目'], [1, '金额'], [2, '项目'], [3, '金额']],
        [[0, '一、一般公共预算财政拨款收入'], [1, '2080.00'], [2, '一、一般公共服务支出'], [3, '2180.00']],
        [[0, '本年收入合计'], [1, '2180.00'], [2, '本年支出合计'], [3, '2180.00']],
      ],
      4,
    ),
    para('第三部分 2024年度部门决算情况说明', 5),
    para('一、预算绩效管理情况', 5),
  ];
}
