/**
 * An over-fulfilment or completion percentage against its own target and actual (issue 16):
 * "指标值120人，实际完成150人，超额完成25%" → (150 − 120) ÷ 120 = 25%; "…，完成率125%" → 150 ÷ 120.
 * Checked only when the three are surely of one indicator: one sentence, or one form row, holding
 * exactly one target, one actual and one percentage, target and actual in one unit and neither a
 * percentage ("超出目标5%" of a rate may mean points). Such a finding is `definite`; anything less is
 * not checked at all. A percentage that only truncation explains is a warning (rate.truncated's kind).
 */
import { Decimal } from 'decimal.js';
import type { CheckResult, Indicator, ReportRecord } from '../schema/record.js';
import {
  ACTUAL_WITH_OBJECT_WORDS,
  ACTUAL_WORDS,
  anyOf,
  COMPLETION_RATE_WORDS,
  DONE_WORDS,
  DUE_RATE_WORDS,
  OVER_FULFILMENT_WORDS,
  OVER_WORD_PREFIX,
  ACTUAL_VERB_WORD,
  PLANNED_VERB_WORD,
  TARGET_BOUND_WORDS,
  TARGET_WORDS,
  TASK_WITH_OBJECT_WORDS,
} from '../vocabulary/index.js';
import { closedInterval, divideIntervals, formatInterval, intervalOfPrintedNumber, intervalsMeet, pointInterval, subtractIntervals, type Interval } from './interval.js';
import { evidenceOfSpan, makeResult } from './result.js';
import { codeClass } from '../extract/char-class.js';

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
/** A count's unit right after its number (人, 人次, 万亩, 个), ending where the clause goes on. */
const UNIT = String.raw`([\u4e00-\u9fff㎡]{0,3}?)(?=[\s，,。；;、（()）]|$|超|完成|较|比|实际|目标)`;
const FILLER = String.raw`(?:了|为|是|达到|达|：|:)?\s*`;

const RATE_WORDS = [...OVER_FULFILMENT_WORDS, ...COMPLETION_RATE_WORDS, ...DUE_RATE_WORDS];
const PERCENT = new RegExp(`(${anyOf(RATE_WORDS)})${FILLER}${NUMBER}\\s*[%％]`, 'gu');
const TARGET = new RegExp(`(${anyOf(TARGET_WORDS)})${FILLER}(?:${anyOf(TARGET_BOUND_WORDS)})?\\s*${NUMBER}\\s*${UNIT}`, 'gu');
const ACTUAL = new RegExp(`(?<!超额|超)(?:${anyOf(ACTUAL_WORDS)})${FILLER}${NUMBER}\\s*${UNIT}`, 'gu');
/** "实际完成农村危房改造264户": the verb, its object (captured), the number and its unit. */
const ACTUAL_OBJECT = new RegExp(`(?:${anyOf(ACTUAL_WITH_OBJECT_WORDS)})([\\u4e00-\\u9fff]{2,10}?)${NUMBER}\\s*${UNIT}`, 'gu');
/** "实施农村公路养护工程380公里": a task with its object (captured), the number and its unit. */
const TASK = new RegExp(`(?:${anyOf(TASK_WITH_OBJECT_WORDS)})([\\u4e00-\\u9fff]{2,12}?)${NUMBER}\\s*${UNIT}`, 'gu');
/** "完成200.031公里": work done, the number right after the verb (not "实际完成", ACTUAL's; not "完成总投资…"). */
const DONE = new RegExp(`(?<!实际|超额)(?:${anyOf(DONE_WORDS)})${FILLER}${NUMBER}\\s*([\\u4e00-\\u9fff㎡]{0,3}?)(?=[\\s，,。；;、（()）]|$|(?:建设|改造|治理)?任务)`, 'gu');
/** "计划培训100人": the plan word, its verb (captured), the number and its unit. */
const PLANNED_VERB = new RegExp(`${PLANNED_VERB_WORD}([\\u4e00-\\u9fff]{2,4}?)${NUMBER}\\s*${UNIT}`, 'gu');
/** "实际培训120人": the outturn of a PLANNED_VERB's verb (built per verb). */
const actualOfVerb = (verb: string) => new RegExp(`${ACTUAL_VERB_WORD}${verb}了?${NUMBER}\\s*${UNIT}`, 'gu');
/** A target or actual cell of a form row: "≥120人", "150人". */
const CELL = new RegExp(`^\\s*(?:${anyOf(TARGET_BOUND_WORDS)})?\\s*${NUMBER}\\s*([\\u4e00-\\u9fff㎡]{0,3})\\s*$`, 'u');
/** A cheap test before the sentence is read (matchAll would start at a global regex's lastIndex). */
const PERCENT_WORD = new RegExp(anyOf(RATE_WORDS), 'u');
/** The same for a percentage of over-fulfilment, which alone is read across sentences. */
const OVER_WORD = new RegExp(anyOf(OVER_FULFILMENT_WORDS), 'u');
/** A form row's 偏差原因 cell: over-fulfilment and completion words only (a due-money rate is a clause's). */
const ROW_PERCENT = new RegExp(`(${anyOf([...OVER_FULFILMENT_WORDS, ...COMPLETION_RATE_WORDS])})${FILLER}${NUMBER}\\s*[%％]`, 'gu');
/** How far past a row's 得分 its 偏差原因 cell may run (a flattened form has no line ends: r38). */
const ROW_TAIL = 40;
const SENTENCE = /[^。；;！？!?\n]+/gu;
const isSentenceBreak = codeClass(/[。；;！？!?\n]/u);
/** Where a rate word stands: only the sentences around these are read for a percentage. */
const PERCENT_WORDS = new RegExp(anyOf(RATE_WORDS), 'gu');

