/**
 * Words that give a figure its role (预算, 执行, 执行率, 自评得分 …) and the table words around it
 * (form columns, total rows, fund rows): the one place for them. Extraction features
 * (extract/roles/features.ts), flattened forms and checks build their patterns from these lists.
 */

/** A regex alternation of words, longest first, with regex characters escaped. */
export function anyOf(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    .join('|');
}

/** 年初预算: the budget as first approved, before adjustments. */
export const BUDGET_INITIAL_WORDS = ['年初预算', '年初批复预算', '年初下达预算'] as const;
/**
 * A part's year-start budget: 其中 then the part's name before 年初预算 ("共有8个支出项目…。其中，法院执行年初预算数6万元，
 * 年末结算支出6万元", t828), not the whole's "其中年初预算…" nor a year's or the unit's own ("其中，本年年初预算…").
 */
export const NAMED_PART_INITIAL = /其中[，,、:：]?\s*(?!本年|当年|全年|本级|本部门|部门|单位|财政|\d{4}年)[^，,。；;、\d其]{2,16}?年初(?:批复|下达)?预算(?:数|资金)?[为是:：\s]*$/u;
/**
 * A special allocation ("市财政局…文件批复，专门安排党校事业发展经费183万元", t679): in a department-wide report it
 * funds one of the department's projects, not the department's whole budget.
 */
export const SPECIAL_ALLOCATION = /(?:专门|专项|单独|另行)安排/u;
/** Clause endings that state a budget (全年预算数, 调整后预算, 预算安排资金, 资金总额 …). */
export const BUDGET_WORDS = [
  '预算', '预算数', '预算金额', '预算资金', '预算总额', '预算安排', '预算额', '预算批复数',
  '全年预算', '调整后预算', '年度预算', '本年预算', '当年预算', '批复预算', '预算调整后',
  '预算安排资金', '预算安排经费', '安排资金', '安排经费', '安排预算', '资金总额', '预算总金额', '预算资金总额',
  '指标金额', '批复金额', '下达预算', '项目资金', '资金额度', '预算规模', '总预算',
  // "财政资金计划总额2200万元", "投资计划安排480万元": the plan a self-evaluation reports on is what was budgeted
  // (PLAN_WORDS: a future plan is told by 下一步/明年); "年度资金40.83万元": the year's money, as the form's row.
  '计划总额', '计划安排', '年度资金',
  // "该项目批复资金100万元", "预算批复100万元": what was approved (not 资金计划: "收回资金计划300万元", t425).
  '批复资金', '批复经费', '预算批复',
  // "下达预算指标173.65万元": the budget quota granted
  '预算指标',
] as const;
/*
 * Prose that states the budget or the spending without a label at the clause's end ("项目资金到位50万元",
 * "实际完成投资54.6万元"): its words, read anywhere in the clause (as jieba cuts it, so that 基本支出 or
 * 转移支付 stay whole names), by the fallback features (extract/roles/features.ts PROSE_FEATURES).
 */
/** Words (or word endings) that name money granted: 资金, 经费, 额度, 规模 … ("财政资金" ends with 资金). */
export const PROSE_BUDGET_NOUNS = ['资金', '经费', '基金', '公益金', '额度', '规模'] as const;
/** Verbs that say money was granted: "下达…资金", "安排资金", "核定…规模". */
export const PROSE_BUDGET_VERBS = ['下达', '安排', '筹集', '核定', '批复', '下拨', '落实'] as const;
/**
 * Verbs that say money came in: "项目资金到位", "财政拨入资金". What arrived is often a part of what was
 * granted (r01: 实际到位资金334.67万元 of a budget of 861.46万元), so they state the budget only with
 * a second sign (the first amount, parts or "全部到位" after it).
 */
export const PROSE_ARRIVAL_VERBS = ['到位', '拨入', '收到'] as const;
/** Verbs that say money was spent: "发放补助资金", "实际完成投资" (完成 only before 投资). */
export const PROSE_SPENDING_VERBS = ['支出', '使用', '发放', '支付', '兑付', '兑现', '完成'] as const;
/** Nouns a spending verb spends: "发放补助资金", "已拨付工程款", "完成投资". */
export const PROSE_SPENT_NOUNS = ['资金', '经费', '款', '投资', '金额'] as const;
/**
 * Verbs that pay money down a level as much as they spend it: spending only after 已/实际 ("已拨付工程款");
 * an advance ("预拨资金3608万元") is a part of what is granted, not the grant.
 */
