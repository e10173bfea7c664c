/**
 * One engine for the rules of src/extract/roles/: `nameAmounts` runs NAMED_RULES (amounts named by
 * their row or clause: parts, never headline figures); `assignRoles` decides the headline roles.
 *
 * For the headline roles: score every candidate for every role from FEATURES, give each
 * candidate to the role(s) it scores best in, rank, and decide.
 *
 * - A winner must clear the role's threshold, else the role abstains (`abstained_low`).
 * - It must lead the best candidate of a different value by the role's margin (`clear`).
 * - Within the margin, the printed rate may pick the (execution, budget) pair whose quotient falls
 *   inside the rate's rounding interval (`tie_broken_by_rate`); a role that was clear is never
 *   replaced because its arithmetic fails, so a published slip stays visible to the checks.
 * - Otherwise it abstains (`abstained_tie`): a wrong figure is worse than a missing one.
 */
import { divideIntervals, intervalOfFigure, intervalsMeet, scaleInterval, truncationIntervalOf } from '../../check/interval.js';
import type { SourceDocument } from '../../ingest/document.js';
import { evidenceOf } from '../../normalize/offsets.js';
import type { Figure, NamedAmount, Project, ReportKind, RoleCandidate, RoleDecision } from '../../schema/record.js';
import type { Segmentation } from '../../segment/segment.js';
import { COUNTED_TOTAL, FORM_COLUMNS, NUMBERED_ITEM, PROJECT_LINE, PARTS_FOLLOW, PAYING_LEVEL, PROJECT_ITEM_WORD, PROJECT_LIST_MARK } from '../../vocabulary/index.js';
import { Decimal } from 'decimal.js';
import type { LocatedNumber } from '../locate.js';
import { Dec } from '../decimal.js';
import { leadingCount } from '../span-index.js';
import { projectRunStart, readAnnouncedParts, readEnumeratedParts, readNumberedParts, readProjectLines, readSummedParts, type ListContext, type SummedPart, type SummedParts } from './summed-parts.js';
import { clauseBefore, inBrackets, isImpliedMoney, lastClause, sentenceBefore, toFigure, type Candidate } from './candidates.js';
import { COUNTED_PART_FEATURE, FEATURES, POSITION_FEATURE, proseCandidates, PROSE_FEATURES, RATE_TIE_FEATURE, SOLE_INITIAL_FEATURE, SUM_FEATURE, type Feature } from './features.js';
import { NAMED_RULES, ROLES, type MoneyField, type NamedFacts, type NamedInput, type Naming, type Outcome, type ProjectListKind, type Role, type RoleId, type Whole } from './rules.js';

export interface FiredFeature {
  id: string;
  weight: number;
}

export interface Scored {
  candidate: Candidate;
  score: number;
  features: FiredFeature[];
}

/** How many ranked candidates a decision keeps. */
const KEEP = 5;

/** Each feature list's features by role, in the list's order: every candidate is scored for every role. */
const FEATURES_BY_ROLE = new WeakMap<readonly Feature[], Map<RoleId, readonly Feature[]>>();

function featuresOf(features: readonly Feature[], role: RoleId): readonly Feature[] {
  let byRole = FEATURES_BY_ROLE.get(features);
  if (!byRole) FEATURES_BY_ROLE.set(features, (byRole = new Map()));
  let ofRole = byRole.get(role);
  if (!ofRole) byRole.set(role, (ofRole = features.filter((f) => f.roles.includes(role))));
  return ofRole;
}

/** A slot for each feature of FEATURES and PROSE_FEATURES (every other list is made of them) in a candidate's answers. */
const SLOT = new Map<Feature, number>([...FEATURES, ...PROSE_FEATURES].map((f, i) => [f, i]));
/** The slots of a list featuresOf made, in its order (-1: a feature of no slot, asked every time). */
const SLOTS_OF = new WeakMap<readonly Feature[], Int32Array>();

function slotsOf(features: readonly Feature[]): Int32Array {
  let slots = SLOTS_OF.get(features);
  if (!slots) SLOTS_OF.set(features, (slots = Int32Array.from(features, (f) => SLOT.get(f) ?? -1)));
  return slots;
}

/**
 * Each candidate's answer to each feature, asked once per decision: 0 not yet, 1 fires, 2 does not.
 * A feature of several roles is asked once per role, and again by the ranking and the prose pass;
 * its test reads only the candidate. A candidate changes once: figures.ts marks the named amounts
 * and wholes on it after nameAmounts (whose labelRoleOf asked LABEL_FEATURES before), so
 * assignRoles forgets every answer but those of LABEL_FEATURES, which read no mark.
 */
const ANSWERS = new WeakMap<Candidate, Uint8Array>();

function answersOf(c: Candidate): Uint8Array {
  let answers = ANSWERS.get(c);
  if (!answers) ANSWERS.set(c, (answers = new Uint8Array(SLOT.size)));
  return answers;
}

/** f.test(c), remembered in `answers` (answersOf(c)) at `slot` (SLOT's; -1 not remembered). */
function fires(f: Feature, c: Candidate, answers: Uint8Array, slot: number): boolean {
  if (slot < 0) return f.test(c);
  const known = answers[slot]!;
  if (known !== 0) return known === 1;
  const yes = f.test(c);
  answers[slot] = yes ? 1 : 2;
  return yes;
}

/** The features of `role` that fire on `c`, and their sum. */
export function scoreCandidate(c: Candidate, role: RoleId, features: readonly Feature[] = FEATURES): Scored {
  const fired: FiredFeature[] = [];
  let score = 0;
  const answers = answersOf(c);
  const ofRole = featuresOf(features, role);
  const slots = slotsOf(ofRole);
  for (let i = 0; i < ofRole.length; i++) {
    const f = ofRole[i]!;
    if (!fires(f, c, answers, slots[i]!)) continue;
    fired.push({ id: f.id, weight: f.weight });
    score += f.weight;
  }
  return { candidate: c, score, features: fired };
}

