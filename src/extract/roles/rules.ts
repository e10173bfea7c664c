/**
 * The rules of extraction, as data run by one engine (assign.ts):
 * - ROLES: the headline roles a candidate can fill, each with the kinds of number it takes and the
 *   score a winner needs (`threshold`) and its lead over a different value (`margin`);
 * - NAMED_RULES: what names an amount by its row or clause (function class, nature, fund source,
 *   sub-project) or makes it a whole whose parts follow; each id is recorded on what it finds.
 */
import type { Project, ReportKind } from '../../schema/record.js';
import {
  anyOf,
  ARRANGED_TOTAL,
  ENUMERATION_MARK,
  ESTIMATE_WORDS,
  EXECUTION_WORDS,
  FORM_MONEY_TOTAL_ROW,
  FORM_SCORE_HEADER,
  FORM_WEIGHT_HEADER,
  FUND_RE,
  YEAR_END_BALANCE,
  FUND_TOTAL_RAW,
  PART_VERB,
  FISCAL_ONLY_FUND,
  LIST_ITEM_FIRST,
  LIST_ITEM_LEAD,
  PARTS_LIST_MARK,
  WHOLE_THEN_ITEMS,
  GENERIC_PROJECT,
  UNIT_ITSELF_END,
  INCOME_FUND_NAME,
  LEVEL_FUND_RE,
  LEVEL_NAMED_FUND_RE,
  LEVEL_TRANSFER_RE,
  NATURE_NAMES,
  NATURE_RE,
  NUMBERED_PROJECT,
  NUMBERED_PARAGRAPH_PROJECT,
  PROJECT_CLAUSE,
  PROJECT_COUNT,
  PROJECT_LIST_MARK,
  PROJECT_NAME_LEAD,
  RECEIVED_PART,
  SOLE_SOURCE,
  TOTAL_FILLER,
  TOTAL_ROW_WORDS,
  TRANSFER_CLAUSE,
} from '../../vocabulary/index.js';
import type { FigureRole } from '../../vocabulary/roles.js';
import { classifyFunction, codeInLabel, FUNCTION_CLASS_NAMES } from '../function-classes.js';
import type { LocatedNumber } from '../locate.js';
import { isImpliedMoney, lastClause, type CandidateKind } from './candidates.js';
import type { SummedPart } from './summed-parts.js';
import { PART_CONTEXT } from './features.js';

export type RoleId = FigureRole;

export interface Role {
  id: RoleId;
  /** 中文 name, for messages. */
  zh: string;
  kinds: readonly CandidateKind[];
  /** Below this score no candidate is taken: a wrong figure is worse than a missing one. */
  threshold: number;
  /** A winner must lead the best candidate of another value by this much, else the role abstains (or the rate breaks the tie). */
  margin: number;
}

export const ROLES: readonly Role[] = [
  { id: 'budget', zh: '预算数', kinds: ['money'], threshold: 4, margin: 1 },
  { id: 'budgetInitial', zh: '年初预算数', kinds: ['money'], threshold: 4, margin: 1 },
  { id: 'execution', zh: '执行数', kinds: ['money'], threshold: 4, margin: 1 },
  { id: 'executionRate', zh: '执行率', kinds: ['percent'], threshold: 4, margin: 1 },
  { id: 'selfScore', zh: '自评得分', kinds: ['score'], threshold: 4, margin: 1 },
];

export const ROLE_IDS: readonly RoleId[] = ROLES.map((r) => r.id);

// --- Named amounts: function classes, natures, fund sources, sub-projects, narrative wholes

/** The money fields a clause or column can give a number (all roles but the score). */
export type MoneyField = Exclude<RoleId, 'selfScore'>;

/** Narrative wholes followed by their parts (`Candidate.wholeAs`), which budget features read. */
export type Whole = 'transfer' | 'arranged' | 'fund' | 'budget' | 'total';

/** A located number as the named-amount rules read it (built once per number by the engine). */
export interface NamedInput {
  number: LocatedNumber;
  /** The table row, without spaces (cells only). */
  row: string;
  /** The money field its column (cells) or its clause alone (text) states, or null. */
  field(): MoneyField | null;
  /** The sentence's text before it (text only). */
  before: string;
  /** Its last clause, brackets and total words removed (text only). */
  clause: string;
  /** Up to 12 characters of raw text before it, filler words kept ("项目资金共") (text only). */
  rawBefore: string;
  /** Up to 30 characters after it (text only). */
  after: string;
  /** Its line's text before it (at most 200 characters; text only). */
  lineBefore: string;
  /** The text before it from a line's start, at most 1500 characters (text only): a list's whole may end a line above its items. */
  linesBefore: string;
  /** The text before it back to the last stop (。) or line break, at most 200 characters: a list's items may end with "；" (text only). */
  listBefore: string;
  /** "，其中" (or "（其中", "。其中") follows: a whole whose parts come next. */
  opensParts: boolean;
  /** The sentence its parts stand in: its own, or the next when a stop comes before "其中". */
  partsSentence: number;
  /** A form's 行次 printed before its row's values ("中央财政资金(万元): 2 52.800000"): never an amount. */
  rowNumber: boolean;
  reportKind: ReportKind;
  /** The report's title, when known: its own project is no sub-project. */
  title: string | null;
}