export const PROSE_TRANSFER_VERBS = ['拨付', '拨款', '预拨'] as const;
/** After a whole, words that list what it includes, as 其中 does: "921.25万元，包含国家公园外…管护补助". */
export const INCLUDES_WORDS = ['包含', '包括'] as const;
/** After an amount: all of it came in or was spent ("3728万元全部执行到位", "，已全部到位", "，全额拨付到位"). */
export const ALL_DONE_AFTER = /^\s*[，,]?\s*(?:已|均已)?(?:全部|全额|足额)(?:已)?(?:执行到位|到位|拨付到位|使用|支出|拨付|下达)/u;
/**
 * The heading of a report's section on the money that arrived ("1.项目资金到位情况", "(一)资金到位情况分析", the
 * national template's first item under 项目资金情况): the amount a clause there names as money granted or arrived is
 * what the project had, its budget, when nothing states a budget otherwise.
 */
export const ARRIVAL_HEADING = /资金到位情况/u;

/**
 * A target declaration's total over the project's whole term ("中期资金总额449.8万" beside "年度资金总额189.8万"): the
 * year's budget only when the year's own total is not printed.
 */
export const TERM_TOTAL_WORDS = ['中期资金总额', '实施期资金总额'] as const;
/** Additions to a budget (追加, 调增): an amount so labelled is neither the budget nor the year-start one. */
export const ADDITION_WORDS = ['追加', '调增'] as const;
/** Words before 预算 that make it the final (全年 / 调整后) budget, not the year-start one: "年中调整预算为…". */
export const BUDGET_FINAL_WORDS = ['全年', '调整后', '调整', '年中调整', '全年调整', '调整后的'] as const;
/**
 * The words a budget's adjusted amount follows, 为 kept ("调整预算后为320万元", "预算调整为320万元", "年中调整为
 * 320万元"): the budget after the adjustment, not the change ("预算调整20万元" states no 为).
 */
export const BUDGET_ADJUSTED_TO_WORDS = ['调整预算后为', '预算调整后为', '预算调整为', '年中调整为', '调整后为', '调整为'] as const;
/** Words that state a project's total money where no 预算 is named: 计划投资, 总投资, 项目资金共 … */
export const INVESTMENT_WORDS = ['计划投资', '计划投资额', '计划投入', '计划投入资金', '总投资', '投资总额', '概算总投资', '计划总投资', '项目总投资', '批复总投资', '批复投资', '政府投资'] as const;
/** Transfers from a higher level: 下达 (…资金). */
export const TRANSFER_WORDS = ['下达'] as const;
/** What a transfer's clause ends with: "下达…资金", "下达…预算指标", "下达我市中央福彩公益金" (a lottery fund). */
export const TRANSFER_OBJECTS = ['资金', '经费', '预算', '指标', '公益金'] as const;
/** Clause endings that state what was spent (执行数, 实际支出, 拨付, 使用 …). */
export const EXECUTION_WORDS = [
  '执行数', '执行金额', '执行额', '全年执行', '实际执行', '实际支出', '支出数', '支出金额', '已支出', '决算数',
  '支出决算', '决算', '实际使用', '累计支出', '总支出', '支出总额', '使用资金', '使用', '支出', '发放资金',
  '拨付', '已拨付', '拨付资金', '完成拨付', '已完成拨付', '支付', '已支付', '兑付', '兑现', '发放',
  '支付资金', '已支付资金', '拨付金额', '实际拨付金额', '支付金额', '实际支付', '实际使用情况',
  // "预算100万元，执行80万元": the verb alone, the budget named before it; "全年执行资金1847.85万元" as 使用资金, 拨付资金
  '执行', '已执行', '执行资金', '实际执行资金',
  // "已报账80万元": claimed and paid under the county's 报账制
  '报账', '已报账',
] as const;
/** Execution words that state the total spent, not a part of it: "总支出221万元", "支出总额1060.30万元". */
export const EXECUTION_TOTAL_WORDS = ['总支出', '支出总额', '支出合计', '执行总额', '总执行数', '全年执行数', '全年执行'] as const;
/**
 * Markers of money already paid out, before a spending verb and the fund it names: "已拨付中央财政…资金",
 * "实际发放…补助经费". Without one, "中央财政拨付…资金" is a transfer received, not a spending.
 */
