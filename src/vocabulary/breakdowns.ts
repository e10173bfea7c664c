import { anyOf, PAYING_LEVEL_SOURCE, PAYING_LEVEL_WORDS } from './roles.js';
/**
 * Names of the parts of an amount stated as "X 万元，其中 A 万元、B 万元" that together make the whole:
 * fund sources by level (中央/省级/地方 …), by kind (财政拨款/上年结转/其他资金), and the nature
 * classes (基本支出/项目支出, 人员经费/公用经费). A list of such parts that misses its whole is a slip
 * (or a list left incomplete); a list of other parts (一般债券, 向外国政府借款 …) may be partial.
 */
export const BREAKDOWN_PART_WORDS: readonly string[] = [
  '中央', '国家', '省级', '省', '自治区', '市级', '市', '盟市', '州', '县级', '县', '旗县', '区级', '区', '乡镇', '本级', '上级', '地方',
  '财政拨款', '财政资金', '上年结转', '结转', '结余', '自筹', '社会', '银行', '其他资金', '其他收入', '其他',
  '基本支出', '项目支出', '人员经费', '公用经费',
];

/**
 * A part that takes in whatever the others leave ("其他资金", "其它收入"): a list that names one is
 * closed, so a sum short of its whole is as sure a slip as one above it.
 */
export const CLOSING_PART = /^(?:其他|其它)/u;

/**
 * A 决算's income by type (the 收入决算表's columns: 财政拨款收入, 上级补助收入, 事业收入, 经营收入, 附属单位上缴收入,
 * 其他收入): a list of them closed by 其他收入 leaves nothing out. Without its 其他收入 the list may stop short (a
 * page cut after "事业收入7178万元,"), so it is closed only by that part.
 */
export const INCOME_KIND_PART = /^(?:一般公共预算)?(?:财政拨款(?:资金)?|上级补助|事业(?:性)?|经营|附属单位上缴|其他|其它)收入$/u;

/**
 * Classifications whose kinds make their whole by definition: government procurement is of goods, works
 * or services (政府采购法 第二条: 货物、工程和服务), so "政府采购支出总额121万元，其中：政府采购货物支出0万元、
 * 政府采购工程支出0万元、政府采购服务支出100万元" (t758) leaves nothing out. A list whose parts each name the
 * `marker` and one of the `kinds`, every kind once, is closed like one ending in "其他…".
 */
export const CLOSED_PART_SETS: ReadonlyArray<{ marker: string; kinds: readonly string[] }> = [{ marker: '采购', kinds: ['货物', '工程', '服务'] }];

/**
 * A class of spending by its economic nature (支出经济分类's 类: 301 工资福利支出, 302 商品和服务支出, 303 对个人和家庭的
 * 补助, 307 债务利息支出, 309/310 (其他)资本性支出, 312 对企业补助, 399 其他支出): a list of them splits a spending whole,
 * so each is a piece of it ("基本支出2956.36万元，其中：工资福利支出2424.00万元，商品和服务支出432.65万元，对个人和家庭的
 * 补助93.12万元，其他资本性支出6.5万元", t828).
 */
export const ECONOMIC_CLASS_PART = /^(?:工资福利支出|商品和服务支出|对个人和家庭的?补助(?:支出)?|债务利息(?:及费用)?支出|(?:其他)?资本性支出(?:[（(]基本建设[）)])?|对企业补助|其他支出)$/u;
/**
 * The classes a 基本支出 is spent in: its 人员经费 (工资福利, 对个人和家庭的补助) and 公用经费 (商品和服务, 资本性). A list of
 * economic classes naming each of these once leaves nothing of a unit's basic spending out, as CLOSED_PART_SETS.
 */
export const BASIC_SPENDING_CLASSES: readonly string[] = ['工资福利', '商品和服务', '对个人和家庭', '资本性'];
/** The name right before a whole that is a 基本支出 ("1.基本支出2956.36万元", "基本支出决算为", t516's misprinted "基本支989312.11元"). */
export const BASIC_SPENDING_WHOLE = /基本支出?[^\d，,。；;、]{0,6}$/u;

/**
 * A part named by the level of government that pays it and its fund, whatever verb stands between
 * ("省级财政安排补助资金14.05亿元", "县级下达配套资金"): a part of the list, although 安排/下达 elsewhere open
 * a new clause (breakdown.ts).
 */
export const LEVEL_PART_NAME = new RegExp(`^${PAYING_LEVEL_SOURCE}(?:财政)?[\\u4e00-\\u9fff]{0,6}(?:资金|经费|投资)$`, 'u');

