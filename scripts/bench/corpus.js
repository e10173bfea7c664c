// Generates a benchmark corpus from the seed report: the same report with other departments,
// years, amounts and counts, in the formats reports are published in (UTF-8 and GB18030 TXT,
// DOCX, HTML). Most variants are arithmetically consistent; about a quarter carry one deliberate
// inconsistency, so the checks have real work (and the manifest says which).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import iconv from 'iconv-lite';
import { SHARED_DIR } from './env.js';
import { makeRng } from './stats.js';

export const SEED_DIR = join(SHARED_DIR, 'seed');
const SEED_TXT = join(SEED_DIR, 'huadu-2021-jgdgw.txt');
const SEED_DOCX = join(SEED_DIR, 'huadu-2021-jgdgw.docx');

const REGIONS = [
  ['广东省', '广州市', ['花都区', '番禺区', '天河区', '海珠区', '白云区', '黄埔区', '从化区']],
  ['广东省', '深圳市', ['南山区', '福田区', '宝安区', '龙岗区']],
  ['广东省', '佛山市', ['南海区', '顺德区', '禅城区']],
  ['浙江省', '杭州市', ['西湖区', '余杭区', '萧山区']],
  ['四川省', '成都市', ['武侯区', '锦江区', '青羊区']],
  ['江苏省', '南京市', ['鼓楼区', '玄武区', '江宁区']],
  ['湖北省', '武汉市', ['江岸区', '洪山区', '武昌区']],
];
const DEPARTMENTS = [
  ['中共', '直属机关工作委员会'],
  ['', '财政局'],
  ['', '教育局'],
  ['', '卫生健康局'],
  ['', '民政局'],
  ['', '司法局'],
  ['', '交通运输局'],
  ['', '住房和城乡建设局'],
  ['', '人力资源和社会保障局'],
  ['', '文化广电旅游体育局'],
  ['', '统计局'],
  ['中共', '委宣传部'],
];

/** Seed shares of the four function classes (一般公共服务, 社会保障和就业, 卫生健康, 住房保障). */
const FUNCTION_SEED = [52339, 14246, 501, 4322];