export const SPENT_MARKERS = ['已', '实际', '累计', '已完成', '实际完成'] as const;
/** The date spending is counted to, opening a clause: "截止12月底", "截至2022年12月31日", "截止目前", "至年底". */
export const SPENT_BY_DATE = /(?:截[至止]|至)(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日|底|末)?(?:年底|年末|目前|现在)?/u;
/** Spending verbs a named fund may follow ("已拨付中央财政水污染防治资金680万元"). */
export const SPENDING_VERBS = ['拨付', '支付', '支出', '使用', '发放', '兑付'] as const;
/**
 * Accounts whose name ends in 预算, so that "一般公共预算支出" is spending from that account, not a
 * budget of spending ("年初下达预算支出910.47万元").
 */
export const BUDGET_ACCOUNT_WORDS = ['公共预算', '基金预算', '经营预算'] as const;
/** Verbs that, before 预算(资金/数), say the budget was spent: "完成预算资金89.97万元". */
export const SPENT_BUDGET_VERBS = ['完成', '使用', '支付', '支出', '执行', '拨付'] as const;
/** Clause endings that state an execution rate. */
export const RATE_WORDS = [
  '执行率', '完成预算', '完成预算的', '预算完成率', '支出进度', '执行进度', '支出率', '支付率', '资金支付率',
  '预算执行率', '完成全年预算', '完成全年预算的', '完成全年预算数的', '占预算的', '占全年预算的', '占预算数的',
  '占全年预算数的', '资金执行率', '拨付率', '资金拨付率', '资金使用率', '支付完成率',
  '完成年度预算', '完成年度预算的', '支出完成率',
  // "…执行有效，预算完成100%": the budget's completion, as 完成预算的 (not 完成率 alone, which an indicator names)
  '预算完成',
  // Not 支付进度/拨付进度 (a payment's pace against a schedule or a contract, not against the budget; on the
  // first fresh texts it read 100% where a third was paid) nor 发放率 (often an indicator of recipients paid, "经费发放率为98%").
] as const;
/**
 * After a percent, words that make it a scoring rule's threshold in an indicator table's 评价标准 ("预算完成率
 * 100%计满分，每低于5%扣2分"): no rate reached.
 */
export const SCORING_RULE_AFTER = /^\s*(?:的|及)?(?:以上)?(?:计|得|给|为)满分/u;
/** Rates that are not an execution rate, though they name a rate: "完成率", "执行率" inside a money label. */
export const OTHER_RATE_WORDS = ['执行率', '完成率'] as const;
/** Words near a self score. */
export const SCORE_WORDS = ['自评', '总分', '综合得分', '评价得分', '最终得分', '评分结果', '得分', '评价分', '评分', '评价结果'] as const;
/**
 * Headings of the section that states the self score ("(一)自评得分", "三、绩效自评结论", "(一)部门整体绩效自评得分"):
 * a score under one is the report's (an item's score stands under 绩效目标完成情况 or an indicator's heading).
 */
export const SCORE_HEADING_WORDS = ['自评得分', '自评分数', '自评结论', '评价得分', '评分结果'] as const;
/** Words that make a score a weight, not a result. */
export const WEIGHT_WORDS = ['分值', '权重', '满分'] as const;
/** Money received or income: never what was spent. */
export const INCOME_WORDS = ['收入', '本年收入', '收入合计', '本年收入合计', '收到', '到位', '到账', '结转', '结余'] as const;
/**
 * Plans and requests: not a budget granted, not money spent. (计划 is none: in a self-evaluation "计划安排资金",
 * "资金计划总额" state what was budgeted; a future plan is told by 下一步/明年/下年度, a request by 申请/争取.)
 */