/** A listed part named by its paying level (captured), as LEVEL_PART_NAME reads it. */
export const LEVEL_OF_PART = new RegExp(`^(${anyOf(PAYING_LEVEL_WORDS)})(?:[（(][\\u4e00-\\u9fff]{1,3}[）)])?(?:财政)?[\\u4e00-\\u9fff]{0,6}(?:资金|经费|投资)$`, 'u');
/**
 * A clause that names one level's money, and nothing else ("2021年度中央下达资金", "省级财政补助资金为"):
 * the same quantity as that level's part of a list, or, after a verb that passes money down (group 2:
 * 下达, 拨付), that level's part and what it passes on from the levels above it. Money that arrived
 * (到位), was spent or is left over is another quantity.
 */
export const RESTATED_LEVEL_FUND = new RegExp(
  `^(?:\\d{4}年度?)?(${anyOf(PAYING_LEVEL_WORDS)})(?:财政)?(下达|拨付|安排|补助)?的?(?:专项|补助|配套)?资金(?:为|共计|合计|计)?$`,
  'u',
);
/** A level as one word: 省级 and 省, 县级 and 县 are one level. */
export function levelOf(word: string): string {
  return word.length > 1 ? word.replace(/级$/u, '') : word;
}
/**
 * How far down a level pays (中央 0 … 乡镇 4), by levelOf's word; levels of no fixed place (上级, 本级,
 * 地方, 市县) have none, but for being below the centre. A level passes down the money of the levels above it, never of those below.
 */
const LEVEL_RANK: Readonly<Record<string, number>> = { 中央: 0, 央省: 1, 中省: 1, 省: 1, 自治区: 1, 盟市: 2, 市: 2, 州: 2, 旗县: 3, 县: 3, 区: 3, 乡镇: 4 };
/** Levels below the centre whatever else they hold (地方 is every local level). */
const LOCAL_LEVELS: ReadonlySet<string> = new Set(['地方', '本', '市县']);
/** Whether `level` (levelOf's word) surely pays below `above`; unknown places are not. */
export function isLevelBelow(level: string, above: string): boolean {
  if (above === '中央' && LOCAL_LEVELS.has(level)) return true;
  const [a, b] = [LEVEL_RANK[level], LEVEL_RANK[above]];
  return a !== undefined && b !== undefined && a > b;
}
/** Verbs by which a level passes money down. */
export const PASSING_DOWN = /下达|拨付/u;

/**
 * A sentence saying its money arrived in full ("…预算174万元,全部到位", "该项目603万元均已到位"): what
 * arrived is the amount before the words. 到位率100% says the same.
 */
export const ARRIVED_IN_FULL = /(?:全部|全额|足额|均已|已全部|均|全部已)(?:拨付)?到位|到位率(?:为|达)?100(?:\.0+)?[%％]/u;
/**
 * The amount a project was allocated ("实际实施并下达预算指标173.65万元", "县财政下达资金603万元"): the verb
 * and, within the clause, the money's name right before the amount.
 */
export const ALLOCATED_AMOUNT = /(?:实际(?:实施并)?)?下达[^，,。；;：:\d]{0,16}?(?:预算指标|预算资金|资金|指标|预算)(?:为|共|共计)?\s*$/u;

/** Part names that subtract or adjust rather than add up (调减 2.66 万元): such a list is not a breakdown. */
export const ADJUSTMENT_WORDS = /调减|核减|减少|扣减|收回|调增|追加|调整/u;

/** Words between a whole and its listed parts: "X 万元，其中：…", "X 万元，主要用于以下方面：…", "X 万元，包括…". */
export const BREAKDOWN_MARKS: readonly string[] = ['其中', '主要用于以下方面', '主要用于以下几个方面', '具体包括', '包括', '分别为', '分别是', '资金来源为', '资金来源是', '资金来源', '来源于'];

/**
 * What follows a whole whose parts come next: "X万元，其中：…", "X万元（其中：…）", or a new sentence
 * "X万。其中，央省…" (group 1: the stop, when the parts stand in the next sentence).
 */
