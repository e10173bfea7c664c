/**
 * A store holding the fixtures the serve tests look at: the seed report (TXT and PDF), a mutated
 * copy whose 执行数 no longer matches its 执行率, a record whose department carries an XSS payload,
 * and a corrupt file (an ingest error).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Of } from '../../src/analyze.js';
import { ingestFiles } from '../../src/queue/embedded.js';
import type { ReportRecord } from '../../src/schema/record.js';
import { openStore } from '../../src/store/open-store.js';
import type { InspectableStore } from '../../src/store/store.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SEED_TXT = path.join(ROOT, 'fixtures/seed/huadu-2021-jgdgw.txt');
export const SEED_PDF = path.join(ROOT, 'fixtures/seed/huadu-2021-jgdgw.pdf');

export const XSS_DEPARTMENT = '<script>alert("xss")</script><img src=x onerror=alert(1)>局';
export const XSS_TITLE = '"><svg onload=alert(2)>报告';

export interface FixtureStore {
  store: InspectableStore;
  dir: string;
  seedSha: string;
  seedPdfSha: string | null;
  mutatedSha: string;
  xssSha: string;
}

export interface FixtureStoreOptions {
  /** PGlite data directory; undefined = in memory. */
  dataDir?: string;
  /** Also ingest the seed PDF (slower; needed for page images). */
  pdf?: boolean;
}

export async function createFixtureStore(options: FixtureStoreOptions = {}): Promise<FixtureStore> {
  const dir = await mkdtemp(path.join(tmpdir(), 'jixiao-serve-'));
  const seed = await readFile(SEED_TXT, 'utf8');
  if (!seed.includes('714.07')) throw new Error('the seed no longer states 714.07');
  const mutatedPath = path.join(dir, 'huadu-2021-jgdgw-mutated.txt');
  await writeFile(mutatedPath, seed.replace('714.07', '724.07'));
  const corruptPath = path.join(dir, 'broken.pdf');
  await writeFile(corruptPath, '%PDF-1.7\nthis is not a PDF at all\n');

  const store = await openStore(options.dataDir !== undefined ? { dataDir: options.dataDir } : {});
  const files = [SEED_TXT, mutatedPath, corruptPath, ...(options.pdf ? [SEED_PDF] : [])];
  const summary = await ingestFiles(files, { store, concurrency: 0 });
  if (summary.stored !== files.length - 1) throw new Error(`fixture ingest stored ${summary.stored} of ${files.length - 1}: ${JSON.stringify(summary.failed)}`);

  const seedSha = sha256Of(new Uint8Array(await readFile(SEED_TXT)));
  const mutatedSha = sha256Of(new Uint8Array(await readFile(mutatedPath)));
  const seedPdfSha = options.pdf ? sha256Of(new Uint8Array(await readFile(SEED_PDF))) : null;

  // A record whose names carry markup, as a hostile or broken document might produce.
  const seedRecord = (await store.getRecord(seedSha)) as ReportRecord;
  const xssSha = 'f'.repeat(64);
  const xss: ReportRecord = structuredClone(seedRecord);
  xss.report.department = XSS_DEPARTMENT;
  xss.report.title = XSS_TITLE;
  xss.report.fiscalYear = 2022;
  xss.source = { ...xss.source, fileName: '<b>evil</b>.txt', sha256: xssSha };
  xss.figures.byFunction[0]!.name = '<iframe src=javascript:alert(3)>';
  await store.saveRecord(xssSha, xss);

  return { store, dir, seedSha, seedPdfSha, mutatedSha, xssSha };
}