export const PLAN_WORDS = ['申请', '争取', '拟', '下一步', '下年度', '明年'] as const;
/**
 * The year before ("比上年累计支出433万元", "较上年同期减少"): a comparison, not this year's money
 * (上年结转/上年结余 is money carried into this year: a source, read by its own rules).
 */
export const PRIOR_YEAR_WORDS = ['上年', '去年', '上一年', '上年度'] as const;
/** Estimates: not a budget granted nor money spent, even of an investment ("预计总投资7450万元"). */
export const ESTIMATE_WORDS = ['预计', '预估', '估算'] as const;
/**
 * A clause that says what money went to, still open before an amount ("；用于直发直补资金609.22万元、项目扶持资金
 * 138.78万元、切块项目资金1524万元", t937): read with an amount listed beside another (…万元、), its amounts are the
 * whole's uses, each a part.
 */
export const USE_CLAUSE_OPEN = /(?:^|[，,。；;！？!?\n])\s*(?:主要|重点|分别|具体)?用于[^，,。；;！？!?\n]*$/u;
/** A clause about a part of the whole: 其中, 基本支出 … (function classes are added by the features). */
export const PART_WORDS = ['其中', '基本支出', '项目支出', '人员经费', '公用经费', '结转', '财政拨款', '其他资金'] as const;
/**
 * Words before 公用经费 that make it the name of a school's subsidy programme ("特殊教育公用经费", "义务教育公用经费",
 * "幼儿园生均公用经费", "初中公用经费"), the fund a project's report is about, not the nature class 公用经费 that a
 * department's 基本支出 breaks down into.
 */
export const SCHOOL_FUND_BEFORE_NATURE = ['教育', '生均', '幼儿园', '小学', '初中', '高中', '学校', '学生'] as const;

/**
 * The top-level nature classes of expenditure that add up to the total (人员经费 / 公用经费 sit inside
 * 基本支出): sum.by_nature's parts.
 */
export const NATURE_CLASS_NAMES = ['基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'] as const;

/**
 * 支出经济分类: the economic classes a spending is split into ("其中：商品和服务支出39.98万元…；其他资本性支出
 * 10.02万元"): each a part of the spending, never the spending itself. Matched at a label's end, so 资本性支出 holds
 * 其他资本性支出.
 */
export const ECONOMIC_CLASS_NAMES = ['工资福利支出', '商品和服务支出', '对个人和家庭的补助', '对个人和家庭补助支出', '资本性支出', '债务利息及费用支出', '对企业补助支出'] as const;

/**
 * Kinds of expense a 决算 or a department's report itemizes ("公务接待费支出0.45万元", "机关运行经费支出204.48万元",
 * "政府采购支出总额121万元", "三公"经费): an amount so named is one item of the spending, never all that was spent or
 * budgeted. (会议费, not 会议经费: "…领导小组会议经费" is a project's own fund.)
 */
export const EXPENSE_ITEM_WORDS = ['三公经费', '因公出国', '公务用车', '公务接待', '会议费', '培训费', '差旅费', '办公费', '印刷费', '运行经费', '政府采购'] as const;

/**
 * Words of an amount per unit or a standard ("户均发放2500元", "人均补助", "补助标准为每人1000元"): an average or a
 * rate paid, never the money granted or spent in all. (accounts.ts PER_UNIT_BEFORE reads a standard for a product check.)
 */
export const PER_UNIT_WORDS = ['户均', '人均', '亩均', '生均', '每户', '每人', '每亩', '每生', '每名', '人平', '户平', '平均每', '补助标准', '补贴标准', '发放标准', '单价'] as const;

/** 基本支出 / 项目支出 / 人员经费 / 公用经费, as printed. */
export const NATURE_NAMES = ['基本支出', '项目支出', '人员经费', '公用经费'] as const;

