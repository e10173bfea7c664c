/**
 * A whole followed in prose by its parts, the parts adding up to it exactly: "下达我市困难群众救助补助资金
 * 35331.2万元,其中,磴口县5079.16万元;杭锦后旗4035.12万元;…", "用于群众体育支出332.3407万元，占总数的100.0%。
 * 其中:用于援建公共体育场地和设施201.5227万元；…". The list is read at its mark (其中), up to the stop that
 * ends it; the whole is the nearest amount before the mark, in its sentence or the one before, that the
 * parts add up to. Only an exact sum stands: the parts of an unknown list are abstained on.
 */
import { Decimal } from 'decimal.js';
import { anyOf, EXECUTION_WORDS, NOT_PROJECT_PART, PART_NAME_LEAD, PART_NAME_TAIL, PROJECT_OR_USE_PART } from '../../vocabulary/index.js';
import type { LocatedNumber } from '../locate.js';

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

/** Brackets hold a part's own details ("66.2万元(其中:中小公租房4.53万元;…)"): no part of the list. */
const BRACKETED = /[（(][^（）()]*[）)]/gu;
const SPENT_CLAUSE = new RegExp(`(?:${anyOf(EXECUTION_WORDS)})(?:资金|金额)?$`, 'u');
/** How far back from the mark a whole is looked for (characters). */
const WHOLE_REACH = 400;

/** Is `at` inside brackets opened after `from`? */
function inBrackets(text: string, from: number, at: number): boolean {
  let depth = 0;
  for (let i = from; i < at; i++) {
    const c = text[i];
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
  }
  return depth > 0;
}

const nameOf = (segment: string) => segment.replace(PART_NAME_LEAD, '').replace(PART_NAME_TAIL, '').trim();

/**
 * The parts of the list whose mark (其中) stands at `mark`, when they add up to an amount before it; null
 * otherwise. `money` is every exact money number of the running text in text order; `fieldOf` the money
 * field a number's own clause states; `isOther` tells a part that is a fund, nature or class (a list
 * of such parts is none of projects: at least half of the parts must be something else). Two parts stand
 * only when both name a project or a use (PROJECT_OR_USE_PART).
 */
export function readSummedParts(
  text: string,
  money: readonly LocatedNumber[],
  mark: number,
  fieldOf: (m: LocatedNumber) => string | null,
  isOther: (name: string) => boolean,
): SummedParts | null {
  const stop = text.slice(mark).search(/[。\n]/u);
  const end = stop < 0 ? text.length : mark + stop;
  const inList = money.filter((m) => m.start > mark && m.end <= end && !inBrackets(text, mark, m.start));
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
    const name = nameOf(raw);
    if (!PROJECT_OR_USE_PART.test(raw)) plain++;
    // A part of nothing ("工程采购金额0万元") is a column of a split, never a project.
    if (Array.from(name).length < 2 || NOT_PROJECT_PART.test(name) || new Decimal(m.base).isZero()) return null;
    // A part named as money of some kind ("…衔接资金") rather than for what it does is fund-like.
    if (isOther(name) || /资金$/u.test(name)) others++;
    parts.set(m.start, { name, field: 'budget' });
    firsts.push(m);
    sum = sum.plus(m.base);
  }
  // A list of funds or classes is no list of projects; one fund among many projects is an item like them.
  if (others * 2 >= firsts.length) return null;
  if (firsts.length === 2 && plain > 0) return null;
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
  if (!whole) return null;
  const wholeField = fieldOf(whole);
  if (wholeField !== null && wholeField !== 'budget' && wholeField !== 'execution') return null;
  const field = wholeField === 'execution' ? 'execution' : 'budget';
  // A spending's parts have no second amount to pair.
  if (field === 'execution' && seconds.size > 0) return null;
  for (const [start, p] of parts) parts.set(start, { ...p, field });
  for (const [start, first] of seconds) parts.set(start, { name: parts.get(first)!.name, field: 'execution' });
  return { whole, end, parts };
}
