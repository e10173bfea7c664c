import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiao, jixiaoReadPart } from './run-cli.js';


const tmp = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
const SEED = 'fixtures/seed/huadu-2021-jgdgw';

describe('jixiao CLI', () => {
  it('stops quietly when its reader closes the pipe early (| head)', async () => {
    // More than a pipe's buffer (64 KiB), so the write after the reader left fails.
    const files = [`${SEED}.txt`, `${SEED}.docx`, `${SEED}.gb18030.txt`, `${SEED}.txt`];
    expect((await jixiao(['extract', '--json', ...files])).stdout.length).toBeGreaterThan(100_000);
    const r = await jixiaoReadPart(['extract', '--json', ...files], 1000);
    expect(r.stderr).not.toMatch(/EPIPE|Error/u);
    expect(r.code).toBe(0);
  });

  it('extract --json prints the seed record', async () => {
    const r = await jixiao(['extract', `${SEED}.txt`, '--json']);
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.stdout);
    expect(rec.figures.budget.value).toBe(8903300);
    expect(rec.report.department).toBe('中共广州市花都区直属机关工作委员会');
  });

  it('check exits 0 on a consistent report and 1 on a mutated one, with both sides', async () => {
    expect((await jixiao(['check', `${SEED}.txt`])).code).toBe(0);
    const bad = join(tmp, 'mutated.txt');
    writeFileSync(bad, readFileSync(`${SEED}.txt`, 'utf8').replace('执行数 714.07 万元', '执行数 724.07 万元'));
    const r = await jixiao(['check', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL\s+execution_rate/u);
    expect(r.stdout).toContain('[80.15, 80.25]');
  });

  it('names the file and the problem for bad input, exit 2, no stack trace', async () => {
    const empty = join(tmp, 'empty.pdf');
    writeFileSync(empty, '');
    const truncated = join(tmp, 'truncated.pdf');
    const pdf = readFileSync(`${SEED}.pdf`);
    writeFileSync(truncated, pdf.subarray(0, pdf.length >> 1));
    const zip = join(tmp, 'archive.zip');
    writeFileSync(zip, Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]));
    for (const [file, pattern] of [
      [empty, /empty/u],
      [truncated, /truncated or corrupt/iu],
      [zip, /unsupported/iu],
      [join(tmp, 'missing.txt'), /no such file/u],
    ] as const) {
      const r = await jixiao(['extract', file]);
      expect(r.code, file).toBe(2);
      expect(r.stderr).toContain(file.split('/').pop()!);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /u);
      // One line: the reader's own words are not repeated after the message.
      expect(r.stderr.trim().split('\n'), file).toHaveLength(1);
    }
    const pdfjs = await jixiao(['extract', truncated], { JIXIAO_PDF_ENGINE: 'pdfjs' });
    expect(pdfjs.stderr).toMatch(/truncated or corrupt/u);
    expect(pdfjs.stderr).not.toMatch(/not in PDF format/u);
  });

  it('refuses bad flags as usage errors, exit 2 (1 means a check failed)', async () => {
    const dataDir = join(tmp, 'usage-data');
    for (const args of [
      ['list', '--year', 'abc'],
      ['list', '--kind', 'foo'],
      ['export', '--kind', 'foo'],
      ['export', '--year', '20x3'],
      ['reprocess', '--older-than', 'banana'],
      ['ingest', 'fixtures/seed', '--concurrency', 'many'],
      ['list', '--no-such-flag'],
      ['export', '--out', join(tmp, 'reports.numbers')],
      ['export', '--format', 'csv', '--out', join(tmp, 'reports.xlsx')],
    ]) {
      const r = await jixiao([...args, '--data-dir', dataDir]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/invalid|unknown option|format/u);
    }
  });

  it('prints one version, package.json\'s', async () => {
    const r = await jixiao(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('refuses a file over the configured size limit', async () => {
    const r = await jixiao(['extract', `${SEED}.txt`], { JIXIAO_MAX_BYTES: '100' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/over the limit of 100/u);
  });

  it('stops on bad configuration with exit 3', async () => {
    const r = await jixiao(['extract', `${SEED}.txt`], { JIXIAO_MAX_BYTES: 'lots' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/JIXIAO_MAX_BYTES/u);
  });

  it('ingests a folder into the embedded store, skips what it already has, and lists and shows it', { timeout: 240_000 }, async () => {
    const dataDir = join(tmp, 'data');
    const first = await jixiao(['ingest', 'fixtures/seed', '--data-dir', dataDir]);
    expect(first.stderr + first.stdout).toMatch(/stored/u);
    expect(first.stdout).toMatch(/6 report\(s\) stored/u);
    expect(first.code).toBe(0);
    const again = await jixiao(['ingest', 'fixtures/seed', '--data-dir', dataDir]);
    expect(again.stdout).toMatch(/0 report\(s\) stored .*6 skipped/u);
    const list = await jixiao(['list', '--data-dir', dataDir, '--json']);
    const rows = JSON.parse(list.stdout) as Array<{ budget: number; fileName: string; sha256: string }>;
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.budget === 8903300)).toBe(true);
    const show = await jixiao(['show', rows[0]!.sha256.slice(0, 10), '--data-dir', dataDir, '--json']);
    expect(JSON.parse(show.stdout).figures.execution.value).toBe(7140700);
    // A short prefix, as a user copies it from `list`, finds the report too (it is not a file name).
    const unique = rows.find((row) => rows.filter((other) => other.sha256.slice(0, 3) === row.sha256.slice(0, 3)).length === 1)!;
    const short = await jixiao(['show', unique.sha256.slice(0, 3), '--data-dir', dataDir, '--json']);
    expect(short.code).toBe(0);
    expect(JSON.parse(short.stdout).source.fileName).toBe(unique.fileName);
    // By file name; nothing matching is exit 2.
    expect((await jixiao(['show', rows[0]!.fileName, '--data-dir', dataDir])).code).toBe(0);
    expect((await jixiao(['show', 'no-such-report.pdf', '--data-dir', dataDir])).code).toBe(2);
    // Money as the report printed it, with separators; the rate in percent.
    const text = await jixiao(['list', '--data-dir', dataDir]);
    expect(text.stdout).toMatch(/budget 890\.33万元 {2}execution 714\.07万元 {2}rate 80\.2%/u);
    // --out with a known extension picks the format.
    const xlsx = join(tmp, 'reports.xlsx');
    const exported = await jixiao(['export', '--out', xlsx, '--data-dir', dataDir]);
    expect(exported.code).toBe(0);
    expect([...readFileSync(xlsx).subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const status = await jixiao(['status', '--data-dir', dataDir]);
    expect(status.stdout).toMatch(/6 documents, 6 reports/u);
    // Records from this extractor are current: nothing to reprocess unless asked for all.
    const current = await jixiao(['reprocess', '--data-dir', dataDir]);
    expect(current.stdout).toMatch(/0 file\(s\) .*0 report\(s\) stored/u);
    const all = await jixiao(['reprocess', '--all', '--data-dir', dataDir]);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/reprocessed with extractor .*6 report\(s\) stored/u);
  });

  it('loses nothing committed when ingest is killed mid-batch, and a second run finishes the rest', { timeout: 180_000 }, async () => {
    const dir = join(tmp, 'kill-batch');
    mkdirSync(dir);
    const seed = readFileSync(`${SEED}.txt`, 'utf8');
    for (let i = 0; i < 120; i++) writeFileSync(join(dir, `r${i}.txt`), seed.replace('花都区', `花都区${i}`));
    const dataDir = join(tmp, 'kill-data');
    // SIGKILL as soon as 20 reports are reported stored: no chance to close PGlite.
    const stored = await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, ['bin/jixiao.js', 'ingest', dir, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
      let count = 0;
      let log = '';
      child.stderr.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        count = (log.match(/\] stored /gu) ?? []).length;
        if (count >= 20 && child.exitCode === null) child.kill('SIGKILL');
      });
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(count) : reject(new Error(`ingest ended by itself (${code}) before the kill`))));
    });
    expect(stored).toBeGreaterThanOrEqual(20);
    const status = await jixiao(['status', '--data-dir', dataDir]);
    expect(status.code).toBe(0);
    const reports = Number(/(\d+) reports/u.exec(status.stdout)?.[1]);
    // Every report announced as stored was committed (more may have been, after the last line read).
    expect(reports).toBeGreaterThanOrEqual(stored);
    const again = await jixiao(['ingest', dir, '--data-dir', dataDir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`${120 - reports} report(s) stored`);
    expect(again.stdout).toContain(`${reports} skipped`);
    expect((await jixiao(['status', '--data-dir', dataDir])).stdout).toMatch(/120 documents, 120 reports/u);
  });

  it('read shows format, pages, OCR needs and the outline', async () => {
    const r = await jixiao(['read', `${SEED}.pdf`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/format: pdf, 5 page\(s\)/u);
    expect(r.stdout).toMatch(/needs OCR: no/u);
    expect(r.stdout).toContain('（三）部门整体收支情况');
    // The fallback engine reads the same document.
    const pdfjs = await jixiao(['read', `${SEED}.pdf`], { JIXIAO_PDF_ENGINE: 'pdfjs' });
    expect(pdfjs.code).toBe(0);
    expect(pdfjs.stdout).toBe(r.stdout);
  });

  it('explains every command in --help, with examples and the exit codes', async () => {
    const r = await jixiao(['--help']);
    const commands = ['read', 'extract', 'check', 'ingest', 'list', 'show', 'status', 'reprocess', 'worker', 'serve', 'export', 'departments'];
    for (const cmd of commands) expect(r.stdout).toContain(cmd);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toMatch(/Exit codes:[\s\S]*2 {2}bad input/u);
    for (const cmd of commands.filter((c) => c !== 'departments')) {
      const help = await jixiao([cmd, '--help']);
      expect(help.code, cmd).toBe(0);
      expect(help.stdout, cmd).toMatch(/Examples:\n {2}\$ jixiao /u);
      expect(help.stdout, cmd).toContain('Exit codes:');
    }
    const read = await jixiao(['read', '--help']);
    for (const format of ['PDF', 'DOCX', 'DOC,', 'XLSX', 'XLS,', 'HTML', 'TXT', 'GB18030', 'PNG', 'JPEG', 'TIFF']) expect(read.stdout).toContain(format);
  });
});