/** A clause ending with a nature name: 基本支出 / 项目支出 / 人员经费(支出) / 公用经费(支出). */
export const NATURE_RE = /(基本支出|项目支出|人员经费(?:支出)?|公用经费(?:支出)?)$/u;
/** 资金来源: the 自评表's fund rows and narrative fund sources (the budget kinds too: 一般公共预算资金, 政府性基金预算收入). */
export const FUND_RE =
  /((?:本年|当年|年初)?财政拨款(?:资金)?|财政资金|上年结转(?:资金)?|结转结余(?:资金)?|其他资金|(?<![我本该])单位资金|自有资金|(?:地方|单位|群众)?自筹(?:资金)?|村集体(?:经济)?资金|财政专户管理资金|中央(?:财政)?(?:补助)?资金|省级(?:财政)?资金|市级(?:财政)?资金|县级(?:财政)?资金|区级(?:财政)?资金|(?:财政拨款(?:资金)?|上级补助|事业(?:性)?|经营|附属单位上缴|其他)收入|(?:一般公共预算|政府性基金(?:预算)?)资金|(?:一般公共预算|政府性基金预算)收入)$/u;
/**
 * The verb a part of a whole may repeat after its fund's name ("其中中央资金投入776.84万元,省级资金投入290.36万元"):
 * the name is the fund's without it.
 */
export const PART_VERB = /(?<=资金|补助|配套)(?:投入|到位)$/u;
/**
 * A fund name that is a kind of income (财政拨款收入, 事业收入, 其他收入 …): in a 决算 it is the unit's income by
 * type, and a fund whose 其中 lists income is income too.
 */
export const INCOME_FUND_NAME = /收入$/u;
/**
 * 年末结转结余: what is left at the year's end, printed after the spending ("…项目支出22,018.81万元；年末结转结余
 * 23.68万元"): never a source of the year's funds (年初/上年结转 can be one).
 */
export const YEAR_END_BALANCE = /年末结转(?:和)?结余(?:资金)?$/u;
/**
 * The levels of government that pay a fund, as a part's name opens with them: 中央, 省级, 自治区,
 * 盟市/旗县 (内蒙古), 州, 市县, 本级, 上级, 地方; "央省" (中央和省) joins two. A bracketed
 * qualifier may follow ("旗县(区)本级…资金").
 */
export const PAYING_LEVEL_WORDS = [
  '中央', '央省', '中省', '省级', '省', '自治区', '盟市', '市县', '市级', '市', '州级', '州', '旗县', '县级', '县', '区级', '区', '上级', '本级', '地方',
] as const;
/** A paying level as a regex source, with its optional bracketed qualifier. */
export const PAYING_LEVEL_SOURCE = `(?:${anyOf(PAYING_LEVEL_WORDS)})(?:[（(][\u4e00-\u9fff]{1,3}[）)])?`;
const LEVEL = PAYING_LEVEL_SOURCE;
/** The year a part's fund was granted may open its name: "2025年中央农村综合性改革转移支付资金630000元". */
const FUND_YEAR = '(?:\\d{4}年度?)?';
/**
 * A part named by the level of government that pays it ("上级资金179.25万元", "本级59.75万元",
 * "地方资金98.6万元", "央省14059.11万元"): a fund source when it follows a whole and its "其中".
 */
export const LEVEL_FUND_RE = new RegExp(`^${FUND_YEAR}${LEVEL}(?:财政)?(?:补助|配套|匹配|奖补)?(?:资金)?$`, 'u');
/**
 * A part named by its paying level and its fund, after a whole and its "其中" ("中央财政衔接资金39万元",
 * "省级财政医疗救助补助资金65万元", "旗县(区)本级医疗救助补助资金", "中央级资金转移支付124.23万元"), a level's budgeted
 * investment ("中央预算内基建投资65.50亿元"), or raised by the unit ("自筹资金", "地方自筹").
 */
