/**
 * One behaviour suite for every Store adapter (after unjs/db0's shared connector tests).
 * `open` must return a fresh, EMPTY store each call; the suite migrates and closes it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../src/schema/record.js';
import type { DocumentInput, InspectableStore } from '../../src/store/store.js';
import { SAMPLE_CHECK_ROWS, SAMPLE_FIGURE_ROWS, SAMPLE_FILE_NAME, SAMPLE_FORM_ROWS, SAMPLE_SHA256, sampleRecord, sha256Of, SAMPLE_INDICATOR_ROWS } from './sample-record.js';

function sampleDocument(overrides: Partial<DocumentInput> = {}): DocumentInput {
  return {
    sha256: SAMPLE_SHA256,
    fileName: SAMPLE_FILE_NAME,
    format: 'pdf',
    bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x80]),
    byteLength: 8,
    pages: 5,
    ocrPages: 0,
    ...overrides,
  };
}

interface Variant {
  sha256: string;
  fileName: string;
  record: ReportRecord;
}

/** Four reports that differ in every filtered column. */
function filterVariants(): Variant[] {
  const a = sampleRecord();
  a.source.fileName = 'a.pdf';

  const b = sampleRecord();
  b.source.fileName = 'b.pdf';
  b.report.fiscalYear = 2022;
  b.report.kind = 'project';
  b.report.department = '广州市白云区财政局';
  b.report.region = { province: '广东省', city: '广州市', county: '白云区' };
  b.checks[0]!.status = 'fail';
  b.checks[1]!.status = 'fail';

  const c = sampleRecord();
  c.source.fileName = 'c.pdf';
  c.report.fiscalYear = 2022;
  c.report.department = '深圳市南山区教育局';
  c.report.region = { province: '广东省', city: '深圳市', county: '南山区' };
  c.checks[2]!.status = 'warn';

  const d = sampleRecord();
  d.source.fileName = 'd.pdf';
  d.report.fiscalYear = null;
  d.report.kind = 'unknown';
  d.report.department = 'Huadu District Finance Bureau';
  d.report.region = { province: null, city: null, county: null };
  d.figures.budget = null;
  d.figures.executionRate = null;

  return [a, b, c, d].map((record) => {
    const fileName = record.source.fileName!;
    const sha256 = sha256Of(fileName);
    record.source.sha256 = sha256;
    return { sha256, fileName, record };
  });
}

