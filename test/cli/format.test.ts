/** What `jixiao extract` prints for a document with many forms: one aligned line per form. */
import { describe, expect, it } from 'vitest';
import { displayWidth, fitColumns, formatChecks, formatRecord } from '../../src/cli/format.js';
import type { Form } from '../../src/schema/record.js';
import { sampleRecord } from '../store/sample-record.js';

/** A 171-page 决算 shape: the sample's department form and 87 project forms after it, two pages each. */
function finalAccounts() {
  const record = sampleRecord();
  record.source.pages = 171;
  record.report.documentKind = 'final_accounts';
  const project = record.forms[1]!;
  const forms: Form[] = [record.forms[0]!];
  for (let i = 0; i < 87; i++) {
    forms.push({
      ...project,
      id: `form:${i + 2}`,
      part: `self_evaluation_form:${i + 2}`,
      projectName: i === 5 ? '寻甸回族彝族自治县农村人居环境整治暨乡村振兴示范村建设专项资金项目' : `项目${i + 1}`,
      pageStart: 2 * i + 5,
      pageEnd: 2 * i + 6,
    });
  }
  record.forms = forms;
  return record;
}

describe('formatRecord', () => {
  it('prints a 决算 with 88 forms as a compact table: one line each, columns aligned for CJK', () => {
    const text = formatRecord(finalAccounts());
    expect(text).toContain('document:    final_accounts');
    expect(text).toContain('forms:       88 (1 department, 87 project)');
    const lines = text.split('\n');
    const header = lines.findIndex((line) => /^\s+#\s+pages\s+kind\s+project/u.test(line));
    expect(header).toBeGreaterThan(0);
    const rows = lines.slice(header + 1, header + 89);
    expect(rows).toHaveLength(88);
    // Every row the same width up to the score column, whatever the project name's length.
    const widths = rows.map((row) => displayWidth(row.slice(0, row.indexOf('万元') + 2)));
    expect(new Set(widths.slice(1)).size).toBe(1);
    expect(rows.every((row) => displayWidth(row) <= 120)).toBe(true);
    expect(rows[0]).toMatch(/1\s+5\s+dept\s+\(部门整体\)\s+890\.33万元\s+714\.07万元\s+80\.2%\s+91\.28\s+优/u);
    expect(rows[6]).toContain('寻甸回族彝族自治县农村人居… ');
    expect(rows[1]).toMatch(/2\s+5–6\s+proj\s+项目1\s+25万元\s+24\.99万元\s+99\.96%\s+95\.5\s+✓/u);
  });

  it('shows money one way: the printed unit with thousands separators', () => {
    const record = sampleRecord();
    record.figures.budget = { ...record.figures.budget!, text: '1234.56', exact: '12345600', value: 12345600 };
    record.figures.execution = { ...record.figures.execution!, text: '29.6万', unit: '', kind: 'plain', exact: '296000', value: 296000 };
    const text = formatRecord(record);
    expect(text).toContain('budget:      1,234.56万元 (p.1)');
    expect(text).toContain('execution:   29.6万 (p.1)');
  });

  it('names the form a check was run within', () => {
    expect(formatChecks(sampleRecord())).toContain('execution_rate [form:2]:');
  });

  it('shows a possible failure but counts only definite ones (issue 16: certainty)', () => {
    const record = sampleRecord();
    const fail = { ...record.checks[0]!, status: 'fail' as const };
    record.checks = [{ ...fail, certainty: 'possible' }];
    const possibleOnly = formatChecks(record);
    expect(possibleOnly).toContain('(possible)');
    expect(possibleOnly).toMatch(/: ok — \d+ pass, 0 fail \(\+1 possible\)/u);
    record.checks = [{ ...fail, certainty: 'definite' }];
    expect(formatChecks(record)).toMatch(/: FAIL — \d+ pass, 1 fail,/u);
  });
});

describe('fitColumns', () => {
  it('cuts and pads by terminal columns', () => {
    expect(fitColumns('项目', 6)).toBe('项目  ');
    expect(fitColumns('党建工委工作经费', 7)).toBe('党建工…');
    expect(displayWidth(fitColumns('党建工委工作经费', 7))).toBe(7);
  });
});