/** A number as printed, where it stands in the text. */
interface Stated {
  number: string;
  unit: string;
  start: number;
  end: number;
}

interface Fulfilment {
  target: Stated;
  actual: Stated;
  percent: Stated & { word: string };
}

const isOver = (word: string) => OVER_FULFILMENT_WORDS.includes(word);

/** Exactly one match of `re` in `text` (offsets shifted by `offset`), or null. PERCENT captures (word, number), TARGET and ACTUAL (number, unit). */
function onlyMatch(re: RegExp, text: string, offset: number): (Stated & { word: string }) | null {
  const found = [...text.matchAll(re)];
  if (found.length !== 1) return null;
  const m = found[0]!;
  const worded = re === PERCENT || re === ROW_PERCENT || re === TARGET;
  const number = worded ? m[2]! : m[1]!;
  const unit = re === TARGET ? m[3]! : worded ? '%' : m[2]!;
  const at = m.index + m[0].lastIndexOf(number);
  return { word: worded ? m[1]! : '', number, unit, start: offset + at, end: offset + at + number.length + unit.length };
}

interface Sentence {
  text: string;
  at: number;
}

/**
 * The sentences (as SENTENCE splits the text) that hold a rate word, in text order: found from the
 * words, since a rate word never spans a sentence end; splitting every sentence of the text off
 * first cost more than reading the few that state a percentage.
 */
function sentencesWithRateWords(text: string): Sentence[] {
  const out: Sentence[] = [];
  PERCENT_WORDS.lastIndex = 0;
  for (let m = PERCENT_WORDS.exec(text); m; m = PERCENT_WORDS.exec(text)) {
    let start = m.index;
    while (start > 0 && !isSentenceBreak(text.charCodeAt(start - 1))) start--;
    let end = m.index + m[0].length;
    while (end < text.length && !isSentenceBreak(text.charCodeAt(end))) end++;
    out.push({ text: text.slice(start, end), at: start });
    PERCENT_WORDS.lastIndex = end;
  }
  return out;
}

