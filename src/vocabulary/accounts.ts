/**
 * Words of a 部门决算's tables and 情况说明: column headers, total rows, 科目 code levels, 三公
 * items, comparison words and the placeholders a template leaves behind. The 决算 checks
 * (`check/accounts/`) build their patterns from these lists only.
 */

/** 政府收支分类科目 code digits by level: 类 3, 款 5, 项 7 (301 / 30101 for 经济分类). */
export const SUBJECT_CODE_LEVELS = { 类: 3, 款: 5, 项: 7 } as const;
export type SubjectLevel = keyof typeof SUBJECT_CODE_LEVELS;

/** Rows that total a table (a row whose label is one of these sums the rows above it). */
export const ACCOUNTS_TOTAL_ROWS = ['合计', '总计', '本年收入合计', '本年支出合计'] as const;

/** Header words of columns that hold codes, line numbers or names, never amounts. */
export const NON_AMOUNT_HEADER = /编码|代码|行次|栏次|科目名称|^(?:类|款|项)$|^项目$/u;

/** The label of a 栏次 row: the column numbers a central template prints under its header ("栏次 1 2 3"). */
export const LINE_NUMBER_LABEL = /^栏次$/u;

/** Column headers of the 决算 tables, by what they hold. */
export const ACCOUNTS_COLUMNS = {
  /** 合计 / 本年收入合计 / 本年支出合计 / 小计 / 决算数 / 金额: the row's total. */
  total: /^(?:合计|小计|本年收入合计|本年支出合计|决算数|金额)$/u,
  basic: /基本支出/u,
  project: /项目支出/u,
  /** 财政拨款收入 (收入决算表). */
  appropriation: /财政拨款收入/u,
  otherIncome: /其他收入/u,
  budget: /预算数/u,
  actual: /决算数/u,
} as const;

/** The 三公经费 items, in the order the table prints them. */
export const SANGONG_ITEMS = {
  /** 合计 */
  total: /合计/u,
  /** 因公出国（境）费 */
  abroad: /因公出国/u,
  /** 公务用车购置及运行(维护)费: its 小计 */
  vehicles: /小计/u,
  /** 公务用车购置费 */
  vehiclePurchase: /公务用车购置费/u,
  /** 公务用车运行(维护)费 */
  vehicleRunning: /公务用车运行(?:维护)?费/u,
  /** 公务接待费 */
  reception: /公务接待费/u,
} as const;
export type SangongItem = keyof typeof SANGONG_ITEMS;

/** The items' names, for messages. */
export const SANGONG_ITEM_NAMES: Readonly<Record<SangongItem, string>> = {
  total: '合计',
  abroad: '因公出国（境）费',
  vehicles: '公务用车购置及运行费',
  vehiclePurchase: '公务用车购置费',
  vehicleRunning: '公务用车运行维护费',
  reception: '公务接待费',
};

/** The same items as the 情况说明 names them (clause words before an amount). */
export const SANGONG_NARRATIVE_ITEMS: Readonly<Record<SangongItem, RegExp>> = {
  total: /三公.{0,2}经费/u,
  abroad: /因公出国/u,
  vehicles: /公务用车购置及运行/u,
  vehiclePurchase: /公务用车购置(?:支出|费)/u,
  vehicleRunning: /公务用车运行(?:维护)?(?:支出|费)/u,
  reception: /公务接待/u,
};

/**
 * Comparison words of a 情况说明: which way the first amount stands to the second
 * ("决算数小于预算数", "与2023年度相比…减少56.95万元，下降1.87%").
 */
export const COMPARISON_WORDS = {
  greater: ['大于', '高于', '超过', '多于'],
  less: ['小于', '低于', '少于'],
  equal: ['等于', '持平', '一致', '相等'],
  // 增幅 / 降幅 name the percent of a change ("增加21万元，增幅10.5%").
  increase: ['增加', '增长', '上升', '上涨', '提高', '增幅'],
  decrease: ['减少', '下降', '降低', '减小', '降幅'],
} as const;
export type ComparisonWord = keyof typeof COMPARISON_WORDS;

/**
 * The change of a revenue or a spending as a 预算执行 report prints it after its percent ("同比增长14.6%，
 * 增收4,376万元", t908). Read only in that order, right after the percent: before a percent ("增收Δ，增长p%")
 * the amount it changes is not surely the one stated before.
 */