/** What a rule names the number as; `listed: false` takes it (not a headline figure) without listing it. */
export type Naming =
  | { list: 'byFunction'; name: string; code: string; printedCode: string; fromRow: boolean; listed: boolean }
  | { list: 'byNature' | 'fundSources'; name: string; listed: boolean }
  | { list: 'budgetExecutionWeight' | 'budgetExecutionScore' }
  | { list: 'projects'; name: string; field: MoneyField };

/** A rule's finding: a naming takes the number; the rest are facts later rules and features read. */
export interface Outcome {
  naming?: Naming;
  /** It is a whole whose parts follow (opens its sentence's parts). */
  whole?: Whole;
  /** It is the first budget stated: parts received after it and its 其中 are sub-projects. */
  firstBudget?: boolean;
  /** A transfer named by the level that pays it (fund sources when the text lists none otherwise). */
  levelTransfer?: string;
  /** The one source the whole amount comes from ("16.20万元，全部为县级配套资金"): a fund source when the text lists none. */
  soleSource?: string;
  /**
   * It is the whole of a list of projects that follows: opened by a count of projects ("项目9个，项目资金
   * 1950万元。分别为：…", `counted`), or by an enumeration mark alone ("下达预算资金9378万元。具体是：…",
   * `enumerated`, ENUMERATION_MARK).
   */
  projectList?: ProjectListKind;
  /** Let the later rules read the number too. */
  pass?: boolean;
}

/** How a list of projects was opened (Outcome.projectList). */
export type ProjectListKind = 'counted' | 'enumerated';

/** What the rules before this number found, as the engine keeps it (assign.ts `nameAmounts`). */
export interface NamedFacts {
  /** A whole was stated in this number's sentence and no other amount has come between its parts. */
  partsOpen(n: NamedInput): boolean;
  /** "其中" stands between the first budget stated and this number. */
  partsFollowFirstBudget(n: NamedInput): boolean;
  hasProject(name: string): boolean;
  /** The first project named at or after the start of this number's sentence. */
  projectOfSentence(n: NamedInput): Project | undefined;
  /** How the list of projects open at this number (up to the list's stop) was opened, or null when none is. */
  projectListOpen(n: NamedInput): ProjectListKind | null;
  /** A listed project whose name opens this number's line ("1.青少年管理事务工作经费。该项目…"). */
  projectOfLine(n: NamedInput): Project | undefined;
  /**
   * The part this number states of a whole followed by "其中" and parts that add up to it exactly
   * (summed-parts.ts), none of them a fund, nature or class (`isOther`).
   */
  summedPartOf(n: NamedInput, isOther: (name: string) => boolean): SummedPart | undefined;
  /** The part this number states of a whole whose parts follow as numbered lines (summed-parts.ts `readNumberedParts`). */
  numberedPartOf(n: NamedInput, isOther: (name: string) => boolean): SummedPart | undefined;
  /** The project this number states in a clause enumerating projects after an allocation verb (summed-parts.ts `readEnumeratedParts`). */
  enumeratedPartOf(n: NamedInput, isOther: (name: string) => boolean): SummedPart | undefined;
  /** The project of this number's line, in a run of lines each opening with a project and stating its budget (summed-parts.ts `readProjectLines`). */
  projectLineOf(n: NamedInput): SummedPart | undefined;
  /** The part this number states of a whole whose parts were announced by name after it (summed-parts.ts `readAnnouncedParts`). */
  announcedPartOf(n: NamedInput, isOther: (name: string) => boolean): SummedPart | undefined;
  /**
   * The one project listed before whose budget this amount states again, its name echoed in the sentence
   * ("老年人福利类675.2万元" … "1.老年福利类资金675.2万元，资金使用288.2万元"), while it has no spending yet.
   */
  restatedProject(n: NamedInput): Project | undefined;
  /**
   * The fund sources already listed after this number's "其中" add up to the amount stated before it:
   * the list is complete, so this amount stands beside the whole, not in it ("收入决算数35,820.29万元，
   * 其中，…129.03万元；年初结转结余41.34万元").
   */
  partsComplete(n: NamedInput): boolean;
}

export interface NamedRule {
  /** Recorded as `Candidate.namedAs` and on the named amount (`rule`), reported by `npm run eval`. */
  id: string;
  zh: string;
  /** Table cells or running text. */
  where: 'cell' | 'text';
  /** Its finding, or null to let the next rule read the number; the first finding ends the list. */
  apply(n: NamedInput, facts: NamedFacts): Outcome | null;
}

const isMoney = (n: NamedInput) => n.number.kind === 'money';
const rowFunction = (n: NamedInput) => FUNCTION_CLASS_NAMES.find((f) => n.row.endsWith(f) || n.row.includes(f));
const executionOrNone = (n: NamedInput) => n.field() === 'execution' || n.field() === null;
const withoutQizhong = (label: string) => label.replace(/^其中[：:]?/u, '');
/**
 * A part's name as its clause gives it: a bracket opened after the whole and not closed holds the parts
 * ("348万元(市财政奖补262万元,…": the first part's label runs back to the whole's unit), and the verb the whole was
 * stated with may follow the fund's name ("共投入资金1987.08万元。其中中央资金投入776.84万元", PART_VERB).
 */
