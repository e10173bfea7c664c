// Cold process, one file: what a user waits for when running `jixiao` once, against `pdftotext
// -layout` on the same file in the same run (issue 18). Every command is a fresh process, timed
// from spawn to exit; CPU (user + sys) and peak RSS come from GNU time. Runs are interleaved
// (jixiao, then pdftotext, file by file) so that both see the same machine load.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, SHARED_DIR } from './env.js';
import { fmt, median, table, verdict } from './stats.js';

const GNU_TIME = '/usr/bin/time';
/** The 50-page 国家信访局 决算 with four 项目支出绩效自评表; its page 34 is a one-page form (资产运行维护). */
const FORMS_PDF = 'xinfang-2024-final-accounts-with-forms.pdf';
const ONE_PAGE_FORM = 34;

/** Goals of issue 18. */
export const COLD_GOALS = { versionSeconds: 0.15, onePageSeconds: 0.4, wholeRatio: 5, wholeRssMiB: 250 };

/** Runs `argv` once: wall seconds, and CPU seconds and peak RSS when GNU time is there. */
function timed(argv, work) {
  const out = join(work, 'time.txt');
  const withTime = existsSync(GNU_TIME);
  const cmd = withTime ? [GNU_TIME, '-o', out, '-f', '%U %S %M', ...argv] : argv;
  const t0 = performance.now();
  const r = spawnSync(cmd[0], cmd.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const wall = (performance.now() - t0) / 1000;
  // `extract` exits 1 when a check fails: that is a result, not an error.
  if (r.error || (r.status !== 0 && r.status !== 1)) throw new Error(`${argv.join(' ')}: exit ${r.status}: ${String(r.stderr).slice(-500)}`);
  if (!withTime) return { wall, cpu: NaN, rssMiB: NaN };
  const [user, sys, rssKb] = spawnSync('tail', ['-n', '1', out], { encoding: 'utf8' }).stdout.trim().split(/\s+/).map(Number);
  return { wall, cpu: user + sys, rssMiB: rssKb / 1024 };
}

/** Makes the 1-page and the joined PDF with qpdf, else poppler's pdfseparate / pdfunite. */
function makeFiles(work) {
  const realDir = join(SHARED_DIR, 'realpdf');
  if (!existsSync(join(realDir, FORMS_PDF))) throw new Error(`${join(realDir, FORMS_PDF)} is missing`);
  const real = readdirSync(realDir).filter((n) => n.endsWith('.pdf')).sort().map((n) => join(realDir, n));
  const one = join(work, 'one-page-form.pdf');
  const joined = join(work, 'joined-final-accounts.pdf');
  const run = (argv) => spawnSync(argv[0], argv.slice(1), { stdio: 'ignore' }).status === 0;
  const forms = join(realDir, FORMS_PDF);
  if (!run(['qpdf', '--empty', '--pages', forms, String(ONE_PAGE_FORM), '--', one]) && !run(['pdfseparate', '-f', String(ONE_PAGE_FORM), '-l', String(ONE_PAGE_FORM), forms, one]))
    throw new Error('neither qpdf nor pdfseparate could cut one page');
  if (!run(['qpdf', '--empty', '--pages', ...real, '--', joined]) && !run(['pdfunite', ...real, joined])) throw new Error('neither qpdf nor pdfunite could join the PDFs');
  const pages = (path) => Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [path], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? NaN);
  return { one, forms, joined, real, pages };
}

/**
 * @param {{ work: string, runs: number, log?: (msg: string) => void }} args
 */
export function runCold(args) {
  const { work, runs } = args;
  const files = makeFiles(work);
  const jixiao = [process.execPath, join(ROOT, 'bin', 'jixiao.js')];
  const pdftotext = (path) => ['pdftotext', '-q', '-layout', '-enc', 'UTF-8', path, '-'];
  const cold = [
    { name: '`jixiao --version`', argv: [...jixiao, '--version'] },
    { name: '`jixiao --help`', argv: [...jixiao, '--help'] },
    { name: '`node -e 0` (Node start, the floor)', argv: [process.execPath, '-e', '0'] },
    { name: '`extract --json`, 1-page 自评表', argv: [...jixiao, 'extract', '--json', files.one], file: files.one },
    { name: `\`extract --json\`, ${FORMS_PDF}`, argv: [...jixiao, 'extract', '--json', files.forms], file: files.forms },
    { name: '`extract --json`, the realpdf files joined', argv: [...jixiao, 'extract', '--json', files.joined], file: files.joined },
  ];
  const whole = [...files.real.filter((p) => p !== files.forms), files.joined].map((file) => ({ name: file.split('/').pop(), argv: [...jixiao, 'extract', '--json', file], file }));
  const measure = (list, label) => {
    const rows = list.map((c) => ({ name: c.name, pages: c.file ? files.pages(c.file) : null, jixiao: [], pdftotext: [] }));
    // One warm-up of each: the page cache, not a warm process, is what a user's second run has.
    for (const c of list) {
      timed(c.argv, work);
      if (c.file) timed(pdftotext(c.file), work);
    }
    for (let r = 0; r < runs; r++) {
      args.log?.(`cold: ${label}, run ${r + 1}/${runs}`);
      list.forEach((c, i) => {
        rows[i].jixiao.push(timed(c.argv, work));
        if (c.file) rows[i].pdftotext.push(timed(pdftotext(c.file), work));
      });
    }
    return rows;
  };
  const result = { runs, gnuTime: existsSync(GNU_TIME), cold: measure(cold, 'one file'), whole: measure(whole, 'whole documents') };
  writeFileSync(join(work, 'cold.json'), JSON.stringify(result));
  return result;
}