/** scoreCandidate's score alone, without the list of what fired (asked for every role of every candidate). */
function scoreOf(c: Candidate, ofRole: readonly Feature[], slots: Int32Array, answers: Uint8Array): number {
  let score = 0;
  for (let i = 0; i < ofRole.length; i++) if (fires(ofRole[i]!, c, answers, slots[i]!)) score += ofRole[i]!.weight;
  return score;
}

/** The roles that take a kind of candidate, in ROLES' order, with each role's features and slots per feature list. */
interface KindRoles {
  roles: readonly Role[];
  byFeatures: WeakMap<readonly Feature[], { features: readonly Feature[]; slots: Int32Array }[]>;
}
const ROLES_BY_KIND = new Map<Candidate['kind'], KindRoles>();

/**
 * What bestRolesOf reads for a kind and a feature list, made once: it is asked twice for every
 * candidate (labelRoleOf, assignRoles), and filtering ROLES, looking each role's features up in two
 * maps and building its score list were as costly as the scores themselves.
 */
function kindRolesOf(kind: Candidate['kind'], features: readonly Feature[]): { roles: readonly Role[]; ofRole: { features: readonly Feature[]; slots: Int32Array }[] } {
  let byKind = ROLES_BY_KIND.get(kind);
  if (!byKind) ROLES_BY_KIND.set(kind, (byKind = { roles: ROLES.filter((r) => r.kinds.includes(kind)), byFeatures: new WeakMap() }));
  let ofRole = byKind.byFeatures.get(features);
  if (!ofRole) {
    ofRole = byKind.roles.map((r) => {
      const f = featuresOf(features, r.id);
      return { features: f, slots: slotsOf(f) };
    });
    byKind.byFeatures.set(features, ofRole);
  }
  return { roles: byKind.roles, ofRole };
}

/** The roles a candidate scores best in (several on a tie), each at or above its threshold. */
export function bestRolesOf(c: Candidate, features: readonly Feature[] = FEATURES): RoleId[] {
  const answers = answersOf(c);
  const { roles, ofRole } = kindRolesOf(c.kind, features);
  const scores = new Float64Array(roles.length);
  let top = -Infinity;
  for (let i = 0; i < roles.length; i++) {
    scores[i] = scoreOf(c, ofRole[i]!.features, ofRole[i]!.slots, answers);
    if (scores[i]! > top) top = scores[i]!;
  }
  const best: RoleId[] = [];
  for (let i = 0; i < roles.length; i++) if (scores[i] === top && scores[i]! >= roles[i]!.threshold) best.push(roles[i]!.id);
  return best;
}

const sameValue = (a: Figure, b: Figure) => a.exact === b.exact && a.kind === b.kind;

interface Ranked {
  role: Role;
  ranked: Scored[];
  /** Winner when clear. */
  winner: Scored | null;
  reason: 'clear' | 'abstained_low' | 'abstained_tie' | 'not_applicable' | 'tie_broken_by_rate';
  /** Candidates within the margin of the top (a tie), best first. */
  tied: Scored[];
}

function rankRole(role: Role, candidates: readonly Candidate[], best: Map<Candidate, RoleId[]>, features: readonly Feature[] = FEATURES, countedParts: ReadonlySet<Candidate> = NONE): Ranked {
  const scored = candidates
    .filter((c) => role.kinds.includes(c.kind))
    .map((c) => scoreCandidate(c, role.id, features))
    // A candidate competes only in the role it fits best ("年初预算数" is budgetInitial, not budget).
    .filter((s) => s.features.some((f) => f.weight > 0) && (s.score < role.threshold || best.get(s.candidate)?.includes(role.id)));
  const qualifying = scored.filter((s) => s.score >= role.threshold);
  if (role.kinds.includes('money')) {
    markSumsOfParts(qualifying);
    markCountedParts(scored, countedParts);
  }
  if (qualifying.length > 0) {
    // No spread: a one-line table holds more candidates than a call has room for arguments.
    const first = qualifying.reduce((min, s) => Math.min(min, s.candidate.number.sentence), Infinity);
    for (const s of qualifying)
      if (s.candidate.number.sentence === first) {
        s.features.push({ id: POSITION_FEATURE.id, weight: POSITION_FEATURE.weight });
        s.score += POSITION_FEATURE.weight;
      }
  }
  const ranked = scored.sort((a, b) => b.score - a.score || a.candidate.number.start - b.candidate.number.start);
  const top = ranked[0];
  if (!top) return { role, ranked, winner: null, reason: 'not_applicable', tied: [] };
  if (top.score < role.threshold) return { role, ranked, winner: null, reason: 'abstained_low', tied: [] };
  const rival = ranked.find((s) => !sameValue(s.candidate.figure, top.candidate.figure));
  if (!rival || top.score - rival.score >= role.margin) return { role, ranked, winner: top, reason: 'clear', tied: [top] };
  const tied = ranked.filter((s) => s.score >= role.threshold && top.score - s.score < role.margin);
  return { role, ranked, winner: null, reason: 'abstained_tie', tied };
}

/** A clause that states a total: "…资金合计", "合计批复总投资", "共计". */
const TOTAL_CLAUSE = /合计|共计|总计/u;
/** How many sentences back a total's parts may stand ("…预算A；…预算B；…预算C；…合计X"). */
const PARTS_SENTENCES = 4;
/** How many parts a total is tried against: a flattened table is one sentence of thousands of amounts. */
const MAX_PARTS = 12;

/**
 * Gives SUM_FEATURE to each non-zero text total that equals the sum of the two or more amounts qualifying
 * for the same role right before it, or right after it ("…资金合计1084.25；…763.00；…321.25"), in
 * text order, same unit, within a few sentences.
 */
function markSumsOfParts(qualifying: Scored[]): void {
  const inText = qualifying.filter((s) => !s.candidate.cell && s.candidate.figure.approx === 'exact').sort((a, b) => a.candidate.number.start - b.candidate.number.start);
  inText.forEach((whole, i) => {
    const c = whole.candidate;
    if (!TOTAL_CLAUSE.test(lastClause(c.before))) return;
    // A total of nothing is the sum of any parts that are nothing too ("外事接待0批次…共计支出0万元"): no evidence.
    if (c.figure.value === 0) return;
    if (sumsRun(c, inText, i, -1) || sumsRun(c, inText, i, 1)) {
      whole.features.push({ id: SUM_FEATURE.id, weight: SUM_FEATURE.weight });
      whole.score += SUM_FEATURE.weight;
    }
  });
}

