/**
 * A whole followed in prose by its parts, the parts adding up to it exactly: "下达我市困难群众救助补助资金
 * 35331.2万元,其中,磴口县5079.16万元;杭锦后旗4035.12万元;…", "用于群众体育支出332.3407万元，占总数的100.0%。
 * 其中:用于援建公共体育场地和设施201.5227万元；…". The list is read at its mark (其中), up to the stop that
 * ends it; the whole is the nearest amount before the mark, in its sentence or the one before, that the
 * parts add up to. Only an exact sum stands: the parts of an unknown list are abstained on.
 */
import { Decimal } from 'decimal.js';
import { ANNOUNCED_NAME_TAIL, ENUMERATION_VERB, FEE_PART, ANNOUNCED_PARTS, anyOf, CLOSING_PART, EXECUTION_WORDS, NOT_PROJECT_PART, NUMBERED_ITEM, NUMBERED_PARTS_MARK, PART_NAME_LEAD, PART_NAME_TAIL, PROJECT_OR_USE_PART, PROJECT_LINE, PROJECT_LINE_BUDGET, PROJECTS_WHOLE, STATED_PART_TAIL, USE_AFTER_AMOUNT, USE_LEAD, VERB_ONLY_PART, WHERE_OR_KIND_PART, WORK_PART } from '../../vocabulary/index.js';
import type { LocatedNumber } from '../locate.js';
import { parseChineseNumeral } from '../numbers/chinese-numeral.js';
import { inBrackets } from './candidates.js';

export interface SummedPart {
  name: string;
  /**
   * The whole's field: each part is a budget, or (under a spending) an execution; a second amount of one
   * part stated as spent ("A项目预算10万元，支出8万元；…") is its execution.
   */
  field: 'budget' | 'execution';
}

export interface SummedParts {
  whole: LocatedNumber;
  /** Where the list stops (its 。 or line break). */
  end: number;
  /** Number start → the part it states. */
  parts: Map<number, SummedPart>;
}

/** What a list is read against: the text, its money and what the rules know of each amount. */
export interface ListContext {
  text: string;
  /** Every exact money number of the running text, in text order. */
  money: readonly LocatedNumber[];
  /** The money field a number's own clause states. */
  fieldOf: (m: LocatedNumber) => string | null;
  /** A part named as a fund, nature or class: a list of such parts is none of projects. */
  isOther: (name: string) => boolean;
}

/** Brackets hold a part's own details ("66.2万元(其中:中小公租房4.53万元;…)"): no part of the list. */
const BRACKETED = /[（(][^（）()]*[）)]/gu;
const SPENT_CLAUSE = new RegExp(`(?:${anyOf(EXECUTION_WORDS)})(?:资金|金额)?$`, 'u');
/** How far back from the mark a whole is looked for (characters). */
const WHOLE_REACH = 400;

const nameOf = (segment: string) => segment.replace(PART_NAME_LEAD, '').replace(PART_NAME_TAIL, '').trim();

/** A part named as money of some kind ("…衔接资金", "体彩公益金") rather than for what it does is fund-like. */
const fundLike = (cx: ListContext, name: string) => cx.isOther(name) || /(?:资金|公益金)$/u.test(name);

/**
 * The parts, each of the whole's field: a budget, or (under a spending) an execution; null when the whole
 * is an income (its parts are its sources) or states another field.
 */
function ofWholeField(cx: ListContext, whole: LocatedNumber, parts: Map<number, SummedPart>): 'budget' | 'execution' | null {
  if (/收入/u.test(whole.label)) return null;
  const wholeField = cx.fieldOf(whole);
  if (wholeField !== null && wholeField !== 'budget' && wholeField !== 'execution') return null;
  const field = wholeField === 'execution' ? 'execution' : 'budget';
  for (const [start, p] of parts) parts.set(start, { ...p, field });
  return field;
}

/**
 * The parts of the list whose mark (其中) stands at `mark`, when they add up to an amount before it; null
 * otherwise. At least half of the parts must be no fund, nature or class; two parts stand only when both
 * name a project or a use (PROJECT_OR_USE_PART).
 */
