/**
 * The named features that score a candidate for a role. Each is a value in `FEATURES`
 * `{ id, roles, weight, test }`; the engine (assign.ts) sums the weights of those that fire. Ids
 * name the role (or `money` / `any`), where the feature looks (label, raw, word, column, row,
 * heading) and what it looks for, so a record's `roles` and `npm run eval` can say which features
 * found or missed a figure.
 *
 * Weights: a label or column that states the role outright gives 8 (threshold 4); weaker hints give
 * 3–5; a context that makes the figure something else (a part, a plan, income, a weight) gives −20,
 * which no sum of hints overcomes. PROSE_FEATURES, read from the words of the whole clause, are a
 * fallback: scored only for a role that FEATURES left without a candidate at its threshold.
 */
import {
  ADDITION_WORDS,
  ALL_DONE_AFTER,
  BUDGET_ACCOUNT_WORDS,
  BUDGET_ADJUSTED_TO_WORDS,
  BUDGET_FINAL_WORDS,
  BUDGET_INITIAL_WORDS,
  BUDGET_WORDS,
  BREAKDOWN_MARKS,
  BREAKDOWN_PART_WORDS,
  ESTIMATE_WORDS,
  EXECUTION_TOTAL_WORDS,
  EXECUTION_WORDS,
  FORM_COLUMNS,
  FUND_TOTAL_RAW,
  INCLUDES_WORDS,
  INCOME_WORDS,
  INVESTMENT_WORDS,
  NATURE_NAMES,
  ECONOMIC_CLASS_NAMES,
  EXPENSE_ITEM_WORDS,
  PER_UNIT_WORDS,
  OTHER_RATE_WORDS,
  PART_WORDS,
  SPECIAL_ALLOCATION,
  NAMED_PART_INITIAL,
  USE_CLAUSE_OPEN,
  SCHOOL_FUND_BEFORE_NATURE,
  PLAN_WORDS,
  PRIOR_YEAR_WORDS,
  PROSE_ARRIVAL_VERBS,
  PROSE_BUDGET_NOUNS,
  PROSE_BUDGET_VERBS,
  PROSE_SPENDING_VERBS,
  PROSE_SPENT_NOUNS,
  PROSE_TRANSFER_VERBS,
  RATE_WORDS,
  SCORE_HEADING_WORDS,
  SCORE_TOTAL_ROW_WORDS,
  SCORE_WORDS,
  SCORING_RULE_AFTER,
  SPENT_BUDGET_VERBS,
  SPENT_MARKERS,
  SPENT_BY_DATE,
  SPENDING_VERBS,
  TERM_TOTAL_WORDS,
  TOTAL_ROW_WORDS,
  TRANSFER_OBJECTS,
  TRANSFER_WORDS,
  WEIGHT_WORDS,
  OUTLINE_MARKER,
  anyOf,
} from '../../vocabulary/index.js';
import { loadWordsFor, tokenize } from '../../segment/tokenize.js';
import { FUNCTION_CLASS_NAMES } from '../function-classes.js';
import type { Candidate } from './candidates.js';
/** A headline role (rules.ts names it RoleId too): taken from the vocabulary, so features.ts and rules.ts do not import each other. */
import type { FigureRole as RoleId } from '../../vocabulary/roles.js';

export interface Feature {
  id: string;
  /** The roles it scores; `money` = budget, budgetInitial and execution. */
  roles: readonly RoleId[];
  weight: number;
  /** 中文 gloss, for the review page. */
  zh: string;
  test(c: Candidate): boolean;
}

const MONEY: readonly RoleId[] = ['budget', 'budgetInitial', 'execution'];
const ALL: readonly RoleId[] = ['budget', 'budgetInitial', 'execution', 'executionRate', 'selfScore'];

const ends = (words: readonly string[]) => new RegExp(`(?:${anyOf(words)})$`, 'u');
const has = (words: readonly string[]) => new RegExp(anyOf(words), 'u');

/**
 * A clause opened by the year-start budget's words and a grant's verb, the amount closing it ("年初预算安排我公路建设养护中心
 * …建设工程项目174万元"): no label at its end names the role, its opening does. No other amount in the clause.
 */