const COUNT_WORDS: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/**
 * Gives COUNTED_PART_FEATURE to each of the N amounts right before a total that counts them ("2018年下达资金134万元
 * (其中…40万元)，市本级预算安排经费20万元，两项合计154万元", t956): when the N amounts of its sentence before it,
 * bracketed details skipped, add up to it exactly, each is a part of the total and none the budget. The total
 * itself is left to its own label (the roles abstain rather than guess).
 */
function countedPartsOf(candidates: readonly Candidate[]): Set<Candidate> {
  const out = new Set<Candidate>();
  const inText = candidates
    .filter((c) => c.kind === 'money' && !c.cell && c.figure.approx === 'exact' && !inBrackets(c.before, 0, c.before.length))
    .sort((a, b) => a.number.start - b.number.start);
  inText.forEach((total, i) => {
    const m = COUNTED_TOTAL.exec(lastClause(total.before));
    if (!m) return;
    const n = COUNT_WORDS[m[1]!] ?? Number(m[1]);
    if (n < 2 || i < n) return;
    const parts = inText.slice(i - n, i);
    if (parts.some((p) => p.number.sentence !== total.number.sentence || p.figure.unit !== total.figure.unit)) return;
    if (!parts.reduce((sum, p) => sum.plus(new Dec(p.figure.exact)), new Dec(0)).eq(new Dec(total.figure.exact))) return;
    for (const p of parts) out.add(p);
  });
  return out;
}
const NONE: ReadonlySet<Candidate> = new Set();

/** Gives COUNTED_PART_FEATURE to the scored candidates countedPartsOf found. */
function markCountedParts(scored: Scored[], countedParts: ReadonlySet<Candidate>): void {
  if (countedParts.size === 0) return;
  for (const s of scored)
    if (countedParts.has(s.candidate)) {
      s.features.push({ id: COUNTED_PART_FEATURE.id, weight: COUNTED_PART_FEATURE.weight });
      s.score += COUNTED_PART_FEATURE.weight;
    }
}

/** Do two or more of the amounts next to `c` (`step` −1: before it, 1: after it) add up to it exactly? */
function sumsRun(c: Candidate, inText: readonly Scored[], i: number, step: -1 | 1): boolean {
  const whole = new Dec(c.figure.exact);
  let sum = new Dec(0);
  let n = 0;
  for (let j = i + step; j >= 0 && j < inText.length && n < MAX_PARTS; j += step) {
    const p = inText[j]!.candidate;
    if (p.figure.unit !== c.figure.unit || Math.abs(c.number.sentence - p.number.sentence) > PARTS_SENTENCES) return false;
    const part = new Dec(p.figure.exact);
    if (part.isNegative()) return false;
    sum = sum.plus(part);
    n++;
    if (n >= 2 && sum.eq(whole)) return true;
    // Parts are not negative: once past the whole, more of them cannot come back to it.
    if (sum.gt(whole)) return false;
  }
  return false;
}

/** Does the stated rate hold for execution ÷ budget within its printed rounding? */
export function rateHolds(rate: Figure, execution: Figure, budget: Figure): boolean {
  const q = divideIntervals(intervalOfFigure(execution, 0), intervalOfFigure(budget, 0));
  return q !== null && intervalsMeet(q, intervalOfFigure(rate, 0));
}

/**
 * Whether a printed rate holds for execution ÷ budget once read as cut off rather than rounded (28.92%
 * for 28.929…%): a truncated rate is a finding of its own (rate.truncated), not a reason to lose the
 * pair it was computed from.
 */
export function rateHoldsCut(rate: Figure, execution: Figure, budget: Figure): boolean {
  if (rate.approx !== 'exact' || Number(rate.exact) < 0) return false;
  const q = divideIntervals(intervalOfFigure(execution, 0), intervalOfFigure(budget, 0));
  return q !== null && intervalsMeet(q, scaleInterval(truncationIntervalOf(rate), new Decimal(10).pow(rate.scale).toString()));
}

/**
 * Within the margin, the printed rate picks the (execution, budget) pair it holds for, when exactly
 * one pair of values does; when none does, the one pair it holds for read as cut off. A clear role
 * offers only its winner.
 */
function breakTieByRate(rate: Ranked, execution: Ranked, budget: Ranked): void {
  if (!rate.winner || (execution.reason !== 'abstained_tie' && budget.reason !== 'abstained_tie')) return;
  if (!execution.tied.length || !budget.tied.length) return;
  const pairsHolding = (holds: (r: Figure, e: Figure, b: Figure) => boolean): [Scored, Scored][] => {
    const pairs: [Scored, Scored][] = [];
    for (const e of execution.tied)
      for (const b of budget.tied)
        if (e.candidate !== b.candidate && holds(rate.winner!.candidate.figure, e.candidate.figure, b.candidate.figure))
          if (!pairs.some(([pe, pb]) => sameValue(pe.candidate.figure, e.candidate.figure) && sameValue(pb.candidate.figure, b.candidate.figure))) pairs.push([e, b]);
    return pairs;
  };
  const rounded = pairsHolding(rateHolds);
  const pairs = rounded.length > 0 ? rounded : pairsHolding(rateHoldsCut);
  if (pairs.length !== 1) return;
  const [e, b] = pairs[0]!;
  for (const [ranked, s] of [[execution, e], [budget, b]] as const) {
    if (ranked.reason === 'clear') continue;
    s.features.push({ id: RATE_TIE_FEATURE.id, weight: RATE_TIE_FEATURE.weight });
    ranked.winner = s;
    ranked.reason = 'tie_broken_by_rate';
  }
}

/**
 * A text that states only the year-start budget ("年初预算1086.95万元，实际使用资金1076.47万元") and no other
 * budget at all (no candidate, not even a weak one) has that budget as its budget: the labels' convention
 * (every label that gives a 年初预算 gives a budget) and an analyst's reading. Any other budget stated,
 * however weakly, leaves the budget to its own ranking.
 */