export function readSummedParts(cx: ListContext, mark: number): SummedParts | null {
  const { text, money } = cx;
  const stop = text.slice(mark).search(/[。\n]/u);
  const end = stop < 0 ? text.length : mark + stop;
  const inList = amountsIn(text, money, mark + 1, end);
  if (inList.length < 2) return null;
  const semicolons = /[；;]/u.test(text.slice(mark, end).replace(BRACKETED, ''));
  const parts = new Map<number, SummedPart>();
  const firsts: LocatedNumber[] = [];
  /** Second amounts (number start → the first amount's start). */
  const seconds = new Map<number, number>();
  let sum = new Decimal(0);
  let others = 0;
  /** Parts that name neither a project nor a use. */
  let plain = 0;
  let from = mark + 2;
  for (const m of inList) {
    const segment = text.slice(from, m.start).replace(BRACKETED, '');
    from = m.end;
    // With "；" between parts, a second amount of one part is its spending, or the list is something else.
    if (semicolons && firsts.length > 0 && !/[；;]/u.test(segment)) {
      const clause = segment.split(/[，,]/u).pop()!.trim();
      const first = firsts.at(-1)!.start;
      if (!SPENT_CLAUSE.test(clause) || [...seconds.values()].includes(first)) return null;
      seconds.set(m.start, first);
      continue;
    }
    const raw = segment.split(semicolons ? /[；;]/u : /[；;，,、]/u).pop()!;
    // A part named only by its verb ("安排使用85804万元，重点保障…") is named by the use stated after its amount.
    const after = VERB_ONLY_PART.test(nameOf(raw)) ? text.slice(m.end, end) : '';
    const use = USE_AFTER_AMOUNT.test(after) ? after.replace(USE_LEAD, '').split(/[；;，,。]/u)[0]!.trim() : null;
    const name = use ?? nameOf(raw);
    // the residual "其他" closes a list of any kind
    if (use === null && !PROJECT_OR_USE_PART.test(raw) && !CLOSING_PART.test(nameOf(raw))) plain++;
    // A part of nothing ("工程采购金额0万元") is a column of a split, never a project.
    if (Array.from(name).length < 2 || NOT_PROJECT_PART.test(name) || new Decimal(m.base).isZero()) return null;
    if (fundLike(cx, name)) others++;
    parts.set(m.start, { name, field: 'budget' });
    firsts.push(m);
    sum = sum.plus(m.base);
  }
  // A list of funds or classes is no list of projects; one fund among many projects is an item like them.
  if (others * 2 >= firsts.length) return null;
  // Every part names a project or a use: parts named by a place or a category ("磴口县5079.16万元", "老年人福利类")
  // are allocations, whose reading as projects is an unsettled label convention (fixtures/expected/README.md); on
  // the frozen test part they were 12 of 25 wrong. Three parts or more, two thirds naming a project, a use or a work
  // ("全市敬老院建设配套资金", "乡村照明设施建设") and none a place or a category are sub-projects as well.
  const names = [...parts.values()].map((p) => p.name);
  // (or the whole names them projects, PROJECTS_WHOLE: read once the whole is found; places and categories stay out)
  const namedByParts = plain === 0 || namesWorks(names);
  if (!namedByParts && names.some((n) => WHERE_OR_KIND_PART.test(n) || FEE_PART.test(n))) return null;
  if (firsts.length < 2 || new Set(firsts.map((m) => parts.get(m.start)!.name)).size < firsts.length) return null;
  const firstSentence = firsts[0]!.sentence;
  let whole: LocatedNumber | undefined;
  for (let i = money.length - 1; i >= 0; i--) {
    const m = money[i]!;
    if (m.start >= mark) continue;
    if (m.start < mark - WHOLE_REACH || m.sentence < firstSentence - 1) break;
    if (sum.equals(m.base)) {
      whole = m;
      break;
    }
  }
  // (the whole's clause names them, or what is said between it and the mark: "…100万元，用于3个项目，其中：")
  if (whole && !namedByParts && !PROJECTS_WHOLE.test(whole.label) && !PROJECTS_WHOLE.test(text.slice(whole.end, mark))) return null;
  const field = whole ? ofWholeField(cx, whole, parts) : null;
  // A spending's parts have no second amount to pair.
  if (!whole || !field || (field === 'execution' && seconds.size > 0)) return null;
  for (const [start, first] of seconds) parts.set(start, { name: parts.get(first)!.name, field: 'execution' });
  return { whole, end, parts };
}

/** Three parts or more, none a place or a category, two thirds of them naming a project, a use or a work (WORK_PART). */
function namesWorks(names: readonly string[]): boolean {
  if (names.length < 3 || names.some((n) => WHERE_OR_KIND_PART.test(n))) return false;
  const works = names.filter((n) => PROJECT_OR_USE_PART.test(n) || WORK_PART.test(n) || CLOSING_PART.test(n)).length;
  return works * 3 >= names.length * 2;
}

/** The numbers of the money amounts of `line`'s span [from, to), outside brackets. */
const amountsIn = (text: string, money: readonly LocatedNumber[], from: number, to: number) =>
  money.filter((m) => m.start >= from && m.end <= to && !inBrackets(text, from, m.start));

/**
 * A whole followed by its parts as numbered lines, one amount each ("资助公益金17.6亿元。主要是：\n1.资助…等项目170个,
 * 资助资金21,927.27万元。\n2.…"), read at the line numbered 1 that starts at `lineStart`. The parts must add up to
 * the whole within its printed rounding (17.6亿 holds 17.5986亿), every part name a project or a use, and the
 * text before the list end with a list mark (NUMBERED_PARTS_MARK); null otherwise.
 */