/** The sentences of the text holding one target, one actual and one percentage of one unit. */
function fulfilmentsInText(sentences: readonly Sentence[]): Fulfilment[] {
  const out: Fulfilment[] = [];
  for (const s of sentences) {
    if (!PERCENT_WORD.test(s.text)) continue;
    const percent = onlyMatch(PERCENT, s.text, s.at);
    if (!percent) continue;
    const target = onlyMatch(TARGET, s.text, s.at);
    if (!target) {
      const done = workDone(s, percent) ?? plannedAndActual(s, percent);
      if (done) out.push(done);
      continue;
    }
    const actual = onlyMatch(ACTUAL, s.text, s.at) ?? doneAfterTarget(s, target, percent);
    if (actual && target.unit === actual.unit) out.push({ target, actual, percent });
  }
  return out;
}

/**
 * A plan and its outturn with one verb, then the percentage ("计划培训100人，实际培训120人，超额完成20%"):
 * one plan and one outturn of that verb in the sentence, in one unit, in that order.
 */
function plannedAndActual(s: Sentence, percent: Stated & { word: string }): Fulfilment | null {
  const plans = statementsIn(PLANNED_VERB, s.text, s.at);
  const plan = plans[0];
  if (plans.length !== 1 || !plan || plan.unit === '') return null;
  const actuals = [...s.text.matchAll(actualOfVerb(plan.word))];
  const m = actuals[0];
  if (actuals.length !== 1 || !m || m[2] !== plan.unit) return null;
  const at = s.at + m.index + m[0].lastIndexOf(m[1]!);
  const actual: Stated = { number: m[1]!, unit: m[2]!, start: at, end: at + m[1]!.length + m[2]!.length };
  return plan.end <= actual.start && actual.end <= percent.start ? { target: plan, actual, percent } : null;
}

/**
 * The one piece of work done a sentence states between its target and its percentage, in the target's
 * unit ("任务数100亩，完成120亩，完成率120%"): the actual when no 实际 names one.
 */
function doneAfterTarget(s: Sentence, target: Stated, percent: Stated): Stated | null {
  const done = onlyMatch(DONE, s.text, s.at);
  if (!done || done.unit === '' || done.unit !== target.unit) return null;
  return target.end <= done.start && done.end <= percent.start ? done : null;
}

/**
 * A completion rate over the one task and the one piece of work done its clause states, in that order
 * and in one unit ("实施…养护工程380公里…完成200.031公里建设任务，完工率为100%", t664).
 */
function workDone(s: Sentence, percent: Stated & { word: string }): Fulfilment | null {
  if (!COMPLETION_RATE_WORDS.includes(percent.word)) return null;
  const tasks = statementsIn(TASK, s.text, s.at);
  const done = onlyMatch(DONE, s.text, s.at);
  const task = tasks[0];
  if (tasks.length !== 1 || !task || !done || task.unit === '' || task.unit !== done.unit) return null;
  return task.end <= done.start && done.end <= percent.start ? { target: task, actual: done, percent } : null;
}

/** A target or actual as stated in a sentence: its number, unit and place, and the words naming it. */
type Statement = Stated & { word: string };

/** Each match of TARGET or ACTUAL_OBJECT (groups: its word or object, the number, the unit) in a sentence. */
function statementsIn(re: RegExp, sentence: string, offset: number): Statement[] {
  return [...sentence.matchAll(re)].map((m) => {
    const number = m[2]!;
    const unit = m[3]!;
    const at = m.index + m[0].lastIndexOf(number);
    return { word: m[1]!, number, unit, start: offset + at, end: offset + at + number.length + unit.length };
  });
}

/**
 * An over-fulfilment percentage whose sentence states neither its target nor its actual ("我市实际改造数
 * 超任务43%", t363), read against the one target and actual another sentence states together ("任务数为
 * 115户,实际完成农村危房改造264户"). Read only when nothing is guessed: every target and every actual
 * with its object the document states in that unit is that one value; the percentage's clause says
 * 实际 and shares two characters of the actual's object (改造), and its word names the target's kind
 * (超任务 with 任务数). Then both sides are surely one quantity.
 */
