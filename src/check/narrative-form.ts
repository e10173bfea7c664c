/**
 * Narrative against form (issue 16, design "Checks"): the same project's budget, execution, rate or
 * score stated in the narrative and on its 自评表, or on its form and in a 项目名称 | 自评分数 summary
 * table, must agree. Projects are matched by name: the same name once spacing, quotes and a trailing
 * 项目/经费/专项 are set aside is `definite`; one name inside the other is `possible`.
 * Never one project's figures against the department's totals.
 */
import type { CheckResult, Figure, Form, ReportRecord } from '../schema/record.js';
import type { Certainty } from './result.js';
import { PROJECT_FIELDS, compareStatements } from './restated-checks.js';

/** What a project name carries besides the project: quotes, brackets' content, spacing, suffixes. */
function nameKey(name: string): string {
  return name
    .replace(/[\s“”"「」《》‘’']/gu, '')
    .replace(/(?:绩效自评表|自评表|项目支出|项目|经费|专项|资金)+$/u, '');
}

/** How surely two project names name one project, or null when they do not. */
function matchNames(a: string, b: string): Certainty | null {
  const x = nameKey(a);
  const y = nameKey(b);
  if (x.length < 2 || y.length < 2) return null;
  if (x === y) return 'definite';
  return x.includes(y) || y.includes(x) ? 'possible' : null;
}

function compare(name: string, zh: string, en: string, figures: (Figure | null | undefined)[], detail: Record<string, unknown>, certainty: Certainty, part: string) {
  const stated = figures.filter((f): f is Figure => !!f);
  const r = compareStatements({ zh: `项目「${name}」${zh}`, en: `The ${en} of project "${name}"` }, stated, detail, certainty);
  if (r) r.part = part;
  return r;
}

function isProjectForm(f: Form): f is Form & { projectName: string } {
  return f.formKind === 'project' && f.projectName !== null && f.projectName.trim() !== '';
}

export function checkNarrativeAgainstForms(record: ReportRecord): CheckResult[] {
  const results: CheckResult[] = [];
  const forms = record.forms.filter(isProjectForm);
  const full = forms.filter((f) => f.source !== 'score_table');
  // The narrative's projects against each project's form.
  for (const form of full) {
    for (const project of record.figures.projects) {
      const certainty = matchNames(project.name, form.projectName);
      if (!certainty) continue;
      for (const { field, zh, en } of PROJECT_FIELDS) {
        const r = compare(form.projectName, zh, en, [project[field], form[field]], { project: form.projectName, field, form: form.id, narrative: project.name }, certainty, form.id);
        if (r) results.push(r);
      }
      // The narrative's 自评得分 for the project against the form's 总分.
      const score = compare(form.projectName, '自评得分', 'self-evaluation score', [project.selfScore, form.totalScore], { project: form.projectName, field: 'totalScore', form: form.id, narrative: project.name }, certainty, form.id);
      if (score) results.push(score);
    }
  }
  // A summary table's score against the project's own form.
  for (const row of forms.filter((f) => f.source === 'score_table')) {
    for (const form of full) {
      const certainty = matchNames(row.projectName, form.projectName);
      if (!certainty) continue;
      const r = compare(form.projectName, '自评得分', 'self-evaluation score', [row.totalScore, form.totalScore], { project: form.projectName, field: 'totalScore', form: form.id, scoreTable: row.id }, certainty, form.id);
      if (r) results.push(r);
    }
  }
  return results;
}