export function readNumberedParts(cx: ListContext, lineStart: number): SummedParts | null {
  const { text, money } = cx;
  const head = text.slice(Math.max(0, lineStart - 200), lineStart).replace(/\s+$/u, '');
  if (!NUMBERED_PARTS_MARK.test(head)) return null;
  const parts = new Map<number, SummedPart>();
  const amounts: LocatedNumber[] = [];
  let others = 0;
  let at = lineStart;
  let end = lineStart;
  for (let expected = 1; ; expected++) {
    while (text[at] === '\n' || text[at] === ' ') at++;
    const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
    const line = text.slice(at, lineEnd);
    const marker = NUMBERED_ITEM.exec(line);
    if (!marker || Number(marker[1] ?? marker[2]) !== expected) break;
    const found = amountsIn(text, money, at, lineEnd);
    if (found.length !== 1) return null;
    const m = found[0]!;
    const raw = text.slice(at + marker[0].length, m.start).replace(BRACKETED, '').split(/，|(?<!\d),|,(?!\d)/u)[0]!;
    const name = nameOf(raw.replace(/^(?:资助|支持|补助)/u, ''));
    if (Array.from(name).length < 2 || NOT_PROJECT_PART.test(name) || !PROJECT_OR_USE_PART.test(raw) || new Decimal(m.base).isZero()) return null;
    if (fundLike(cx, name)) others++;
    parts.set(m.start, { name, field: 'budget' });
    amounts.push(m);
    end = lineEnd;
    at = lineEnd;
  }
  if (amounts.length < 3 || others * 2 >= amounts.length) return null;
  let whole: LocatedNumber | undefined;
  for (let i = money.length - 1; i >= 0; i--) {
    if (money[i]!.start < lineStart) {
      whole = money[i];
      break;
    }
  }
  if (!whole || whole.end < lineStart - 200) return null;
  const sum = amounts.reduce((s, m) => s.plus(m.base), new Decimal(0));
  // Half the whole's last printed digit, in base units.
  const slack = new Decimal(10).pow(whole.scale - whole.precision).div(2);
  if (sum.minus(whole.base).abs().greaterThan(slack)) return null;
  return ofWholeField(cx, whole, parts) ? { whole, end, parts } : null;
}

/** How far after its whole an announcement of parts may end and still be read (characters). */
const ANNOUNCEMENT_REACH = 200;
/** How many characters of an announced name its statement must repeat ("养老等服务类和困难群众保障" … "养老等服务类经费和…"). */
const ANNOUNCED_KEY = 4;

/**
 * A whole whose parts are announced by name right after it and then stated one by one in that order: "共使用5.04亿元,
 * 主要用于养老等服务类和困难群众保障、社区公益类项目、其他社会福利类项目等三类支出。…养老等服务类和困难群众保障的支出为
 * 3.96亿元…。社区公益类支出0.79亿元…。其他社会福利类支出0.29亿元". Each part is the next amount after the one before,
 * its clause repeating the announced name (its first four characters); a count printed ("三类") is the number of names;
 * the parts add up to the whole exactly and none is a fund, class or the budget's own step. Read at the whole, the
 * `wholeIndex`-th of `cx.money`; null otherwise.
 */
export function readAnnouncedParts(cx: ListContext, wholeIndex: number): SummedParts | null {
  const { text, money } = cx;
  const whole = money[wholeIndex]!;
  const m = ANNOUNCED_PARTS.exec(text.slice(whole.end, whole.end + ANNOUNCEMENT_REACH));
  if (!m) return null;
  const names = m[1]!.split('、').map((x) => nameOf(x).replace(ANNOUNCED_NAME_TAIL, ''));
  const count = m[2] ? Number(/^\d+$/u.test(m[2]) ? m[2] : parseChineseNumeral(m[2])) : null;
  if (names.length < 2 || (count !== null && count !== names.length) || names.some((x) => Array.from(x).length < 2) || new Set(names).size < names.length) return null;
  const parts = new Map<number, SummedPart>();
  let sum = new Decimal(0);
  let end = whole.end + m.index + m[0].length;
  for (let i = 0; i < names.length; i++) {
    const item = money[wholeIndex + 1 + i];
    if (!item || item.start < end) return null;
    const key = Array.from(names[i]!).slice(0, ANNOUNCED_KEY).join('');
    const at = item.label.indexOf(key);
    if (at < 0) return null;
    const name = item.label.slice(at).replace(STATED_PART_TAIL, '').trim();
    if (Array.from(name).length < 2 || NOT_PROJECT_PART.test(name) || cx.isOther(name) || new Decimal(item.base).isZero()) return null;
    parts.set(item.start, { name, field: 'budget' });
    sum = sum.plus(item.base);
    end = item.end;
  }
  if (!sum.equals(whole.base)) return null;
  return ofWholeField(cx, whole, parts) ? { whole, end, parts } : null;
}