function fulfilmentsAcross(sentences: readonly Sentence[], allSentences: () => readonly Sentence[]): Fulfilment[] {
  // Each sentence's targets and actuals, read once and only when a lone over-fulfilment percentage asks.
  let stated: { t: Statement[]; a: Statement[] }[] | undefined;
  const out: Fulfilment[] = [];
  for (const s of sentences) {
    if (!OVER_WORD.test(s.text)) continue;
    const percent = onlyMatch(PERCENT, s.text, s.at);
    if (!percent || !isOver(percent.word) || [TARGET, ACTUAL, ACTUAL_OBJECT].some((re) => [...s.text.matchAll(re)].length > 0)) continue;
    const kind = percent.word.replace(OVER_WORD_PREFIX, '');
    const clause = s.text.slice(0, percent.start - s.at).split(/[，,：:]/u).at(-1) ?? '';
    if (kind.length < 2 || !clause.includes('实际')) continue;
    stated ??= allSentences().map((p) => ({ t: statementsIn(TARGET, p.text, p.at), a: statementsIn(ACTUAL_OBJECT, p.text, p.at) }));
    const targets = stated.flatMap((p) => p.t);
    const actuals = stated.flatMap((p) => p.a);
    // The pair: one sentence stating one target of this kind and one actual of its unit.
    const pairs = stated.flatMap((p) => {
      const t = p.t.filter((x) => x.word.includes(kind));
      const a = p.a;
      return t.length === 1 && a.length === 1 && t[0]!.unit === a[0]!.unit ? [{ target: t[0]!, actual: a[0]! }] : [];
    });
    const first = pairs[0];
    if (!first) continue;
    const unit = first.target.unit;
    const same = (x: Statement, y: Statement) => new Decimal(x.number).eq(y.number);
    if (!targets.filter((t) => t.unit === unit).every((t) => same(t, first.target))) continue;
    if (!actuals.filter((a) => a.unit === unit).every((a) => same(a, first.actual))) continue;
    const object = first.actual.word;
    const shares = [...object].some((_, i) => i + 2 <= object.length && clause.includes(object.slice(i, i + 2)));
    if (!shares) continue;
    out.push({ target: first.target, actual: first.actual, percent });
  }
  return out;
}

/**
 * A form row whose target and actual cells are numbers of one unit and whose line prints one
 * percentage (the 偏差原因 column after the 得分, which the row's own evidence stops before).
 */
function fulfilmentOfRow(row: Indicator, text: string | undefined, nextRow = Infinity): Fulfilment | null {
  const t = CELL.exec(row.target);
  const a = CELL.exec(row.actual);
  if (!t || !a || t[2] !== a[2]) return null;
  const { start, end } = row.evidence;
  const lineEnd = text === undefined ? -1 : text.indexOf('\n', end);
  // The 偏差原因 cell ends where the next row starts (t304: a date row before "计划完成率 90% 60%").
  const line = text === undefined ? row.evidence.quote : text.slice(start, Math.min(lineEnd < 0 ? text.length : lineEnd, end + ROW_TAIL, nextRow));
  const percent = onlyMatch(ROW_PERCENT, line, start);
  if (!percent) return null;
  // The cells' own places are not kept: the row's span stands for them.
  return { target: { number: t[1]!, unit: t[2]!, start, end }, actual: { number: a[1]!, unit: a[2]!, start, end }, percent };
}

/** A printed count as an interval: integers are exact counts; decimals (1.2 万亩) are rounded. */
function intervalOfStated(s: Stated): Interval {
  const decimals = s.number.split('.')[1]?.length ?? 0;
  if (decimals === 0 && !/^[万亿]/u.test(s.unit)) return pointInterval(s.number);
  const half = new Decimal(0.5).times(new Decimal(10).pow(-decimals));
  return closedInterval(new Decimal(s.number).minus(half), new Decimal(s.number).plus(half));
}

