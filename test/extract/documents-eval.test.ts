import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';
// @ts-expect-error plain ESM helper of `npm run eval`
import { compareDocument, evaluateDocuments, loadDocumentLabels } from '../../scripts/eval-documents.mjs';

type Fig = { text: string; value: number } | null;
type LabelForm = {
  formKind: string;
  projectName: string | null;
  department: string | null;
  implementer: string | null;
  pageStart: number | null;
  pageEnd: number | null;
  budgetInitial: Fig;
  budget: Fig;
  execution: Fig;
  executionRate: Fig;
  budgetExecutionWeight: Fig;
  budgetExecutionScore: Fig;
  totalScore: Fig;
  grade: string | null;
  fundRows: Array<{ name: string; budgetInitial: Fig; budget: Fig; execution: Fig }>;
  indicators: Array<{ level3: string; weight: Fig; score: Fig }>;
  source?: string;
};
type Label = {
  id: string;
  documentKind: string;
  report: { department: string | null; fiscalYear: number | null };
  headline: Record<string, Fig>;
  forms: LabelForm[];
  parts: Array<{ kind: string; title: string; table?: string; pageStart: number | null; pageEnd: number | null; unit: string | null }>;
};
type Counts = { tp: number; fp: number; fn: number };
type Comparison = { forms: Counts; money: Counts; headline: Counts; details: { right: number; labelled: number }; kindRight: boolean; partsFound: number; unitsRight: number; partsLabelled: number; falseAlarms: number; errors: string[] };

const labels = loadDocumentLabels(process.cwd()) as Array<{ id: string; label: Label }>;
const labelOf = (id: string) => labels.find((l) => l.id === id)!.label;
const figure = (f: Fig) => (f ? { value: f.value, text: f.text } : null);

/** A record that says exactly what the label says (the shape eval-documents reads). */
function recordFrom(label: Label) {
  return {
    report: { documentKind: label.documentKind, department: label.report.department, fiscalYear: label.report.fiscalYear },
    figures: Object.fromEntries(Object.entries(label.headline).map(([k, v]) => [k, figure(v)])),
    forms: label.forms.map((f) => ({
      ...f,
      // 主管部门 as printed, with its budget code
      department: f.department === null ? null : `[292] ${f.department}`,
      budgetInitial: figure(f.budgetInitial),
      budget: figure(f.budget),
      execution: figure(f.execution),
      executionRate: figure(f.executionRate),
      budgetExecutionWeight: figure(f.budgetExecutionWeight),
      budgetExecutionScore: figure(f.budgetExecutionScore),
      totalScore: figure(f.totalScore),
      fundRows: f.fundRows.map((r) => ({ name: r.name, budgetInitial: figure(r.budgetInitial), budget: figure(r.budget), execution: figure(r.execution) })),
    })),
    parts: label.parts.map((p) => ({ kind: p.kind, title: p.title, table: p.table ?? null, pageStart: p.pageStart, pageEnd: p.pageEnd, unit: p.unit })),
    checks: [] as Array<{ rule: string; status: string; evidence: Array<{ text: string }> }>,
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
    expect(r.details.labelled).toBeGreaterThan(40);
    expect(r.details.right).toBe(r.details.labelled);
    expect(r.kindRight).toBe(true);
    expect(r.partsFound).toBe(r.partsLabelled);
    expect(r.unitsRight).toBe(r.partsFound);
    expect(r.falseAlarms).toBe(0);
  });

  it('counts a failed check as a false alarm unless a labelled slip names a figure it used', () => {
    const clean = labelOf('constructed-department-budget');
    const record = recordFrom(clean);
    record.checks = [
      { rule: 'execution_rate', status: 'fail', evidence: [{ text: '2946.25' }] },
      { rule: 'sum.by_function', status: 'pass', evidence: [] },
    ];
    expect((compareDocument(record, clean) as Comparison).falseAlarms).toBe(1);
    const withSlips = labelOf('xinfang-2024');
    const r2 = recordFrom(withSlips);
    r2.checks = [
      { rule: 'narrative.form_score', status: 'fail', evidence: [{ text: '88.5分' }, { text: '90.5' }] },
      { rule: 'sum.by_function', status: 'fail', evidence: [{ text: '180.03' }, { text: '32' }] },
    ];
    const r = compareDocument(r2, withSlips) as Comparison & { slipsCaught: number };
    expect(r.falseAlarms).toBe(1);
    expect(r.slipsCaught).toBe(1);
    // a slip without figures explains the checks of its rule id (or of its alsoRules)
    const template = labelOf('final-accounts-template');
    const r3 = recordFrom(template);
    r3.checks = [{ rule: 'hygiene.placeholder', status: 'fail', evidence: [{ text: 'XX' }] }];
    expect((compareDocument(r3, template) as Comparison).falseAlarms).toBe(0);
  });

  it('counts an empty 年初预算数 shift (budget read from the execution column) as wrong money', () => {
    const label = labelOf('constructed-form-empty-initial-budget');
    const record = recordFrom(label);
    record.forms[0]!.budget = { value: 4135700, text: '413.57' };
    const r = compareDocument(record, label) as Comparison;
    expect(r.money).toEqual({ tp: 2, fp: 1, fn: 1 });
    expect(r.forms.tp).toBe(1);
    // an initial budget read into the blank 年初预算数 cell is a wrong detail
    record.forms[0]!.budgetInitial = { value: 5362000, text: '536.2' };
    const shifted = compareDocument(record, label) as Comparison;
    expect(shifted.details.right).toBe(shifted.details.labelled - 1);
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

  it('pairs the score-table row and the form of one project each with its own label, whatever their order', () => {
    const label = labelOf('constructed-final-accounts-score-table-and-forms');
    const record = recordFrom(label);
    record.forms.reverse();
    const r = compareDocument(record, label) as Comparison;
    expect(r.forms).toEqual({ tp: 8, fp: 0, fn: 0 });
    expect(r.money).toEqual({ tp: 12, fp: 0, fn: 0 });
  });

  it('finds no parts and no kind in a record without them (the baseline before parts land)', () => {
    const label = labelOf('putuo-finance-2024');
    const r = compareDocument({ report: { documentKind: 'other' }, figures: {}, forms: [], parts: [] }, label) as Comparison;
    expect(r.partsFound).toBe(0);
    expect(r.partsLabelled).toBe(25);
    expect(r.kindRight).toBe(false);
  });
});