/** A year's digits in a clause ("2023年", "20xx年度", "2023年初"): no amount (its 年 stays, for 年初). */
const YEAR_IN_CLAUSE = /\d{2,4}(?:xx|XX|××)?(?=年)/gu;
const INITIAL_GRANT_CLAUSE = new RegExp(`^[^\\d，。；]{0,12}?(?:${anyOf(BUDGET_INITIAL_WORDS)})(?:安排|下达|批复)[^\\d]*$`, 'u');
/** "年初预算数", "年初下达预算支出" (the spending budgeted at the year's start). */
const BUDGET_INITIAL_END = new RegExp(`(?:${anyOf(BUDGET_INITIAL_WORDS)})(?:数|金额|资金|安排|额|支出)?$`, 'u');
// "安排的省级交通专项资金": an arrangement names the budget, whatever the fund is called.
// "安排的省级交通专项资金", "财政安排…项目经费", "共筹集城乡医疗救助补助资金": an arrangement or a
// collection names the budget, whatever the fund is called.
const BUDGET_END = new RegExp(`(?:${anyOf(BUDGET_WORDS)})$|(?:安排|筹集)的?[^，。；]{0,24}?(?:资金|经费)$`, 'u');
const INVESTMENT_END = ends(INVESTMENT_WORDS);
const TERM_TOTAL_END = ends(TERM_TOTAL_WORDS);
/** "全年预算数", "年中调整预算为", "预算调整后": the budget after adjustments, which is the report's budget. */
const BUDGET_FINAL_END = new RegExp(`(?:(?:${anyOf(BUDGET_FINAL_WORDS)})预算(?:数|金额|资金|总额)?|预算调整后)$`, 'u');
/** "调整预算后为320万元": the adjusted budget (rawBefore keeps the 为 the label drops). */
const BUDGET_ADJUSTED_TO = new RegExp(`(?:${anyOf(BUDGET_ADJUSTED_TO_WORDS)})$`, 'u');
// ("转移支付资金" is a transfer payment, the money granted, not a payment made.)
const EXECUTION_END = new RegExp(`(?<!转移)(?:${anyOf(EXECUTION_WORDS)})$`, 'u');
// ("转移支付预算数" is the budget of a transfer, not a payment.)
// ("部门整体支出总额预算数": 支出 as a noun before 总额 is what the budget covers, not a spending.)
// "支出预算" joined is the expenditure budget, a plan ("支出预算23,264.53万元", t354), not spending.
const SPENT_BUDGET = new RegExp(`(?:${SPENT_BUDGET_VERBS.map((v) => (v === '支付' ? '(?<!转移)支付' : v === '支出' ? '支出(?!预算)' : v)).join('|')})(?:(?![总额])[^，。；]){0,4}预算(?:资金|数)?$`, 'u');
/** "已拨付中央财政水污染防治资金", "实际发放城乡义务教育补助经费资金": a fund paid out, named after the verb. */
const SPENT_FUND = new RegExp(`(?:${anyOf(SPENT_MARKERS)})(?:${anyOf(SPENDING_VERBS)})了?[^，。；]{0,24}?(?:资金|经费)$`, 'u');
/** "年初下达预算支出": the spending budgeted, not spent ("一般公共预算支出" names an account: spent). */
const BUDGETED_SPENDING = new RegExp(`(?<!${anyOf(BUDGET_ACCOUNT_WORDS.map((w) => w.replace(/预算$/u, '')))})预算支出(?:数|总额)?$`, 'u');
const RATE_END = ends(RATE_WORDS);
const EXECUTION_TOTAL_END = ends(EXECUTION_TOTAL_WORDS);
const OTHER_RATE = has(OTHER_RATE_WORDS);
const PLAN = has(PLAN_WORDS);
const ESTIMATE = has(ESTIMATE_WORDS);
const INVESTMENT = has(INVESTMENT_WORDS);
const INCOME = has(INCOME_WORDS);
const NATURE_END = new RegExp(`(?:${anyOf(NATURE_NAMES)})$`, 'u');
const ECONOMIC_CLASS_END = new RegExp(`(?:${anyOf(ECONOMIC_CLASS_NAMES)})$`, 'u');
/** An expense item named in the clause, its quotes dropped ("“三公”经费" → 三公经费). */
const EXPENSE_ITEM = has(EXPENSE_ITEM_WORDS);
const namesExpenseItem = (c: Candidate) => EXPENSE_ITEM.test(c.label.replace(/["“”'‘’]/gu, ''));
/** An amount per unit or a standard named in the clause ("户均发放2500元"). */
const PER_UNIT = has(PER_UNIT_WORDS);
const TRANSFER = new RegExp(`(?:${anyOf(TRANSFER_WORDS)})(?:[^，。；]{0,40}?(?:${anyOf(TRANSFER_OBJECTS)}))?$`, 'u');
/** A part word as a clause may name it: 公用经费 not after a school's programme name (SCHOOL_FUND_BEFORE_NATURE). */
const partWordsSource = (words: readonly string[]) => anyOf(words).replace('公用经费', `(?<!${anyOf(SCHOOL_FUND_BEFORE_NATURE)})公用经费`);
/** Clauses about parts, not the whole: "其中：基本支出预算数…", a functional class. */
export const PART_CONTEXT = new RegExp(`${partWordsSource(PART_WORDS)}|${anyOf(FUNCTION_CLASS_NAMES)}`, 'u');
/** In a project's report its 项目支出 is its own spending, no part of it. */
const PROJECT_PART_CONTEXT = new RegExp(`${partWordsSource(PART_WORDS.filter((w) => w !== '项目支出'))}|${anyOf(FUNCTION_CLASS_NAMES)}`, 'u');
/**
 * …unless the sentence breaks spending down by nature, 基本支出 stated with its amount before ("基本支出决算数为300万元，
 * 项目支出决算数为200万元"): that 项目支出 is the other nature, a part of the unit's whole.
 */
const NATURE_BREAKDOWN_BEFORE = /基本支出[^。；;]*?\d/u;
const partContextOf = (c: Candidate) => (c.reportKind === 'project' && !NATURE_BREAKDOWN_BEFORE.test(c.before) ? PROJECT_PART_CONTEXT : PART_CONTEXT);
const SCORE_NEAR = has(SCORE_WORDS);
const WEIGHT = has(WEIGHT_WORDS);
/** A section headed by the self score ("(一)自评得分", "三、绩效自评结论"): an outline item naming it, nothing after but its score. */
const SCORE_HEADING = new RegExp(`^${OUTLINE_MARKER.source.replace(/^\^/u, '')}?[^，。；;]{0,20}(?:${anyOf(SCORE_HEADING_WORDS)})(?:[为是:：\\s]*\\d+(?:\\.\\d+)?分)?$`, 'u');
const TOTAL_ROW = has(TOTAL_ROW_WORDS);
const SCORE_TOTAL_ROW = has(SCORE_TOTAL_ROW_WORDS);
/** A score stated for an indicator: its clause names the indicator's target or actual value. */
const INDICATOR_CLAUSE = /目标值|完成值|指标值|实际完成|年度指标/u;
/**
 * Scores listed item by item ("绩效自评得分分别为：租赁住房保障90分，老旧小区改造93分"): each is one
 * item's, none the report's.
 */
const SCORE_LIST = /(?:得分|评分|总分|分数)[为是:：\s]{0,2}分别/u;
/** Inside brackets opened right after another amount: "资金800万元(财政预算740万元,追加60万元)" explains it. */
const EXPLAINING_BRACKET = /\d\s*(?:万元|元|亿元|%)?\s*[（(][^（）()]*$/u;
/** Sentences about what comes next: "下一步，计划投资500万元…". */
const PLAN_SENTENCE = /下一步|明年|下一年度|下年度|今后/u;
/** A clause about the year before (PRIOR_YEAR_WORDS), not about what it carried into this one (上年结转, 上年结余). */
const PRIOR_YEAR = new RegExp(`(?:${anyOf(PRIOR_YEAR_WORDS)})(?!度?(?:结转|结余))`, 'u');
/** Sections about what comes next: their amounts are plans. */
const PLAN_HEADING = /下一步|改进(?:措施|意见|建议)|工作计划|工作打算|明年|下年度/u;
/**
 * A 部门预算's explanation ("五、一般公共预算支出情况说明", "四、财政拨款收支预算总体情况说明"): its 支出 are planned,
 * never spent (a 决算's headings name 决算, a self-evaluation's 执行).
 */
const BUDGET_EXPLANATION_HEADING = /^(?!.*(?:决算|执行)).*预算.*说明$/u;

/** Parts that open with the year-start budget ("，其中年初预算…", "，其中：年初批复…"). */
const PARTS_OPEN_WITH_INITIAL = new RegExp(`^[，,]?\\s*其中[：:]?\\s*(?:${anyOf(BUDGET_INITIAL_WORDS)})`, 'u');

/** How many characters a clause must share with the end of the title's fund to name it ("…乡村振兴补助资金"). */
const SUBJECT_SUFFIX = 6;
/**
 * The clause names the fund the title is about ("在全乡范围内实施2021年中央动物防疫等补助经费9.55万元"
 * under "2021年中央动物防疫等补助经费项目支出绩效自评报告"): it ends with the same six or more
 * characters as the title's fund, 资金/经费 included. Its amount is that fund's, the report's budget.
 */
function namesSubject(c: Candidate): boolean {
  if (c.subject === '' || !/(?:资金|经费)$/u.test(c.label)) return false;
  let n = 0;
  while (n < c.label.length && n < c.subject.length && c.label[c.label.length - 1 - n] === c.subject[c.subject.length - 1 - n]) n++;
  return n >= SUBJECT_SUFFIX;
}
/**
 * "项目总投资1807万元，其中中央财政水污染防治专项资金850万元" under "…中央财政水污染防治专项资金转移支付绩效自评报告":
 * the whole's 其中 names the fund the title is about, so the whole is a larger total than the report's money (the
 * project's, with other payers' shares). The part stays a part (a named source, never a headline figure): the budget
 * is then left empty.
 */
function partsNameSubject(c: Candidate): boolean {
  if (c.subject.length < SUBJECT_SUFFIX) return false;
  const parts = /^\s*[，,。；;]?\s*其中[：:，,]?([^。；;]*)/u.exec(c.next)?.[1];
  return parts !== undefined && parts.includes(c.subject.slice(-SUBJECT_SUFFIX));
}

/** An addition to the budget ("本年追加预算767.86万元"): not the budget. */
const ADDITION = has(ADDITION_WORDS);
/**
 * A budget followed by its addition ("预算1922.76万元，本年追加预算767.86万元", "财政预算740万元，年底追加…60万元"):
 * the budget before the addition, the year-start one.
 */
const ADDITION_AFTER = new RegExp(`^\\s*[，,]\\s*[^，,。；;\\d]{0,4}?(?:${anyOf(ADDITION_WORDS)})`, 'u');

/** A bracket right after the amount that explains it by a budget: "(财政预算740万元,…", "（其中年初预算…". */
const BRACKET_BUDGET_AFTER = /^\s*[（(][^（）()\d]{0,8}预算/u;

/**
 * A later item of a breakdown list: "共计128.79亿元,其中,中央财政专项资金49.24亿元,…,省级财政安排补助资金
 * 14.05亿元". `partWindow` sees 其中 only before the first item; every item after it is a part as well when
 * the sentence opened the list after an amount (or opens with 其中: the previous sentence's whole), items
 * stand between, and the item is named by the level or kind of fund it is (省级…, 自筹…), or, for a score,
 * by a part's score ("总得分为72.21分，其中：投入得分13.10分、过程得分25.41分…").
 */
const LISTED_ITEMS = /(?:^\s*|\d\s*(?:万元|亿元|元|分)[^。；;\d]{0,4})其中[：:，,]?\s*(?:[^。；;\d]{1,24}\d[\d.,]*\s*(?:万元|亿元|元|%|分)?\s*[，,、；;]\s*)+$/u;
const EXECUTION_NAME = has(EXECUTION_WORDS);
const LISTED_NAME = new RegExp(`^(?:${anyOf(BREAKDOWN_PART_WORDS)})[^，,、；;。\\d]{0,20}$`, 'u');
function isListedPart(c: Candidate): boolean {
  const cut = Math.max(c.before.lastIndexOf('，'), c.before.lastIndexOf(','), c.before.lastIndexOf('、'), c.before.lastIndexOf('；'), c.before.lastIndexOf(';'));
  if (cut < 0) return false;
  const name = c.before.slice(cut + 1).trim();
  // a fund named by its level or kind; or, for a score, a part's score ("其中：投入得分13.10分、过程得分25.41分")
  const named = c.number.kind === 'score' ? SCORE_NEAR.test(name) : LISTED_NAME.test(name) && !EXECUTION_NAME.test(name);
  return named && LISTED_ITEMS.test(c.before.slice(0, cut + 1));
}

/**
 * An amount in a list of uses: its clause opens with 用于 and an amount of the list stands before it, or the
 * next item follows it ("用于A资金609.22万元、B资金138.78万元、C资金1524万元"). The whole is stated elsewhere.
 */
const LISTED_AMOUNT_BEFORE = /\d\s*(?:万元|亿元|元|万)?\s*、/u;
function isListedUse(c: Candidate): boolean {
  const open = USE_CLAUSE_OPEN.exec(c.before);
  return open !== null && (LISTED_AMOUNT_BEFORE.test(open[0]) || /^\s*、/u.test(c.after));
}

/** A score word inside a bracket still open before the score: "A产出指标（自评分19分）". */
const OPEN_BRACKET_SCORE = new RegExp(`[（(][^（）()]{0,8}(?:${anyOf(SCORE_WORDS)})[为是:：\\s]*$`, 'u');
/**
 * An item's weight just before its score: "（分值10分），自评10分", "分值5分，得分5分" — not the whole's
 * ("总分值为100分，自评分为100分"): no 总 before it, and below 100.
 */
const ITEM_WEIGHT_BEFORE = new RegExp(`(?<!总)(?:${anyOf(WEIGHT_WORDS)})[为是:：\\s]*(?:\\d|[1-9]\\d)(?:\\.\\d+)?\\s*分[）)]?[，,、；;\\s]*[^，,。；;\\d]{0,6}$`, 'u');

/** A sentence that states targets: "投入目标：", "年度绩效目标：", "目标值". */
const TARGET_SENTENCE = /目标[：:]|目标值|目标为|目标是/u;
/** An indicator's own statement ("指标3:…老年人日间照料中心项目…总投资203.09万元"): its amounts are its targets. */
const INDICATOR_ITEM = /指标\s*\d+\s*[：:]/u;
/** How far before an amount a target or an indicator's mark still owns it: a flattened form is one long sentence. */
const TARGET_WINDOW = 80;
const TARGET_OR_INDICATOR = new RegExp(`${TARGET_SENTENCE.source}|${INDICATOR_ITEM.source}`, 'u');
const text = (c: Candidate) => !c.cell;
/** Where a part word makes a clause a part: the label and the few characters before it. */
const partWindow = (c: Candidate) => c.before.slice(-(c.label.length + 4));
/**
 * "财政拨款收支总预算", "我单位财政拨款预算": the budget of all the unit's appropriations, a whole (after 其中 it
 * is still a part: 其中 itself says so).
 */
const ALL_FUNDS_BUDGET = /财政拨款(?=收支总?预算|预算(?:数|总额)?$)/u;
/**
 * A clause about a part ("其中：基本支出预算数…"), unless it states a total of funds itself with no 其中
 * ("…公共财政拨款资金共157.71万元": a total the clause states is a whole, whatever fund it names).
 */
function isPartClause(c: Candidate): boolean {
  const window = partWindow(c).replace(ALL_FUNDS_BUDGET, '');
  return partContextOf(c).test(window) && (/其中/u.test(window) || !FUND_TOTAL_RAW.test(c.rawBefore));
}
/** A total word just before the amount ("共计", "合计"), the filler FUND_TOTAL_RAW reads after 资金 itself. */
const TOTAL_BEFORE = /(?:共计|合计|总计|共)\s*$/u;
/** Money named in the clause, not the 三公经费 (one kind of spending, whose parts are its kinds). */
const FUND_IN_CLAUSE = /(?:资金|(?<!三公["“”]?)经费)/u;
/**
 * A total of money named anywhere in its clause, its parts following ("…财政资金用于…改造共计128.79亿元，其中，…"):
 * the clause's whole, where FUND_TOTAL_RAW (资金 right before 共计) does not see it; no spending, no part.
 */
const totalOfFundsWithParts = (c: Candidate) =>
  !FUND_TOTAL_RAW.test(c.rawBefore) && TOTAL_BEFORE.test(c.rawBefore) && FUND_IN_CLAUSE.test(c.clause) && partsFollow(c) && !EXECUTION_END.test(c.label) && !isPartClause(c);
/**
 * A numbered item that names its own subject right before its amount ("项目资金使用及管理情况:1、档案管理支出30万元",
 * "2.培训中心建设预算12万元"): one item of a list, the report's whole is not an item of it. The item is named when,
 * its role word and the generic words of a whole (项目, 资金, 实际, 全年 …) dropped, two characters or more remain
 * ("1、项目实际支出总额" names nothing but the whole).
 */
const NUMBERED_ITEM_CLAUSE = /(?:^|[:：；;。\n])\s*(?:\d{1,2}|[一二三四五六七八九十])[、.．]\s*([^，,。；;：:\d\n]{2,16})$/u;
const ROLE_WORD_END = new RegExp(`(?:${anyOf([...EXECUTION_WORDS, ...BUDGET_WORDS, ...BUDGET_INITIAL_WORDS])})(?:数|为|是)?$`, 'u');
const WHOLE_WORDS = /项目|资金|经费|实际|本年|全年|当年|年度|总额|累计|合计|总计|财政|[已共的为]/gu;
function namesNumberedItem(c: Candidate): boolean {
  const item = NUMBERED_ITEM_CLAUSE.exec(c.before)?.[1];
  if (!item || !ROLE_WORD_END.test(item)) return false;
  return Array.from(item.replace(ROLE_WORD_END, '').replace(WHOLE_WORDS, '')).length >= 2;
}
/**
 * The budget a revenue is measured against ("一般公共预算收入累计完成61646万元，占年初预算数109466万元的56.3%",
 * "…收入完成28,583万元，占调整预算…"): a share's base in a sentence whose subject is revenue collected is the
 * revenue's budget, not the budget of what is spent or evaluated.
 */
const REVENUE_DONE = /收入[^，,。；;\d]{0,6}完成/u;
const isRevenueBase = (c: Candidate) => /^占/u.test(c.label) && REVENUE_DONE.test(c.before);
/**
 * A share of a whole printed after the amount ("人员支出300万元，占总支出的60%", "其他收入1.77万元，占0.3%", "占比14.94%"):
 * the amount is a part of that whole. Not a share of a budget, a plan or a task ("支出480万元，占全年预算的96%" is the
 * spending's rate), and not all of it (100%: "支出总计6567.06万元，占100.00%").
 */
const SHARE_AFTER = /^\s*[，,（(]?\s*占(?:比|([^，,。；;%\d]{0,16}?)的?(?:比[例重])?)[为是:：\s]*(\d{1,3}(?:\.\d+)?)%/u;
const SHARE_OF_PLAN = /预算|计划|任务|目标|指标/u;
function isShareOfWhole(c: Candidate): boolean {
  const m = SHARE_AFTER.exec(c.next);
  return m !== null && !SHARE_OF_PLAN.test(m[1] ?? '') && Number(m[2]) < 100;
}
const isPlan = (c: Candidate) =>
  (PLAN.test(c.label) && !INVESTMENT.test(c.label)) || ESTIMATE.test(c.label);
const columnOf = (c: Candidate) => (c.cell ? FORM_COLUMNS.find((col) => col.pattern.test(c.cell!.header)) : undefined);

export const FEATURES: readonly Feature[] = [
  // --- the clause that labels it (running text)
  { id: 'budgetInitial.label.年初预算', roles: ['budgetInitial'], weight: 9, zh: '年初预算', test: (c) => text(c) && BUDGET_INITIAL_END.test(c.label) },
  { id: 'budget.label.预算', roles: ['budget'], weight: 8, zh: '预算/安排资金', test: (c) => text(c) && BUDGET_END.test(c.label) },
  { id: 'budget.label.中期', roles: ['budget'], weight: -4, zh: '中期/实施期资金总额（多年合计，年度资金总额优先）', test: (c) => text(c) && TERM_TOTAL_END.test(c.label) },
  { id: 'budget.label.全年调整后', roles: ['budget'], weight: 1, zh: '全年/调整后预算（胜过同分的其他预算）', test: (c) => text(c) && BUDGET_FINAL_END.test(c.label) },
  // As 预算 and 全年调整后 together: the budget after its adjustment is the report's budget, above the 年初 one.
  // Only where the sentence speaks of a budget: "补助标准由每人200元调整为300元" adjusts a rate, not the budget.
  { id: 'budget.label.调整为', roles: ['budget'], weight: 9, zh: '（预算）调整（后）为X：调整后的预算', test: (c) => text(c) && BUDGET_ADJUSTED_TO.test(c.rawBefore.replace(/\s+/gu, '')) && !BUDGET_END.test(c.label) && c.before.includes('预算') },
  { id: 'budget.label.计划投资', roles: ['budget'], weight: 8, zh: '计划投资/总投资', test: (c) => text(c) && INVESTMENT_END.test(c.label) },
  { id: 'budget.label.标题资金', roles: ['budget'], weight: 8, zh: '标题所评的资金', test: (c) => text(c) && namesSubject(c) },
  { id: 'budget.raw.资金共', roles: ['budget'], weight: 5, zh: '资金共/资金总额合计', test: (c) => text(c) && FUND_TOTAL_RAW.test(c.rawBefore) && !EXECUTION_END.test(c.label) },
  // "…财政资金用于公租房保障和棚户区改造共计128.79亿元，其中，中央财政专项资金…": money named earlier in the clause, its total and its parts.
  { id: 'budget.whole.资金共计其中', roles: ['budget'], weight: 5, zh: '…资金…共计X，其中…', test: (c) => text(c) && totalOfFundsWithParts(c) },
  { id: 'budget.label.下达', roles: ['budget'], weight: 4, zh: '下达…资金', test: (c) => text(c) && TRANSFER.test(c.clause) && !PART_CONTEXT.test(c.clause) },
  { id: 'budget.label.下达.unpriced_other', roles: ['budget'], weight: -4, zh: '另有未列金额的下达资金', test: (c) => c.unpricedTransfer && text(c) && TRANSFER.test(c.clause) },
  { id: 'budget.whole.其中', roles: ['budget'], weight: 1, zh: '其后列出其中各项', test: (c) => c.wholeAs === 'transfer' },
  { id: 'budget.whole.安排共计', roles: ['budget'], weight: 5, zh: '按…安排，共计X，其中…', test: (c) => c.wholeAs === 'arranged' },
  { id: 'budget.whole.收到资金', roles: ['budget'], weight: 6, zh: '收到…资金共X，其中…', test: (c) => c.wholeAs === 'fund' },
  // "预算收入69.06万元，其中年初预算57.28万元，调整追加11.78万元": a whole whose parts open with the
  // year-start budget is the budget after adjustments, whatever its own clause calls it.
  { id: 'budget.whole.其中年初预算', roles: ['budget'], weight: 8, zh: 'X，其中年初预算…', test: (c) => text(c) && PARTS_OPEN_WITH_INITIAL.test(c.after) },
  // "行动资金800万元(财政预算740万元,年底追加…60万元)": a fund's amount whose bracket explains it by its budget is the whole budget.
  { id: 'budget.whole.其中标题资金', roles: ['budget'], weight: -20, zh: 'X，其中标题所评的资金…：总额大于报告所评的资金', test: (c) => text(c) && partsNameSubject(c) },
  { id: 'budget.whole.括号预算', roles: ['budget'], weight: 8, zh: '资金X（其中预算…）', test: (c) => text(c) && /(?:资金|经费)$/u.test(c.label) && BRACKET_BUDGET_AFTER.test(c.after) },
  // "年初预算安排我中心…“四好农村公路”建设工程项目174万元": the year-start budget's words open the clause, a grant's verb after them.
  { id: 'budgetInitial.clause.年初预算安排', roles: ['budgetInitial'], weight: 4, zh: '分句以“年初预算安排/下达/批复”起首', test: (c) => text(c) && INITIAL_GRANT_CLAUSE.test(c.clause.replace(YEAR_IN_CLAUSE, '')) && !BUDGET_INITIAL_END.test(c.label) },
  { id: 'budgetInitial.before_addition', roles: ['budgetInitial'], weight: 10, zh: '预算X，（本年）追加…：追加之前的年初预算', test: (c) => text(c) && BUDGET_END.test(c.label) && ADDITION_AFTER.test(c.after) },
  { id: 'budget.label.追加', roles: ['budget', 'budgetInitial'], weight: -20, zh: '追加/调增的预算不是预算数', test: (c) => text(c) && ADDITION.test(c.label) },
  { id: 'execution.label.支出', roles: ['execution'], weight: 8, zh: '支出/执行/拨付/使用', test: (c) => text(c) && EXECUTION_END.test(c.label) && !NATURE_END.test(c.label) && !ECONOMIC_CLASS_END.test(c.label) && !FUNCTION_CLASS_NAMES.some((n) => c.label.endsWith(n)) },
  { id: 'execution.label.已拨付资金', roles: ['execution'], weight: 8, zh: '已拨付/实际发放…资金', test: (c) => text(c) && SPENT_FUND.test(c.label) && !EXECUTION_END.test(c.label) },
  { id: 'budget.label.已拨付资金', roles: ['budget', 'budgetInitial'], weight: -20, zh: '已拨付的资金是支出', test: (c) => text(c) && SPENT_FUND.test(c.label) },
  { id: 'budget.label.预算支出', roles: ['budget'], weight: 8, zh: '预算支出（预算安排的支出）', test: (c) => text(c) && BUDGETED_SPENDING.test(c.label) },
  { id: 'execution.label.预算支出', roles: ['execution'], weight: -20, zh: '预算支出不是已支出', test: (c) => text(c) && BUDGETED_SPENDING.test(c.label) },
  { id: 'execution.label.总支出', roles: ['execution'], weight: 1, zh: '总支出/全年执行数（胜过同分的分项支出）', test: (c) => text(c) && EXECUTION_TOTAL_END.test(c.label) },
  { id: 'execution.label.完成预算', roles: ['execution'], weight: 10, zh: '完成/使用预算资金', test: (c) => text(c) && SPENT_BUDGET.test(c.label) },
  { id: 'budget.label.完成预算', roles: ['budget'], weight: -20, zh: '完成预算资金是支出', test: (c) => text(c) && SPENT_BUDGET.test(c.label) },
  { id: 'execution.income_word', roles: ['execution'], weight: -20, zh: '收入/收到/到位不是支出', test: (c) => text(c) && INCOME.test(c.label) },
  // "投入目标：…财政资金使用率100%": a rate set as a target, not the one reached.
  { id: 'executionRate.target_clause', roles: ['executionRate'], weight: -20, zh: '绩效目标中的比率', test: (c) => text(c) && TARGET_SENTENCE.test(c.before) },
  { id: 'executionRate.scoring_rule', roles: ['executionRate'], weight: -20, zh: '评分标准中的比率（…计满分）', test: (c) => text(c) && SCORING_RULE_AFTER.test(c.after) },
  { id: 'executionRate.label.执行率', roles: ['executionRate'], weight: 8, zh: '执行率/支出进度', test: (c) => text(c) && RATE_END.test(c.label) },
  // "(一)自评得分\n对照…各项指标值进行打分，自评得分100分" beside "执行率100%，自评分20分" under (二)绩效目标完成情况.
  { id: 'selfScore.heading.自评得分', roles: ['selfScore'], weight: 3, zh: '“自评得分/自评结论”一节中的得分', test: (c) => text(c) && SCORE_HEADING.test(c.heading.replace(/\s+/gu, '')) },
  { id: 'selfScore.near.自评', roles: ['selfScore'], weight: 8, zh: '自评/得分', test: (c) => text(c) && SCORE_NEAR.test(c.before.length >= 6 ? c.before.slice(-16) : c.rawBefore) },
  // --- what makes it something else
  { id: 'money.plan_word', roles: MONEY, weight: -20, zh: '申请/争取/拟', test: (c) => text(c) && isPlan(c) },
  { id: 'money.label.费用项目', roles: MONEY, weight: -20, zh: '会议费/培训费/三公经费/机关运行经费/政府采购等费用项目：支出的一项', test: (c) => text(c) && namesExpenseItem(c) },
  { id: 'money.numbered_item', roles: MONEY, weight: -20, zh: '编号条目“1、某某支出X”：所列的一项', test: (c) => text(c) && namesNumberedItem(c) },
  { id: 'budget.revenue_share', roles: ['budget', 'budgetInitial'], weight: -20, zh: '收入完成数“占…预算X”：收入的预算', test: (c) => text(c) && isRevenueBase(c) },
  { id: 'money.share_of_whole', roles: MONEY, weight: -20, zh: 'X，占总支出/总数的Y%：总额的一部分', test: (c) => text(c) && isShareOfWhole(c) },
  { id: 'money.label.人均', roles: MONEY, weight: -20, zh: '户均/人均/每人/补助标准：单位金额，不是总额', test: (c) => text(c) && PER_UNIT.test(c.label) },
  { id: 'money.rate_word', roles: MONEY, weight: -20, zh: '执行率/完成率之后的金额', test: (c) => text(c) && OTHER_RATE.test(c.label) },
  { id: 'any.part_context', roles: ALL.filter((r) => r !== 'budgetInitial' && r !== 'selfScore'), weight: -20, zh: '其中/分项', test: (c) => text(c) && isPartClause(c) },
  // A score is a part's only after 其中: money's part words name the project of a score ("特殊教育公用经费资金项目自评得分为100分", t807).
  { id: 'selfScore.part_context', roles: ['selfScore'], weight: -20, zh: '其中之后的分项得分', test: (c) => text(c) && isPartClause(c) && /其中/u.test(partWindow(c)) },
  // "预算69.06万元，其中年初预算57.28万元，调整追加11.78万元": the year-start budget is a part of the
  // adjusted budget by nature, so 其中 alone does not make it a part; a class or fund named with it does.
  { id: 'money.listed_use', roles: MONEY, weight: -20, zh: '用于A X、B Y…所列的一项用途：分项', test: (c) => text(c) && isListedUse(c) },
  { id: 'any.listed_part', roles: ALL.filter((r) => r !== 'budgetInitial'), weight: -20, zh: '其中所列的后续分项', test: (c) => text(c) && isListedPart(c) },
  { id: 'budgetInitial.named_part', roles: ['budgetInitial'], weight: -20, zh: '其中某分项的年初预算', test: (c) => text(c) && NAMED_PART_INITIAL.test(c.before) },
  { id: 'budget.special_allocation', roles: ['budget', 'budgetInitial'], weight: -20, zh: '部门整体报告中专门安排的经费：一个项目的，不是部门的预算', test: (c) => text(c) && c.reportKind === 'department_overall' && SPECIAL_ALLOCATION.test(c.clause) },
  { id: 'budgetInitial.part_context', roles: ['budgetInitial'], weight: -20, zh: '分项的年初预算（其中之外）', test: (c) => text(c) && PART_CONTEXT.test(partWindow(c).replace(/其中[：:]?/gu, '')) },
  { id: 'any.named_amount', roles: ALL, weight: -20, zh: '属于功能分类/经济分类/资金来源/项目', test: (c) => c.namedAs !== undefined },
  { id: 'any.approx', roles: ALL, weight: -20, zh: '约数', test: (c) => c.figure.approx !== 'exact' },
  { id: 'money.sentence.下一步', roles: MONEY, weight: -20, zh: '下一步/明年的打算', test: (c) => text(c) && PLAN_SENTENCE.test(c.before) },
  { id: 'execution.heading.预算说明', roles: ['execution'], weight: -20, zh: '部门预算说明中的支出（预算安排）', test: (c) => text(c) && BUDGET_EXPLANATION_HEADING.test(c.heading.replace(/\s+/gu, '')) },
  // "绩效目标：…资金完成173万元", "指标3：…总投资203.09万元": what a target or an indicator states, not the money granted or spent.
  { id: 'money.target_sentence', roles: MONEY, weight: -20, zh: '绩效目标/指标中的金额', test: (c) => text(c) && TARGET_OR_INDICATOR.test(c.before.slice(-TARGET_WINDOW)) },
  { id: 'money.clause.上年', roles: MONEY, weight: -20, zh: '上年/去年的金额（比较，不是本年）', test: (c) => text(c) && PRIOR_YEAR.test(c.clause) },
  { id: 'money.heading.下一步', roles: MONEY, weight: -6, zh: '下一步/计划一节', test: (c) => text(c) && PLAN_HEADING.test(c.heading) },
  { id: 'selfScore.indicator_clause', roles: ['selfScore'], weight: -6, zh: '指标的得分', test: (c) => text(c) && INDICATOR_CLAUSE.test(c.before) },
  { id: 'selfScore.list.分别', roles: ['selfScore'], weight: -20, zh: '得分分别为（逐项列出的得分）', test: (c) => text(c) && SCORE_LIST.test(c.before) },
  { id: 'any.explaining_bracket', roles: ALL, weight: -6, zh: '前一金额后括号里的说明', test: (c) => text(c) && EXPLAINING_BRACKET.test(c.before.slice(-40)) },
  { id: 'any.row_number', roles: ALL, weight: -20, zh: '行次', test: (c) => c.rowNumber },
  { id: 'selfScore.in_brackets', roles: ['selfScore'], weight: -20, zh: '括号里的分值', test: (c) => text(c) && (/[（(]\s*$/u.test(c.rawBefore) || OPEN_BRACKET_SCORE.test(c.before.slice(-12))) },
  // "（一）资金保障情况（分值10分），自评10分": an item scored beside its own weight is that item's score.
  { id: 'selfScore.item_weight', roles: ['selfScore'], weight: -6, zh: '与分值并列的分项得分', test: (c) => text(c) && ITEM_WEIGHT_BEFORE.test(c.before.slice(-24)) },
  { id: 'selfScore.label.分值', roles: ['selfScore'], weight: -20, zh: '分值/权重/满分', test: (c) => text(c) && WEIGHT.test(c.label) },
  // --- tables: column header × row
  ...FORM_COLUMNS.filter((col) => col.role !== 'selfScore').map(
    (col): Feature => ({ id: `${col.role}.column.${col.id}`, roles: [col.role], weight: 5, zh: `列：${col.id}`, test: (c) => columnOf(c) === col }),
  ),
  { id: 'any.row.合计', roles: MONEY.concat(['executionRate']), weight: 3, zh: '合计/资金总额行', test: (c) => !!c.cell && TOTAL_ROW.test(c.cell.rowLabel) },
  { id: 'any.row.data', roles: MONEY.concat(['executionRate']), weight: -20, zh: '明细行', test: (c) => !!c.cell && !TOTAL_ROW.test(c.cell.rowLabel) },
  { id: 'selfScore.row.总分', roles: ['selfScore'], weight: 8, zh: '总分/合计行的得分', test: (c) => !!c.cell && SCORE_TOTAL_ROW.test(c.cell.rowLabel) && /得分/u.test(c.cell.header + c.cell.rowLabel) },
  { id: 'selfScore.row.data', roles: ['selfScore'], weight: -20, zh: '指标行的得分', test: (c) => !!c.cell && !SCORE_TOTAL_ROW.test(c.cell.rowLabel) },
];

// --- Prose: the words of the whole clause, read only when FEATURES find no candidate for a role

/**
 * How much of a clause before its amount the prose features cut into words: a flattened table is
 * one clause of thousands of characters, and the words that state an amount stand near it.
 */
const PROSE_WINDOW = 40;
const PROSE_WORDS = new WeakMap<Candidate, readonly string[]>();
const proseText = (c: Candidate) => c.clause.slice(-PROSE_WINDOW);

/** The clause's words as jieba cuts them ("实际/到位/资金"); "转移支付" is one name, not a payment. */
function wordsOf(c: Candidate): readonly string[] {
  let words = PROSE_WORDS.get(c);
  if (!words) PROSE_WORDS.set(c, (words = joinTransfer(tokenize(proseText(c)))));
  return words;
}
const joinTransfer = (words: string[]) => words.flatMap((w, i) => (w === '转移' && words[i + 1] === '支付' ? ['转移支付'] : w === '支付' && words[i - 1] === '转移' ? [] : [w]));

/**
 * The candidates the prose features may fire on, their words loaded at once (see segment/tokenize.ts):
 * amounts of running text whose clause holds a word of money at all (every prose feature needs one).
 */
export function proseCandidates(candidates: readonly Candidate[]): Candidate[] {
  const out = candidates.filter(proseMoney);
  loadWordsFor(out.filter((c) => !PROSE_WORDS.has(c)).map(proseText));
  return out;
}

const isBudgetNoun = (w: string) => PROSE_BUDGET_NOUNS.some((n) => w.endsWith(n));
const isBudgetVerb = (w: string) => (PROSE_BUDGET_VERBS as readonly string[]).includes(w);
const isArrivalVerb = (w: string) => (PROSE_ARRIVAL_VERBS as readonly string[]).includes(w);
const isSpendingVerb = (w: string) => (PROSE_SPENDING_VERBS as readonly string[]).includes(w);
const isSpentNoun = (w: string) => PROSE_SPENT_NOUNS.some((n) => w.endsWith(n));
const isTransferVerb = (w: string) => (PROSE_TRANSFER_VERBS as readonly string[]).includes(w);
const isSpentMarker = (w: string) => (SPENT_MARKERS as readonly string[]).includes(w);

/** Money and a `verb` in the clause, and no spending or paying down: "下达上级资金转移支付", "核定…基金规模", "项目资金到位". */
function statesMoneyWith(c: Candidate, verb: (w: string) => boolean): boolean {
  const words = wordsOf(c);
  return words.some(verb) && words.some(isBudgetNoun) && !words.some(isSpendingVerb) && !words.some(isTransferVerb);
}
const statesGrant = (c: Candidate) => statesMoneyWith(c, isBudgetVerb);
const statesArrival = (c: Candidate) => !statesGrant(c) && statesMoneyWith(c, isArrivalVerb);

/**
 * "发放补助资金", "实际完成投资", "已拨付工程款": a spending verb, the money it spends closing the clause
 * (完成 only with 投资; 拨付 only after 已/实际, else it is a transfer received), no grant's verb before it
 * ("安排使用…" is what was arranged).
 */
function statesSpending(c: Candidate): boolean {
  const words = wordsOf(c);
  const last = words.length - 1;
  if (last < 1 || !isSpentNoun(words[last]!)) return false;
  for (let i = last - 1; i >= 0 && last - i <= 4; i--) {
    const w = words[i]!;
    if (isBudgetVerb(w)) return false;
    const spends = w === '完成' ? words[i + 1] === '投资' : isSpendingVerb(w) || (isTransferVerb(w) && words.slice(0, i).some(isSpentMarker));
    if (spends) return !words.slice(0, i).some(isBudgetVerb);
  }
  return false;
}

/**
 * The clause ends with money named as a whole ("年度资金", "…服务资金") and has no verb (a grant's or a spending's is read
 * above); or with the fund's project when its parts follow ("…节目制作经费项目50万元，其中：…": a numbered item's
 * "…专项资金项目180200.00元，主要用于…" is one project of a list).
 */
const endsWithFund = (c: Candidate) => {
  const words = wordsOf(c);
  const project = words[words.length - 1] === '项目';
  const last = words.length - (project ? 2 : 1);
  return last >= 0 && isBudgetNoun(words[last]!) && (!project || partsFollow(c)) && !words.some((w) => isBudgetVerb(w) || isArrivalVerb(w) || isSpendingVerb(w) || isTransferVerb(w));
};
/** A sign in the clause that its amount is the budget: each needs a second sign after the amount. */
const budgetClause = (c: Candidate) => statesGrant(c) || statesMoneyWith(c, isArrivalVerb) || endsWithFund(c);
/**
 * An amount of running text the prose may read, its clause naming money: not where the document masks
 * a transfer's amount ("下达资金 点击查看>> 万元"), since any amount shown there may be one part of several.
 */
const proseMoney = (c: Candidate) => text(c) && c.kind === 'money' && !c.unpricedTransfer && MONEY_WORD.test(proseText(c));
const MONEY_WORD = new RegExp(anyOf([...PROSE_BUDGET_NOUNS, ...PROSE_SPENT_NOUNS]), 'u');
/** Parts follow ("，其中：", "，包含…"), perhaps after a bracket that qualifies the amount: "36121.00万元(不含粮食直补)，其中：". */
const PARTS_AFTER = new RegExp(`^(?:[，,]?|\\s*[（(]|[。；;])\\s*(?:${anyOf([...BREAKDOWN_MARKS, ...INCLUDES_WORDS])})`, 'u');
const partsFollow = (c: Candidate) => PARTS_AFTER.test(c.next.replace(/^\s*[（(][^（）()]*[）)]/u, ''));
/**
 * The next clause states what was spent ("资金到位50万元，已使用50万元"), perhaps after the date it was counted to ("，截止12月底
 * 已支出108万元", "，截至2022年12月31日，累计拨付108万元"): this amount is what it was spent from.
 */
const SPENDING_NEXT = new RegExp(`^\\s*[，,；;]\\s*(?!其中)(?:${SPENT_BY_DATE.source}[，,]?\\s*)?[^，。；;\\d]{0,8}?(?:${anyOf(EXECUTION_WORDS)})[为了是：:\\s]*\\d`, 'u');

/**
 * Fallback features: weighted below the label rules, and scored for a role only when FEATURES gave no
 * candidate the role's threshold (assign.ts), so no answer of theirs moves. The −20 features still
 * count beside them (a plan, a part, income for the spending).
 */
/**
 * An amount stated after a whole and its 其中 in the same sentence ("…安排预算为2,814.76万元，其中：一是…基金2,531.96万元，…"), or
 * in a later item of an enumeration ("；二是本局粮食专项业务经费282.80万元，分别为…"): one of the parts, however its own clause
 * reads (an item named by its fund ends with 经费, as a budget's clause does).
 */
const AFTER_PARTS_OPENED = /\d\s*(?:万元|亿元|元|万)\s*[（(]?\s*[，,。；;]?\s*其中/u;
/** A later item of an enumeration ("…；二是本局粮食专项业务经费282.80万元"): its sentence opens with 二是, 三是 … */
const LATER_ENUMERATED_ITEM = /^[\s\u0000]*[二三四五六七八九十]是/u;
export const PROSE_FEATURES: readonly Feature[] = [
  { id: 'budget.prose.下达资金', roles: ['budget'], weight: 3, zh: '分句中的下达/安排/核定与资金/额度/规模（须其后另有一证）', test: (c) => proseMoney(c) && statesGrant(c) },
  { id: 'budget.prose.资金到位', roles: ['budget'], weight: 3, zh: '分句中的到位/拨入与资金（须其后另有一证）', test: (c) => proseMoney(c) && statesArrival(c) },
  { id: 'budget.prose.资金结尾', roles: ['budget'], weight: 3, zh: '以资金/经费/规模结尾、无动词的分句（须其后另有一证）', test: (c) => proseMoney(c) && endsWithFund(c) },
  { id: 'budget.prose.其后其中', roles: ['budget'], weight: 1, zh: '其后列出其中各项', test: (c) => proseMoney(c) && partsFollow(c) && budgetClause(c) },
  { id: 'budget.prose.其后支出', roles: ['budget'], weight: 1, zh: '其后一句陈述支出', test: (c) => proseMoney(c) && SPENDING_NEXT.test(c.next) && budgetClause(c) },
  { id: 'budget.prose.全部到位', roles: ['budget'], weight: 1, zh: '其后“全部执行到位/全部到位”', test: (c) => proseMoney(c) && ALL_DONE_AFTER.test(c.after) && budgetClause(c) },
  // "1.项目资金到位情况。…到位资金0.26万元。": the template's section on the money that arrived states what the project had.
  { id: 'budget.prose.到位一节', roles: ['budget'], weight: 1, zh: '“资金到位情况”一节中的资金', test: (c) => proseMoney(c) && c.arrivalSection && budgetClause(c) },
  // (read only with the prose: the label features' parts are told by any.part_context and any.listed_part)
  { id: 'money.prose.其中之后', roles: ['budget', 'execution'], weight: -20, zh: '同句中某金额及其“其中”之后、或“二是/三是…”各项中的金额：分项', test: (c) => proseMoney(c) && (AFTER_PARTS_OPENED.test(c.before) || LATER_ENUMERATED_ITEM.test(c.before)) },
  { id: 'execution.prose.支出资金', roles: ['execution'], weight: 4, zh: '分句中的发放/使用/完成投资…资金', test: (c) => proseMoney(c) && statesSpending(c) },
];

/** Rank-stage feature: the candidate stands in the first sentence that states the role. */
export const POSITION_FEATURE = { id: 'any.position.first', weight: 0.5, zh: '最先陈述' } as const;
/**
 * Rank-stage feature: a total ("…合计671037万元", "合计批复总投资6222.4万元") that equals, exactly, the sum
 * of the two or more amounts stated for the same role just before it is their whole, not one more
 * of them: it outranks its parts. A sum that does not hold adds nothing (the parts then tie, and the
 * role abstains as before), so no slip is read away.
 */
export const SUM_FEATURE = { id: 'any.arithmetic.sum_of_parts', weight: 10, zh: '合计＝其前同类各项之和' } as const;
/** Given in assign.ts to each of the N amounts right before "N项合计Y" that add up to Y. */
export const COUNTED_PART_FEATURE = { id: 'any.arithmetic.part_of_counted_total', weight: -20, zh: '其后“N项合计Y”、N项之和＝Y：分项' } as const;
/** Decision-stage feature: the year-start budget is the only budget the text states (assign.ts budgetFromSoleInitial). */
export const SOLE_INITIAL_FEATURE = { id: 'budget.sole_initial', weight: 0, zh: '仅述年初预算，即预算数' } as const;
/** Rank-stage feature: the printed rate holds for this (execution, budget) pair. */
export const RATE_TIE_FEATURE = { id: 'any.arithmetic.rate_holds', weight: 0, zh: '执行数÷预算数符合所报执行率' } as const;

/** Every feature id (for eval tables and the review page). */
export const FEATURE_IDS: readonly string[] = [...FEATURES.map((f) => f.id), ...PROSE_FEATURES.map((f) => f.id), POSITION_FEATURE.id, SUM_FEATURE.id, COUNTED_PART_FEATURE.id, SOLE_INITIAL_FEATURE.id, RATE_TIE_FEATURE.id];
