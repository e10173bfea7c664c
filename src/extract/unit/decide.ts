/**
 * One engine for the reporting unit: run every source of rules.ts, read each name in full where the
 * text prints it with its place ("县司法局" → "紫金县司法局"), put names of one unit together (the
 * longer name wins), score them from the source and FEATURES, and decide with a threshold and a
 * margin; otherwise abstain.
 */
import { evidenceOf } from '../../normalize/offsets.js';
import type { SourceDocument } from '../../ingest/document.js';
import type { Evidence } from '../../schema/record.js';
import { shortNameOf } from '../../vocabulary/regions.js';
import { ORGAN_END, ORGAN_EXTENSION } from '../../vocabulary/units.js';
import { placeRunEnds, regionOf } from '../region.js';
import { cleanDepartment } from './finders.js';
import { AGREEMENT, UNIT_FEATURES, UNIT_MARGIN, UNIT_SOURCES, UNIT_THRESHOLD, type UnitContext, type UnitFinding } from './rules.js';

export interface UnitCandidate {
  name: string;
  score: number;
  /** Source ids that named it (or a shorter form of it). */
  sources: string[];
  /**
   * What scored its best finding: the source's weight (under the source's id), each feature that
   * fired, and unit.agreement; unit.full_name (weight 0) when the text's full name replaced a shorter one.
   */
  features: { id: string; weight: number }[];
  /** Where the text first prints the name (or, when only a shorter form is printed, that form). */
  evidence: Evidence | null;
}

export interface UnitDecision {
  name: string | null;
  /** abstained_forms: only the headers of forms of several units named it (forms.ts). */
  reason: 'clear' | 'abstained_low' | 'abstained_tie' | 'abstained_forms' | 'none';
  candidates: UnitCandidate[];
}

/** What every source finds in the document. */
export function findUnits(ctx: UnitContext): UnitFinding[] {
  return UNIT_SOURCES.flatMap((s) => s.find(ctx).flatMap((name) => (name ? [{ name, source: s.id }] : [])));
}

/**
 * The unit's name as the text prints it with its place before it: "紫金县司法局" for "县司法局",
 * "随州市曾都区河道堤防建设管理处" for "曾都区河道堤防建设管理处". The place run must be gazetteer
 * names from its first character; the longest such form in the opening text wins.
 */
export function fullNameOf(name: string, text: string): string {
  // A name that starts with its place is read as printed ("曾都区…" stays, "张掖市山丹县…" is not made of it).
  if (placeRunEnds(name).length > 0) return name;
  const head = text.slice(0, 6000);
  const bareLevel = /^(?:自治区|自治州|自治县|[省市县区州旗])/u.exec(name)?.[0].length ?? 0;
  let best = name;
  for (let at = head.indexOf(name); at >= 0; at = head.indexOf(name, at + 1)) {
    const before = /[\u4e00-\u9fff]{1,14}$/u.exec(head.slice(Math.max(0, at - 14), at))?.[0] ?? '';
    for (let k = before.length; k >= 1; k--) {
      const prefix = before.slice(before.length - k);
      const ends = placeRunEnds(prefix + name);
      if (ends.includes(prefix.length) || (bareLevel > 0 && ends.includes(prefix.length + bareLevel))) {
        if (prefix.length + name.length > best.length) best = prefix + name;
        break;
      }
    }
  }
  return best;
}

/** A township's or a street's name alone: its government's office is the unit ("羊街乡" → "羊街乡人民政府"). */
const TOWNSHIP_GOVERNMENT_WORD: readonly [RegExp, string][] = [
  [/(?:乡|镇|苏木)$/u, '人民政府'],
  [/街道$/u, '办事处'],
];

/**
 * The unit a township's or a street's name stands for, when the text prints it: "元江哈尼族彝族傣族自治县
 * 羊街乡" (a 决算's title) is "…羊街乡人民政府" where the text names the government. A text that never
 * does ("发布机构:无为市襄安镇") keeps the name as printed.
 */
export function governmentOf(name: string, text: string): string {
  for (const [end, word] of TOWNSHIP_GOVERNMENT_WORD) if (end.test(name) && text.includes(name + word)) return name + word;
  // A township's government named short ("单位名称:塘湖镇政府" over "单位名称|塘湖镇人民政府|", t801) is that government.
  const official = TOWNSHIP_GOVERNMENT_SHORT.test(name) ? name.replace(TOWNSHIP_GOVERNMENT_SHORT, '人民政府') : null;
  return official && text.includes(official) ? official : name;
}