export const LEVEL_NAMED_FUND_RE = new RegExp(`^(?:${FUND_YEAR}${LEVEL}(?:财政)?[^，。；、,;:：\d]{0,12}?资金(?:转移支付)?|${LEVEL}预算内(?:基建|基本建设)?投资(?:资金)?|(?:地方|单位)?自筹(?:资金)?)$`, 'u');
/** "项目资金共100万元", "资金总额合计…", "办案补助经费共计1400万元": the filler after the label says this is a whole ("三公"经费 is one kind of spending). */
export const FUND_TOTAL_RAW = /(?:项目|专项|补助|补贴|工程)?(?:资金|(?<!三公["“”]?)经费)(?:总额)?(?:共计|合计|总计|共)\s*$/u;
/**
 * A transfer whose payer is a level of government: "中央财政耕地地力保护补贴资金…下达资金8887万元",
 * "我局共收到中央下达…补助资金9056万元".
 */
export const LEVEL_TRANSFER_RE = /^(?:\d{4}年度?)?(?:[^，。；\d]{0,6}?收到)?((?:中央|省级?|自治区|市级?|县级?)(?:财政)?[^，。；、（(\d]{0,20}?资金)/u;
/** Rows that hold a table's or form's total: 合计, 总计, 年度资金总额 … */
export const TOTAL_ROW_WORDS = ['年度资金总额', '年度总金额', '资金总额', '合计', '总计'] as const;
/**
 * A total that counts its parts ("…经费20万元，两项合计154万元", t956; "以上三项共计…"): group 1 the count. The amounts
 * it counts are parts of it, not the budget, when that many amounts right before it add up to it.
 */
export const COUNTED_TOTAL = /([两二三四五六七八九十]|\d{1,2})项(?:资金|经费)?(?:合计|共计|总计)[为是:：\s]*$/u;
/** Rows that sum part of a table: 小计. */
export const SUBTOTAL_ROW_WORDS = ['小计'] as const;
/** Rows that hold a form's total score. */
export const SCORE_TOTAL_ROW_WORDS = ['总分', '合计', '自评得分', '综合得分'] as const;

/** A role a form column or a clause can give a figure. */
export type FigureRole = 'budget' | 'budgetInitial' | 'execution' | 'executionRate' | 'selfScore';

/**
 * A 自评表's / 基础数据表's column names and the field each holds, most specific first
 * (header text with spaces and bracketed units removed is tested against `pattern`).
 */
export const FORM_COLUMNS: readonly { id: string; role: FigureRole; pattern: RegExp }[] = [
  { id: '执行率', role: 'executionRate', pattern: /执行率|完成率/u },
  { id: '年初预算数', role: 'budgetInitial', pattern: /年初预算/u },
  { id: '执行数', role: 'execution', pattern: /执行数|执行金额|实际支出|支出数|决算数|全年执行/u },
  { id: '全年预算数', role: 'budget', pattern: /^(?!.*执行).*(?:(?:全年|调整后)?预算(?:数|金额)?$|预算数)/u },
  { id: '得分', role: 'selfScore', pattern: /得分|自评分/u },
];

/**
 * Column names a flattened form or 基础数据表 prints on one line above its values
 * ("年初预算数 全年预算数 全年执行数 分值 执行率 得分"), brackets such as "(A)" or "（万元）" removed.
 */
export const FORM_COLUMN_NAMES = [
  '年初预算数', '年初预算', '全年预算数', '全年预算', '调整后预算数', '调整预算数', '预算数', '全年执行数', '执行数',
  '实际支出', '实际支出数', '支出数', '决算数', '执行率', '预算执行率', '分值', '权重', '得分', '执行率得分', '自评得分',
] as const;

/**
 * Words between a label and its amount ("预算数为", "共计", "：") that the label drops. Each
 * alternative matches one way only (共计 is 共 + 计): an ambiguous alternation under + backtracks
 * exponentially on a long run of 共计 that does not end the text (found by fuzzing: minutes per report).
 */
export const LABEL_FILLER = /(?:达到|总计|合计|累计|[为是了达约共计：:\s“”])+$/u;
/** Every character a LABEL_FILLER match can hold (its words' and its class's): the label is read back over these only. */
export const LABEL_FILLER_CHARS = /[达到总计合累为是了约共：:\s“”]/u;
/** Total words closing a clause before its amount ("共下达105万元" loses "达" to the label's filler). */
export const TOTAL_FILLER = /(?:合计|总计|累计|[共计为：:\s“”])+$/u;
