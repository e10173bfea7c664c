/**
 * The `export` and `departments` commands, parsed by commander against an on-disk PGlite store.
 * (Lives under test/export with the rest of the export tests.)
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import XLSX from '@e965/xlsx';
import { registerExportCommands } from '../../src/cli/export-command.js';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/open-store.js';
import { fixtureReports, HUADU_KEY, saveFixtures, XUNDIAN_KEY } from './fixtures.js';

let dir: string;
let dataDir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jixiao-export-cli-'));
  dataDir = join(dir, 'db');
  const store = await openStore({ dataDir });
  await saveFixtures(store, fixtureReports());
  await store.close();
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Run {
  stdout: string;
  stderr: string;
  exitCode: number | undefined;
}

async function jixiao(args: string[]): Promise<Run> {
  const program = new Command('jixiao').exitOverride();
  registerExportCommands(program, loadConfig({ JIXIAO_DATA_DIR: dataDir }));
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'jixiao', ...args]);
    return { stdout, stderr, exitCode: process.exitCode as number | undefined };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = before;
  }
}

describe('jixiao export / departments', () => {
  it('exports csv to stdout with the filters', async () => {
    const run = await jixiao(['export', '--format', 'csv', '--year', '2021']);
    expect(run.exitCode).toBeUndefined();
    expect(run.stdout.startsWith('\uFEFFsha256,file_name,department_key')).toBe(true);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',8903300.00,');
    expect(lines[1]).toContain(HUADU_KEY);
  });

  it('writes an xlsx pivot with --out and says so on stderr', async () => {
    const out = join(dir, 'pivot.xlsx');
    const run = await jixiao(['export', '--format', 'xlsx', '--pivot', 'execution', '--by', 'department,year', '--out', out]);
    expect(run.stderr).toContain(`wrote ${out}`);
    expect(run.stderr).toContain('1 report(s) without a department name');
    const workbook = XLSX.read(await readFile(out), { type: 'buffer' });
    const matrix = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets.pivot_execution_yuan!, { header: 1, raw: true });
    expect(matrix[0]).toEqual(['department_key', 'department', 'execution_yuan_2021', 'execution_yuan_2022', 'execution_yuan_2023', 'execution_yuan_2024']);
    expect(matrix.slice(1).map((row) => row[0])).toEqual([HUADU_KEY, XUNDIAN_KEY].sort((a, b) => a.localeCompare(b, 'zh')));
  });

  it('refuses xlsx without --out with exit code 2', async () => {
    const run = await jixiao(['export', '--format', 'xlsx']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--out');
  });

  it('lists, merges and unmerges departments', async () => {
    const listed = await jixiao(['departments', '--json']);
    const json = JSON.parse(listed.stdout) as { departments: Array<{ key: string; latestName: string; years: number[] }>; aliases: unknown[] };
    expect(json.departments.map((d) => [d.key, d.latestName, d.years])).toContainEqual([XUNDIAN_KEY, '中共寻甸县委办公室', [2023, 2024]]);
    expect(json.aliases).toEqual([]);

    expect((await jixiao(['departments', 'merge', HUADU_KEY, XUNDIAN_KEY])).stdout).toBe(`merged ${XUNDIAN_KEY} into ${HUADU_KEY}\n`);
    const text = await jixiao(['departments']);
    expect(text.stdout).toContain(`${HUADU_KEY}  中共寻甸县委办公室  2021–2024  5 report(s)`);
    expect(text.stdout).toContain(`merged: ${XUNDIAN_KEY} → ${HUADU_KEY}`);
    expect(text.stdout).toContain('1 department(s)');

    const bad = await jixiao(['departments', 'split', 'nope', 'x']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('no department with key "nope"');

    expect((await jixiao(['departments', 'unmerge', XUNDIAN_KEY])).stdout).toBe(`unmerged ${XUNDIAN_KEY}\n`);
    expect((await jixiao(['departments'])).stdout).toContain('2 department(s)');
  }, 60_000);
});