/** A township's government without 人民: "塘湖镇政府", "羊街乡政府". */
const TOWNSHIP_GOVERNMENT_SHORT = /(?<=乡|镇|苏木)政府$/u;

/**
 * Two names of one unit: the longer holds the shorter with only places before it and only an organ
 * word after it ("曾都区…管理处" in "随州市曾都区…管理处", "雨花区洞井街道" in "长沙市雨花区洞井街道办事处").
 */
function sameUnit(longer: string, shorter: string): boolean {
  if (longer === shorter || isAbbreviation(longer, shorter) || samePlaceShortened(longer, shorter)) return true;
  const at = longer.indexOf(shorter);
  if (longer.length <= shorter.length || at < 0) return false;
  const after = longer.slice(at + shorter.length);
  // ("南昌县黄马乡蚕茶卫生院" for "蚕茶卫生院": places, then a township, no organ of its own.)
  const before = longer.slice(0, at);
  const placed = at === 0 || placeRunEnds(longer).includes(at) || (placeRunEnds(before).length > 0 && !/[局厅委办院所站处室]|中心/u.test(before));
  return placed && (after === '' || ORGAN_EXTENSION.test(after));
}

/**
 * One unit under an autonomous county's (prefecture's, banner's) full name and its short one:
 * "景东彝族自治县人民政府驻外办事联络处" and "景东县人民政府驻外办事联络处", "张家川回族自治县龙山镇四方中学" and
 * "张家川县龙山镇四方中学". The names read alike after their place runs, and their places are one.
 */
function samePlaceShortened(longer: string, shorter: string): boolean {
  const longEnd = placeRunEnds(longer).at(-1);
  const shortEnd = placeRunEnds(shorter).at(-1);
  if (!longEnd || !shortEnd || longer.slice(longEnd) !== shorter.slice(shortEnd) || longer.slice(longEnd) === '') return false;
  const [long, short] = [regionOf(longer.slice(0, longEnd)), regionOf(shorter.slice(0, shortEnd))];
  // (Both name the county: "临沧市财政局" and "临沧市临翔区财政局" are two units.)
  const shortened = (full: string | null, brief: string | null) => full === brief || (!!full && !!brief && shortNameOf(full) === brief);
  return long.county !== null && short.county !== null && shortened(long.county, short.county) && shortened(long.city, short.city) && long.province === short.province;
}

/**
 * A unit's short form beside its name: "德城区教体局" for "德城区教育和体育局", "甲县人社局" for "甲县
 * 人力资源和社会保障局", "宜昌市城管委" for "宜昌市城市管理执法委员会" (委 short for 委员会, t737). Both start
 * with the same place and end with the same organ word; the short form's words between (two or more, the
 * first the same) are taken in order from the name's.
 */
