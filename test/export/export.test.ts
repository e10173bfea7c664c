/**
 * Round trips: stored fixtures → each format → read back with an independent reader (SheetJS for
 * CSV and XLSX, hyparquet for Parquet, JSON.parse for JSONL) → the same rows, money to the fen,
 * Chinese intact.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import XLSX from '@e965/xlsx';
import { runExport, type ExportOptions } from '../../src/export/export.js';
import { TABLES } from '../../src/export/tables.js';
import { openStore } from '../../src/store/open-store.js';
import type { InspectableStore } from '../../src/store/store.js';
import { fixtureReports, HUADU_KEY, saveFixtures, XUNDIAN_KEY, type FixtureReport } from './fixtures.js';

let store: InspectableStore;
let dir: string;
let fixtures: FixtureReport[];

beforeAll(async () => {
  store = await openStore({});
  fixtures = await saveFixtures(store, fixtureReports());
  await store.recordError({ fileName: '损坏的报告.pdf', code: 'corrupt_file', message: '无法解析 xref', disposition: 'permanent' });
  dir = await mkdtemp(join(tmpdir(), 'jixiao-export-'));
}, 60_000);

afterAll(async () => {
  await store?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const sha = (fileName: string) => fixtures.find((f) => f.fileName === fileName)!.sha256;

/** Runs an export to stdout and returns what was written. */
async function exportText(options: Omit<ExportOptions, 'stdout' | 'out'>): Promise<string> {
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  await runExport(store, { ...options, stdout });
  return Buffer.concat(chunks).toString('utf8');
}

/** CSV text (BOM already removed) → rows of strings keyed by header, read by SheetJS. */
function readCsv(text: string): Array<Record<string, string>> {
  const workbook = XLSX.read(text, { type: 'string', raw: true });
  const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
  return XLSX.utils.sheet_to_json<Record<string, string>>(sheet, { raw: false, defval: '' });
}