export const PARTS_FOLLOW = /^(?:[，,]?|\s*[（(]|([。；;]))\s*其中/u;

/** A transfer from a higher level closing a clause: "下达…资金", "下达" (the transfer is a whole). */
export const TRANSFER_CLAUSE = /下达[^，。；]{0,40}?(?:资金|经费|预算|指标)$|下达$/u;

/** "按生均1000元安排，共计239万元，其中…": an arrangement's total, its parts to follow. */
export const ARRANGED_TOTAL = /安排[，,]\s*(?:共计|合计|总计|共)\s*$/u;

/** A sentence that opens with what a part received: "收到普通国省道建设(…)补助资金" (a sub-project). */
export const RECEIVED_PART = /^\s*(?:\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)])?\s*收到([^，,。；;：:（(\d]{2,30}?)(?:[（(][^（）()]*[）)])?(?:补助|专项)?资金$/u;

/** After an amount, the one source it all comes from: "16.20万元，全部为县级配套资金" (group 1: the source). */
export const SOLE_SOURCE = /^\s*[，,]?\s*(?:全部|均|全额)(?:为|是|系|来自|来源于)\s*([\u4e00-\u9fff（）()]{2,20}?资金)/u;

/**
 * The mark a list of parts opens with after its whole: 其中, an enumeration (分别为, 具体是 …), or 即 before a colon
 * ("预算资金为2827.23万元,即:A 82.8万元、B 30.61万元…").
 */
export const PARTS_LIST_MARK = /其中|分别为|分别是|具体为|具体是|即(?=\s*[：:])/gu;
/**
 * A whole and the mark that its items follow, ending with a colon ("学生资助共投入8573.19万元,具体情况为:", "…2,814.76万元,
 * 其中:"): the items after it are the whole's parts, each with its own amount.
 */
export const WHOLE_THEN_ITEMS = /\d\s*(?:万元|亿元|元|万)\s*[，,]?\s*(?:其中|分别为|分别是|具体为|具体是|具体情况为|具体情况如下|具体如下|如下)\s*[：:]/gu;
/** An item's number: "1、", "2.", "(3)", "一是". */
const LIST_ITEM_NUMBER = '(?:\\d{1,2}[、.．](?!\\d)|[（(][一二三四五六七八九十\\d]{1,3}[）)]|[一二三四五六七八九十]{1,2}是)';
/** An item of a list opening, at the line's start or after a clause break; the last one before a position is the item it stands in. */
export const LIST_ITEM_LEAD = new RegExp(`(?:^|[：:，,；;。\\s])\\s*${LIST_ITEM_NUMBER}`, 'gu');
/** A text that opens with an item's number (the first item right after its list's mark). */
export const LIST_ITEM_FIRST = new RegExp(`^\\s*${LIST_ITEM_NUMBER}`, 'u');
/**
 * A fund that says only that the money is public ("全部为财政拨款资金", "全部为财政资金"): no paying level, no own
 * money, so it names no source of an amount on its own (fact.sole_source).
 */
export const FISCAL_ONLY_FUND = /^(?:本年|当年)?财政(?:拨款)?(?:资金)?$/u;

/** A count of projects: "项目9个", "涉及2个项目", "共有 1 个项目". */
export const PROJECT_COUNT = /项目\s*\d+\s*个|\d+\s*个[\u4e00-\u9fff]{0,4}?项目/u;
/**
 * After a whole, the mark that its projects are listed next: "项目资金1950万元。分别为：", "资金60万元，涉及2个项目，
 * 分别为：", "项目金额46.00万元。其中：", "年中追加项目资金79.53万元,涉及项目4个,其中:", "预算资金为2827.23万元,即:", or
 * an enumeration's word with no colon ("红河州粮食风险基金2,531.96万元,分别为州级…专项资金2,258.96万元、…").
 */
export const PROJECT_LIST_MARK =
  /^\s*[。，,]?\s*(?:涉及\s*(?:\d+\s*个项目|项目\s*\d+\s*个)\s*[，,]\s*)?(?:(?:分别为|分别是|具体为|具体是|其中|即)\s*[:：]|(?:分别为|分别是)(?=[\u4e00-\u9fff]))/u;

/**
 * A list mark that names what follows one by one ("具体是：", "分别为："), unlike "其中", which fund
 * sources follow as often as projects: a list it opens without a count of projects is read as projects
 * only when its items add up to the whole or each names a project (PROJECT_ITEM_WORD).
 */
export const ENUMERATION_MARK = /分别为|分别是|具体为|具体是|即/u;
/** The word an item names itself a project with: "布达拉宫消防提升工程项目", "…污水处理设施建设工程". */
export const PROJECT_ITEM_WORD = /项目|工程/u;
/**
 * A numbered item opening with a project's name, its budget clause right after ("1、烈士纪念设施维修
 * 项目：预算35.3万元", "一是高水平医院建设项目，安排项目预算资金420000.00万元"): group 1 the name (ending
 * in 项目/工程), group 2 the clause before the amount. The clause must state a budget (rules.ts).
 */
export const NUMBERED_PROJECT =
  /(?:^|[^\d])\s*(?:\d{1,2}(?:、|[．.](?!\d))|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}是)\s*([^，。；;：:、\s]{2,40}?(?:项目|工程))\s*[：:，,]\s*([^，。；;：:\d]{0,16})$/u;

