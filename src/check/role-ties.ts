/**
 * Headline figures stated more than once with different values (issue 16: a figure edited in one
 * place only). Extraction abstains or lets the printed rate break the tie when two candidates of a
 * role score alike; a wrong figure is worse than a missing one, but the disagreement itself is a
 * finding. Two candidates are taken as one statement made twice when they are labelled alike (the
 * same features, apart from which came first and which the rate chose) or the rate had to choose
 * between them, and their values are close;
 * their identity is inferred, so the finding is `possible`, and a warning: one of them may label
 * another quantity.
 */
import { Decimal } from 'decimal.js';
import type { CheckResult, Figure, ReportRecord, RoleCandidate } from '../schema/record.js';
import { POSITION_FEATURE, RATE_TIE_FEATURE } from '../extract/roles/features.js';
import { ROLES } from '../extract/roles/rules.js';
import { intervalOfFigure, intervalsMeet } from './interval.js';
import { evidenceOfFigure, makeResult, showInterval } from './result.js';

const RANK_FEATURES = new Set<string>([POSITION_FEATURE.id, RATE_TIE_FEATURE.id]);
const TIES = new Set(['abstained_tie', 'tie_broken_by_rate']);

/** The candidates of a role that tied with its best (abstained, or broken by the rate). */
export function tiedCandidates(record: ReportRecord, role: string): RoleCandidate[] {
  const decision = record.roles.find((r) => r.role === role);
  const spec = ROLES.find((r) => r.id === role);
  if (!decision || !spec || !TIES.has(decision.reason)) return [];
  const top = Math.max(...decision.candidates.map((c) => c.score));
  return decision.candidates.filter((c) => c.score >= spec.threshold && top - c.score < spec.margin);
}

/**
 * Values close enough to be one figure printed wrong once (a digit slipped, a stale edit): within 15%
 * of each other. Labelled alike but far apart (2263 万元 and 791 万元) they are more likely two
 * quantities under the same words (a department's budget and a project's).
 */
const CLOSE_RATIO = new Decimal('1.15');

function isClose(a: Figure, b: Figure): boolean {
  const x = new Decimal(a.exact).abs();
  const y = new Decimal(b.exact).abs();
  if (x.isZero() || y.isZero()) return false;
  return Decimal.max(x, y).div(Decimal.min(x, y)).lte(CLOSE_RATIO);
}

function labelOf(c: RoleCandidate): string {
  return c.features
    .map((f) => f.id)
    .filter((id) => !RANK_FEATURES.has(id))
    .sort()
    .join(' ');
}

/**
 * Roles whose second statement is usually the same quantity again. Not 自评得分: a report of several
 * projects states a score for each, in the same words.
 */
const RESTATED_ROLES = new Set(['budget', 'budgetInitial', 'execution', 'executionRate']);

export function checkRoleTies(record: ReportRecord): CheckResult[] {
  // A document with forms states each form's own figures in the same words (信访 决算: four projects).
  if (record.forms.length > 0 || record.report.documentKind === 'final_accounts') return [];
  const results: CheckResult[] = [];
  for (const spec of ROLES.filter((r) => RESTATED_ROLES.has(r.id))) {
    const tied = tiedCandidates(record, spec.id);
    const first = tied[0];
    if (!first) continue;
    const label = labelOf(first);
    // When the rate broke the tie, extraction already took both for this role: their labels may differ.
    const brokenByRate = record.roles.find((r) => r.role === spec.id)?.reason === 'tie_broken_by_rate';
    const alike = tied.filter((c) => brokenByRate || labelOf(c) === label);
    const reference = intervalOfFigure(first.figure);
    const differing = alike.find((c) => !intervalsMeet(intervalOfFigure(c.figure, first.figure.scale), reference) && isClose(c.figure, first.figure));
    if (!differing) continue;
    const figures: Figure[] = [first.figure, differing.figure];
    const actual = intervalOfFigure(differing.figure, first.figure.scale);
    const p = first.figure.precision;
    results.push(
      makeResult({
        rule: 'restated',
        status: 'warn',
        certainty: 'possible',
        expected: reference,
        actual,
        unit: first.figure.unit,
        zh: `${spec.zh}两处所报不同：${first.figure.text}（区间 ${showInterval(reference, p)}）与 ${differing.figure.text}（区间 ${showInterval(actual, p)}）`,
        en: `The ${spec.id} is stated twice with different values: ${first.figure.text} (interval ${showInterval(reference, p)}) and ${differing.figure.text} (interval ${showInterval(actual, p)})`,
        evidence: figures.map((f, i) => evidenceOfFigure(i === 0 ? 'statement' : 'restatement', f)),
        detail: { role: spec.id, features: label },
      }),
    );
  }
  return results;
}