function budgetFromSoleInitial(budget: Ranked, initial: Ranked): void {
  if (budget.reason !== 'not_applicable' || !initial.winner) return;
  const s: Scored = { candidate: initial.winner.candidate, score: initial.winner.score, features: [...initial.winner.features, { id: SOLE_INITIAL_FEATURE.id, weight: SOLE_INITIAL_FEATURE.weight }] };
  budget.ranked = [s];
  budget.winner = s;
  budget.tied = [s];
  budget.reason = 'clear';
}

/** FEATURES and the prose fallback's (features.ts PROSE_FEATURES). */
const WITH_PROSE: readonly Feature[] = [...FEATURES, ...PROSE_FEATURES];
const PROSE_ROLES = new Set(PROSE_FEATURES.flatMap((f) => f.roles));

/**
 * A role FEATURES left with no candidate at its threshold is ranked again with the prose features
 * (the words of the whole clause). Its answer replaces the abstention only when it has a winner or a
 * tie the printed rate may break; a role FEATURES decided, or found tied, is never ranked again.
 * Only the candidates FEATURES ranked (each scored something) and those a prose feature fires on can
 * rank: the rest are left unscored (a flattened table holds tens of thousands of amounts).
 */
function rankByProse(ranked: Map<RoleId, Ranked>, candidates: readonly Candidate[], countedParts: ReadonlySet<Candidate>): void {
  const open = ROLES.filter((r) => PROSE_ROLES.has(r.id) && (ranked.get(r.id)!.reason === 'not_applicable' || ranked.get(r.id)!.reason === 'abstained_low'));
  if (open.length === 0) return;
  const readable = proseCandidates(candidates);
  const best = new Map<Candidate, RoleId[]>();
  for (const role of open) {
    const prose = featuresOf(PROSE_FEATURES, role.id);
    const slots = slotsOf(prose);
    const fired = readable.filter((c) => prose.some((f, i) => fires(f, c, answersOf(c), slots[i]!)));
    if (fired.length === 0) continue;
    const pool = [...new Set([...ranked.get(role.id)!.ranked.map((s) => s.candidate), ...fired])];
    for (const c of pool) if (!best.has(c)) best.set(c, bestRolesOf(c, WITH_PROSE));
    const again = rankRole(role, pool, best, WITH_PROSE, countedParts);
    if (again.winner || again.reason === 'abstained_tie') ranked.set(role.id, again);
  }
}

export interface Assignment {
  figures: Record<RoleId, Figure | null>;
  decisions: RoleDecision[];
}

/** Decides every headline role over the candidates. */
export function assignRoles(candidates: readonly Candidate[]): Assignment {
  // (Answers from before the candidates were marked named or whole are not this decision's, but
  // for LABEL_FEATURES': labelRoleOf asked them for every exact amount, and no mark changes them.)
  for (const c of candidates) {
    const answers = ANSWERS.get(c);
    if (answers) for (let i = 0; i < MARK_DEPENDENT_SLOTS.length; i++) answers[MARK_DEPENDENT_SLOTS[i]!] = 0;
  }
  const best = new Map(candidates.map((c) => [c, bestRolesOf(c)] as const));
  const countedParts = countedPartsOf(candidates);
  const ranked = new Map(ROLES.map((r) => [r.id, rankRole(r, candidates, best, FEATURES, countedParts)] as const));
  rankByProse(ranked, candidates, countedParts);
  breakTieByRate(ranked.get('executionRate')!, ranked.get('execution')!, ranked.get('budget')!);
  budgetFromSoleInitial(ranked.get('budget')!, ranked.get('budgetInitial')!);
  const figures = {} as Record<RoleId, Figure | null>;
  const decisions: RoleDecision[] = [];
  for (const r of ranked.values()) {
    figures[r.role.id] = r.winner?.candidate.figure ?? null;
    const kept = r.ranked.slice(0, KEEP);
    if (r.winner && !kept.includes(r.winner)) kept[KEEP - 1] = r.winner;
    const toCandidate = (s: Scored): RoleCandidate => ({ figure: s.candidate.figure, score: s.score, features: s.features });
    decisions.push({
      role: r.role.id,
      chosen: r.winner ? kept.indexOf(r.winner) : null,
      reason: r.reason,
      candidates: kept.map(toCandidate),
    });
  }
  return { figures, decisions };
}

// --- Named amounts: one engine runs NAMED_RULES over every exact number, in text order

/**
 * What the clause alone says a number is: its best role from the features that state a role
 * outright (weak hints such as 下达 and context such as 其中 left out).
 */
export const LABEL_FEATURES = FEATURES.filter((f) => !['any.part_context', 'budgetInitial.part_context', 'any.named_amount', 'budget.label.下达', 'budget.raw.资金共'].includes(f.id) && !f.id.includes('.whole.'));
/** The slots of every feature but LABEL_FEATURES: the answers assignRoles asks afresh (see ANSWERS). */
const MARK_DEPENDENT_SLOTS = Int32Array.from([...SLOT].filter(([f]) => !LABEL_FEATURES.includes(f)).map(([, slot]) => slot));
function labelRoleOf(c: Candidate | undefined): MoneyField | null {
  if (!c || c.kind === 'score') return null;
  const roles = bestRolesOf(c, LABEL_FEATURES);
  return roles.length === 1 ? (roles[0] as MoneyField) : null;
}

/** A table cell's column → the money field it holds ("全年预算数" → budget), or null. */
function labelRoleOfCell(m: LocatedNumber): MoneyField | null {
  const h = m.cell!.header.replace(/\s+/gu, '').replace(/[（(][^）)]*[）)]/gu, '');
  const col = FORM_COLUMNS.find((c) => c.pattern.test(h));
  return col && col.role !== 'selfScore' ? col.role : null;
}

/** A table cell's number read as points, whatever unit the table header gave the column. */
export function asPoints(f: Figure, m: { value: string }): Figure {
  return { ...f, value: Number(m.value), exact: m.value, unit: '分', kind: 'score', scale: 0 };
}