/**
 * A numbered paragraph that opens with a project's name and describes it before its amounts ("1、哈拉布拉乡
 * …农田道路建设项目,铺建砂石路11公里…。2021年下达财政专项扶贫资金197万元,…实际已支付186.98万元"), or heads it
 * with what the paragraph reports of it ("(2)信访事务(宣传费)项目绩效目标完成情况综述。项目全年预算数2万元", the number
 * perhaps alone on the line above): group 1 the name (ending in 项目/工程; one comma may stand in it: "村内干道,巷道路面
 * 硬化建设项目").
 */
export const NUMBERED_PARAGRAPH_PROJECT =
  /^\s*(?:\d{1,2}(?:、|[．.](?!\d))|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*([^，,。；;：:、\s]{2,40}?(?:[，,][^，,。；;：:、\s]{2,30}?)?(?:项目|工程))(?=[，,：:。；;\s]|(?:绩效目标|绩效|目标)?(?:完成|实施|执行|自评|基本)情况)/u;

/** Words that name no project of their own: "本项目", "重点项目", "专项项目". */
export const GENERIC_PROJECT = /^(?:本|该|此|各|重点|部门|整体|所有|其他|全部|上述|以上|本年|年度|各个|有关|相关|专项|主要|重点任务)$/u;

/** A clause naming the project its amount belongs to: "党建工委工作经费项目全年预算数" (group 1: the name). */
export const PROJECT_CLAUSE = /([\u4e00-\u9fffA-Za-z0-9（）()“”"·]{2,40}?)项目(?:资金|经费)?(?:的)?(?:全年|年初|调整后|年度)?(?:预算|资金|执行|支出|总投资|安排)/u;
/** Words a clause opens with that are not part of the project's name ("其中", "本单位", "2021年度"). */
export const PROJECT_NAME_LEAD = /^(?:其中|另外|此外|本单位|我单位|本部门|我部门|我委|我局|全年|年度|\d{4}年度?)/u;
/**
 * A unit speaking of itself just before 项目 ("至2023年底我局项目执行金额2856.63万元", t876): its projects as a whole,
 * no project's name.
 */
export const UNIT_ITSELF_END = /(?:我|本|全)(?:局|单位|部门|委|院|校|中心|办|站|所)$/u;
/** The paying level a fund's or transfer's name opens with (中央, 省, 自治区, 市, 县). */
export const PAYING_LEVEL = /^(?:中央|省|自治区|市|县)/u;

/**
 * Between a part's share and its amount when the share is printed first: "中央财政补贴47.5%为614.39万元"
 * (the amount is the share of the sentence's whole; subsidy and cost splits).
 */
export const SHARE_AMOUNT_LINK = /^\s*(?:为|计|即|共计)\s*$/u;

/**
 * A document number (文号) in a sentence: "呼财农指【2023】41号", "财预〔2022〕12号" (group 1: the
 * issuer's abbreviation, 2: the year, 3: the number). An allocation cited by its 文号 is one quantity
 * wherever the text cites it.
 */
export const DOCUMENT_NUMBER = /([\u4e00-\u9fff]{1,10})\s*[〔【\[［(（]\s*((?:19|20)\d{2})\s*[〕】\]］)）]\s*(\d{1,4})\s*号/gu;

/** Verbs that hand down an allocation: the first amount after one is what the document allocated. */
export const ALLOCATION_VERB = /下达|拨付|分配|安排/u;

/** What an allocation names when it names the whole of it rather than one project: "下达…资金 5 万元". */
export const ALLOCATION_WHOLE_NAMES: readonly string[] = ['资金', '经费', '补助资金', '专项资金', '预算资金', '预算'];

/**
 * Words a part of a summed list opens with that are no part of its name: "其中：用于援建公共体育场地和设施
 * 201.5227万元", "为桂花村美丽乡村建设25万元" (the list's mark, a use's verb).
 */
export const PART_NAME_LEAD = /^(?:其中|另外|此外)?[\s:：，,]*(?:主要)?(?:用于|为|是|包括|安排|下达|资助)?[\s:：]*/u;
/** The count and amount word between a part's name and its amount: "…建设项目50个，金额1006万元" (dropped from the name). */
export const PART_NAME_TAIL = /\s*[\d,]+\s*个\s*[，,]?\s*(?:金额|资金|资助资金)?\s*$|[\s:：]*(?:为|共计|合计|共|达)?[\s:：]*$/u;
/**
 * The parts of a whole that are no sub-projects, though they add up to it: income lines and economic classes
 * ("其中：工资福利支出…；商品和服务支出…"), 三公 items, balances, levels and their shares (本级, 区直, 留成, 上缴中央),
 * a department's share, kinds of transfer (专项转移支付), debts, a 决算's other splits (政府采购货物支出, 授予中小
 * 企业, 流动资产, 机关运行经费), the budget's own steps and states (年初预算, 调整追加, …执行, 已拨付, 第二批),
 * other payers (银行贷款, 自筹, 社会资本) and periods (上半年, 2022年). Funds, natures and function classes are
 * told by their own lists (rules.ts `namesFundOrClass`).
 */
export const NOT_PROJECT_PART =
  /收入$|工资|福利费|商品和服务|对个人和家庭|资本性支出|办公费|维[修护](?:[（(]护[）)])?费|差旅|会议费|培训费|印刷费|水电|邮电|公务接待|公务用车|因公出国|三公|人员经费|人员支出|公用经费|基本支出|项目支出$|结转|结余|合计|小计|总计|本级|下级|上级|上缴|上解|转移支付$|^各|地市|[区市县省]直|留成|留用|部门(?:支出)?$|债券|债务|利息|税费?$|预算|决算|执行|追加|调整|预拨|安排$|^[已未尚]|拨付|支付|到位|到账|兑付|第[一二三四五六七八九十\d]+批|批次|采购|中小企业|小微企业|资产|负债|运行经费|贷款|自筹|社会资本|投资$|出资|筹资|融资|捐赠|捐款|^\d{4}年|上半年|下半年|季度|^\d{1,2}月/u;
/**
 * A summed list of two parts is as often a split of the whole (一般债务 / 专项债务, 年初预算 / 调整追加) as two
 * projects: it stands only when each part names itself a project ("…工程", "…项目") or a use ("用于…").
 */
export const PROJECT_OR_USE_PART = /项目|工程|^[\s:：，,]*(?:其中)?[\s:：，,]*(?:主要)?用于/u;
/**
 * A part named by the work its money does ("全市敬老院建设配套资金", "市级老年设施改造", "乡村照明设施建设"): a
 * list of three or more parts, two thirds of them such works, projects or uses and none named by a place or a
 * category (WHERE_OR_KIND_PART), is a list of sub-projects although the words 项目/工程 are not printed.
 */
export const WORK_PART = /建设|改造|改建|扩建|新建|修缮|维修|加固|搬迁|治理|整治|保护|购置|配套|提升|补助/u;
/**
 * A part named by a place ("磴口县", "杭锦后旗", "南阳镇") or a category ("老年人福利类"): an allocation, whose reading as
 * a project is an unsettled label convention (fixtures/expected/README.md): a list holding one is read only
 * when every part names a project or a use.
 */
export const WHERE_OR_KIND_PART = /(?:省|市|县|区|旗|州|盟|乡|镇|街道|村|社区|类)(?:资金|经费)?$/u;
/**
 * A whole that names its own parts projects: "共申报项目资金215.00万元，其中：政务运作工作经费15.00万元，环境监测经费
 * 100.00万元，…", "项目支出决算为150万元，其中：…". Its parts, adding up to it exactly, are sub-projects though
 * none prints 项目, 工程 or a work (places, categories, funds and classes are still no projects).
 */
export const PROJECTS_WHOLE = /项目(?:资金|经费|支出|预算)|\d+\s*个[\u4e00-\u9fff]{0,4}?项目/u;
/**
 * A part named as a fee ("委托业务费", "设备购置费", "劳务费"): an economic class of the spending, not a project, though
 * its whole names projects; an activity's funding (…经费) is no fee.
 */
export const FEE_PART = /(?<!经)费$/u;

/**
 * After a whole, its parts announced by name before their amounts: "共使用5.04亿元，主要用于养老等服务类和困难群众保障、
 * 社区公益类项目、其他社会福利类项目等三类支出" (group 1 the names, 、 between them; group 2 the count printed, if any).
 */
export const ANNOUNCED_PARTS = /^[\s，,]*(?:主要)?(?:用于|分为|包括)([^。；;：:\d]{4,160}?)等\s*([\d一二三四五六七八九十两]*)\s*大?(?:类|个|项|方面)/u;
/** What an announced part's name ends with that its statement leaves out ("社区公益类项目" … "社区公益类支出0.79亿元"). */
export const ANNOUNCED_NAME_TAIL = /(?:项目|支出|资金|经费)$/u;
/** The words between a stated part's name and its amount: "养老等服务类和困难群众保障的支出为3.96亿元". */
export const STATED_PART_TAIL = /(?:的)?(?:支出|使用|资金|金额)?(?:为|达|共|合计|共计)?[\s:：]*$/u;

/**
 * The end of the text before a numbered list of a whole's parts: "资助公益金17.6亿元。主要是：", "…如下：".
 */
export const NUMBERED_PARTS_MARK = /(?:主要是|主要有|如下|具体如下|分别是|分别为|具体是|具体为|包括|主要用于)\s*[:：]?\s*$/u;
/**
 * A line that opens with a project's name (after an item marker, "指标1:", "1.", "(1)"): "指标1:龙江镇博文村老年人日间照料中心项目,
 * 1栋3层、…,总投资216.42万元。" (group 1 the name). A run of three such lines or more, one amount each, lists projects.
 */
export const PROJECT_LINE = /^\s*(?:[\u4e00-\u9fff]{0,4}\d{1,2}\s*[:：.、．](?!\d)|[（(]\d{1,2}[）)])?\s*([^，,。；;：:\d\s]{2,40}?(?:项目|工程))\s*[，,：:]/u;
/** The clause that states such a line's amount as the project's budget: "总投资", "计划投资", "预算", "安排资金". */
export const PROJECT_LINE_BUDGET = /(?:总投资|计划投资|投资|预算|安排|下达)(?:资金|金额)?(?:为|共)?[:：]?$/u;

/**
 * An allocation verb opening a clause that enumerates projects with their amounts, 、 between them: "另外单独下达戴南高中
 * 校园供水系统改造110万元、董北实小校园建设300万元、新生中心小学基建项目263万元" (the verb's end opens the list).
 */
export const ENUMERATION_VERB = /(?:下达|安排|分配)(?:了)?[:：]?/u;

/**
 * A part named only by the verb that gives its money ("其中，安排使用85804万元，重点保障…；安排使用40020万元，重点支持…"):
 * what is left of its name once PART_NAME_LEAD took 安排. Its name is the use stated after the amount (USE_AFTER_AMOUNT).
 */
export const VERB_ONLY_PART = /^(?:使用|投入|拨付|拨款)?(?:资金)?$/u;
/** The use an amount's clause states right after it: "，重点保障老年人…工作", "，用于…", "，支持…". */
export const USE_AFTER_AMOUNT = /^[，,\s]*(?:重点|主要)?(?:用于|保障|支持)/u;
/** What such a use opens with that is no part of its name (保障, 支持 stay: "保障老年人…", "支持社会公益事业发展"). */
export const USE_LEAD = /^[，,\s]*(?:重点|主要)?(?:用于)?/u;

/** A numbered item's marker and its number: "1.", "2、" (group 1), "(3)", "（4）" (group 2). */
export const NUMBERED_ITEM = /^\s*(?:(\d{1,2})[.、．](?!\d)|[（(](\d{1,2})[）)])/u;

/**
 * The mark before parts each given as a count and its money ("…共计113个，财政资金3267.28万元。其中绩效自评“优”的项目79个
 * 财政资金3038.38万元；…", counted-parts.ts): 其中 and its punctuation.
 */
export const COUNTED_PARTS_MARK = /其中[\s，,：:]*/u;

/**
 * A total its writer summed, named by its money word, right before the amount: "项目经费共计163.69万" (totalled-items.ts).
 */
export const TOTAL_BEFORE_AMOUNT = /(?:经费|资金|金额|投资)(?:共计|合计|总计)(?:为)?\s*$/u;
/** A sentence that opens the items of the previous sentence's total: "主要包括与郴州电视台开展战略合作，经费33.69万；…". */
export const TOTALLED_ITEMS_MARK = /^\s*(?:主要)?包括[：:]?\s*/u;
/** The money word an item names its own amount with ("，经费33.69万"). */
export const TOTALLED_MONEY_WORD = /经费|资金|金额|投资/u;