const med = (samples, key) => median(samples.map((s) => s[key]));
/** Median over runs of each run's jixiao/pdftotext ratio (side by side, so load hits both). */
const ratio = (row, key) => median(row.jixiao.map((j, i) => j[key] / row.pdftotext[i]?.[key]));

/** GNU time counts CPU in 10 ms ticks: a ratio to less than this is noise. */
const MIN_CPU_FOR_RATIO = 0.05;

function rowCells(row) {
  const hasPoppler = row.pdftotext.length > 0;
  const cpuRatio = hasPoppler && med(row.pdftotext, 'cpu') >= MIN_CPU_FOR_RATIO;
  return [
    row.name,
    row.pages ?? '—',
    fmt(med(row.jixiao, 'wall'), 3),
    fmt(med(row.jixiao, 'cpu'), 2),
    fmt(med(row.jixiao, 'rssMiB'), 0),
    hasPoppler ? fmt(med(row.pdftotext, 'wall'), 3) : '—',
    hasPoppler ? fmt(med(row.pdftotext, 'cpu'), 2) : '—',
    hasPoppler ? `${fmt(ratio(row, 'wall'), 1)}×` : '—',
    cpuRatio ? `${fmt(ratio(row, 'cpu'), 1)}×` : '—',
  ];
}

const HEADER = ['command', 'pages', 'jixiao wall s', 'jixiao CPU s', 'jixiao peak RSS MiB', 'pdftotext wall s', 'pdftotext CPU s', 'wall ×', 'CPU ×'];

/** Rows for the targets table. */
export function coldTargets(cold) {
  const find = (list, match) => list.find((r) => r.name.includes(match));
  const version = find(cold.cold, '--version');
  const one = find(cold.cold, '1-page');
  const joined = find(cold.cold, 'joined');
  const rows = [];
  if (version) {
    const s = med(version.jixiao, 'wall');
    rows.push(['`jixiao --version`, cold process (wall)', `${fmt(s, 3)} s`, `≤ ${COLD_GOALS.versionSeconds} s`, verdict(s <= COLD_GOALS.versionSeconds)]);
  }
  if (one) {
    const s = med(one.jixiao, 'wall');
    rows.push(['`jixiao extract --json` of a 1-page 自评表 PDF, cold process (wall)', `${fmt(s, 3)} s (pdftotext ${fmt(med(one.pdftotext, 'wall'), 3)} s)`, `≤ ${COLD_GOALS.onePageSeconds} s`, verdict(s <= COLD_GOALS.onePageSeconds)]);
  }
  if (joined) {
    const r = ratio(joined, 'wall');
    const rss = med(joined.jixiao, 'rssMiB');
    rows.push([
      `\`extract --json\` of a ${joined.pages}-page 决算 end to end, against \`pdftotext -layout\` (wall)`,
      `${fmt(r, 1)}× (${fmt(med(joined.jixiao, 'wall'), 2)} s against ${fmt(med(joined.pdftotext, 'wall'), 2)} s; CPU ${fmt(ratio(joined, 'cpu'), 1)}×)`,
      `≤ ${COLD_GOALS.wholeRatio}×`,
      verdict(r <= COLD_GOALS.wholeRatio),
    ]);
    rows.push([`peak RSS of that run`, `${fmt(rss, 0)} MiB`, `≤ ${COLD_GOALS.wholeRssMiB} MiB`, verdict(rss <= COLD_GOALS.wholeRssMiB)]);
  }
  return rows;
}

/** The section's markdown: the cold-process table and the whole-document table. */
export function renderCold(cold) {
  const out = [
    `Each command in a fresh process, timed from spawn to exit, median of ${cold.runs} runs; \`pdftotext -layout\` on the same file right after it in the same run; the ratios are medians of the per-run ratios.${cold.gnuTime ? ' CPU is user + sys and peak RSS the maximum resident set, both from GNU time.' : ' GNU time (/usr/bin/time) was missing: no CPU or RSS figures.'} The 1-page file is page ${ONE_PAGE_FORM} of ${FORMS_PDF} (a 项目支出绩效自评表); the joined one is every file of shared/realpdf in one PDF.`,
    '',
    '### Cold process, one file',
    '',
    table(HEADER, cold.cold.map(rowCells)),
    '',
    '### Whole documents (read, analyse, check)',
    '',
    table(HEADER.map((h, i) => (i === 0 ? 'file' : h)), cold.whole.map(rowCells)),
  ];
  return out.join('\n');
}