export function describeStoreConformance(name: string, open: () => Promise<InspectableStore>): void {
  describe(`Store conformance: ${name}`, () => {
    let store: InspectableStore;

    beforeEach(async () => {
      store = await open();
      await store.migrate();
    });

    afterEach(async () => {
      await store.close();
    });

    async function saveVariants(variants: Variant[]): Promise<void> {
      for (const { sha256, fileName, record } of variants) {
        await store.putDocument(sampleDocument({ sha256, fileName }));
        await store.saveRecord(sha256, record);
      }
    }

    it('migrates idempotently and keeps data across a second migrate', async () => {
      await store.migrate();
      await store.putDocument(sampleDocument());
      await store.migrate();
      expect(await store.getDocument(SAMPLE_SHA256)).not.toBeNull();
      expect((await store.stats()).documents).toBe(1);
    });

    it('stores a document once and keeps the first bytes', async () => {
      const first = sampleDocument();
      await store.putDocument(first);
      await store.putDocument({ ...first, bytes: new Uint8Array([1, 2, 3]), byteLength: 3, pages: 6 });

      const doc = await store.getDocument(SAMPLE_SHA256);
      expect(doc).toMatchObject({
        sha256: SAMPLE_SHA256,
        fileName: SAMPLE_FILE_NAME,
        format: 'pdf',
        byteLength: 3,
        pages: 6,
        ocrPages: 0,
        extractorVersion: null,
        hasBytes: true,
      });
      expect(doc!.ingestedAt).toBeInstanceOf(Date);
      expect(Math.abs(doc!.ingestedAt.getTime() - Date.now())).toBeLessThan(10 * 60_000);

      const bytes = await store.getDocumentBytes(SAMPLE_SHA256);
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(Array.from(bytes!)).toEqual(Array.from(first.bytes!));
      expect((await store.stats()).documents).toBe(1);
    });

    it('adds bytes later to a document first stored without them', async () => {
      const { bytes, ...withoutBytes } = sampleDocument();
      await store.putDocument(withoutBytes);
      expect((await store.getDocument(SAMPLE_SHA256))!.hasBytes).toBe(false);
      expect(await store.getDocumentBytes(SAMPLE_SHA256)).toBeNull();
      await store.putDocument({ ...withoutBytes, bytes: bytes! });
      expect(Array.from((await store.getDocumentBytes(SAMPLE_SHA256))!)).toEqual(Array.from(bytes!));
    });

    it('returns null for unknown documents and records', async () => {
      const unknown = sha256Of('nothing');
      expect(await store.getDocument(unknown)).toBeNull();
      expect(await store.getDocumentBytes(unknown)).toBeNull();
      expect(await store.getRecord(unknown)).toBeNull();
    });

    it('round-trips the record exactly and sets the document extractor version', async () => {
      await store.putDocument(sampleDocument());
      await store.saveRecord(SAMPLE_SHA256, sampleRecord());
      const record = await store.getRecord(SAMPLE_SHA256);
      expect(record).toEqual(sampleRecord());
      expect(record!.figures.budget!.exact).toBe('8903300');
      expect(record!.figures.budget!.text).toBe('890.33万元');
      expect(record!.figures.projects[0]!.executionRate!.exact).toBe('1.000');
      expect((await store.getDocument(SAMPLE_SHA256))!.extractorVersion).toBe('0.1.0');
    });

    it('saving twice leaves one report and the same child rows', async () => {
      await store.putDocument(sampleDocument());
      await store.saveRecord(SAMPLE_SHA256, sampleRecord());
      const first = await store.rowCounts(SAMPLE_SHA256);
      expect(first).toEqual({ reports: 1, figures: SAMPLE_FIGURE_ROWS, counts: 10, indicators: SAMPLE_INDICATOR_ROWS, checks: SAMPLE_CHECK_ROWS, forms: SAMPLE_FORM_ROWS });
      await store.saveRecord(SAMPLE_SHA256, sampleRecord());
      expect(await store.rowCounts(SAMPLE_SHA256)).toEqual(first);
      expect((await store.stats()).reports).toBe(1);
    });

    it('replaces child rows when the record shrinks', async () => {
      await store.putDocument(sampleDocument());
      await store.saveRecord(SAMPLE_SHA256, sampleRecord());
      const smaller = sampleRecord();
      smaller.extractorVersion = '0.2.0';
      smaller.figures.counts = smaller.figures.counts.slice(0, 3);
      smaller.figures.byFunction = [];
      smaller.checks = [];
      await store.saveRecord(SAMPLE_SHA256, smaller);
      expect(await store.rowCounts(SAMPLE_SHA256)).toEqual({
        reports: 1,
        figures: SAMPLE_FIGURE_ROWS - 4,
        counts: 3,
        indicators: SAMPLE_INDICATOR_ROWS,
        checks: 0,
        forms: SAMPLE_FORM_ROWS,
      });
      expect(await store.getRecord(SAMPLE_SHA256)).toEqual(smaller);
      const [summary] = await store.listReports();
      expect(summary!.extractorVersion).toBe('0.2.0');
      expect((await store.getDocument(SAMPLE_SHA256))!.extractorVersion).toBe('0.2.0');
    });

    it('stores long-form figures from the exact strings', async () => {
      await store.putDocument(sampleDocument());
      await store.saveRecord(SAMPLE_SHA256, sampleRecord());
      const figures = await store.listFigures(SAMPLE_SHA256);
      expect(figures).toHaveLength(SAMPLE_FIGURE_ROWS);
      expect(figures[0]).toEqual({
        field: 'budget',
        name: null,
        code: null,
        value: '8903300',
        exact: '8903300',
        text: '890.33万元',
        unit: '万元',
        kind: 'money',
        page: 1,
      });
      const functions = figures.filter((row) => row.field === 'byFunction');
      expect(functions.map((row) => [row.name, row.code, row.value])).toEqual([
        ['一般公共服务支出', '201', '5233900'],
        ['社会保障和就业支出', '208', '1424600'],
        ['卫生健康支出', '210', '50100'],
        ['住房保障支出', '221', '432200'],
      ]);
      expect(figures.filter((row) => row.field.startsWith('project.')).map((row) => [row.field, row.value])).toEqual([
        ['project.budget', '250000'],
        ['project.execution', '249900'],
        ['project.executionRate', '1.000'],
      ]);
    });

    it('keeps money exact to the fen, beyond float precision', async () => {
      const record = sampleRecord();
      const budget = record.figures.budget!;
      record.figures.budget = { ...budget, value: 12345678901.23, exact: '12345678901.23', text: '12345678901.23元', unit: '元', precision: 2, scale: 0 };
      record.figures.execution = { ...budget, value: 123456789012345680, exact: '123456789012345678.91', text: '123456789012345678.91元', unit: '元', precision: 2, scale: 0 };
      record.figures.byNature[0]!.amount = { ...budget, value: 0.3, exact: '0.30', text: '0.30元', unit: '元', precision: 2, scale: 0 };
      await store.putDocument(sampleDocument());
      await store.saveRecord(SAMPLE_SHA256, record);

      const figures = await store.listFigures(SAMPLE_SHA256);
      expect(figures.find((row) => row.field === 'budget')!.value).toBe('12345678901.23');
      expect(figures.find((row) => row.field === 'execution')!.value).toBe('123456789012345678.91');
      expect(figures.find((row) => row.field === 'byNature')!.value).toBe('0.30');

      const stored = await store.getRecord(SAMPLE_SHA256);
      expect(stored!.figures.budget!.exact).toBe('12345678901.23');
      expect(stored!.figures.budget!.value).toBe(12345678901.23);
      expect(stored!.figures.execution!.exact).toBe('123456789012345678.91');
      expect(stored).toEqual(record);

      const [summary] = await store.listReports();
      expect(summary!.budget).toBe(12345678901.23);
      expect(summary!.budgetText).toBe('12,345,678,901.23元');
    });

    it('summarises reports with their columns', async () => {
      await store.putDocument(sampleDocument());
      await store.saveRecord(SAMPLE_SHA256, sampleRecord());
      expect(await store.listReports()).toEqual([
        {
          sha256: SAMPLE_SHA256,
          fileName: SAMPLE_FILE_NAME,
          title: '中共广州市花都区直属机关工作委员会2021年部门整体支出绩效自评报告',
          department: '中共广州市花都区直属机关工作委员会',
          fiscalYear: 2021,
          kind: 'department_overall',
          documentKind: 'self_evaluation_report',
          region: { province: '广东省', city: '广州市', county: '花都区' },
          budget: 8903300,
          execution: 7140700,
          budgetText: '890.33万元',
          executionText: '714.07万元',
          executionRate: 0.802,
          selfScore: 91.28,
          forms: SAMPLE_FORM_ROWS,
          checksFailed: 0,
          checksWarned: 0,
          extractorVersion: '0.1.0',
        },
      ]);
    });

    it('filters reports by year, region, department, kind and failed checks', async () => {
      const variants = filterVariants();
      await saveVariants(variants);
      const [a, b, c, d] = variants.map((variant) => variant.sha256);
      const shas = async (filter: Parameters<InspectableStore['listReports']>[0]) =>
        (await store.listReports(filter)).map((summary) => summary.sha256);

      // Newest year first, then by file name; unknown years last.
      expect(await shas({})).toEqual([b, c, a, d]);
      expect(await shas({ year: 2022 })).toEqual([b, c]);
      expect(await shas({ year: 2021 })).toEqual([a]);
      expect(await shas({ year: 1999 })).toEqual([]);
      expect(await shas({ region: '广州' })).toEqual([b, a]);
      expect(await shas({ region: '花都' })).toEqual([a]);
      expect(await shas({ region: '广东省深圳市' })).toEqual([c]);
      expect(await shas({ department: '教育局' })).toEqual([c]);
      expect(await shas({ department: 'finance bureau' })).toEqual([d]);
      expect(await shas({ department: '%' })).toEqual([]);
      expect(await shas({ kind: 'project' })).toEqual([b]);
      expect(await shas({ failedChecks: true })).toEqual([b]);
      expect(await shas({ failedChecks: false })).toEqual([c, a, d]);
      expect(await shas({ year: 2022, region: '广州' })).toEqual([b]);
      expect(await shas({ limit: 2 })).toEqual([b, c]);
      expect(await shas({ limit: 2, offset: 1 })).toEqual([c, a]);
      expect(await shas({ offset: 3 })).toEqual([d]);

      const summaries = await store.listReports();
      expect(summaries.find((s) => s.sha256 === b)).toMatchObject({ checksFailed: 2, checksWarned: 0, kind: 'project' });
      expect(summaries.find((s) => s.sha256 === c)).toMatchObject({ checksFailed: 0, checksWarned: 1 });
      expect(summaries.find((s) => s.sha256 === d)).toMatchObject({
        budget: null,
        executionRate: null,
        execution: 7140700,
        fiscalYear: null,
        region: { province: null, city: null, county: null },
      });

      expect(await store.stats()).toEqual({ documents: 4, reports: 4, reportsWithFailedChecks: 1, ingestErrors: 0 });
    });

    it('finds documents by sha256 prefix and by file name', async () => {
      const variants = filterVariants();
      await saveVariants(variants);
      const a = variants[0]!.sha256;
      expect(await store.findBySha256Prefix(a.slice(0, 8))).toEqual([a]);
      expect(await store.findBySha256Prefix(a.slice(0, 8).toUpperCase())).toEqual([a]);
      expect(await store.findBySha256Prefix(a)).toEqual([a]);
      expect((await store.findBySha256Prefix('')).length).toBe(0);
      expect(await store.findBySha256Prefix('%')).toEqual([]);
      expect(await store.findBySha256Prefix('zz')).toEqual([]);
      expect((await store.findBySha256Prefix(a.slice(0, 1))).every((sha) => sha.startsWith(a.slice(0, 1)))).toBe(true);
      expect(await store.findByFileName('a.pdf')).toEqual([a]);
      expect(await store.findByFileName('A.pdf')).toEqual([]);
      expect(await store.findByFileName('missing.pdf')).toEqual([]);
    });

    it('creates a stub document when a record arrives first', async () => {
      await store.saveRecord(SAMPLE_SHA256, sampleRecord());
      expect(await store.getDocument(SAMPLE_SHA256)).toMatchObject({
        fileName: SAMPLE_FILE_NAME,
        format: 'pdf',
        pages: 5,
        extractorVersion: '0.1.0',
        hasBytes: false,
      });
      await store.putDocument(sampleDocument());
      expect(await store.getDocument(SAMPLE_SHA256)).toMatchObject({ byteLength: 8, hasBytes: true, extractorVersion: '0.1.0' });
    });

    it('lists documents older than an extractor version', async () => {
      const [a, b, c] = filterVariants();
      await store.putDocument(sampleDocument({ sha256: a!.sha256, fileName: a!.fileName }));
      await store.putDocument(sampleDocument({ sha256: b!.sha256, fileName: b!.fileName }));
      await store.saveRecord(b!.sha256, { ...b!.record, extractorVersion: '0.2.0' });
      await store.putDocument(sampleDocument({ sha256: c!.sha256, fileName: c!.fileName }));
      await store.saveRecord(c!.sha256, { ...c!.record, extractorVersion: '0.10.0' });

      const shas = async (options?: { olderThanVersion?: string }) =>
        (await store.listDocuments(options)).map((doc) => doc.sha256).sort();
      expect(await shas()).toEqual([a!.sha256, b!.sha256, c!.sha256].sort());
      expect(await shas({ olderThanVersion: '0.2.0' })).toEqual([a!.sha256]);
      expect(await shas({ olderThanVersion: '0.3.0' })).toEqual([a!.sha256, b!.sha256].sort());
      expect(await shas({ olderThanVersion: '0.10.1' })).toEqual([a!.sha256, b!.sha256, c!.sha256].sort());
      const listed = await store.listDocuments();
      expect(listed.find((doc) => doc.sha256 === c!.sha256)).toMatchObject({ extractorVersion: '0.10.0', hasBytes: true });
    });

    it('records ingest errors and clears them when the record is saved', async () => {
      await store.recordError({ fileName: 'broken.pdf', code: 'corrupt_file', message: 'bad xref', disposition: 'permanent' });
      await store.recordError({
        sha256: SAMPLE_SHA256,
        fileName: SAMPLE_FILE_NAME,
        code: 'postgres_unavailable',
        message: '连接失败',
        disposition: 'transient',
      });
      const errors = await store.listErrors();
      expect(errors).toHaveLength(2);
      expect(errors[0]).toMatchObject({ sha256: null, fileName: 'broken.pdf', code: 'corrupt_file', message: 'bad xref', disposition: 'permanent' });
      expect(errors[1]).toMatchObject({ sha256: SAMPLE_SHA256, message: '连接失败', disposition: 'transient' });
      expect(errors[1]!.at).toBeInstanceOf(Date);
      expect((await store.stats()).ingestErrors).toBe(2);

      await store.putDocument(sampleDocument());
      await store.saveRecord(SAMPLE_SHA256, sampleRecord());
      expect((await store.listErrors()).map((error) => error.fileName)).toEqual(['broken.pdf']);
      expect(await store.stats()).toEqual({ documents: 1, reports: 1, reportsWithFailedChecks: 0, ingestErrors: 1 });
    });

    it('ends with one report when the same sha256 is saved concurrently', async () => {
      await store.putDocument(sampleDocument());
      const records = [1, 2, 3, 4, 5].map((n) => {
        const record = sampleRecord();
        record.figures.counts = record.figures.counts.slice(0, n);
        record.checks = record.checks.slice(0, 5 - n);
        return record;
      });
      await Promise.all(records.map((record) => store.saveRecord(SAMPLE_SHA256, record)));
      const stored = await store.getRecord(SAMPLE_SHA256);
      const winner = records.find((record) => record.figures.counts.length === stored!.figures.counts.length);
      expect(stored).toEqual(winner);
      // Child rows all belong to the winning record, not a mix.
      expect(await store.rowCounts(SAMPLE_SHA256)).toEqual({
        reports: 1,
        figures: SAMPLE_FIGURE_ROWS,
        counts: winner!.figures.counts.length,
        indicators: SAMPLE_INDICATOR_ROWS,
        checks: winner!.checks.length,
        forms: SAMPLE_FORM_ROWS,
      });
      expect((await store.stats()).reports).toBe(1);
    });

    it('writes a large record (1,500 counts) in one save', async () => {
      const record = sampleRecord();
      const template = record.figures.counts[0]!;
      // 1500 counts × 14 columns would be past one statement's bind-parameter budget.
      record.figures.counts = Array.from({ length: 1500 }, (_, i) => ({ ...template, value: i, text: `${i}名` }));
      await store.putDocument(sampleDocument());
      await store.saveRecord(SAMPLE_SHA256, record);
      expect((await store.rowCounts(SAMPLE_SHA256)).counts).toBe(1500);
      expect((await store.getRecord(SAMPLE_SHA256))!.figures.counts[1499]!.value).toBe(1499);
    });

    it('stores text with NUL and lone surrogates, replacing them with U+FFFD', async () => {
      const record = sampleRecord();
      record.figures.budget!.evidence.quote = '890.33\u0000万元';
      record.report.title = 'bad \uD800 title';
      await store.putDocument(sampleDocument({ fileName: 'nul\u0000.pdf' }));
      await store.saveRecord(SAMPLE_SHA256, record);
      const stored = await store.getRecord(SAMPLE_SHA256);
      expect(stored!.figures.budget!.evidence.quote).toBe('890.33\uFFFD万元');
      expect(stored!.report.title).toBe('bad \uFFFD title');
      expect((await store.getDocument(SAMPLE_SHA256))!.fileName).toBe('nul\uFFFD.pdf');
    });

    it('rejects an invalid record without writing anything', async () => {
      await store.putDocument(sampleDocument());
      const invalid = { ...sampleRecord(), schemaVersion: 99 } as unknown as ReportRecord;
      await expect(store.saveRecord(SAMPLE_SHA256, invalid)).rejects.toThrow();
      expect(await store.getRecord(SAMPLE_SHA256)).toBeNull();
      expect((await store.stats()).reports).toBe(0);
    });

    it('pages over full records in sha256 order with the report filters', async () => {
      const variants = filterVariants();
      await saveVariants(variants);
      const sorted = variants.map((variant) => variant.sha256).sort();
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await store.listRecords({ limit: 3, ...(after !== undefined ? { after } : {}) });
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(3);
        seen.push(...page.map((row) => row.sha256));
        after = page.at(-1)!.sha256;
      }
      expect(seen).toEqual(sorted);

      const [first] = await store.listRecords({ limit: 1, filter: { department: '教育局' } });
      const c = variants[2]!;
      expect(first).toEqual({ sha256: c.sha256, fileName: c.fileName, record: c.record });
      const in2022 = await store.listRecords({ limit: 10, filter: { year: 2022, failedChecks: false } });
      expect(in2022.map((row) => row.sha256)).toEqual([c.sha256]);
      expect(await store.listRecords({ limit: 10, after: sorted.at(-1)! })).toEqual([]);
      expect((await store.listRecords({ limit: 10, filter: { region: '广州' } })).map((row) => row.sha256)).toEqual(
        [variants[0]!.sha256, variants[1]!.sha256].sort(),
      );
    });

    it('stores one forms row per form, money exact, with the form\'s failed checks', async () => {
      const record = sampleRecord();
      record.checks.at(-1)!.status = 'fail';
      await store.putDocument(sampleDocument());
      await store.saveRecord(SAMPLE_SHA256, record);
      const forms = await store.listForms(SAMPLE_SHA256);
      expect(forms).toHaveLength(SAMPLE_FORM_ROWS);
      expect(forms[0]).toMatchObject({ formId: 'form:1', formKind: 'department_overall', source: 'table', project: null, budget: '8903300.00', execution: '7140700.00', executionRate: '0.802', totalScore: '91.28', grade: '优', checksFailed: 0 });
      expect(forms[1]).toEqual({
        formId: 'form:2',
        part: 'self_evaluation_form:2',
        formKind: 'project',
        source: 'table',
        project: '党建工委工作经费',
        pageStart: 6,
        pageEnd: 7,
        budget: '250000.00',
        execution: '249900.00',
        executionRate: '0.9996',
        totalScore: '95.5',
        grade: null,
        indicators: 1,
        checksFailed: 1,
      });
      expect(forms[2]).toMatchObject({ source: 'score_table', project: '党员教育培训经费', budget: null, totalScore: '88.5' });
      // A record saved again without forms leaves none behind.
      await store.saveRecord(SAMPLE_SHA256, { ...record, forms: [] });
      expect(await store.listForms(SAMPLE_SHA256)).toEqual([]);
    });

    it('filters reports by document kind as well as by report kind', async () => {
      const variants = filterVariants();
      variants[1]!.record.report.documentKind = 'final_accounts';
      variants[3]!.record.report.documentKind = 'budget';
      await saveVariants(variants);
      const [a, b, c, d] = variants.map((variant) => variant.sha256);
      const shas = async (kind: string) => (await store.listReports({ kind })).map((summary) => summary.sha256);
      expect(await shas('final_accounts')).toEqual([b]);
      expect(await shas('budget')).toEqual([d]);
      expect(await shas('self_evaluation_report')).toEqual([c, a]);
      expect(await shas('project')).toEqual([b]);
      expect((await store.listReports()).find((summary) => summary.sha256 === d)!.documentKind).toBe('budget');
      expect((await store.listRecords({ limit: 10, filter: { kind: 'final_accounts' } })).map((row) => row.sha256)).toEqual([b]);
    });

    it('lists department names with their regions, years and report counts', async () => {
      const variants = filterVariants();
      const again = sampleRecord();
      again.source.fileName = 'a2.pdf';
      const sha = sha256Of('a2.pdf');
      again.source.sha256 = sha;
      await saveVariants([...variants, { sha256: sha, fileName: 'a2.pdf', record: again }]);
      const names = await store.listDepartmentNames();
      expect(names).toContainEqual({
        department: '中共广州市花都区直属机关工作委员会',
        region: { province: '广东省', city: '广州市', county: '花都区' },
        fiscalYear: 2021,
        reports: 2,
      });
      expect(names).toContainEqual({
        department: 'Huadu District Finance Bureau',
        region: { province: null, city: null, county: null },
        fiscalYear: null,
        reports: 1,
      });
      expect(names).toHaveLength(4);
      expect(names.reduce((sum, row) => sum + row.reports, 0)).toBe(5);
    });

    it('keeps department aliases: upsert by kind and source, delete, survive migrate', async () => {
      expect(await store.listDepartmentAliases()).toEqual([]);
      await store.putDepartmentAlias({ kind: 'key', source: '寻甸委办公室', target: '寻甸委办' });
      await store.putDepartmentAlias({ kind: 'name', source: '中共寻甸县委办公室', target: '寻甸委办公室#2' });
      await store.putDepartmentAlias({ kind: 'key', source: '寻甸委办公室', target: '寻甸委员会办公室' });
      await store.migrate();
      expect(await store.listDepartmentAliases()).toEqual([
        { kind: 'key', source: '寻甸委办公室', target: '寻甸委员会办公室' },
        { kind: 'name', source: '中共寻甸县委办公室', target: '寻甸委办公室#2' },
      ]);
      await expect(store.putDepartmentAlias({ kind: 'other' as 'key', source: 'a', target: 'b' })).rejects.toThrow();
      expect(await store.deleteDepartmentAlias('key', '寻甸委办公室')).toBe(true);
      expect(await store.deleteDepartmentAlias('key', '寻甸委办公室')).toBe(false);
      expect(await store.listDepartmentAliases()).toEqual([{ kind: 'name', source: '中共寻甸县委办公室', target: '寻甸委办公室#2' }]);
    });

    it('saves a batch in one call: documents with bytes, records and child rows as single saves do', async () => {
      const variants = filterVariants();
      await store.saveRecords(
        variants.map(({ sha256, fileName, record }) => ({ sha256, record, document: sampleDocument({ sha256, fileName }) })),
      );
      for (const { sha256, fileName, record } of variants) {
        expect(await store.getRecord(sha256)).toEqual(record);
        expect(await store.getDocument(sha256)).toMatchObject({ fileName, format: 'pdf', hasBytes: true, extractorVersion: '0.1.0' });
        expect(Array.from((await store.getDocumentBytes(sha256))!)).toEqual(Array.from(sampleDocument().bytes!));
        expect(await store.rowCounts(sha256)).toEqual({
          reports: 1,
          figures: (await store.listFigures(sha256)).length,
          counts: record.figures.counts.length,
          indicators: record.figures.indicators.length + record.forms.reduce((sum, form) => sum + form.indicators.length, 0),
          checks: record.checks.length,
          forms: record.forms.length,
        });
      }
      expect(await store.listFigures(variants[0]!.sha256)).toHaveLength(SAMPLE_FIGURE_ROWS);
      expect((await store.stats()).reports).toBe(4);
      expect((await store.listReports({ failedChecks: true })).map((report) => report.fileName)).toEqual(['b.pdf']);
      // Saving the batch again replaces rather than adds.
      await store.saveRecords(variants.map(({ sha256, record }) => ({ sha256, record })));
      expect(await store.rowCounts(variants[0]!.sha256)).toMatchObject({ reports: 1, counts: 10, checks: SAMPLE_CHECK_ROWS, forms: SAMPLE_FORM_ROWS });
      expect((await store.stats()).documents).toBe(4);
    });

    it('keeps the last of repeated sha256s in a batch and ignores an empty batch', async () => {
      const shorter = sampleRecord();
      shorter.figures.counts = shorter.figures.counts.slice(0, 3);
      await store.saveRecords([
        { sha256: SAMPLE_SHA256, record: sampleRecord() },
        { sha256: SAMPLE_SHA256, record: shorter },
      ]);
      expect(await store.getRecord(SAMPLE_SHA256)).toEqual(shorter);
      expect((await store.rowCounts(SAMPLE_SHA256)).counts).toBe(3);
      await store.saveRecords([]);
      expect((await store.stats()).reports).toBe(1);
    });

    it('writes all of a batch or none of it', async () => {
      const [a, b] = filterVariants();
      const broken = b!.record;
      broken.figures.counts[2]!.evidence.page = 2 ** 40;
      await expect(
        store.saveRecords([
          { sha256: a!.sha256, record: a!.record, document: sampleDocument({ sha256: a!.sha256, fileName: a!.fileName }) },
          { sha256: b!.sha256, record: broken },
        ]),
      ).rejects.toThrow();
      expect(await store.stats()).toMatchObject({ documents: 0, reports: 0 });
    });

    it('rolls back the whole save when a child row fails', async () => {
      await store.putDocument(sampleDocument());
      await store.saveRecord(SAMPLE_SHA256, sampleRecord());
      const broken = sampleRecord();
      broken.extractorVersion = '9.9.9';
      // Passes the schema but overflows the integer page column mid-transaction.
      broken.figures.counts[5]!.evidence.page = 2 ** 40;
      await expect(store.saveRecord(SAMPLE_SHA256, broken)).rejects.toThrow();
      expect(await store.getRecord(SAMPLE_SHA256)).toEqual(sampleRecord());
      expect(await store.rowCounts(SAMPLE_SHA256)).toEqual({ reports: 1, figures: SAMPLE_FIGURE_ROWS, counts: 10, indicators: SAMPLE_INDICATOR_ROWS, checks: SAMPLE_CHECK_ROWS, forms: SAMPLE_FORM_ROWS });
      expect((await store.getDocument(SAMPLE_SHA256))!.extractorVersion).toBe('0.1.0');
    });
  });
}