async function readParquet(file: string) {
  const bytes = await readFile(file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return { rows: await parquetReadObjects({ file: buffer }), metadata: parquetMetadata(buffer) };
}

describe('export csv', () => {
  it('writes reports as UTF-8 with a BOM, money exact to the fen, Chinese intact', async () => {
    const text = await exportText({ format: 'csv', tables: ['reports'] });
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const header = text.slice(1, text.indexOf('\n'));
    expect(header.split(',')).toEqual(TABLES.reports.columns.map((column) => column.name));
    expect(header).toContain('budget_yuan');

    const rows = readCsv(text.slice(1));
    expect(rows).toHaveLength(fixtures.length);
    const bySha = new Map(rows.map((row) => [row.sha256, row]));

    const huadu2021 = bySha.get(sha('huadu-2021.pdf'))!;
    expect(huadu2021).toMatchObject({
      department: '中共广州市花都区直属机关工作委员会',
      department_key: HUADU_KEY,
      department_latest: '中国共产党广州市花都区直属机关工委',
      fiscal_year: '2021',
      budget_yuan: '8903300.00',
      execution_yuan: '7140700.00',
      execution_rate_stated: '0.802',
      execution_rate_computed: '0.802028',
      self_score: '91.28',
      checks_failed: '0',
    });
    const huadu2022 = bySha.get(sha('huadu-2022.pdf'))!;
    expect(huadu2022).toMatchObject({ fiscal_year: '2022', budget_yuan: '9000000.00', execution_yuan: '8123456.78', checks_failed: '1' });
    // Beyond a double's 15-16 digits the CSV still prints the exact decimal.
    const xundian2023 = bySha.get(sha('xundian-2023.docx'))!;
    expect(xundian2023).toMatchObject({
      department_key: XUNDIAN_KEY,
      department_latest: '中共寻甸县委办公室',
      budget_yuan: '12345678901.23',
      budget_initial_yuan: '10000000000.00',
      execution_yuan: '12000000000.01',
      execution_rate_stated: '',
      execution_rate_computed: '0.972',
      source_format: 'docx',
    });
    expect(bySha.get(sha('xundian-2024.pdf'))!.budget_yuan).toBe('5000000.05');
    expect(bySha.get(sha('unnamed-2022.pdf'))).toMatchObject({ department: '', department_key: '', department_latest: '' });
  });

  it('quotes commas, quotes and newlines, and defuses formulas', async () => {
    const figures = readCsv((await exportText({ format: 'csv', tables: ['functions'], filter: { year: 2023 } })).slice(1));
    expect(figures).toHaveLength(4);
    expect(figures[0]).toMatchObject({
      code: '201',
      class_name: '一般公共服务支出',
      amount_yuan: '5233900.00',
      quote: '一般公共服务支出523.39万元，占"总支出"的73.3%\n（见表一）',
    });
    const counts = readCsv((await exportText({ format: 'csv', tables: ['counts'], filter: { year: 2023 } })).slice(1));
    expect(counts[0]!.subject).toBe(`'=HYPERLINK("http://x")`);
  });

  it('filters by year, region, kind, failed checks and department across spellings', async () => {
    const shas = async (filter: ExportOptions['filter']) =>
      readCsv((await exportText({ format: 'csv', filter })).slice(1))
        .map((row) => row.sha256)
        .sort();
    expect(await shas({ year: 2022 })).toEqual([sha('huadu-2022.pdf'), sha('unnamed-2022.pdf')].sort());
    expect(await shas({ region: '寻甸' })).toEqual([sha('xundian-2023.docx'), sha('xundian-2024.pdf'), sha('xundian-2024-project.pdf')].sort());
    expect(await shas({ kind: 'project' })).toEqual([sha('xundian-2024-project.pdf')]);
    expect(await shas({ failedChecks: true })).toEqual([sha('huadu-2022.pdf')]);
    // A key, a stated name of another year, or a canonical spelling all select the whole department.
    const xundian = [sha('xundian-2023.docx'), sha('xundian-2024.pdf'), sha('xundian-2024-project.pdf')].sort();
    expect(await shas({ department: XUNDIAN_KEY })).toEqual(xundian);
    expect(await shas({ department: '中国共产党寻甸回族彝族自治县委员会办公室' })).toEqual(xundian);
    expect(await shas({ department: '中共寻甸县委办公室', year: 2023 })).toEqual([sha('xundian-2023.docx')]);
    expect(await shas({ department: '工委' })).toEqual([sha('huadu-2021.pdf'), sha('huadu-2022.pdf')].sort());
    expect(await shas({ department: '教育局' })).toEqual([]);
  });

  it('writes the ingest errors table', async () => {
    const rows = readCsv((await exportText({ format: 'csv', tables: ['ingest_errors'] })).slice(1));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ sha256: '', file_name: '损坏的报告.pdf', code: 'corrupt_file', message: '无法解析 xref', disposition: 'permanent' });
    expect(Number.isNaN(Date.parse(rows[0]!.at!))).toBe(false);
  });

  it('writes to a file with --out', async () => {
    const file = join(dir, 'reports.csv');
    const result = await runExport(store, { format: 'csv', out: file });
    expect(result.rows).toEqual({ reports: fixtures.length });
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('中共寻甸回族彝族自治县委员会办公室');
  });
});

describe('export jsonl', () => {
  it('writes one object per line with money as exact number literals', async () => {
    const text = await exportText({ format: 'jsonl', tables: ['reports'] });
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(fixtures.length);
    const rows = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(Object.keys(rows[0]!)).toEqual(TABLES.reports.columns.map((column) => column.name));
    const xundian = lines.find((line) => line.includes(sha('xundian-2023.docx')))!;
    expect(xundian).toContain('"budget_yuan":12345678901.23,');
    expect(xundian).toContain('"department":"中共寻甸回族彝族自治县委员会办公室"');
    const huadu = rows.find((row) => row.sha256 === sha('huadu-2022.pdf'))!;
    expect(huadu).toMatchObject({ budget_yuan: 9000000, execution_yuan: 8123456.78, fiscal_year: 2022, department_key: HUADU_KEY });
  });

  it('writes the checks table with both intervals', async () => {
    const rows = (await exportText({ format: 'jsonl', tables: ['checks'], filter: { year: 2021 } }))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const huadu = fixtures.find((f) => f.fileName === 'huadu-2021.pdf')!.record;
    expect(rows).toHaveLength(huadu.checks.length);
    const first = huadu.checks[0]!;
    expect(rows[0]).toMatchObject({
      rule: first.rule,
      status: first.status,
      unit: first.unit,
      expected_lo: first.expected ? Number(first.expected.lo) : null,
      actual_hi: first.actual ? Number(first.actual.hi) : null,
      message_zh: first.message.zh,
    });
  });
});