const cents = (c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
const pct1 = (num, den) => ((num / den) * 100).toFixed(1);

/** A number token, not part of a longer number. */
const token = (n) => new RegExp(`(?<![\\d.])${n.replace('.', '\\.')}(?!\\d|\\.\\d)`, 'gu');

/** Figures of one variant, in hundredths of 万元 where money. */
function drawFigures(rng, inconsistent) {
  const budget = rng.int(5_000, 5_000_000);
  const execution = Math.round(budget * rng.between(0.55, 1));
  const weights = FUNCTION_SEED.map((w) => w * rng.between(0.5, 1.5));
  const total = weights.reduce((a, b) => a + b, 0);
  const byFunction = weights.map((w) => Math.max(1, Math.round((execution * w) / total)));
  byFunction[0] = execution - byFunction.slice(1).reduce((a, b) => a + b, 0);
  const basic = Math.round(execution * rng.between(0.6, 0.95));
  const projectBudget = rng.int(500, Math.max(600, Math.min(500_000, Math.floor(budget / 5))));
  const projectExecution = Math.round(projectBudget * rng.between(0.9, 1));
  const f = {
    budget,
    execution,
    rate: pct1(execution, budget),
    byFunction,
    basic,
    projectSpending: execution - basic,
    projectBudget,
    projectExecution,
    projectRate: pct1(projectExecution, projectBudget),
    score: rng.int(8000, 9999),
    trained: rng.int(100, 2000),
    recruited: rng.int(10, 400),
    feedback: rng.int(200, 5000),
    suggestions: rng.int(50, 1000),
    members: rng.int(20, 300) * 100,
    teams: rng.int(5, 100),
    flaw: null,
  };
  if (inconsistent) {
    f.flaw = rng.pick(['rate', 'function-sum', 'nature-sum', 'project-rate']);
    if (f.flaw === 'rate') f.rate = (Number(f.rate) + rng.pick([-1, 1]) * rng.between(3, 10)).toFixed(1);
    if (f.flaw === 'function-sum') f.byFunction[1] = Math.round(f.byFunction[1] * rng.between(1.1, 1.3));
    if (f.flaw === 'nature-sum') f.basic = Math.round(f.basic * rng.between(1.05, 1.2));
    if (f.flaw === 'project-rate') f.projectRate = (Number(f.projectRate) - rng.between(5, 20)).toFixed(1);
  }
  return f;
}

/**
 * Replacements for one variant, each with the number of times it must match in the seed text,
 * so that a changed seed fails loudly instead of silently producing copies of the seed.
 */
function replacementsFor(v) {
  const f = v.figures;
  return [
    ['中共广州市花都区直属机关工作委员会', v.department, 1],
    ['广州市花都区', `${v.city}${v.district}`, 2],
    ['广州市', v.city, 3],
    [token('890.33'), cents(f.budget), 1],
    [token('714.07'), cents(f.execution), 1],
    [token('80.2'), f.rate, 1],
    [token('523.39'), cents(f.byFunction[0]), 1],
    [token('142.46'), cents(f.byFunction[1]), 1],
    [token('5.01'), cents(f.byFunction[2]), 1],
    [token('43.22'), cents(f.byFunction[3]), 1],
    [token('642.19'), cents(f.basic), 1],
    [token('71.88'), cents(f.projectSpending), 1],
    [token('91.28'), cents(f.score), 1],
    [token('24.99'), cents(f.projectExecution), 1],
    [token('25'), cents(f.projectBudget), 1],
    [token('100.0'), f.projectRate, 1],
    [token('774'), String(f.trained), 2],
    [token('165'), String(f.recruited), 1],
    [token('1762'), String(f.feedback), 1],
    [token('380'), String(f.suggestions), 1],
    [token('13000'), String(f.members), 1],
    [token('60'), String(f.teams), 1],
    [token('2021'), String(v.year), 11],
  ];
}

/**
 * Applies the replacements through placeholders, so that a replacement's output (广州市 in a new
 * department name) is never matched by a later one.
 */
function applyReplacements(text, replacements, what) {
  let out = text;
  replacements.forEach(([from, , expected], i) => {
    const count = typeof from === 'string' ? out.split(from).length - 1 : (out.match(from) ?? []).length;
    if (count !== expected) throw new Error(`corpus: ${what}: expected ${expected} × ${from}, found ${count}`);
    const marker = `\u0000${i}\u0000`;
    out = typeof from === 'string' ? out.split(from).join(marker) : out.replace(from, marker);
  });
  return out.replace(/\u0000(\d+)\u0000/gu, (_, i) => replacements[Number(i)][1]);
}

function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A government-portal article page around the report text (navigation and footer included). */
function toHtml(text, v) {
  const paras = text.split(/\n+/u).map((l) => l.trim()).filter(Boolean);
  const [title, ...body] = paras;
  const bodyHtml = body
    .map((p) => (/^[一二三四五六七八九十]+、/u.test(p) ? `<h3>${escapeHtml(p)}</h3>` : `<p>${escapeHtml(p)}</p>`))
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>${escapeHtml(title)}-${v.city}${v.district}人民政府门户网站</title>
<meta name="ArticleTitle" content="${escapeHtml(title)}">
</head><body>
<div class="header"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/bsfw/">办事服务</a></div>
<div class="nav"><ul><li>部门预决算</li><li>绩效评价</li></ul></div>
<div class="article"><h1>${escapeHtml(title)}</h1>
<div class="info">发布日期：${v.year + 1}-06-30 来源：${escapeHtml(v.department)}</div>
<div class="article-content">
${bodyHtml}
</div></div>
<div class="footer">主办：${v.city}${v.district}人民政府办公室 版权所有</div>
</body></html>
`;
}

export const DEFAULT_FORMAT_MIX = [
  ['txt', 0.7],
  ['gb18030', 0.1],
  ['docx', 0.1],
  ['html', 0.1],
];

/**
 * Writes `count` reports into `dir` and returns their manifest:
 * [{ path, format, bytes, department, year, inconsistent, flaw }].
 */
export async function writeCorpus(dir, count, { seed = 2021, inconsistentShare = 0.25, mix = DEFAULT_FORMAT_MIX } = {}) {
  mkdirSync(dir, { recursive: true });
  const rng = makeRng(seed);
  const seedText = readFileSync(SEED_TXT, 'utf8');
  const seedZip = await JSZip.loadAsync(readFileSync(SEED_DOCX));
  const seedXml = await seedZip.file('word/document.xml').async('string');
  const manifest = [];
  // Formats are dealt in a fixed rotation so that every prefix of the corpus has the same mix.
  const deck = [];
  for (const [format, share] of mix) for (let i = 0; i < Math.round(share * 20); i++) deck.push(format);
  for (let i = 0; i < count; i++) {
    const [, city, districts] = rng.pick(REGIONS);
    const district = rng.pick(districts);
    const [prefix, dept] = rng.pick(DEPARTMENTS);
    const year = rng.int(2016, 2024);
    const inconsistent = rng.next() < inconsistentShare;
    const v = { city, district, department: `${prefix}${city}${district}${dept}`, year, figures: drawFigures(rng, inconsistent) };
    const replacements = replacementsFor(v);
    const format = deck[i % deck.length];
    const name = `r${String(i).padStart(5, '0')}`;
    let path;
    let bytes;
    if (format === 'docx') {
      const xml = applyReplacements(seedXml, replacementsFor(v), 'docx');
      seedZip.file('word/document.xml', xml);
      bytes = await seedZip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      path = join(dir, `${name}.docx`);
    } else {
      const text = applyReplacements(seedText, replacements, 'txt');
      if (format === 'txt') bytes = Buffer.from(text, 'utf8');
      else if (format === 'gb18030') bytes = iconv.encode(text, 'gb18030');
      else bytes = Buffer.from(toHtml(text, v), 'utf8');
      path = join(dir, `${name}${format === 'html' ? '.html' : '.txt'}`);
    }
    writeFileSync(path, bytes);
    manifest.push({ path, format, bytes: bytes.length, department: v.department, year, inconsistent, flaw: v.figures.flaw });
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return manifest;
}
