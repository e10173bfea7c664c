import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper of `npm run eval`
import { compareDocument, loadDocumentLabels } from '../../scripts/eval-documents.mjs';

type Fig = { text: string; value: number } | null;
type LabelForm = { formKind: string; projectName: string | null; budget: Fig; execution: Fig; executionRate: Fig; totalScore: Fig; pageStart: number | null };
type Label = {
  id: string;
  documentKind: string;
  report: { department: string | null; fiscalYear: number | null };
  headline: Record<string, Fig>;
  forms: LabelForm[];
  parts: Array<{ kind: string; title: string; table?: string; pageStart: number | null; pageEnd: number | null }>;
};
type Counts = { tp: number; fp: number; fn: number };
type Comparison = { forms: Counts; money: Counts; headline: Counts; kindRight: boolean; partsFound: number; partsLabelled: number; errors: string[] };

const labels = loadDocumentLabels(process.cwd()) as Array<{ id: string; label: Label }>;
const labelOf = (id: string) => labels.find((l) => l.id === id)!.label;
const figure = (f: Fig) => (f ? { value: f.value, text: f.text } : null);

/** A record that says exactly what the label says (the shape eval-documents reads). */
function recordFrom(label: Label) {
  return {
    report: { documentKind: label.documentKind, department: label.report.department, fiscalYear: label.report.fiscalYear },
    figures: Object.fromEntries(Object.entries(label.headline).map(([k, v]) => [k, figure(v)])),
    forms: label.forms.map((f) => ({
      formKind: f.formKind,
      projectName: f.projectName,
      budget: figure(f.budget),
      execution: figure(f.execution),
      executionRate: figure(f.executionRate),
      totalScore: figure(f.totalScore),
    })),
    parts: label.parts.map((p) => ({ kind: p.kind, title: p.title, table: p.table ?? null, pageStart: p.pageStart, pageEnd: p.pageEnd })),
  };
}

describe('whole-document labels (fixtures/expected/documents)', () => {
  it('pass their own validator: shape, values against quoted text, every form sum redone exactly', () => {
    const out = execFileSync('node', ['fixtures/expected/documents/validate.mjs'], { encoding: 'utf8' });
    expect(out).toMatch(/\b0 problems/u);
  });

  it('label the six realpdf 决算 and the constructed shapes', () => {
    expect(labels.filter((l) => l.id.startsWith('constructed-')).length).toBeGreaterThanOrEqual(6);
    const xinfang = labelOf('xinfang-2024');
    expect(xinfang.forms.map((f) => f.projectName)).toEqual(['信访干部培训专项', '信访研究宣传立法专项', '资产运行维护', '信息化运行维护']);
    expect(Object.values(xinfang.headline).every((v) => v === null)).toBe(true);
  });
});

describe('compareDocument (scripts/eval-documents.mjs)', () => {
  it('scores a record that matches its label as all found, nothing false', () => {
    const label = labelOf('constructed-final-accounts-with-forms');
    const r = compareDocument(recordFrom(label), label) as Comparison;
    expect(r.forms).toEqual({ tp: 4, fp: 0, fn: 0 });
    expect(r.money).toEqual({ tp: 12, fp: 0, fn: 0 });
    expect(r.headline).toEqual({ tp: 5, fp: 0, fn: 0 });
    expect(r.kindRight).toBe(true);
    expect(r.partsFound).toBe(r.partsLabelled);
  });

  it('counts an empty 年初预算数 shift (budget read from the execution column) as wrong money', () => {
    const label = labelOf('constructed-form-empty-initial-budget');
    const record = recordFrom(label);
    record.forms[0]!.budget = { value: 4135700, text: '413.57' };
    const r = compareDocument(record, label) as Comparison;
    expect(r.money).toEqual({ tp: 2, fp: 1, fn: 1 });
    expect(r.forms.tp).toBe(1);
  });

  it('counts a form found by name with the wrong score as missed and false, and headline figures of a 决算 without a department form as false', () => {
    const label = labelOf('xinfang-2024');
    const record = recordFrom(label);
    record.forms[3]!.totalScore = { value: 88.5, text: '88.5' };
    record.figures.selfScore = { value: 94.7, text: '94.7' };
    const r = compareDocument(record, label) as Comparison;
    expect(r.forms).toEqual({ tp: 3, fp: 1, fn: 1 });
    expect(r.headline).toEqual({ tp: 0, fp: 1, fn: 0 });
  });

  it('finds no parts and no kind in a record without them (the baseline before parts land)', () => {
    const label = labelOf('putuo-finance-2024');
    const r = compareDocument({ report: { documentKind: 'other' }, figures: {}, forms: [], parts: [] }, label) as Comparison;
    expect(r.partsFound).toBe(0);
    expect(r.partsLabelled).toBe(25);
    expect(r.kindRight).toBe(false);
  });
});