export const REVENUE_CHANGE_WORDS = { increase: ['增收', '增支'], decrease: ['减收', '减支'] } as const;

/** "决算数小于预算数" / "决算数与预算数基本持平" / "决算数同预算数持平" / "决算数大于全年预算数". */
export const BUDGET_COMPARISON = new RegExp(
  `决算数?(?:与|同|和)?(?:全年|年初)?预算数?(?:基本)?(${COMPARISON_WORDS.equal.join('|')})|决算数?(${[...COMPARISON_WORDS.greater, ...COMPARISON_WORDS.less, ...COMPARISON_WORDS.equal].join('|')})(?:全年|年初)?预算数?`,
  'u',
);

/** "决算数大于预算数55.93万元": the clause before an amount that is the 决算's gap to its budget. */
export const BUDGET_DIFFERENCE = new RegExp(`决算数?(${[...COMPARISON_WORDS.greater, ...COMPARISON_WORDS.less].join('|')})(年初|全年)?预算数?$`, 'u');

/** Placeholders a template leaves for the author: XX局, xxx, ××, 待填写. */
export const PLACEHOLDERS = /(?<![A-Za-z])(?:[XxＸｘ]{2,}|×{2,}|[*＊]{3,})(?![A-Za-z])|待填(?:写|报)?|待补充|此处填写/u;

/** Template alternatives left unchosen: "下降（增长）", "增加（减少）", "大于（小于）". */
export const TEMPLATE_REMNANTS = new RegExp(
  [
    ['下降', '增长'],
    ['增长', '下降'],
    ['增加', '减少'],
    ['减少', '增加'],
    ['大于', '小于'],
    ['小于', '大于'],
    ['上升', '下降'],
  ]
    .map(([a, b]) => `${a}[（(]${b}[）)]|${a}[/／]${b}`)
    .join('|'),
  'u',
);

/** Punctuation printed twice ("。。", "，，"); "……" and "——" are single marks. */
export const REPEATED_PUNCTUATION = /([。，；：、！？])\s*\1/u;

/** A note that an accounts table is empty on purpose ("故本表无数据", "本表为空"). */
export const EMPTY_TABLE_NOTE = /本表(?:无数据|为空(?:表)?|数据为(?:零|0|空))|故(?:此表|该表|本表)?(?:无数据|为空|空表)|(?:无|没有)[^。]{0,40}(?:收入|支出)/u;

/** The heading lines that name the unit and year of the 决算: "上海市普陀区财政局2024年度部门决算表". */
export const UNIT_YEAR_LINE = /^(?:第[一二三四五六七八九十]部分)?\s*(.{2,40}?)\s*((?:19|20)\d{2})\s*年度?\s*(?:部门|单位)?决算(?:表|情况说明|说明|公开|报告)?[.．…·\d]*$/u;

/** "截至2024年12月31日": the balance date of the 决算's year. */
export const BALANCE_DATE = /截[至止]\s*((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日/gu;

/**
 * A per-unit standard of a product "按每亩91.07元标准 … 面积1200亩 … 共计10.93万元" (narrative.product):
 * the unit one standard is paid for, right before the amount ("每亩", "每亩补贴", "每人补助标准为").
 * Group 1: the unit. One 每 only: "每人每月300元" is a rate per two units, not read.
 */
export const PER_UNIT_BEFORE = /(?<!每[^每\d]{0,3})每([亩户人名头只吨个株所])(?:补助|补贴|奖补|奖励|发放|资助|给予)?(?:资金)?(?:标准)?[为是按：:]?$/u;

/** Units a quantity may be stated in for a standard of the key unit (a standard per 人 pays 3000 名). */
export const PER_UNIT_SYNONYMS: Readonly<Record<string, readonly string[]>> = { 人: ['人', '名'], 名: ['人', '名'] };

/**
 * Just before a product's stated total: "共计", "合计10.93万元", "共发放", "，计12万元" (not 设计, 会计), and the
 * fund named after the verb ("共计发放耕地力保护补贴资金1458.32万元"): a name ending in a fund word, no 增/减.
 */
export const PRODUCT_TOTAL_BEFORE = /(?:共计|合计|总计|累计|共|(?:^|[，,、：:\s])计)(?:发放|兑付|拨付|补贴|补助|资助|奖补)?(?:[^\d，,。；;：:、增减]{0,12}?(?:资金|补贴|补助|奖补|经费))?[为是达：:]?$/u;