export interface NamedAmounts {
  byFunction: NamedAmount[];
  byNature: NamedAmount[];
  fundSources: NamedAmount[];
  projects: Project[];
  budgetExecutionWeight?: Figure;
  budgetExecutionScore?: Figure;
  /** Number start → the rule that took it (not a headline figure). */
  named: Map<number, string>;
  /** Number start → the whole it states, its parts to follow. */
  wholes: Map<number, Whole>;
}

/** An amount's one source ("…全部为县级配套资金"), found by the rule fact.sole_source. */
const SOLE_SOURCE_RULE = 'named.fund.sole_source';
/** The rule whose projects a list's whole must add up (rules.ts). */
const PROJECT_LIST_RULE = 'named.project.listed';
/** An outline number or a bracketed one opening a line ("1.", "（一）"). */
const LINE_LEAD = /^\s*(?:\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)])?\s*/u;

/** Fund sources from transfers named by the paying level, when the text lists no other source. */
const LEVEL_TRANSFER_RULE = 'named.fund.level_transfer';

/** The facts the rules read, kept as the engine records each finding in text order. */
class Facts implements NamedFacts {
  /** The sentence whose whole was just stated with "其中" (-1 when none is open). */
  private openSentence = -1;
  firstBudget: LocatedNumber | null = null;
  /** "其中" after the first budget, found once rather than by reading the span again per number. */
  private qizhongAfterBudget = -1;
  readonly projects = new Map<string, Project>();
  /** Projects in the order found (text order); the cursor only moves forward, as sentences do. */
  private readonly projectOrder: Project[] = [];
  private projectCursor = 0;
  readonly levelTransfers: NamedAmount[] = [];
  /** Amounts the text says come all from one source ("…全部为县级配套资金"). */
  readonly soleSources: NamedAmount[] = [];
  /**
   * The list of projects opened by a whole: how, its stop, the projects it named, the sum of the items it stated, and
   * whether an amount within it was not one of them (`spoiled`: an enumeration then stands only on its sum).
   */
  private projectList: { kind: ProjectListKind; whole: LocatedNumber; end: number; projects: Project[]; sum: Decimal; spoiled: boolean } | null = null;
  /** Starts of the numbers of lists whose amounts did not add up to their whole: named nothing. */
  readonly rejected = new Set<number>();
  /** Money numbers of the running text, in text order. */
  private readonly textMoney: LocatedNumber[] = [];

  /** Every exact money number of the running text, in text order: a summed list is read ahead of its parts. */
  private readonly allTextMoney: LocatedNumber[];
  /** The money field each text number's clause stated, as recorded (a summed list's whole is read back). */
  private readonly fields = new Map<number, MoneyField | null>();
  /** The project whose budget a later sentence restated: that sentence's other amounts are its own. */
  private restated: { sentence: number; project: Project } | null = null;
  /** The mark (其中) of the summed list last read and its parts (null when they did not add up). */
  private summedMark = -1;
  private summed: SummedParts | null = null;
  /** The start of the line numbered 1 last read as a numbered list of parts, and its parts. */
  private numberedStart = -1;
  private numbered: SummedParts | null = null;
  /** The start of the clause last read as an enumeration of projects, and its projects. */
  private enumeratedStart = -1;
  private enumerated: Pick<SummedParts, 'end' | 'parts'> | null = null;
  /** The start of the run of project lines last read, and its projects. */
  private linesStart = -1;
  private lines: Pick<SummedParts, 'end' | 'parts'> | null = null;
  /** Wholes whose parts were announced by name after them (by the whole's start), read once: their parts, or null. */
  private readonly announced = new Map<number, SummedParts | null>();

  constructor(private readonly doc: SourceDocument, private readonly seg: Segmentation, numbers: readonly LocatedNumber[]) {
    this.allTextMoney = numbers.filter((m) => !m.cell && (m.kind === 'money' || isImpliedMoney(m)) && m.approx === 'exact');
  }

  private listContext(isOther: (name: string) => boolean): ListContext {
    return { text: this.doc.text, money: this.allTextMoney, fieldOf: (m) => this.fields.get(m.start) ?? null, isOther };
  }

  numberedPartOf(n: NamedInput, isOther: (name: string) => boolean): SummedPart | undefined {
    const at = n.number.start;
    if (this.numbered && at > this.numberedStart && at < this.numbered.end) return this.numbered.parts.get(at);
    const lineStart = at - n.lineBefore.length;
    const marker = NUMBERED_ITEM.exec(n.lineBefore);
    if (!marker || Number(marker[1] ?? marker[2]) !== 1 || lineStart === this.numberedStart) return undefined;
    this.numberedStart = lineStart;
    this.numbered = readNumberedParts(this.listContext(isOther), lineStart);
    return this.numbered?.parts.get(at);
  }

  projectLineOf(n: NamedInput): SummedPart | undefined {
    const at = n.number.start;
    if (this.lines && at > this.linesStart && at < this.lines.end) return this.lines.parts.get(at);
    const lineStart = at - n.lineBefore.length;
    // (a line longer than the 200 characters lineBefore holds is no list's line)
    if ((lineStart > 0 && this.doc.text[lineStart - 1] !== '\n') || !PROJECT_LINE.test(n.lineBefore)) return undefined;
    const start = projectRunStart(this.doc.text, lineStart);
    if (start === this.linesStart) return undefined;
    this.linesStart = start;
    this.lines = readProjectLines(this.listContext(() => false), start);
    return this.lines?.parts.get(at);
  }

  enumeratedPartOf(n: NamedInput, isOther: (name: string) => boolean): SummedPart | undefined {
    const at = n.number.start;
    // The clause holding this number: back to the last break that is not the list's 、.
    const window = this.doc.text.slice(Math.max(0, at - 400), at);
    const lastBreak = Math.max(...[...'，,。；;\n'].map((c) => window.lastIndexOf(c)));
    const clauseStart = at - window.length + lastBreak + 1;
    if (clauseStart !== this.enumeratedStart) {
      this.enumeratedStart = clauseStart;
      this.enumerated = readEnumeratedParts(this.listContext(isOther), clauseStart);
    }
    return this.enumerated?.parts.get(at);
  }

