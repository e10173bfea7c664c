/**
 * End to end from text: the seed report and a copy edited to read as the next year (2021 → 2022,
 * budget 890.33 → 900.00 万元) run through analyzeBytes, are stored, and come out as one department
 * over two years.
 */
import { readFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import XLSX from '@e965/xlsx';
import { analyzeBytes } from '../../src/analyze.js';
import { runExport, type ExportOptions } from '../../src/export/export.js';
import { openStore } from '../../src/store/open-store.js';
import type { InspectableStore } from '../../src/store/store.js';

const SEED = fileURLToPath(new URL('../../fixtures/seed/huadu-2021-jgdgw.txt', import.meta.url));

let store: InspectableStore;
const shas: Record<number, string> = {};

beforeAll(async () => {
  const text = await readFile(SEED, 'utf8');
  const next = text.replaceAll('2021', '2022').replaceAll('890.33', '900.00');
  expect(next).not.toBe(text);
  store = await openStore({});
  for (const [year, body] of [
    [2021, text],
    [2022, next],
  ] as const) {
    const { sha256, record } = await analyzeBytes(new TextEncoder().encode(body), { fileName: `huadu-${year}-jgdgw.txt` });
    shas[year] = sha256;
    await store.saveRecord(sha256, record);
  }
}, 120_000);

afterAll(async () => {
  await store?.close();
});

async function exportCsv(options: Omit<ExportOptions, 'format' | 'stdout'>): Promise<Array<Record<string, string>>> {
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  await runExport(store, { ...options, format: 'csv', stdout });
  const text = Buffer.concat(chunks).toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const workbook = XLSX.read(text.slice(1), { type: 'string', raw: true });
  return XLSX.utils.sheet_to_json<Record<string, string>>(workbook.Sheets[workbook.SheetNames[0]!]!, { raw: false, defval: '' });
}

describe('export of analyzed seed reports', () => {
  it('reports: both years under one department key, money to the fen', async () => {
    const rows = await exportCsv({ tables: ['reports'] });
    expect(rows).toHaveLength(2);
    const byYear = new Map(rows.map((row) => [row.fiscal_year, row]));
    expect(byYear.get('2021')).toMatchObject({
      sha256: shas[2021],
      department: '中共广州市花都区直属机关工作委员会',
      department_key: '花都直属机关工委',
      budget_yuan: '8903300.00',
      execution_yuan: '7140700.00',
      execution_rate_stated: '0.802',
      execution_rate_computed: '0.802028',
      self_score: '91.28',
    });
    expect(byYear.get('2022')).toMatchObject({
      sha256: shas[2022],
      department_key: '花都直属机关工委',
      budget_yuan: '9000000.00',
      execution_rate_computed: '0.793411',
    });
  });

  it('functions: the four classes of each year with their codes', async () => {
    const rows = await exportCsv({ tables: ['functions'], filter: { year: 2021 } });
    expect(rows.map((row) => [row.code, row.class_name, row.amount_yuan])).toEqual([
      ['201', '一般公共服务支出', '5233900.00'],
      ['208', '社会保障和就业支出', '1424600.00'],
      ['210', '卫生健康支出', '50100.00'],
      ['221', '住房保障支出', '432200.00'],
    ]);
  });

  it('pivot: one department row, one column per year', async () => {
    const rows = await exportCsv({ pivot: 'budget' });
    expect(rows).toEqual([
      { department_key: '花都直属机关工委', department: '中共广州市花都区直属机关工作委员会', budget_yuan_2021: '8903300.00', budget_yuan_2022: '9000000.00' },
    ]);
  });
});
