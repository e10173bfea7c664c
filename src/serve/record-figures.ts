/**
 * Every figure of a record with a stable field id, so the page can link a field to its place in
 * the source text and back. Ids are paths into `record.figures` (`budget`, `byFunction.2`,
 * `projects.0.execution`, `indicators.4.score`); HTML ids replace the dots.
 */
import type { Evidence, ReportRecord } from '../schema/record.js';

export interface FigureRef {
  /** Path into record.figures. */
  id: string;
  /** Group the field belongs to: top, byFunction, byNature, fundSources, projects, counts, indicators. */
  group: string;
  text: string;
  evidence: Evidence;
}

export function collectFigures(record: ReportRecord): FigureRef[] {
  const out: FigureRef[] = [];
  const f = record.figures;
  for (const key of ['budget', 'budgetInitial', 'execution', 'executionRate', 'selfScore'] as const) {
    const fig = f[key];
    if (fig) out.push({ id: key, group: 'top', text: fig.text, evidence: fig.evidence });
  }
  for (const group of ['byFunction', 'byNature', 'fundSources'] as const) {
    f[group].forEach((item, i) => out.push({ id: `${group}.${i}`, group, text: item.amount.text, evidence: item.amount.evidence }));
  }
  f.projects.forEach((project, i) => {
    for (const key of ['budget', 'budgetInitial', 'execution', 'executionRate'] as const) {
      const fig = project[key];
      if (fig) out.push({ id: `projects.${i}.${key}`, group: 'projects', text: fig.text, evidence: fig.evidence });
    }
  });
  f.counts.forEach((count, i) => out.push({ id: `counts.${i}`, group: 'counts', text: count.text, evidence: count.evidence }));
  f.indicators.forEach((indicator, i) => {
    if (indicator.weight) out.push({ id: `indicators.${i}.weight`, group: 'indicators', text: indicator.weight.text, evidence: indicator.weight.evidence });
    if (indicator.score) out.push({ id: `indicators.${i}.score`, group: 'indicators', text: indicator.score.text, evidence: indicator.score.evidence });
  });
  return out;
}

/** The HTML id of a field's row or cell. */
export function fieldHtmlId(id: string): string {
  return `field-${id.replace(/\./gu, '-')}`;
}

/** The key of a span of the normalized text. */
export function spanKey(evidence: Pick<Evidence, 'start' | 'end'>): string {
  return `${evidence.start}-${evidence.end}`;
}