  announcedPartOf(n: NamedInput, isOther: (name: string) => boolean): SummedPart | undefined {
    const at = n.number.start;
    // The amounts before this one, nearest first, back as far as an announcement reaches: a whole whose parts include it.
    let i = leadingCount(this.allTextMoney.length, (k) => this.allTextMoney[k]!.start < at) - 1;
    for (; i >= 0 && this.allTextMoney[i]!.end >= at - ANNOUNCED_PARTS_REACH; i--) {
      const whole = this.allTextMoney[i]!;
      if (!this.announced.has(whole.start)) this.announced.set(whole.start, readAnnouncedParts(this.listContext(isOther), i));
      const part = this.announced.get(whole.start)?.parts.get(at);
      if (part) return part;
    }
    return undefined;
  }

  restatedProject(n: NamedInput): Project | undefined {
    if (this.summed && n.number.start > this.summedMark && n.number.start < this.summed.end) return undefined;
    const amount = new Decimal(n.number.base);
    // Stated again in a later sentence: the project's own sentence may state the amount twice.
    const sentenceStart = this.seg.sentences[n.number.sentence]?.start ?? n.number.start;
    const same = this.projectOrder.filter((p) => p.budget && amount.equals(p.budget.exact) && p.evidence!.start < sentenceStart);
    const p = same.length === 1 ? same[0]! : undefined;
    return p && !p.execution && sharesNameWord(p.name, n.before) ? p : undefined;
  }

  summedPartOf(n: NamedInput, isOther: (name: string) => boolean): SummedPart | undefined {
    // A long list runs past the 200 characters a number's list context reaches back.
    if (this.summed && n.number.start > this.summedMark && n.number.start < this.summed.end) return this.summed.parts.get(n.number.start);
    const mark = listMarkBefore(this.doc.text, n);
    if (mark < 0) return undefined;
    if (mark !== this.summedMark) {
      this.summedMark = mark;
      this.summed = readSummedParts(this.listContext(isOther), mark);
    }
    return this.summed?.parts.get(n.number.start);
  }

  projectListOpen(n: NamedInput): ProjectListKind | null {
    if (this.projectList && n.number.start >= this.projectList.end) this.closeProjectList();
    return this.projectList?.kind ?? null;
  }
  projectOfLine(n: NamedInput): Project | undefined {
    const line = n.lineBefore.replace(LINE_LEAD, '');
    return this.projectOrder.find((p) => p.rule === PROJECT_LIST_RULE && line.startsWith(p.name));
  }

  /**
   * A list of projects stands when its amounts add up to its whole exactly, or (an enumeration) when it
   * has two items or more, every amount in it is an item and every item names itself a project
   * ("…工程项目3005万元；…项目1235万元"): a list that then fails to add up is the report's own slip, left
   * for the checks. Otherwise it was something else listed (or a part of the list was missed), and none
   * of its projects is kept.
   */
  closeProjectList(): void {
    const list = this.projectList;
    this.projectList = null;
    if (!list) return;
    if (list.projects.length > 0 && list.sum.equals(list.whole.base)) return;
    if (list.kind === 'enumerated' && !list.spoiled && list.projects.length >= 2 && list.projects.every((p) => PROJECT_ITEM_WORD.test(p.name))) return;
    for (const p of list.projects) {
      this.projects.delete(p.name);
      this.projectOrder.splice(this.projectOrder.indexOf(p), 1);
      this.rejected.add(p.evidence!.start);
    }
    this.projectCursor = 0;
  }

  partsComplete(n: NamedInput): boolean {
    const at = n.number.start;
    const windowStart = at - n.listBefore.length;
    const qizhong = n.listBefore.lastIndexOf('其中');
    if (qizhong < 0) return false;
    const listStart = windowStart + qizhong;
    const whole = lastBefore(this.textMoney, (m) => m.end <= listStart, windowStart);
    if (!whole) return false;
    // Every amount listed counts, named or not ("政府性基金预算收入16,812.20万元" is a part this list names no source).
    let sum = new Decimal(0);
    let parts = 0;
    for (let i = this.textMoney.length - 1; i >= 0 && this.textMoney[i]!.start > listStart; i--) {
      sum = sum.plus(this.textMoney[i]!.base);
      parts++;
    }
    return parts > 0 && sum.equals(whole.base);
  }
  partsOpen(n: NamedInput): boolean {
    return this.openSentence === n.number.sentence;
  }
  partsFollowFirstBudget(n: NamedInput): boolean {
    return this.firstBudget !== null && this.qizhongAfterBudget >= 0 && this.qizhongAfterBudget + 2 <= n.number.start;
  }
  hasProject(name: string): boolean {
    return this.projects.has(name);
  }
  projectOfSentence(n: NamedInput): Project | undefined {
    if (this.restated?.sentence === n.number.sentence) return this.restated.project;
    const start = this.seg.sentences[n.number.sentence]?.start;
    if (start === undefined) return undefined;
    while (this.projectCursor < this.projectOrder.length && this.projectOrder[this.projectCursor]!.evidence!.start < start) this.projectCursor++;
    return this.projectOrder[this.projectCursor];
  }

