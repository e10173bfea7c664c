/**
 * The mutated 自评表 copies of fixtures/mutated-forms/ (issue 16): real forms re-typeset as DOCX, XLSX
 * and PDF, unedited, with one relation-breaking edit each, and with rounding-neutral edits. Each copy
 * is read through the whole pipeline; a breaking edit is caught when a definite failed check cites the
 * edited figure as printed; an unedited or neutral copy must have no definite failed check. Shared by
 * test/check/mutated-forms.test.ts and scripts/mutation-report.js.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult } from '../../src/schema/record.js';
import type { AnalyzeFn } from './mutate.js';

export const FORMATS = ['docx', 'xlsx', 'pdf'] as const;
export type CopyFormat = (typeof FORMATS)[number];

/** One entry of fixtures/mutated-forms/manifest.json. */
export interface MutatedCopy {
  name: string;
  form: string;
  /** The form's layout: central (财政部 template), yunnan (t072 as published), chongqing (r41). */
  layout: string;
  project: string;
  source: string;
  /** `unedited`, a breaking edit (execution, budget, rate …) or `neutral_*`. */
  edit: string;
  zh?: string;
  breaks: boolean;
  /** The edited cell's new text as printed ("162.03", "95.00%"); null for the unedited copy. */
  cites: string | null;
}

export interface CopyResult {
  copy: MutatedCopy;
  format: CopyFormat;
  /** Breaking edit: a definite failed check cites the edited figure. Other copies: no definite fail. */
  ok: boolean;
  /** Definite failed checks (rule and message), for the report. */
  failed: CheckResult[];
}

export function loadManifest(root: string): MutatedCopy[] {
  return JSON.parse(readFileSync(join(root, 'fixtures/mutated-forms/manifest.json'), 'utf8')) as MutatedCopy[];
}

/** A check's evidence text names the printed figure: "162.03" matches "162.03" and "162.03万元", not "162.035". */
export function cites(check: CheckResult, printed: string): boolean {
  return check.evidence.some((e) => e.text === printed || (e.text.startsWith(printed) && !/^[\d.%]/.test(e.text.slice(printed.length))));
}

export async function runCopy(root: string, copy: MutatedCopy, format: CopyFormat, analyze: AnalyzeFn): Promise<CopyResult> {
  const fileName = `${copy.name}.${format}`;
  const { record } = await analyze(readFileSync(join(root, 'fixtures/mutated-forms', fileName)), { fileName });
  const failed = record.checks.filter((c) => c.status === 'fail' && (c.certainty ?? 'definite') === 'definite');
  const ok = copy.breaks ? failed.some((c) => copy.cites !== null && cites(c, copy.cites)) : failed.length === 0;
  return { copy, format, ok, failed };
}

export async function runAll(root: string, analyze: AnalyzeFn): Promise<CopyResult[]> {
  const out: CopyResult[] = [];
  for (const copy of loadManifest(root)) for (const format of FORMATS) out.push(await runCopy(root, copy, format, analyze));
  return out;
}

/** The table: one row per edit, one column per format, each cell "caught / copies" (or "quiet / copies"). */
export function formatCopyTable(results: readonly CopyResult[]): string {
  const edits = [...new Set(results.map((r) => r.copy.edit))];
  const lines = [`| edit | ${FORMATS.join(' | ')} |`, `|---|${FORMATS.map(() => '---:').join('|')}|`];
  for (const edit of edits) {
    const rows = results.filter((r) => r.copy.edit === edit);
    const word = rows[0]!.copy.breaks ? 'caught' : 'quiet';
    const cell = (f: CopyFormat) => {
      const inFormat = rows.filter((r) => r.format === f);
      return `${inFormat.filter((r) => r.ok).length}/${inFormat.length} ${word}`;
    };
    lines.push(`| ${edit} | ${FORMATS.map(cell).join(' | ')} |`);
  }
  const breaking = results.filter((r) => r.copy.breaks);
  const clean = results.filter((r) => !r.copy.breaks);
  lines.push(
    `breaking edits caught: ${breaking.filter((r) => r.ok).length} of ${breaking.length}; unedited and neutral copies with no definite fail: ${clean.filter((r) => r.ok).length} of ${clean.length}`,
  );
  return lines.join('\n');
}

/** One line per copy that is not ok, with the definite fails it raised. */
export function listMisses(results: readonly CopyResult[]): string[] {
  return results
    .filter((r) => !r.ok)
    .map(
      (r) =>
        `  ${r.copy.breaks ? 'MISS ' : 'ALARM'} ${r.copy.name}.${r.format}${r.copy.cites ? ` (edited to ${r.copy.cites})` : ''}: ${
          r.failed.map((c) => `${c.rule}: ${c.message.zh}`).join(' | ') || 'no definite fail'
        }`,
    );
}