function isAbbreviation(longer: string, shorter: string): boolean {
  // (A short form has fewer units than its name: asked of every pair of names, most pairs end here.)
  if (shorter.length >= longer.length) return false;
  const place = placeRunEnds(shorter).filter((end) => longer.startsWith(shorter.slice(0, end))).at(-1);
  const organ = ORGAN_END.exec(shorter)?.[0];
  const longOrgan = organ === '委' && longer.endsWith('委员会') ? '委员会' : organ;
  if (!place || !organ || !longOrgan || !longer.endsWith(longOrgan)) return false;
  const short = Array.from(shorter.slice(place, shorter.length - organ.length));
  const long = Array.from(longer.slice(place, longer.length - longOrgan.length));
  // (The first words agree: "攀枝花市财政局攀枝花市文化…局" is two units glued, not "攀枝花市文化…局" in full.)
  if (short.length < 2 || short.length >= long.length || short[0] !== long[0]) return false;
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/** Decides the unit over what the sources found (plus `extra` findings, e.g. a 决算 cover's). */
export function decideUnit(ctx: UnitContext, extra: readonly UnitFinding[] = []): UnitDecision {
  const cleaned = extra.flatMap((f) => {
    const name = cleanDepartment(f.name);
    return name ? [{ ...f, name }] : [];
  });
  // Several sources often find one name: its full form is read once.
  const fullNames = new Map<string, string>();
  const fullOf = (name: string): string => {
    let full = fullNames.get(name);
    if (full === undefined) fullNames.set(name, (full = governmentOf(fullNameOf(name, ctx.doc.text), ctx.doc.text)));
    return full;
  };
  const findings = [...findUnits(ctx), ...cleaned].map((f) => ({ ...f, full: fullOf(f.name) }));
  if (findings.length === 0) return { name: null, reason: 'none', candidates: [] };
  const names = [...new Set(findings.map((f) => f.full))].sort((a, b) => b.length - a.length);
  // Each finding joins the longest name of its unit.
  const groups = new Map<string, typeof findings>();
  for (const f of findings) {
    const name = names.find((n) => sameUnit(n, f.full))!;
    groups.set(name, [...(groups.get(name) ?? []), f]);
  }
  const candidates: UnitCandidate[] = [...groups].map(([name, fs]) => {
    let best: UnitCandidate | null = null;
    // The best score of a finding that prints the name in full, and the short form that scored best.
    let fullBest = -Infinity;
    let shortForm: { name: string; score: number } | null = null;
    for (const f of fs) {
      const source = UNIT_SOURCES.find((s) => s.id === f.source);
      const fired = UNIT_FEATURES.filter((feature) => feature.test({ name, source: f.source }, ctx));
      const features = [{ id: f.source, weight: source?.weight ?? weightOfExtra(f.source) }, ...fired.map((x) => ({ id: x.id, weight: x.weight }))];
      const score = features.reduce((s, x) => s + x.weight, 0);
      if (!best || score > best.score) best = { name, score, sources: [], features, evidence: null };
      if (!isAbbreviation(name, f.full)) fullBest = Math.max(fullBest, score);
      else if (FORM_SOURCE.test(f.source) && (!shortForm || score > shortForm.score)) shortForm = { name: f.full, score };
    }
    // A short form a form's cell holds (its "实施单位 六安市文旅局") is the name as it stands there, over the
    // full name a weaker place prints ("六安市文化和旅游局2022年度…"). A heading's short form is not: a 决算 titled
    // "宜昌市城管委2021年决算公开" names itself 宜昌市城市管理执法委员会 in its body (t737).
    if (shortForm && shortForm.score > fullBest) best!.name = shortForm.name;
    const sources = [...new Set(fs.map((f) => f.source))];
    best!.sources = sources;
    best!.evidence = evidenceOfName(ctx.doc, [best!.name, ...fs.map((f) => f.name)]);
    if (fs.some((f) => f.full !== f.name)) best!.features.push({ id: 'unit.full_name', weight: 0 });
    // Agreement counts kinds of place (title, form, page …): a form's cell read twice is one witness,
    // and so is a page's byline with its metadata and breadcrumb (one site's furniture).
    if (new Set(sources.map(witnessOf)).size > 1) {
      best!.score += AGREEMENT.weight;
      best!.features.push({ id: AGREEMENT.id, weight: AGREEMENT.weight });
    }
    return best!;
  });
  candidates.sort((a, b) => b.score - a.score);
  const [top, rival] = candidates;
  if (top!.score < UNIT_THRESHOLD) return { name: null, reason: 'abstained_low', candidates };
  if (rival && rival.score >= UNIT_THRESHOLD && top!.score - rival.score < UNIT_MARGIN) return { name: null, reason: 'abstained_tie', candidates };
  return { name: top!.name, reason: 'clear', candidates };
}

/** Sources that read a form's cells (and a department form's 主管部门, passed in as form.department). */
const FORM_SOURCE = /^form\./u;

/** The kind of place a source reads: a page's byline, metadata and breadcrumb are one. */
const witnessOf = (id: string) => id.split('.')[0]!.replace(/^(?:byline|meta|breadcrumb)$/u, 'page');

/** The first of `names` the text prints, as evidence (a title's unit is printed in the title). */
function evidenceOfName(doc: SourceDocument, names: readonly string[]): Evidence | null {
  for (const name of names) {
    const at = doc.text.indexOf(name);
    if (at >= 0) return evidenceOf(doc, at, at + name.length);
  }
  return null;
}

/** Sources found outside the text rules (a 决算 cover, a department form): their weights. */
export const EXTRA_SOURCES: Readonly<Record<string, number>> = {
  /** "国家信访局2024年度部门决算" on a 决算's cover. */
  'cover.name': 12,
  /** A department form's, or every project form's, 主管部门 (the unit above a project's). */
  'form.department': 7,
  /** "部门：X" over the 决算 tables. */
  'cover.unit_line': 6,
};
const weightOfExtra = (id: string) => EXTRA_SOURCES[id] ?? 0;