const partNameOf = (label: string) => withoutQizhong(label.replace(/^.*[（(](?=[^（）()]*$)/u, '')).replace(PART_VERB, '');
const TOTAL_ROW = new RegExp(anyOf(TOTAL_ROW_WORDS), 'u');
const ESTIMATE = new RegExp(anyOf(ESTIMATE_WORDS), 'u');
/** A clause that says what was spent, 资金 after the word allowed ("支出资金30万元"). */
const SPENT_LABEL = new RegExp(`(?:${anyOf(EXECUTION_WORDS)})(?:资金)?$`, 'u');
/** The project a clause names, for a department's report (a project's report is one project). */
const clauseProject = (n: NamedInput) => (n.reportKind !== 'project' ? projectInClause(sinceLastNumber(n.before.slice(-80))) : null);
/**
 * The text after the sentence's last number and last clause break: a project named before another amount is
 * that amount's ("(1)免费开放项目支出251384.66元,主要用于…办公费支出34000.00元": the 34000 is no project's own
 * spending), and one named in an earlier clause is that clause's ("根据…2021年项目安排的意见,现下达…资金预算
 * 292800万元": the amount is the notice's whole, not a project's).
 */
function sinceLastNumber(before: string): string {
  let end = 0;
  for (const m of before.matchAll(AMOUNT_IN_TEXT)) end = m.index + m[0].length;
  const tail = before.slice(end);
  return tail.slice(tail.search(/[^，,；;。]*$/u));
}
/** A project named by a list's part: an exact amount of money the list (summed or numbered) holds as one of its parts. */
function namingOfListedPart(n: NamedInput, partOf: (n: NamedInput) => SummedPart | undefined): Outcome | null {
  const part = (isMoney(n) || isImpliedMoney(n.number)) && n.number.approx === 'exact' ? partOf(n) : undefined;
  return part ? { naming: { list: 'projects', name: part.name, field: part.field } } : null;
}

/** An item's number alone on its line ("(1)\n信访补贴项目…"): it numbers the line below. */
const LONE_ITEM_NUMBER = /(?:^|\n)\s*((?:\d{1,2}(?:、|[．.])|[（(][一二三四五六七八九十\d]{1,3}[）)]))\s*\n\s*$/u;
/** The number's line before it, with the item number printed alone on the line above put back in front. */
function numberedLine(n: NamedInput): string {
  const above = n.linesBefore.slice(0, n.linesBefore.length - n.lineBefore.length);
  const lone = LONE_ITEM_NUMBER.exec(above)?.[1];
  return lone ? lone + n.lineBefore.replace(/^\s+/u, '') : n.lineBefore;
}

/** An amount of money anywhere before (a paragraph's first amount has none). */
const AMOUNT_BEFORE = /\d\s*(?:万元|亿元|千元|元)/u;
/** A clause that states a project's budget without the word 预算: "2021年下达财政专项扶贫资金", "总投资". */
const PARAGRAPH_BUDGET_CLAUSE = /(?:下达|安排|分配|投资)[^，,。；;\d]{0,24}$/u;
const AMOUNT_IN_TEXT = /\d[\d.,]*\s*(?:万元|亿元|千元|元|万|亿|%)/gu;
/**
 * "(1)免费开放项目支出251384.66元": a spending a department's report names by its project ("X项目支出"), not
 * the nature 项目支出: a name of four characters or more, no fund or class ("财政拨款项目支出" is the nature).
 */
function projectOfSpending(n: NamedInput): string | null {
  const name = /项目支出$/u.test(n.number.label) ? clauseProject(n) : null;
  return name !== null && Array.from(name).length >= 4 && !namesFundOrClass(name) ? name : null;
}

/**
 * A fund the clause states as the whole, not a part: as the budget ("部门预算财政安排公共财政拨款资金
 * 157.71万元"), or with a total's filler ("…拨款资金共157.71万元").
 */
function statesWholeFund(n: NamedInput, name: string): boolean {
  if (PART_CONTEXT.test(n.before.slice(-(n.number.label.length + 4)).replace(name, ''))) return false;
  // A budget kind's fund names its own 预算 ("、政府性基金预算资金84.1万元"): the clause states no budget of its own.
  return (n.field() === 'budget' && !/预算/u.test(name)) || FUND_TOTAL_RAW.test(n.rawBefore);
}

/**
 * The number stands in a list of parts: after "其中" (its items may end with "；"), or in brackets opened right
 * after an amount ("预拨资金3608万元(中央资金2855万元、省级资金753万元)"). A fund named on its own
 * ("市级统筹中央财政资金1000万元用于…", "上年结转结余资金2万元") is a sum spent or left, not a source.
 */
const listsParts = (n: NamedInput) => (/其中/u.test(withoutClosedBrackets(n.listBefore)) && !qizhongOfEarlierItem(n.listBefore)) || AMOUNT_THEN_BRACKET.test(n.before);
const AMOUNT_THEN_BRACKET = /\d\s*(?:万元|亿元|元|万)\s*[（(][^（）()]*$/u;
/** A numbered item opening after a clause break or at the start ("1、", "2.", "(3)"). */
const ITEM_MARK = /(?:^|[；;。：:，,])\s*(?:\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)])(?!\d)/u;
/**
 * The list's last 其中 stands inside an earlier numbered item that a later one closed ("1、档案管理项目资金：…安排30万元…，
 * 其中国重档案10万元；2、县档案馆建设项目资金：2016年县财政拨款427.36万元"): the amount is the later item's own, no part.
 * (A 其中 before the items, "其中：1、中央资金…；2、省级资金…", opens them.)
 */
