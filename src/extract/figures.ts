/**
 * The record's figures from located numbers, in two steps:
 * 1. named amounts (byFunction, byNature, fundSources, projects): `NAMED_RULES` (roles/rules.ts),
 *    run by one engine (roles/assign.ts `nameAmounts`), name an amount by the row or clause it
 *    stands in; the numbers they take are parts, never a headline figure;
 * 2. headline roles (budget, budgetInitial, execution, executionRate, selfScore): every amount,
 *    percent and score is a candidate, scored by named features and decided by one engine
 *    (roles/assign.ts), which records its ranking in `roles`.
 */
import type { SourceDocument } from '../ingest/document.js';
import type { Figure, NamedAmount, Project, ReportKind, RoleDecision } from '../schema/record.js';
import type { Segmentation } from '../segment/segment.js';
import type { LocatedNumber } from './locate.js';
import { asPoints, assignRoles, nameAmounts } from './roles/assign.js';
import { findCandidates, fundOfProjectField, fundOfTitle, isImpliedMoney, toFigure } from './roles/candidates.js';

export { asPoints, isImpliedMoney, toFigure };

export interface ExtractedFigures {
  budget: Figure | null;
  budgetInitial: Figure | null;
  execution: Figure | null;
  executionRate: Figure | null;
  selfScore: Figure | null;
  byFunction: NamedAmount[];
  byNature: NamedAmount[];
  fundSources: NamedAmount[];
  projects: Project[];
  /** 预算执行 part of a 自评表's fund table: its 分值 and 得分 (points). */
  budgetExecutionWeight?: Figure | null;
  budgetExecutionScore?: Figure | null;
  /** Several different self scores in one sentence: no single one is the report's. */
  selfScoreAmbiguous?: boolean;
  /** How each headline role was decided (record.roles). */
  roles: RoleDecision[];
}

/**
 * The record's figures from located numbers: named amounts by their rules, headline figures by the
 * roles engine. A wrong figure is worse than a missing one: a role abstains when its candidates
 * are weak or tied.
 */
export function extractFigures(doc: SourceDocument, seg: Segmentation, numbers: LocatedNumber[], kind: ReportKind, title: string | null = null): ExtractedFigures {
  const candidates = findCandidates(doc, seg, numbers, kind, new Map(), new Map(), fundOfTitle(title) || fundOfProjectField(doc.text));
  const byStart = new Map(candidates.map((c) => [c.number.start, c] as const));
  const named = nameAmounts(doc, seg, numbers, kind, byStart, title);
  for (const c of candidates) {
    const rule = named.named.get(c.number.start);
    if (rule) c.namedAs = rule;
    const whole = named.wholes.get(c.number.start);
    if (whole) c.wholeAs = whole;
  }
  const { figures, decisions } = assignRoles(candidates);
  const scoreDecision = decisions.find((d) => d.role === 'selfScore');
  const selfScoreAmbiguous = scoreDecision?.reason === 'abstained_tie';
  return {
    ...figures,
    byFunction: named.byFunction,
    byNature: named.byNature,
    fundSources: named.fundSources,
    projects: named.projects,
    ...(named.budgetExecutionWeight ? { budgetExecutionWeight: named.budgetExecutionWeight } : {}),
    ...(named.budgetExecutionScore ? { budgetExecutionScore: named.budgetExecutionScore } : {}),
    ...(selfScoreAmbiguous ? { selfScoreAmbiguous } : {}),
    roles: decisions,
  };
}