  /** Records a text number's finding (or none): a whole opens its sentence's parts, any other amount closes them. */
  record(n: NamedInput, outcome: Outcome | null, rule: string | undefined): void {
    const m = n.number;
    if (m.kind === 'money') this.textMoney.push(m);
    // Only the amounts a list's whole may be (allTextMoney) are asked for their field: the answer costs a role ranking.
    if ((m.kind === 'money' || isImpliedMoney(m)) && m.approx === 'exact') this.fields.set(m.start, n.field());
    if (outcome?.whole && n.opensParts) this.openSentence = n.partsSentence;
    else if (m.kind === 'money' && !m.cell && rule !== 'named.fund.part_after_whole' && this.openSentence === m.sentence) this.openSentence = -1;
    if (outcome?.firstBudget && !this.firstBudget) {
      this.firstBudget = m;
      this.qizhongAfterBudget = this.doc.text.indexOf('其中', m.end);
    }
    const list = this.projectList;
    if (list && m.kind === 'money' && m.start > list.whole.start && m.start < list.end && rule !== PROJECT_LIST_RULE) list.spoiled = true;
    if (outcome?.projectList) {
      this.closeProjectList();
      const markEnd = m.end + (PROJECT_LIST_MARK.exec(n.after)?.[0].length ?? 0);
      const end = this.doc.text.slice(markEnd).search(/[。\n]/u);
      this.projectList = { kind: outcome.projectList, whole: m, end: end < 0 ? this.doc.text.length : markEnd + end, projects: [], sum: new Decimal(0), spoiled: false };
    }
    if (outcome?.soleSource) this.soleSources.push({ name: outcome.soleSource, amount: toFigure(this.doc, m), rule: SOLE_SOURCE_RULE });
    if (outcome?.levelTransfer) this.levelTransfers.push({ name: outcome.levelTransfer, amount: toFigure(this.doc, m), rule: LEVEL_TRANSFER_RULE });
    const naming = outcome?.naming;
    if (naming?.list !== 'projects') return;
    if (rule === RESTATED_RULE) this.restated = { sentence: m.sentence, project: this.projects.get(naming.name)! };
    let p = this.projects.get(naming.name);
    if (!p) {
      p = { name: naming.name, budget: null, execution: null, executionRate: null, evidence: evidenceOf(this.doc, m.start, m.end), ...(rule ? { rule } : {}) };
      this.projects.set(p.name, p);
      this.projectOrder.push(p);
    }
    if (naming.field === 'budgetInitial') p.budgetInitial ??= toFigure(this.doc, m);
    else p[naming.field] ??= toFigure(this.doc, m);
    const open = this.projectList;
    if (rule === PROJECT_LIST_RULE && open) {
      // Every item the list states counts for its sum, a name an earlier list gave too ("年中追加…其中:…;2023年省级救灾物资…
      // 调运经费14.95万元" after the carry-over list's 8.64万元 of that name: the project keeps its first statement).
      open.sum = open.sum.plus(m.base);
      // Only projects the list itself named answer for its sum (a name found before by another rule stays).
      if (p.rule === PROJECT_LIST_RULE && !open.projects.includes(p) && p.budget?.evidence.start === m.start) open.projects.push(p);
      // Items that add up to the whole exactly end the list: what follows stands beside it ("…226.00万元;二是本局粮食
      // 专项业务经费282.80万元,分别为…": the next whole opens its own list).
      if (open.sum.equals(open.whole.base)) open.end = m.end;
    }
  }
}

/** The rule that finds a listed project's budget stated again (rules.ts): its sentence's amounts are the project's. */
const RESTATED_RULE = 'named.project.restated';
/** Two characters that say what a project is (not 项目, 资金 …). */
const NAME_FILLER = /项目|工程|资金|经费|建设|补助|专项|支出/u;

/** The text names the project by a word of two characters of its name ("老年人福利类" … "1.老年福利类资金"). */
function sharesNameWord(name: string, text: string): boolean {
  const chars = Array.from(name);
  for (let i = 0; i + 1 < chars.length; i++) {
    const word = chars[i]! + chars[i + 1]!;
    if (/^[\u4e00-\u9fff]{2}$/u.test(word) && !NAME_FILLER.test(word) && text.includes(word)) return true;
  }
  return false;
}

/** The last "其中" of a number's list (back to the stop), outside brackets: the mark a summed list opens with; -1 when none. */
function listMarkBefore(text: string, n: NamedInput): number {
  const from = n.number.start - n.listBefore.length;
  let mark = -1;
  let depth = 0;
  for (let i = 0; i < n.listBefore.length; i++) {
    const c = n.listBefore[i];
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
    else if (depth === 0 && c === '其' && n.listBefore[i + 1] === '中') mark = from + i;
  }
  return mark;
}

/** How far before a stated part its whole may stand (characters): the announcement and the parts before it. */
const ANNOUNCED_PARTS_REACH = 800;

/** The text of `at`'s line before it (at most 200 characters). */
function lineBefore(text: string, at: number): string {
  const window = text.slice(Math.max(0, at - 200), at);
  return window.slice(window.lastIndexOf('\n') + 1);
}

/** The last of the numbers (text order) that `fits`, looking back no further than `from`. */
function lastBefore(numbers: readonly LocatedNumber[], fits: (m: LocatedNumber) => boolean, from: number): LocatedNumber | undefined {
  for (let i = numbers.length - 1; i >= 0 && numbers[i]!.start >= from; i--) if (fits(numbers[i]!)) return numbers[i];
  return undefined;
}

/**
 * The text before `at` from a line's start, at most 1500 characters: a list's whole and mark may end a line above its
 * items, one a line ("…投入8573.19万元,具体情况为:\n1、学前教育。…\n2、高中教育。…").
 */
function linesBefore(text: string, at: number): string {
  const from = Math.max(0, at - 1500);
  const window = text.slice(from, at);
  return from === 0 ? window : window.slice(window.indexOf('\n') + 1);
}

/** The text before `at` back to the last stop or line break (at most 200 characters). */
function listBefore(text: string, at: number): string {
  const window = text.slice(Math.max(0, at - 200), at);
  return window.slice(Math.max(window.lastIndexOf('。'), window.lastIndexOf('\n')) + 1);
}

/** The number as the rules read it: table context for cells, the sentence before it for text. */
function namedInputOf(doc: SourceDocument, seg: Segmentation, m: LocatedNumber, c: Candidate | undefined, reportKind: ReportKind, title: string | null): NamedInput {
  let field: MoneyField | null | undefined;
  const before = m.cell ? '' : sentenceBefore(doc, seg, m);
  const follow = m.cell ? null : PARTS_FOLLOW.exec(doc.text.slice(m.end, m.end + 6));
  return {
    number: m,
    row: m.cell ? m.cell.rowLabel.replace(/\s+/gu, '') : '',
    field: () => (field === undefined ? (field = m.cell ? labelRoleOfCell(m) : labelRoleOf(c)) : field),
    before,
    clause: m.cell ? '' : clauseBefore(before),
    rawBefore: m.cell ? '' : doc.text.slice(Math.max(0, m.start - 12), m.start),
    listBefore: m.cell ? '' : listBefore(doc.text, m.start),
    after: m.cell ? '' : doc.text.slice(m.end, m.end + 30),
    lineBefore: m.cell ? '' : lineBefore(doc.text, m.start),
    linesBefore: m.cell ? '' : linesBefore(doc.text, m.start),
    opensParts: follow !== null,
    partsSentence: follow?.[1] ? m.sentence + 1 : m.sentence,
    rowNumber: c?.rowNumber ?? false,
    reportKind,
    title,
  };
}