describe('constructed labels against the generator (fixtures/constructed/make-constructed.mjs)', () => {
  type GenForm = { name: string; money: { total: string[]; funds: string[][] }; indicators: string[][]; total: string[] };
  it('state the figures the documents were generated from', async () => {
    // @ts-expect-error plain ESM generator; importing it writes nothing
    const gen = (await import('../../fixtures/constructed/make-constructed.mjs')) as {
      XINFANG_FORMS: Record<string, GenForm>;
      DEPARTMENT_FORM: Omit<GenForm, 'name'> & { grade: string };
      CHONGQING_INDICATORS: string[][];
      SCORE_ROWS: string[][];
    };
    const text = (f: Fig) => (f ? f.text : null);
    let compared = 0;
    for (const { id, label } of labels.filter((l) => l.id.startsWith('constructed-'))) {
      for (const form of label.forms) {
        if (form.source === 'score_table') {
          expect(gen.SCORE_ROWS.find((r) => r[1] === form.projectName)?.[2], id).toBe(text(form.totalScore));
          continue;
        }
        if (id.includes('chongqing')) {
          expect(form.indicators.map((i) => [i.level3, text(i.weight), text(i.score)])).toEqual(gen.CHONGQING_INDICATORS.map((r) => [r[0], r[7], r[8]]));
          continue;
        }
        const g = form.formKind === 'department_overall' ? { ...gen.DEPARTMENT_FORM, name: '部门整体' } : Object.values(gen.XINFANG_FORMS).find((f) => f.name === form.projectName)!;
        const [initial, budget, execution, weight, rate, score] = g.money.total;
        const where = `${id} ${g.name}`;
        expect(text(form.budgetInitial), where).toBe(id.includes('empty-initial') ? null : initial);
        expect([text(form.budget), text(form.execution), text(form.executionRate)], where).toEqual([budget, execution, rate]);
        expect([text(form.budgetExecutionWeight), text(form.budgetExecutionScore), text(form.totalScore)], where).toEqual([weight, score, g.total[1]]);
        expect(form.fundRows.map((r) => [r.name, id.includes('empty-initial') ? null : text(r.budgetInitial), text(r.budget), text(r.execution)]), where).toEqual(
          g.money.funds.map(([name, a, b, c]) => [name, id.includes('empty-initial') ? null : a, b, c]),
        );
        expect(form.indicators.map((i) => [i.level3, text(i.weight), text(i.score)]), where).toEqual(g.indicators.map((r) => [r[2], r[5], r[6]]));
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(20);
  });
});

describe('whole-document accuracy (npm run eval, fixtures/expected/documents)', () => {
  type Total = { n: number; forms: Counts; money: Counts; headline: Counts; kindByLabel: Record<string, [number, number]>; parts: number; partsLabelled: number; cleanWithAlarm: number };
  const p = (c: Counts) => c.tp / (c.tp + c.fp);
  const r = (c: Counts) => c.tp / (c.tp + c.fn);
  it('keeps forms, their money, the headline, document kind and parts at their floors', async () => {
    const { groups } = (await evaluateDocuments({ analyzeBytes, log: () => {} })) as { groups: Record<string, Total> };
    const sum = (a: Counts, b: Counts) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
    // The real 决算 and our generator's constructed documents, the 29 the first floors were set on.
    const earlier = {
      n: groups.real!.n + groups.constructed!.n,
      forms: sum(groups.real!.forms, groups.constructed!.forms),
      money: sum(groups.real!.money, groups.constructed!.money),
      headline: sum(groups.real!.headline, groups.constructed!.headline),
      parts: groups.real!.parts + groups.constructed!.parts,
      partsLabelled: groups.real!.partsLabelled + groups.constructed!.partsLabelled,
    };
    expect(earlier.n).toBeGreaterThanOrEqual(23);
    // The bar (forms and their money ≥ 90%, headline precision ≥ 0.95, kind right on budgets
    // and target declarations, no failed check where the arithmetic holds), raised to what was
    // measured at 55acca5: forms 50/50, money 102/0/0, headline 58/0/0, kind 29/29, parts 228/231.
    // Floors may rise, never fall.
    expect(p(earlier.forms)).toBeGreaterThanOrEqual(0.95);
    expect(r(earlier.forms)).toBeGreaterThanOrEqual(0.95);
    expect(p(earlier.money)).toBeGreaterThanOrEqual(0.98);
    expect(r(earlier.money)).toBeGreaterThanOrEqual(0.95);
    expect(p(earlier.headline)).toBeGreaterThanOrEqual(0.95);
    expect(r(earlier.headline)).toBeGreaterThanOrEqual(0.95);
    expect(earlier.parts / earlier.partsLabelled).toBeGreaterThanOrEqual(0.97);
    // Real layouts retyped (fixtures/retyped), as measured on the forms branch: forms 15/0/0, money
    // 44/0/0, headline 12/0/0; printed without rules (no cells reach the reader): forms 8/1/5, money
    // 19/3/19, headline 9/2/3 — the weak point, whose floors only say it must not fall further.
    const retyped = groups.retyped!;
    expect([retyped.forms.tp, retyped.forms.fp, retyped.money.fp, retyped.headline.fp]).toEqual([15, 0, 0, 0]);
    expect(retyped.money.tp).toBeGreaterThanOrEqual(44);
    expect(retyped.headline.tp).toBeGreaterThanOrEqual(12);
    const unruled = groups['retyped-unruled']!;
    expect(unruled.forms.tp).toBeGreaterThanOrEqual(8);
    expect(unruled.money.tp).toBeGreaterThanOrEqual(19);
    expect(unruled.money.fp).toBeLessThanOrEqual(3);
    expect(unruled.headline.fp).toBeLessThanOrEqual(2);
    const all = groups.all!;
    for (const kind of ['budget', 'target_declaration']) {
      const [right, of] = all.kindByLabel[kind]!;
      expect(right, kind).toBe(of);
    }
    expect(all.cleanWithAlarm).toBe(0);
  }, 300_000);
});