describe('export xlsx', () => {
  it('writes one sheet per table with one header row frozen above the rows, and a dictionary sheet in Chinese', async () => {
    const file = join(dir, 'all.xlsx');
    const result = await runExport(store, { format: 'xlsx', out: file });
    expect(Object.keys(result.rows)).toEqual(Object.keys(TABLES));
    expect(result.rows.reports).toBe(fixtures.length);

    const workbook = XLSX.read(await readFile(file), { type: 'buffer' });
    expect(workbook.SheetNames).toEqual([...Object.keys(TABLES), 'dictionary']);
    const sheet = workbook.Sheets.reports!;
    const matrix = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
    // One header row (as pandas.read_excel expects by default): numbers below it stay numbers.
    expect(matrix[0]).toEqual(TABLES.reports.columns.map((column) => column.name));
    expect(matrix).toHaveLength(fixtures.length + 1);
    const typed = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet, { raw: true, defval: null });
    expect(typeof typed[0]!.fiscal_year).toBe('number');
    const dictionary = XLSX.utils.sheet_to_json<Record<string, string>>(workbook.Sheets.dictionary!, { raw: true, defval: '' });
    expect(dictionary.find((row) => row.sheet === 'reports' && row.column === 'budget_yuan')).toMatchObject({ zh: '全年预算数(元)', type: 'money', unit: '元' });
    expect(dictionary.filter((row) => row.sheet === 'forms' && row.column !== '').map((row) => row.column)).toEqual(TABLES.forms.columns.map((column) => column.name));

    const columns = TABLES.reports.columns.map((column) => column.name);
    const rows = matrix.slice(1).map((cells) => Object.fromEntries(columns.map((name, i) => [name, cells[i]])));
    const xundian = rows.find((row) => row.sha256 === sha('xundian-2023.docx'))!;
    expect(xundian).toMatchObject({
      department: '中共寻甸回族彝族自治县委员会办公室',
      department_key: XUNDIAN_KEY,
      fiscal_year: 2023,
      budget_yuan: 12345678901.23,
      execution_yuan: 12000000000.01,
      execution_rate_stated: null,
    });
    expect((xundian.budget_yuan as number).toFixed(2)).toBe('12345678901.23');
    expect(rows.find((row) => row.sha256 === sha('huadu-2021.pdf'))).toMatchObject({ budget_yuan: 8903300, self_score: 91.28 });

    // The frozen pane: SheetJS does not parse sheet views, so read the sheet XML itself.
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(await readFile(file));
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/u);
    expect(sheetXml).toMatch(/<pane[^>]*topLeftCell="A2"/u);
  });

  it('writes only the tables asked for', async () => {
    const file = join(dir, 'two.xlsx');
    await runExport(store, { format: 'xlsx', out: file, tables: ['functions', 'counts'], filter: { year: 2021 } });
    const workbook = XLSX.read(await readFile(file), { type: 'buffer' });
    expect(workbook.SheetNames).toEqual(['functions', 'counts', 'dictionary']);
    const functions = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets.functions!, { header: 1, raw: true });
    expect(functions.slice(1).map((cells) => [cells[4], cells[7]])).toEqual([
      ['201', 5233900],
      ['208', 1424600],
      ['210', 50100],
      ['221', 432200],
    ]);
  });

  it('refuses xlsx and parquet without --out, and several tables for csv', async () => {
    await expect(runExport(store, { format: 'xlsx' })).rejects.toThrow(/--out/u);
    await expect(runExport(store, { format: 'parquet' })).rejects.toThrow(/--out/u);
    await expect(runExport(store, { format: 'csv', tables: ['reports', 'figures'] })).rejects.toThrow(/one table/u);
  });
});