function qizhongOfEarlierItem(listBefore: string): boolean {
  const at = listBefore.lastIndexOf('其中');
  const after = listBefore.slice(at + 2).replace(/^[：:，,\s]*/u, '');
  return ITEM_MARK.test(listBefore.slice(0, at)) && !ITEM_MARK.test(after.slice(0, 5)) && ITEM_MARK.test(after);
}

/** A text with its closed brackets taken out: what stands inside them is said of the amount before them. */
function withoutClosedBrackets(text: string): string {
  let out = text;
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(/[（(][^（）()]*[）)]/gu, '');
  }
  return out;
}

/**
 * The list this part stands in splits an item of an earlier list, not its whole: a whole and its mark, items each
 * with its own amount, and in one of them a second mark ("…2,814.76万元,其中:一是红河州粮食风险基金2,531.96万元,分别为
 * 州级成品粮调控储备专项资金23.00万元、…"; "学生资助共投入8573.19万元,具体情况为:\n1、学前教育。…投入434.4万元,…其中上级
 * 资金370.1万元"): the parts are the item's funds or uses, not the report's sources (t631, t795, t796).
 */
function splitsAnItem(n: NamedInput): boolean {
  const text = withoutClosedBrackets(n.linesBefore);
  const mark = [...text.matchAll(PARTS_LIST_MARK)].at(-1);
  if (!mark) return false;
  const head = text.slice(0, mark.index);
  const item = [...head.matchAll(LIST_ITEM_LEAD)].at(-1);
  if (!item || !AMOUNT_BEFORE.test(head.slice(item.index + item[0].length))) return false;
  // The earlier list's items open right after its whole's mark (the first item is its own or an earlier one), and every
  // line between them opens with an item's number: the item is one of that list's.
  const upToItem = head.slice(0, item.index + item[0].length);
  const whole = [...upToItem.matchAll(WHOLE_THEN_ITEMS)].at(-1);
  if (!whole) return false;
  const items = upToItem.slice(whole.index + whole[0].length);
  return LIST_ITEM_FIRST.test(items) && items.split('\n').slice(1).every((line) => line.trim() === '' || LIST_ITEM_FIRST.test(line));
}

/**
 * The number stands in brackets opened right after an amount stated as spent ("全年共发放3957.55万元(当年资金3904.82万元,
 * 上年结转资金52.73万元)"): the bracket splits what was spent, not the funds granted (t854).
 */
const SPENDING_THEN_BRACKET = new RegExp(`(?:${anyOf(EXECUTION_WORDS)})[^，,。；;\\d（）()]{0,8}\\d[\\d.,]*\\s*(?:万元|亿元|元|万)\\s*[（(][^（）()]*$`, 'u');

/** The name of the part whose amount a still open bracket follows ("其中,中央资金776.84万元(一般公共预算:…"): group 1. */
const PART_THEN_BRACKET = /([^\d，,。；;：:（）()]+?)\s*\d[\d.,]*\s*(?:万元|亿元|元|万)\s*[（(][^（）()]*$/u;
/**
 * The number stands in brackets after a level's own part ("其中,中央资金776.84万元(一般公共预算:323.97万元;彩票公益金:
 * 452.87万元)"): the level is the source, the bracket splits it by kind (t900). A bracket after a part no level names
 * holds the levels ("其中财政基本奖补资金348万元(市财政奖补262万元，区财政奖补86万元)": those are the sources, t412).
 */
function splitsALevelsPart(n: NamedInput): boolean {
  const outer = PART_THEN_BRACKET.exec(n.before)?.[1];
  if (!outer) return false;
  const name = withoutQizhong(outer.trim());
  return LEVEL_FUND_RE.test(name) || LEVEL_NAMED_FUND_RE.test(name);
}

/** Parts that are not the report's sources, whatever their names: an item's own split, a spending's split, a level's split. */
const splitsNoSources = (n: NamedInput) => splitsAnItem(n) || SPENDING_THEN_BRACKET.test(n.before) || splitsALevelsPart(n);

/** "预计总投资7450万元，其中中央财政资金6000万元": the parts of an estimate are no sources. */
const partOfEstimate = (n: NamedInput) => ESTIMATE.test(n.before);

/** A numbered project item's clause that gives its amount as its budget without a role word ("投资", "安排资金", or none). */
const ITEM_BUDGET_CLAUSE = /^(?:(?:计划|总)?投资|安排(?:资金)?|下达(?:资金)?)?$/u;

/**
 * A part's fund name: the whole part when it is a level's fund ("县财政资金", "中央补助"), so its level stays
 * (two statements of one level's fund are then one source), else the fund word it ends with ("…下达中央财政资金").
 */
const fundNameOf = (part: string) => (LEVEL_FUND_RE.test(part) || LEVEL_NAMED_FUND_RE.test(part) ? part : FUND_RE.exec(part)?.[1] ?? null);

/**
 * The report's own project is no sub-project: a single project's report may number its one project
 * ("XX道路硬化项目绩效自评报告 … 1、道路硬化项目：预算50万元").
 */
function isTitleSubject(name: string, title: string | null): boolean {
  const core = name.replace(/(?:项目|工程)$/u, '');
  return title !== null && Array.from(core).length >= 2 && title.replace(/\s+/gu, '').includes(core);
}

/** An item named as a fund source, a nature or a function class: not a project. */
const namesFundOrClass = (name: string) =>
  FUND_RE.test(name) || LEVEL_FUND_RE.test(name) || LEVEL_NAMED_FUND_RE.test(name) || NATURE_RE.test(name) || FUNCTION_CLASS_NAMES.some((f) => name.endsWith(f));

/** An outline number opening an item: "(1)", "1、", "（二）". */
const OUTLINE_LEAD = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．])/u;

