import type { Figure, ReportRecord } from './record.js';

/** One money/rate/score figure of a record with the field it fills: the long form of the figures. */
export interface RecordFigure {
  /** budget, execution, byFunction, project.budget, … */
  field: string;
  /** Item name for named amounts and projects; null for top-level figures. */
  item: string | null;
  code: string | null;
  figure: Figure;
}

/** The record's figures in a fixed order (the store's figures table and the figures export use it). */
export function listRecordFigures(record: ReportRecord): RecordFigure[] {
  const out: RecordFigure[] = [];
  const add = (field: string, figure: Figure | null | undefined, item: string | null = null, code: string | null = null) => {
    if (figure) out.push({ field, item, code, figure });
  };
  const { figures } = record;
  add('budget', figures.budget);
  add('budgetInitial', figures.budgetInitial);
  add('execution', figures.execution);
  add('executionRate', figures.executionRate);
  add('selfScore', figures.selfScore);
  for (const field of ['byFunction', 'byNature', 'fundSources'] as const) {
    for (const named of figures[field]) add(field, named.amount, named.name, named.code ?? null);
  }
  for (const project of figures.projects) {
    add('project.budget', project.budget, project.name);
    add('project.budgetInitial', project.budgetInitial, project.name);
    add('project.execution', project.execution, project.name);
    add('project.executionRate', project.executionRate, project.name);
  }
  return out;
}
