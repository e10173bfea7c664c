/**
 * One engine for the headline roles: score every candidate for every role from FEATURES, give each
 * candidate to the role(s) it scores best in, rank, and decide.
 *
 * - A winner must clear the role's threshold, else the role abstains (`abstained_low`).
 * - It must lead the best candidate of a different value by the role's margin (`clear`).
 * - Within the margin, the printed rate may pick the (execution, budget) pair whose quotient falls
 *   inside the rate's rounding interval (`tie_broken_by_rate`); a role that was clear is never
 *   replaced because its arithmetic fails, so a published slip stays visible to the checks.
 * - Otherwise it abstains (`abstained_tie`): a wrong figure is worse than a missing one.
 */
import { divideIntervals, intervalOfFigure, intervalsMeet } from '../../check/interval.js';
import type { Figure, RoleCandidate, RoleDecision } from '../../schema/record.js';
import type { Candidate } from './candidates.js';
import { FEATURES, POSITION_FEATURE, RATE_TIE_FEATURE, type Feature } from './features.js';
import { ROLES, type Role, type RoleId } from './rules.js';

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

/** The features of `role` that fire on `c`, and their sum. */
export function scoreCandidate(c: Candidate, role: RoleId, features: readonly Feature[] = FEATURES): Scored {
  const fired = features.filter((f) => f.roles.includes(role) && f.test(c)).map((f) => ({ id: f.id, weight: f.weight }));
  return { candidate: c, score: fired.reduce((s, f) => s + f.weight, 0), features: fired };
}

/** The roles a candidate scores best in (several on a tie), each at or above its threshold. */
export function bestRolesOf(c: Candidate, features: readonly Feature[] = FEATURES): RoleId[] {
  const scores = ROLES.filter((r) => r.kinds.includes(c.kind)).map((r) => ({ role: r, score: scoreCandidate(c, r.id, features).score }));
  const top = scores.reduce((max, s) => Math.max(max, s.score), -Infinity);
  return scores.filter((s) => s.score === top && s.score >= s.role.threshold).map((s) => s.role.id);
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

function rankRole(role: Role, candidates: readonly Candidate[], best: Map<Candidate, RoleId[]>): Ranked {
  const scored = candidates
    .filter((c) => role.kinds.includes(c.kind))
    .map((c) => scoreCandidate(c, role.id))
    // A candidate competes only in the role it fits best ("年初预算数" is budgetInitial, not budget).
    .filter((s) => s.features.some((f) => f.weight > 0) && (s.score < role.threshold || best.get(s.candidate)?.includes(role.id)));
  const qualifying = scored.filter((s) => s.score >= role.threshold);
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

/** Does the stated rate hold for execution ÷ budget within its printed rounding? */
function rateHolds(rate: Figure, execution: Figure, budget: Figure): boolean {
  const q = divideIntervals(intervalOfFigure(execution, 0), intervalOfFigure(budget, 0));
  return q !== null && intervalsMeet(q, intervalOfFigure(rate, 0));
}

/**
 * Within the margin, the printed rate picks the (execution, budget) pair it holds for, when exactly
 * one pair of values does. A clear role offers only its winner.
 */
function breakTieByRate(rate: Ranked, execution: Ranked, budget: Ranked): void {
  if (!rate.winner || (execution.reason !== 'abstained_tie' && budget.reason !== 'abstained_tie')) return;
  if (!execution.tied.length || !budget.tied.length) return;
  const pairs: [Scored, Scored][] = [];
  for (const e of execution.tied)
    for (const b of budget.tied)
      if (e.candidate !== b.candidate && rateHolds(rate.winner.candidate.figure, e.candidate.figure, b.candidate.figure))
        if (!pairs.some(([pe, pb]) => sameValue(pe.candidate.figure, e.candidate.figure) && sameValue(pb.candidate.figure, b.candidate.figure))) pairs.push([e, b]);
  if (pairs.length !== 1) return;
  const [e, b] = pairs[0]!;
  for (const [ranked, s] of [[execution, e], [budget, b]] as const) {
    if (ranked.reason === 'clear') continue;
    s.features.push({ id: RATE_TIE_FEATURE.id, weight: RATE_TIE_FEATURE.weight });
    ranked.winner = s;
    ranked.reason = 'tie_broken_by_rate';
  }
}

export interface Assignment {
  figures: Record<RoleId, Figure | null>;
  decisions: RoleDecision[];
}

/** Decides every headline role over the candidates. */
export function assignRoles(candidates: readonly Candidate[]): Assignment {
  const best = new Map(candidates.map((c) => [c, bestRolesOf(c)] as const));
  const ranked = new Map(ROLES.map((r) => [r.id, rankRole(r, candidates, best)] as const));
  breakTieByRate(ranked.get('executionRate')!, ranked.get('execution')!, ranked.get('budget')!);
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