/** The project a clause talks about: "党建工委工作经费项目全年预算数" → 党建工委工作经费. */
export function projectInClause(clause: string): string | null {
  const m = PROJECT_CLAUSE.exec(clause);
  if (!m) return null;
  const name = m[1]!.replace(OUTLINE_LEAD, '').replace(PROJECT_NAME_LEAD, '').replace(/^[“"]|[”"]$/gu, '');
  // "调整预算后项目预算…" names no project.
  if (Array.from(name).length < 2 || GENERIC_PROJECT.test(name) || UNIT_ITSELF_END.test(name) || /[预算执行支出资金]$|预算/u.test(name)) return null;
  return name;
}

/**
 * The named-amount rules in the order they read a number: the first finding wins. A list may name
 * an item twice (budget, then execution): the engine keeps the first statement of each.
 */
export const NAMED_RULES: readonly NamedRule[] = [
  // --- table cells: the row names the amount
  {
    id: 'named.function.row', zh: '功能分类行', where: 'cell',
    apply: (n) => {
      const fn = isMoney(n) ? rowFunction(n) : undefined;
      if (!fn) return null;
      const code = classifyFunction(fn)!.code;
      return { naming: { list: 'byFunction', name: fn, code, printedCode: code, fromRow: true, listed: executionOrNone(n) } };
    },
  },
  {
    id: 'named.nature.row', zh: '经济分类行（基本支出/项目支出…）', where: 'cell',
    apply: (n) => {
      const nature = NATURE_NAMES.find((x) => n.row.endsWith(x));
      return nature && isMoney(n) && executionOrNone(n) ? { naming: { list: 'byNature', name: nature, listed: true } } : null;
    },
  },
  {
    id: 'named.form.budget_execution_weight', zh: '年度资金总额行的分值', where: 'cell',
    apply: (n) => (FORM_MONEY_TOTAL_ROW.test(n.row) && FORM_WEIGHT_HEADER.test(n.number.cell!.header) && !n.field() ? { naming: { list: 'budgetExecutionWeight' } } : null),
  },
  {
    id: 'named.form.budget_execution_score', zh: '年度资金总额行的得分', where: 'cell',
    apply: (n) => (FORM_MONEY_TOTAL_ROW.test(n.row) && FORM_SCORE_HEADER.test(n.number.cell!.header) && !n.field() ? { naming: { list: 'budgetExecutionScore' } } : null),
  },
  {
    id: 'named.fund.row', zh: '资金来源行', where: 'cell',
    apply: (n) => {
      const fund = TOTAL_ROW.test(n.row) ? null : FUND_RE.exec(withoutQizhong(n.row));
      return fund && isMoney(n) && (n.field() === 'budget' || n.field() === null) ? { naming: { list: 'fundSources', name: fund[1]!, listed: true } } : null;
    },
  },
  // --- running text: the clause names the amount
  {
    // "财政资金总额16.20万元，全部为县级配套资金": the amount is also its one source's (the number stays the whole's).
    id: 'fact.sole_source', zh: '金额之后“全部为…资金”', where: 'text',
    apply: (n) => {
      const source = isMoney(n) ? SOLE_SOURCE.exec(n.after)?.[1] : undefined;
      // "全部为财政拨款资金" says only that the money is public: no source of its own (t784).
      return source && !FISCAL_ONLY_FUND.test(source) && (LEVEL_FUND_RE.test(source) || LEVEL_NAMED_FUND_RE.test(source) || FUND_RE.test(source)) ? { soleSource: source, pass: true } : null;
    },
  },
  {
    // "批复项目9个，项目资金1950万元。分别为：A 1000万元；B 40万元…": the whole of a list of projects
    // (kept only when the listed amounts add up to it exactly).
    id: 'fact.project_list', zh: '项目个数与金额之后“分别为/其中”列出各项目', where: 'text',
    apply: (n) => {
      const mark = isMoney(n) ? PROJECT_LIST_MARK.exec(n.after) : null;
      if (!mark) return null;
      if (PROJECT_COUNT.test(n.listBefore + mark[0])) return { projectList: 'counted', pass: true };
      return ENUMERATION_MARK.test(mark[0]) ? { projectList: 'enumerated', pass: true } : null;
    },
  },
  {
    // A list opened without a count may list funds or classes: those items are no projects (and spoil the list).
    id: 'named.project.listed', zh: '列出的项目及其金额', where: 'text',
    apply: (n, facts) => {
      // An amount that opens a list of its own is that list's whole, not an item of the list before ("…226.00万元;二是本局
      // 粮食专项业务经费282.80万元,分别为…").
      const kind = isMoney(n) && !PROJECT_LIST_MARK.test(n.after) ? facts.projectListOpen(n) : null;
      if (!kind) return null;
      const name = n.number.label.replace(/^(?:其中|分别为|分别是|具体为|具体是)[:：]?/u, '').trim();
      if (Array.from(name).length < 4 || GENERIC_PROJECT.test(name)) return null;
      return kind === 'counted' || !namesFundOrClass(name) ? { naming: { list: 'projects', name, field: 'budget' } } : null;
    },
  },
  {
    // "下达…资金35331.2万元,其中,磴口县5079.16万元;杭锦后旗4035.12万元;…": parts adding up to the whole before
    // their 其中 exactly, none a fund, nature or class: each is a sub-project (an allocation, a use), its
    // amount of the whole's field (a spending's parts are spent); "A…10万元，支出8万元；" pairs its spending.
    id: 'named.project.summed_part', zh: '总额“其中”之后合计相符的各项', where: 'text',
    apply: (n, facts) => namingOfListedPart(n, (m) => facts.summedPartOf(m, namesFundOrClass)),
  },
  {
    // "资助公益金17.6亿元。主要是：\n1.资助…等项目170个,资助资金21,927.27万元。\n2.…": numbered lines, one amount
    // each, adding up to the whole before them within its printed rounding, each naming a project or a use.
    id: 'named.project.numbered_part', zh: '总额之后编号列出、合计相符的各项', where: 'text',
    apply: (n, facts) => namingOfListedPart(n, (m) => facts.numberedPartOf(m, namesFundOrClass)),
  },
  {
    // "共使用5.04亿元，主要用于A、B项目、C项目等三类支出。…A的支出为3.96亿元…。B支出0.79亿元…。C支出0.29亿元": parts
    // announced by name after their whole, then stated in that order, adding up to it exactly.
    id: 'named.project.announced_part', zh: '总额之后先列名称、再逐项陈述且合计相符的各项', where: 'text',
    apply: (n, facts) => namingOfListedPart(n, (m) => facts.announcedPartOf(m, namesFundOrClass)),
  },
  {
    // "指标1:龙江镇博文村老年人日间照料中心项目,…,总投资216.42万元。\n指标2:…项目,…,总投资203.71万元。\n…": three lines or
    // more in a row, each opening with a project and stating its budget, one amount each.
    id: 'named.project.line', zh: '逐行列出的项目及其预算（三行以上）', where: 'text',
    apply: (n, facts) => namingOfListedPart(n, (m) => facts.projectLineOf(m)),
  },
  {
    // "另外单独下达戴南高中校园供水系统改造110万元、董北实小校园建设300万元、新生中心小学基建项目263万元。": three projects
    // or works or more enumerated after an allocation verb, nothing else in the clause.
    id: 'named.project.enumerated', zh: '下达/安排之后以顿号列举的项目及金额（三项以上）', where: 'text',
    apply: (n, facts) => namingOfListedPart(n, (m) => facts.enumeratedPartOf(m, namesFundOrClass)),
  },
  {
    // "其中老年人福利类675.2万元；…" … "1.老年福利类资金675.2万元，资金使用288.2万元": a listed project's budget
    // stated again; the sentence's spending and rate are the project's (named.project.sentence).
    id: 'named.project.restated', zh: '再次陈述已列项目的预算', where: 'text',
    apply: (n, facts) => {
      const p = isMoney(n) && (n.field() === 'budget' || n.field() === null) ? facts.restatedProject(n) : undefined;
      return p ? { naming: { list: 'projects', name: p.name, field: 'budget' } } : null;
    },
  },
  {
    // "1.青少年管理事务工作经费。该项目财政拨入资金30万元，…支出资金30万元": a listed project's paragraph states its spending.
    id: 'named.project.paragraph', zh: '以所列项目名称开头的段落中的支出', where: 'text',
    apply: (n, facts) => {
      const p = n.field() === 'execution' || SPENT_LABEL.test(n.clause) ? facts.projectOfLine(n) : undefined;
      return p && !p.execution ? { naming: { list: 'projects', name: p.name, field: 'execution' } } : null;
    },
  },
  {
    // "1、烈士纪念设施维修项目：预算35.3万元，…实际支付35.3万元": a numbered item that names a project and
    // states its budget; the sentence's other amounts go to it (named.project.sentence).
    id: 'named.project.numbered', zh: '编号条目“1、…项目：预算X”', where: 'text',
    apply: (n, facts) => {
      const m = isMoney(n) && (n.field() === 'budget' || n.field() === null) ? NUMBERED_PROJECT.exec(n.before.slice(-120)) : null;
      // With no role word, only an amount right after the name or after 投资/安排 ("1.道路硬化项目，投资50万元") is its budget.
      const name = m && (n.field() === 'budget' || ITEM_BUDGET_CLAUSE.test(m[2]!)) ? m[1] : undefined;
      return name && Array.from(name).length >= 4 && !facts.hasProject(name) && !isTitleSubject(name, n.title) ? { naming: { list: 'projects', name, field: 'budget' } } : null;
    },
  },
  {
    // "1、…农田道路建设项目,铺建砂石路11公里…。2021年下达财政专项扶贫资金197万元": the first amount of a numbered
    // paragraph that opens with a project's name, stated as a budget, is the project's; its spending later in
    // the paragraph goes to it (named.project.paragraph).
    id: 'named.project.numbered_paragraph', zh: '以“1、…项目”开头的段落中首个预算', where: 'text',
    apply: (n, facts) => {
      const field = isMoney(n) ? n.field() : 'execution';
      if (!(field === 'budget' || (field === null && PARAGRAPH_BUDGET_CLAUSE.test(n.clause))) || AMOUNT_BEFORE.test(n.lineBefore)) return null;
      const name = NUMBERED_PARAGRAPH_PROJECT.exec(numberedLine(n))?.[1];
      return name && Array.from(name).length >= 4 && !GENERIC_PROJECT.test(name) && !facts.hasProject(name) && !isTitleSubject(name, n.title)
        ? { naming: { list: 'projects', name, field: 'budget' } }
        : null;
    },
  },
  {
    id: 'named.fund.part_after_whole', zh: '总额“其中”之后按级次/来源列出的部分', where: 'text',
    apply: (n, facts) => {
      // "其中：中央…资金663万，…" : a part printed with 万 alone is money too.
      if (!(isMoney(n) || isImpliedMoney(n.number)) || !facts.partsOpen(n) || facts.partsComplete(n) || splitsNoSources(n)) return null;
      const part = partNameOf(n.number.label);
      return LEVEL_FUND_RE.test(part) || FUND_RE.test(part) || LEVEL_NAMED_FUND_RE.test(part) ? { naming: { list: 'fundSources', name: fundNameOf(part) ?? part, listed: true } } : null;
    },
  },
  {
    // "按生均1000元安排，共计239万元，其中上级资金…": the arrangement's total, with its parts to follow.
    id: 'named.whole.arranged', zh: '按…安排，共计X，其中…', where: 'text',
    apply: (n) =>
      isMoney(n) && n.opensParts && ARRANGED_TOTAL.test(n.before) && !PART_CONTEXT.test(lastClause(n.before.replace(/[，,][^，,]*$/u, '')).slice(-12))
        ? { whole: 'arranged', firstBudget: true }
        : null,
  },
  {
    id: 'named.function.label', zh: '以功能分类结尾的分句', where: 'text',
    apply: (n) => {
      const fn = isMoney(n) ? FUNCTION_CLASS_NAMES.find((f) => n.number.label.endsWith(f)) : undefined;
      if (!fn) return null;
      const code = classifyFunction(fn)!.code;
      return { naming: { list: 'byFunction', name: fn, code, printedCode: codeInLabel(n.number.label) ?? code, fromRow: false, listed: true } };
    },
  },
  {
    id: 'named.project.spending', zh: '“X项目支出Y”：部门报告按项目列出的支出', where: 'text',
    apply: (n) => {
      const name = isMoney(n) ? projectOfSpending(n) : null;
      return name ? { naming: { list: 'projects', name, field: 'execution' } } : null;
    },
  },
  {
    id: 'named.nature.label', zh: '以基本支出/项目支出/人员经费/公用经费结尾的分句', where: 'text',
    apply: (n) => {
      const nature = isMoney(n) ? NATURE_RE.exec(n.number.label) : null;
      if (!nature) return null;
      const name = nature[1]!.replace(/支出$/u, (s) => (nature[1] === '基本支出' || nature[1] === '项目支出' ? s : ''));
      return { naming: { list: 'byNature', name, listed: true } };
    },
  },
  {
    // "收到财政资金共2330.9万元，其中：中央资金…": a total with its parts to follow.
    // (An income with its parts, "上级补助收入119662万元，其中：返还性收入…", is income, not a budget.)
    id: 'named.whole.fund', zh: '收到…资金共X，其中…', where: 'text',
    apply: (n) => {
      const fund = isMoney(n) && n.opensParts ? FUND_RE.exec(withoutQizhong(n.number.label)) : null;
      return fund && !INCOME_FUND_NAME.test(fund[1]!) && !PART_CONTEXT.test(n.before.slice(-40).replace(FUND_RE, '').replace(fund[1]!, '')) ? { whole: 'fund', firstBudget: true } : null;
    },
  },
  {
    // A fund whose 其中 lists income is taken, not listed: its parts are income.
    id: 'named.fund.label', zh: '以资金来源结尾的分句', where: 'text',
    apply: (n, facts) => {
      if (!isMoney(n) || !listsParts(n) || partOfEstimate(n) || facts.partsComplete(n) || splitsNoSources(n)) return null;
      const part = partNameOf(n.number.label);
      if (YEAR_END_BALANCE.test(part)) return null;
      // Within a list of parts a level's fund may drop the word 资金 ("其中：中央补助15150.00万元").
      const name = fundNameOf(part);
      if (!name || statesWholeFund(n, name)) return null;
      // A 决算's "本年收入合计X，其中：财政拨款收入Y，事业收入Z…" gives the unit's income by type, not a
      // self-evaluation's 资金来源: outside a self-evaluation (kind unknown) its 收入 parts are not listed.
      if (n.reportKind === 'unknown' && INCOME_FUND_NAME.test(name)) return null;
      return { naming: { list: 'fundSources', name, listed: !n.opensParts } };
    },
  },
  {
    // "…合计7505万元，已支出…。其中：\n收到普通国省道建设(…)补助资金2666万元，已支出39万元，资金支付率1.46%":
    // each part received after the whole and its 其中 is a sub-project; the sentence gives its spending.
    id: 'named.project.received_after_whole', zh: '总额“其中”之后“收到…资金”的子项目', where: 'text',
    apply: (n, facts) => {
      const received = isMoney(n) && facts.partsFollowFirstBudget(n) ? RECEIVED_PART.exec(n.before.replace(TOTAL_FILLER, '')) : null;
      const name = received?.[1];
      return name && !GENERIC_PROJECT.test(name) && !facts.hasProject(name) ? { naming: { list: 'projects', name, field: 'budget' } } : null;
    },
  },
  {
    // "纳入绩效评价的资金共43485.32万元，其中：中央资金…": a total of funds with its parts to follow.
    id: 'named.whole.total', zh: '…资金共X，其中…', where: 'text',
    apply: (n) => (isMoney(n) && n.opensParts && !n.field() && FUND_TOTAL_RAW.test(n.rawBefore) && !PART_CONTEXT.test(n.clause) ? { whole: 'total' } : null),
  },
  {
    // A number whose clause states no role: only a transfer (下达…资金) is read, as a whole or a level's fund.
    id: 'named.whole.transfer', zh: '下达…资金X，其中…', where: 'text',
    apply: (n) => {
      if (n.field()) return null;
      if (!isMoney(n) || !TRANSFER_CLAUSE.test(n.clause) || PART_CONTEXT.test(n.clause)) return {};
      const level = LEVEL_TRANSFER_RE.exec(n.clause)?.[1];
      return { ...(n.opensParts ? { whole: 'transfer' as const } : {}), ...(level ? { levelTransfer: level } : {}) };
    },
  },
  {
    id: 'fact.first_budget', zh: '最先陈述的预算', where: 'text',
    // "安排资金19204.096万。其中，央省…": a budget followed by its 其中 is also a whole whose parts follow.
    apply: (n) =>
      n.field() === 'budget' && !PART_CONTEXT.test(n.before.slice(-(n.number.label.length + 4)))
        ? { firstBudget: true, ...(n.opensParts ? { whole: 'budget' as const } : {}), pass: true }
        : null,
  },
  {
    id: 'named.project.clause', zh: '“…项目预算/支出”分句', where: 'text',
    apply: (n) => {
      const name = clauseProject(n);
      return name ? { naming: { list: 'projects', name, field: n.field()! } } : null;
    },
  },
  {
    // The project whose budget this sentence gave also owns the sentence's rate ("…完成预算的100.0%").
    id: 'named.project.sentence', zh: '同句已有项目的其他数', where: 'text',
    apply: (n, facts) => {
      const p = facts.projectOfSentence(n);
      const field = n.field()!;
      return p && field !== 'budgetInitial' && !p[field] ? { naming: { list: 'projects', name: p.name, field } } : null;
    },
  },
];