describe('export parquet', () => {
  it('writes typed columns: DECIMAL(20,2) money, INT32 years, DOUBLE rates, UTF-8 text', async () => {
    const file = join(dir, 'reports.parquet');
    const result = await runExport(store, { format: 'parquet', out: file });
    expect(result).toEqual({ rows: { reports: fixtures.length }, warnings: [] });
    const { rows, metadata } = await readParquet(file);
    expect(Number(metadata.num_rows)).toBe(fixtures.length);

    const element = (name: string) => metadata.schema.find((e) => e.name === name)!;
    expect(element('budget_yuan')).toMatchObject({ type: 'FIXED_LEN_BYTE_ARRAY', converted_type: 'DECIMAL', precision: 20, scale: 2 });
    expect(element('budget_yuan').logical_type).toMatchObject({ type: 'DECIMAL', precision: 20, scale: 2 });
    expect(element('fiscal_year')).toMatchObject({ type: 'INT32' });
    expect(element('execution_rate_stated')).toMatchObject({ type: 'DOUBLE' });
    expect(element('department')).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });

    const bySha = new Map(rows.map((row) => [row.sha256 as string, row]));
    expect(bySha.get(sha('huadu-2021.pdf'))).toMatchObject({
      department: '中共广州市花都区直属机关工作委员会',
      department_key: HUADU_KEY,
      fiscal_year: 2021,
      budget_yuan: 8903300,
      execution_yuan: 7140700,
      execution_rate_stated: 0.802,
      self_score: 91.28,
    });
    expect(bySha.get(sha('huadu-2022.pdf'))).toMatchObject({ execution_yuan: 8123456.78 });
    const xundian = bySha.get(sha('xundian-2023.docx'))!;
    expect(xundian).toMatchObject({ department: '中共寻甸回族彝族自治县委员会办公室', budget_yuan: 12345678901.23, execution_rate_stated: null });
    expect((xundian.budget_yuan as number).toFixed(2)).toBe('12345678901.23');
    expect((xundian.execution_yuan as number).toFixed(2)).toBe('12000000000.01');
    expect(bySha.get(sha('xundian-2024.pdf'))!.budget_yuan).toBe(5000000.05);
  });

  it('writes the figures table long form with evidence', async () => {
    const file = join(dir, 'figures.parquet');
    await runExport(store, { format: 'parquet', out: file, tables: ['figures'], filter: { year: 2021 } });
    const { rows } = await readParquet(file);
    const huadu = fixtures.find((f) => f.fileName === 'huadu-2021.pdf')!;
    expect(rows).toHaveLength((await store.listFigures(huadu.sha256)).length);
    expect(rows[0]).toMatchObject({ field: 'budget', kind: 'money', text: '890.33万元', unit: '万元', value: 8903300, amount_yuan: 8903300, page: 1, quote: '890.33万元' });
    const rate = rows.find((row) => row.field === 'executionRate')!;
    expect(rate).toMatchObject({ value: 0.802, amount_yuan: null });
  });

  it('writes an empty table as a valid file', async () => {
    const file = join(dir, 'none.parquet');
    const result = await runExport(store, { format: 'parquet', out: file, filter: { year: 1999 } });
    expect(result.rows).toEqual({ reports: 0 });
    const { rows, metadata } = await readParquet(file);
    expect(rows).toEqual([]);
    expect(metadata.schema.map((e) => e.name).slice(1)).toEqual(TABLES.reports.columns.map((column) => column.name));
  });
});