function checkOne(f: Fulfilment, page: number | null): CheckResult | null {
  const target = intervalOfStated(f.target);
  const actual = intervalOfStated(f.actual);
  const ratio = divideIntervals(actual, target);
  if (!ratio || new Decimal(f.target.number).isZero()) return null;
  const over = isOver(f.percent.word);
  // A completion rate printed 100% of a target met or exceeded may be capped (as a 自评表 scores it): no finding.
  if (!over && new Decimal(f.percent.number).eq(100) && new Decimal(ratio.lo).gte(1)) return null;
  const fraction = over ? subtractIntervals(ratio, pointInterval(1)) : ratio;
  const expected = { ...fraction, lo: new Decimal(fraction.lo).times(100).toString(), hi: new Decimal(fraction.hi).times(100).toString() };
  const decimals = f.percent.number.split('.')[1]?.length ?? 0;
  const step = new Decimal(10).pow(-decimals);
  const printed = new Decimal(f.percent.number);
  const rounded = intervalOfPrintedNumber(f.percent.number);
  const truncated: Interval = { lo: printed.toString(), hi: printed.plus(step).toString(), loOpen: false, hiOpen: true };
  const status = intervalsMeet(expected, rounded) ? 'pass' : intervalsMeet(expected, truncated) ? 'warn' : 'fail';
  // Money that was due and paid (应配套 … 实际配套到位 … 执行率) is an execution rate of its own clause.
  const rule = over ? 'indicator.over_fulfilment' : DUE_RATE_WORDS.includes(f.percent.word) ? 'execution_rate.clause' : 'indicator.completion_rate';
  const formula = over ? `(${f.actual.number} − ${f.target.number}) ÷ ${f.target.number}` : `${f.actual.number} ÷ ${f.target.number}`;
  const shown = formatInterval(expected, { maxDecimals: decimals + 2 });
  const verdict = status === 'pass' ? '一致' : status === 'warn' ? '仅在截断（而非四舍五入）时一致' : '不一致';
  const span = (s: Stated, text: string) => ({ page, start: s.start, end: s.end, quote: text });
  const unit = f.target.unit;
  return makeResult({
    rule,
    status,
    expected,
    actual: rounded,
    unit: '%',
    zh: `${f.percent.word}：实际 ${f.actual.number}${unit}、目标 ${f.target.number}${unit}，${formula} = ${shown}%，与所报 ${f.percent.number}% ${verdict}`,
    en: `${over ? 'Over-fulfilment' : 'Completion rate'}: ${formula} = ${shown}% against the stated ${f.percent.number}%${status === 'pass' ? '' : status === 'warn' ? ' (holds only if truncated)' : ' (mismatch)'}`,
    evidence: [
      evidenceOfSpan('rate', `${f.percent.number}%`, span(f.percent, `${f.percent.number}%`)),
      evidenceOfSpan('actual', `${f.actual.number}${unit}`, span(f.actual, `${f.actual.number}${unit}`)),
      evidenceOfSpan('target', `${f.target.number}${unit}`, span(f.target, `${f.target.number}${unit}`)),
    ],
    detail: { formula: over ? '(actual - target) / target' : 'actual / target' },
    certainty: 'definite',
  });
}

/** Every over-fulfilment and completion percentage stated with its own target and actual. */
export function checkFulfilment(record: ReportRecord, text: string | undefined): CheckResult[] {
  const found: Array<{ f: Fulfilment; page: number | null }> = [];
  const rows = [...record.figures.indicators, ...record.forms.flatMap((f) => f.indicators)];
  const starts = rows.map((r) => r.evidence.start);
  for (const row of rows) {
    const next = Math.min(...starts.filter((s) => s >= row.evidence.end));
    const f = fulfilmentOfRow(row, text, next);
    if (f) found.push({ f, page: row.evidence.page ?? null });
  }
  if (text !== undefined) {
    const rated = sentencesWithRateWords(text);
    const all = () => [...text.matchAll(SENTENCE)].map((s) => ({ text: s[0], at: s.index }));
    for (const f of [...fulfilmentsInText(rated), ...fulfilmentsAcross(rated, all)]) found.push({ f, page: null });
  }
  // One result per printed percentage (a form row is both the record's and its form's).
  const seen = new Set<number>();
  const out: CheckResult[] = [];
  for (const { f, page } of found) {
    if (seen.has(f.percent.start)) continue;
    seen.add(f.percent.start);
    const r = checkOne(f, page);
    if (r) out.push(r);
  }
  return out;
}