/**
 * Projects read from the rows of a sub-project or allocation table (extract/project-tables.ts), one
 * rule per way the table is confirmed: its rows add up to its 合计 row (exactly), its header alone
 * says the rows are projects (项目名称, no 合计 row), a table flattened into "名称金额名称金额…合计X"
 * whose amounts add up to its 合计, or a table grouped under named subtotals ("杭州市合计") whose groups
 * add up to them. A table whose rows do not add up is read by none.
 */
export const TABLE_PROJECT_RULES = {
  total: { id: 'named.project.table.total', zh: '明细表/分配表各行，与合计行相符' },
  header: { id: 'named.project.table.header', zh: '表头为项目名称的明细表各行（无合计行）' },
  glued: { id: 'named.project.table.glued', zh: '连排的分配表“名称金额…合计”，与合计相符' },
  subtotals: { id: 'named.project.table.subtotals', zh: '分组的分配表：各组行与其“X市合计”相符' },
  grouped: { id: 'named.project.table.grouped', zh: '按编号单位分组的连排分配表：各组与其小计、小计与合计均相符' },
} as const;

/**
 * Fund sources read from a 项目基本信息 table (extract/investment-table.ts): the planned column's (计划投资额,
 * 计划安排资金) filled cells, when the text lists no source otherwise.
 */
export const INVESTMENT_TABLE_RULE = { id: 'named.fund.investment_table', zh: '项目基本信息表计划投资额列的资金来源' } as const;