describe('export --pivot', () => {
  it('budget by department and year: one row per department key, one column per year', async () => {
    const text = await exportText({ format: 'csv', pivot: 'budget' });
    const rows = readCsv(text.slice(1));
    const header = text.slice(1, text.indexOf('\n')).split(',');
    expect(header).toEqual(['department_key', 'department', 'budget_yuan_2021', 'budget_yuan_2022', 'budget_yuan_2023', 'budget_yuan_2024']);
    expect(rows).toEqual([
      {
        department_key: XUNDIAN_KEY,
        department: '中共寻甸县委办公室',
        budget_yuan_2021: '',
        budget_yuan_2022: '',
        budget_yuan_2023: '12345678901.23',
        // The overall report, not the project report of the same year.
        budget_yuan_2024: '5000000.05',
      },
      {
        department_key: HUADU_KEY,
        department: '中国共产党广州市花都区直属机关工委',
        budget_yuan_2021: '8903300.00',
        budget_yuan_2022: '9000000.00',
        budget_yuan_2023: '',
        budget_yuan_2024: '',
      },
    ].sort((a, b) => a.department_key.localeCompare(b.department_key, 'zh')));
  });

  it('execution rate: stated, else computed; warns about reports left out', async () => {
    const result = await runExport(store, { format: 'parquet', pivot: 'execution-rate', out: join(dir, 'rate.parquet') });
    expect(result.warnings).toEqual([expect.stringMatching(/^1 report\(s\) without a department name/u)]);
    const { rows } = await readParquet(join(dir, 'rate.parquet'));
    const byKey = new Map(rows.map((row) => [row.department_key, row]));
    expect(byKey.get(HUADU_KEY)).toMatchObject({ execution_rate_2021: 0.802, execution_rate_2022: 0.9026 });
    expect(byKey.get(XUNDIAN_KEY)).toMatchObject({ execution_rate_2023: 0.972, execution_rate_2024: 0.8 });
  });

  it('score pivot to xlsx, filtered to one region', async () => {
    const file = join(dir, 'score.xlsx');
    await runExport(store, { format: 'xlsx', pivot: 'score', out: file, filter: { region: '花都' } });
    const workbook = XLSX.read(await readFile(file), { type: 'buffer' });
    expect(workbook.SheetNames).toEqual(['pivot_self_score', 'dictionary']);
    const matrix = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets.pivot_self_score!, { header: 1, raw: true });
    expect(matrix).toEqual([
      ['department_key', 'department', 'self_score_2021', 'self_score_2022'],
      [HUADU_KEY, '中国共产党广州市花都区直属机关工委', 91.28, 95],
    ]);
  });
});

describe('export forms: one row per 自评表 in every format', () => {
  const expected = {
    form_id: 'form:2',
    form_kind: 'project',
    source: 'table',
    project: '党建工委工作经费',
    department_key: HUADU_KEY,
    document_kind: 'self_evaluation_report',
    fiscal_year: 2021,
  };

  it('csv: money in yuan to the fen, an empty 年初预算数 stays empty, rates as fractions', async () => {
    const rows = readCsv((await exportText({ format: 'csv', tables: ['forms'], filter: { year: 2021 } })).slice(1));
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatchObject({
      ...expected,
      fiscal_year: '2021',
      budget_initial_yuan: '',
      budget_yuan: '250000.00',
      execution_yuan: '249900.00',
      execution_rate_stated: '0.9996',
      execution_rate_computed: '0.9996',
      score: '95.5',
      page_start: '6',
      page_end: '7',
      sha256: sha('huadu-2021.pdf'),
      file_name: 'huadu-2021.pdf',
    });
    expect(rows[0]).toMatchObject({ form_kind: 'department_overall', project: '', budget_yuan: '8903300.00', grade: '优', score: '91.28' });
    expect(rows[2]).toMatchObject({ source: 'score_table', project: '党员教育培训经费', budget_yuan: '', score: '88.5' });
  });

  it('jsonl, parquet and xlsx carry the same rows', async () => {
    const jsonl = (await exportText({ format: 'jsonl', tables: ['forms'], filter: { year: 2021 } })).trim().split('\n').map((line) => JSON.parse(line));
    expect(jsonl[1]).toMatchObject({ ...expected, budget_yuan: 250000, budget_initial_yuan: null, score: 95.5 });

    const parquetFile = join(dir, 'forms.parquet');
    await runExport(store, { format: 'parquet', out: parquetFile, tables: ['forms'], filter: { year: 2021 } });
    const { rows } = await readParquet(parquetFile);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatchObject({ ...expected, score: 95.5, page_start: 6 });
    expect(rows[1]!.budget_yuan).toBeCloseTo(250000, 2);

    const xlsxFile = join(dir, 'forms.xlsx');
    await runExport(store, { format: 'xlsx', out: xlsxFile, tables: ['forms'], filter: { year: 2021 } });
    const workbook = XLSX.read(await readFile(xlsxFile), { type: 'buffer' });
    const sheet = XLSX.utils.sheet_to_json<Record<string, unknown>>(workbook.Sheets.forms!, { raw: true, defval: null });
    expect(sheet).toHaveLength(3);
    expect(sheet[1]).toMatchObject({ ...expected, budget_yuan: 250000, execution_yuan: 249900, budget_initial_yuan: null });
  });

  it('indicators: the report\'s own rows, then each form\'s, tagged with the form', async () => {
    const rows = readCsv((await exportText({ format: 'csv', tables: ['indicators'], filter: { year: 2021 } })).slice(1));
    expect(rows.map((row) => [row.form_id, row.project, row.level3])).toEqual([
      ['', '', '培训党务干部人数'],
      ['', '', '行风评议覆盖率'],
      ['form:2', '党建工委工作经费', '培训党务干部人数'],
    ]);
  });

  it('reports carry document_kind and the number of forms; --kind takes a document kind', async () => {
    const rows = readCsv((await exportText({ format: 'csv', filter: { year: 2021 } })).slice(1));
    expect(rows[0]).toMatchObject({ document_kind: 'self_evaluation_report', forms: '3' });
    const none = readCsv((await exportText({ format: 'csv', filter: { kind: 'final_accounts' } })).slice(1));
    expect(none).toEqual([]);
    const all = readCsv((await exportText({ format: 'csv', tables: ['forms'], filter: { kind: 'self_evaluation_report' } })).slice(1));
    expect(all).toHaveLength(fixtures.length * 3);
  });
});