/** How many project lines in a row stand as a list (two might be a project and its comparison). */
const PROJECT_LINES_ALONE = 3;

/** The lines of `text` from `from` (blank ones skipped), each with its start and end. */
function* linesFrom(text: string, from: number): Generator<{ start: number; end: number; line: string }> {
  for (let at = from; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(at, end);
    if (line.trim() !== '') yield { start: at, end, line };
    at = end + 1;
  }
}

/**
 * One project a line, in a run of three lines or more from `runStart`: each line opens with a name ending 项目 or 工程
 * (PROJECT_LINE) and states one amount, as the project's budget (PROJECT_LINE_BUDGET: "…,总投资216.42万元。"). The
 * run ends at the first other line; names are distinct and none the budget's own kind. Null when the run is shorter.
 */
export function readProjectLines(cx: ListContext, runStart: number): Pick<SummedParts, 'end' | 'parts'> | null {
  const { text, money } = cx;
  const parts = new Map<number, SummedPart>();
  let end = runStart;
  for (const { start, end: lineEnd, line } of linesFrom(text, runStart)) {
    const m = PROJECT_LINE.exec(line);
    if (!m) break;
    const found = amountsIn(text, money, start, lineEnd);
    if (found.length !== 1 || !PROJECT_LINE_BUDGET.test(found[0]!.label)) return null;
    parts.set(found[0]!.start, { name: m[1]!, field: 'budget' });
    end = lineEnd;
  }
  const names = [...parts.values()].map((p) => p.name);
  if (names.length < PROJECT_LINES_ALONE || new Set(names).size < names.length || names.some((n) => NOT_PROJECT_PART.test(n))) return null;
  return { end, parts };
}

/** Where the run of project lines holding the line at `lineStart` starts: back over the lines before it that open with a project. */
export function projectRunStart(text: string, lineStart: number): number {
  let start = lineStart;
  for (;;) {
    let prevEnd = start - 1;
    while (prevEnd > 0 && text.slice(text.lastIndexOf('\n', prevEnd - 1) + 1, prevEnd).trim() === '') prevEnd = text.lastIndexOf('\n', prevEnd - 1);
    if (prevEnd <= 0) return start;
    const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
    if (!PROJECT_LINE.test(text.slice(prevStart, prevEnd))) return start;
    start = prevStart;
  }
}

/** How many items an enumeration needs to stand without a whole (two might be a comparison). */
const ENUMERATED_ALONE = 3;

/**
 * A clause that enumerates projects after an allocation verb, each a name and its amount, 、 between them and nothing
 * else in the run: "另外单独下达戴南高中校园供水系统改造110万元、董北实小校园建设300万元、新生中心小学基建项目263万元。"
 * Read at the clause's start (`clauseStart`): three items or more, each naming a project or a work, none a place, a
 * category, a fund, a class or the budget's own kind; the run ends the clause. Each is a budget.
 */
export function readEnumeratedParts(cx: ListContext, clauseStart: number): Pick<SummedParts, 'end' | 'parts'> | null {
  const { text, money } = cx;
  const breakAt = text.slice(clauseStart).search(/[，,。；;\n]/u);
  const clauseEnd = breakAt < 0 ? text.length : clauseStart + breakAt;
  const verb = ENUMERATION_VERB.exec(text.slice(clauseStart, clauseEnd));
  if (!verb) return null;
  const found = amountsIn(text, money, clauseStart + verb.index + verb[0].length, clauseEnd);
  if (found.length < ENUMERATED_ALONE || found.at(-1)!.end !== clauseEnd) return null;
  const parts = new Map<number, SummedPart>();
  let from = clauseStart + verb.index + verb[0].length;
  for (const [i, m] of found.entries()) {
    const segment = text.slice(from, m.start);
    // Every item but the first follows its 、; none holds another stop or a number.
    const name = (i === 0 ? segment : segment.replace(/^、/u, '')).trim();
    if ((i > 0 && !segment.startsWith('、')) || /[、，,：:\d]/u.test(name) || Array.from(name).length < 4) return null;
    if (!(PROJECT_OR_USE_PART.test(name) || WORK_PART.test(name)) || NOT_PROJECT_PART.test(name) || WHERE_OR_KIND_PART.test(name) || fundLike(cx, name)) return null;
    parts.set(m.start, { name, field: 'budget' });
    from = m.end;
  }
  return new Set([...parts.values()].map((p) => p.name)).size === parts.size ? { end: clauseEnd, parts } : null;
}