/**
 * Amounts named by their row or clause (function classes, natures, fund sources, projects) and the
 * narrative wholes, by NAMED_RULES: each exact number is read by the rules of its place (cell or
 * text) in order until one finds something. A list may name an item twice (budget, then
 * execution): the first statement is its amount.
 */
export function nameAmounts(doc: SourceDocument, seg: Segmentation, numbers: readonly LocatedNumber[], reportKind: ReportKind, byStart: ReadonlyMap<number, Candidate>, title: string | null = null): NamedAmounts {
  const facts = new Facts(doc, seg, numbers);
  const found: { m: LocatedNumber; rule: string; naming: Naming }[] = [];
  const wholes = new Map<number, Whole>();
  const cellRules = NAMED_RULES.filter((r) => r.where === 'cell');
  const textRules = NAMED_RULES.filter((r) => r.where === 'text');
  for (const m of numbers) {
    if (m.approx !== 'exact') continue;
    if (!m.cell && m.kind !== 'money' && m.kind !== 'percent' && !isImpliedMoney(m)) continue;
    const n = namedInputOf(doc, seg, m, byStart.get(m.start), reportKind, title);
    if (n.rowNumber) continue;
    // Findings that let later rules read the number too are merged into the final one.
    let passed: Outcome = {};
    let outcome: Outcome | null = null;
    let rule: string | undefined;
    for (const r of m.cell ? cellRules : textRules) {
      const o = r.apply(n, facts);
      if (!o) continue;
      if (o.pass) {
        // (Object.assign, not spreads in a literal: V8 makes those slowly, and this runs per number.)
        passed = Object.assign({}, passed, o, { pass: false });
        continue;
      }
      outcome = o;
      rule = r.id;
      break;
    }
    outcome = Object.assign({}, passed, outcome);
    if (!m.cell) facts.record(n, outcome, rule);
    if (outcome?.whole) wholes.set(m.start, outcome.whole);
    if (outcome?.naming && rule) found.push({ m, rule, naming: outcome.naming });
  }
  facts.closeProjectList();
  const kept = found.filter((f) => !facts.rejected.has(f.m.start));
  const wholeFigures = numbers.filter((m) => wholes.has(m.start)).map((m) => toFigure(doc, m));
  return { ...listNamed(doc, kept, facts, wholeFigures), named: new Map(kept.map((f) => [f.m.start, f.rule] as const)), wholes };
}

/** The paying level a transfer's name opens with: 中央, 省, 自治区, 市, 县. */
const levelOf = (name: string) => PAYING_LEVEL.exec(name)?.[0] ?? name;

/**
 * Transfers named by the paying level are the sources when the text lists none otherwise, and only
 * when they are parts: several levels pay ("省级下达资金804万元…市县下达资金2040.56万元"), or a larger
 * whole was stated. A single transfer alone, or several from one level to different funds, is the
 * whole (or several wholes), not its sources.
 */
function sourcesOfTransfers(transfers: readonly NamedAmount[], wholes: readonly Figure[]): NamedAmount[] {
  const unique = transfers.filter((t, i) => transfers.findIndex((u) => u.name === t.name) === i);
  if (new Set(unique.map((t) => levelOf(t.name))).size >= 2) return unique;
  return unique.filter((t) => wholes.some((w) => w.unit === t.amount.unit && w.value > t.amount.value));
}

/** The named lists from the rules' findings, each item's first statement kept. */
function listNamed(doc: SourceDocument, found: readonly { m: LocatedNumber; rule: string; naming: Naming }[], facts: Facts, wholes: readonly Figure[]) {
  const out: Omit<NamedAmounts, 'named' | 'wholes'> = { byFunction: [], byNature: [], fundSources: [], projects: [...facts.projects.values()] };
  const seen = { byFunction: new Set<string>(), byNature: new Set<string>(), fundSources: new Set<string>() };
  // A function class named a second time in text closes the group: later ones belong to another list.
  let functionGroupClosed = false;
  for (const { m, rule, naming } of found) {
    switch (naming.list) {
      case 'byFunction':
        if (naming.fromRow) {
          if (!naming.listed || seen.byFunction.has(naming.code)) break;
        } else {
          if (seen.byFunction.has(naming.code)) functionGroupClosed = true;
          if (functionGroupClosed) break;
        }
        seen.byFunction.add(naming.code);
        out.byFunction.push({ name: naming.name, code: naming.printedCode, amount: toFigure(doc, m), rule });
        break;
      case 'byNature':
      case 'fundSources':
        if (!naming.listed || seen[naming.list].has(naming.name)) break;
        // "其中中央财政…专项资金850万元" … "其中中央资金850万元": one level's fund stated twice, under two names.
        if (naming.list === 'fundSources' && out.fundSources.some((f) => f.amount.exact === m.base && levelOf(f.name) === levelOf(naming.name))) break;
        seen[naming.list].add(naming.name);
        out[naming.list].push({ name: naming.name, amount: toFigure(doc, m), rule });
        break;
      case 'budgetExecutionWeight':
      case 'budgetExecutionScore':
        out[naming.list] ??= asPoints(toFigure(doc, m), m);
        break;
      case 'projects':
        break;
    }
  }
  // An amount said to come all from one source names that source when the text lists none (one statement,
  // perhaps repeated: two different ones are two wholes').
  const sole = facts.soleSources.filter((f, i, all) => all.findIndex((g) => g.name === f.name && g.amount.exact === f.amount.exact) === i);
  if (out.fundSources.length === 0 && sole.length === 1) out.fundSources = sole;
  if (out.fundSources.length === 0) out.fundSources = sourcesOfTransfers(facts.levelTransfers, wholes);
  return out;
}
