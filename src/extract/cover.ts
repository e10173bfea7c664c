/**
 * The reporting department as a 决算/预算 cover or a form's header prints it:
 * "国家信访局2024年度部门决算", "X（汇总）/ 2022年度部门决算", "预算主管部门：X",
 * "部门（单位）名称：X", "部门：X" (a 决算 table's unit line), "主管部门 | [292] X / 实施单位 | Y".
 */
import type { SourceDocument } from '../ingest/document.js';
import { evidenceOf } from '../normalize/offsets.js';
import type { Evidence, Form, Part } from '../schema/record.js';
import { AFTER_ORGAN, ORGAN_END, STRONG_ORGAN_END } from '../vocabulary/units.js';
import { placeRunEnds } from './region.js';

export interface CoverDepartment {
  name: string;
  /** cover: the cover page; form: a department form's or every project form's 主管部门; unit_line: "部门：X" over 决算 tables. */
  source: 'cover' | 'form' | 'unit_line';
  evidence: Evidence | null;
}

function clean(name: string): string | null {
  const n = name
    // ("(汇总)" is the report's scope; "(本级)" names the unit's own budget level and stays, as in "国家信访局本级".)
    .replace(/[（(]汇总[）)]/gu, '')
    .replace(/^[\s"“《_:：]+|[\s"”》:：,，]+$/gu, '')
    .trim();
  const len = Array.from(n).length;
  if (len < 3 || len > 40 || /[。；，、]/u.test(n) || !ORGAN_END.test(n.replace(AFTER_ORGAN, ''))) return null;
  return n;
}

/** "X 2024 年度部门决算" / "X（汇总）2022年度部门预算" on the cover, its lines joined. */
const COVER_NAME = /^(.{3,40}?)(?:[（(]汇总[）)])?(?:(?:19|20)\d{2}|二〇[一二三四五六七八九〇零]{2})年度?(?:部门|单位)?(?:决算|预算)/u;
/** Everything up to the last breadcrumb arrow, quote, file name, channel word or number run. */
const PAGE_FURNITURE_BEFORE = /^.*(?:[>》」】\]|｜:：”"]|专题|频道|欢迎|索引号|\.(?:pdf|docx?|xlsx?)|\d{4,})/u;
/** "预算主管部门：X", "部门（单位）名称：X", "部门：X" — a field's value up to the next field or line end. */
const FIELD_NAME = /(?:预算主管部门|部门[（(]单位[）)]名称|(?<![\u4e00-\u9fff])部门)[:：]\s*([\u4e00-\u9fff（）()]{3,40}?)(?=\s|$|金额|单位[:：]|编制|[，。；|｜\t])/mu;

/**
 * Where the unit's name starts among the cover's joined lines: where it starts (after page
 * furniture) when that starts like a unit's name (a place, 中共/共青团); else at the first line that
 * does ("登录 / 某某县人民政府门户网站 / 南江县林业局 / 2020年度部门决算" → 南江县林业局); else at the
 * last line that is a unit's name by itself; else as found.
 */
function nameLineStart(joined: string, from: number, breakBefore: (j: number) => boolean): number {
  const startsLikeUnit = (text: string) => /^(?:中共|共青团)/u.test(text) || placeRunEnds(text).length > 0;
  if (startsLikeUnit(joined.slice(from))) return from;
  for (let j = from + 1; j < joined.length - 2; j++) if (breakBefore(j) && startsLikeUnit(joined.slice(j))) return j;
  // (A unit without a place: the last line that is a unit's name by itself, "政务公开 / 某某中心 / 2022年度部门决算".)
  for (let j = joined.length - 3; j > from; j--) if (breakBefore(j) && STRONG_ORGAN_END.test(joined.slice(j))) return j;
  return from;
}

/** The department a 决算/预算 cover names, then a department form's, then the unit line over the tables. */
export function departmentFromCover(doc: SourceDocument, parts: readonly Part[], forms: readonly Form[]): CoverDepartment | null {
  const cover = parts.find((p) => p.kind === 'cover');
  if (cover) {
    // The cover's lines joined: "上海市普陀区规划和自然 / 资源局 / 2024 年度部门决算".
    const raw = doc.text.slice(cover.start, cover.end);
    const kept: number[] = [];
    let joined = '';
    for (let i = 0; i < raw.length; i++) {
      if (/\s/u.test(raw[i]!)) continue;
      joined += raw[i];
      kept.push(i);
    }
    const m = COVER_NAME.exec(joined);
    // A web page's breadcrumbs, file names and index numbers stand before the name on its "cover".
    const furniture = m ? (PAGE_FURNITURE_BEFORE.exec(m[1]!)?.[0].length ?? 0) : 0;
    const cut = m ? nameLineStart(m[1]!, furniture, (j) => /\n/u.test(raw.slice(kept[j - 1]! + 1, kept[j]!))) : 0;
    const name = m && !/\d/u.test(m[1]!.slice(cut)) ? clean(m[1]!.slice(cut)) : null;
    if (m && name) {
      const start = cover.start + kept[cut]!;
      const end = cover.start + kept[m[1]!.length - 1]! + 1;
      return { name, source: 'cover', evidence: evidenceOf(doc, start, end) };
    }
  }
  const departmentForm = forms.find((f) => f.formKind === 'department_overall' && f.department);
  if (departmentForm) return { name: departmentForm.department!, source: 'form', evidence: departmentForm.evidence };
  // Project forms of one 主管部门 name it too.
  const named = forms.filter((f) => f.source !== 'score_table' && f.department);
  const names = new Set(named.map((f) => clean(f.department!)).filter((n): n is string => n !== null));
  if (names.size === 1 && named.length === forms.filter((f) => f.source !== 'score_table').length) {
    return { name: [...names][0]!, source: 'form', evidence: named[0]!.evidence };
  }
  const searchIn = parts.filter((p) => p.kind === 'cover' || p.kind === 'accounts_table' || p.kind === 'budget_table');
  for (const p of searchIn) {
    const m = FIELD_NAME.exec(doc.text.slice(p.start, Math.min(p.end, p.start + 600)));
    const name = m ? clean(m[1]!) : null;
    if (m && name) {
      const start = p.start + m.index + m[0].indexOf(m[1]!);
      return { name, source: 'unit_line', evidence: evidenceOf(doc, start, start + m[1]!.length) };
    }
  }
  return null;
}