// Last in the file: it adds a report the other tests do not expect.
describe('export parquet, money beyond float precision', () => {
  it('keeps an amount written 29.6万 (no 元) as money in yuan', async () => {
    const bare = fixtureReports()[0]!;
    bare.sha256 = 'e'.repeat(64);
    bare.record.source.sha256 = bare.sha256;
    bare.record.report.fiscalYear = 1991;
    // As extraction reads "全年执行数29.6万": kind plain, no unit, the value already in yuan.
    bare.record.figures.execution = { ...bare.record.figures.execution!, value: 296000, exact: '296000', text: '29.6万', unit: '', kind: 'plain', precision: 1, scale: 4 };
    await store.saveRecord(bare.sha256, bare.record);
    const [report] = readCsv((await exportText({ format: 'csv', filter: { year: 1991 } })).slice(1));
    expect(report).toMatchObject({ execution_yuan: '296000.00', execution_rate_computed: '0.033246' });
    const figures = readCsv((await exportText({ format: 'csv', tables: ['figures'], filter: { year: 1991 } })).slice(1));
    expect(figures.find((row) => row.field === 'execution')).toMatchObject({ amount_yuan: '296000.00', text: '29.6万' });
    // A rate in a money role is no money.
    expect(figures.find((row) => row.field === 'executionRate')!.amount_yuan).toBe('');
  });

  it('stores the unscaled fen exactly', async () => {
    const big = fixtureReports()[0]!;
    big.sha256 = 'f'.repeat(64);
    big.record.source.sha256 = big.sha256;
    big.record.report.fiscalYear = 1990;
    big.record.figures.budget = { ...big.record.figures.budget!, value: 1.2345678901234568e17, exact: '123456789012345678.91', text: '123456789012345678.91元', unit: '元' };
    await store.saveRecord(big.sha256, big.record);
    const file = join(dir, 'big.parquet');
    await runExport(store, { format: 'parquet', out: file, filter: { year: 1990 } });
    const bytes = await readFile(file);
    // The FIXED_LEN_BYTE_ARRAY holds the unscaled value big-endian: find its 9 bytes in the file.
    const unscaled = 12345678901234567891n;
    const expected = Buffer.alloc(9);
    for (let i = 8, v = unscaled; i >= 0; i--, v >>= 8n) expected[i] = Number(v & 0xffn);
    expect(bytes.indexOf(expected)).toBeGreaterThan(0);
    const { rows } = await readParquet(file);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.budget_yuan).toBeCloseTo(123456789012345678.91, -3);
    // CSV keeps every digit.
    const csv = readCsv((await exportText({ format: 'csv', filter: { year: 1990 } })).slice(1));
    expect(csv[0]!.budget_yuan).toBe('123456789012345678.91');
  });
});
