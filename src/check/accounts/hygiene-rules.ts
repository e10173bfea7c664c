/**
 * Completeness and hygiene of a 决算: the tables the contents list are there, an empty table says
 * why, no template placeholders or unchosen alternatives, no doubled punctuation, and every
 * heading names the cover's unit and year.
 */
import type { CheckResult } from '../../schema/record.js';
import { evidenceOf } from '../../normalize/offsets.js';
import { canonicalDepartmentName } from '../../export/department-key.js';
import { BALANCE_DATE, EMPTY_TABLE_NOTE, PLACEHOLDERS, REPEATED_PUNCTUATION, TEMPLATE_REMNANTS } from '../../vocabulary/index.js';
import { pointInterval } from '../interval.js';
import { makeResult } from '../result.js';
import type { AccountsContext, AccountsRule } from './engine.js';
import { withPlace } from './relations.js';

function spanEvidence(ctx: AccountsContext, role: string, start: number, end: number): CheckResult['evidence'][number] {
  const evidence = evidenceOf(ctx.doc, start, end);
  return { role, text: evidence.quote, evidence };
}

/** Every table the contents list is in the document. */
const contents: AccountsRule = {
  id: 'completeness.contents',
  emits: [{ id: 'completeness.contents', zh: '目录所列的每张决算表都在文中', en: 'every table the contents list is in the document', status: 'fail' }],
  run(ctx) {
    return ctx.contents.map((entry) => {
      const found = ctx.tables.find((t) => t.name === entry.table);
      const titled = found !== undefined || ctx.bodyTitles.has(entry.table);
      return withPlace(
        makeResult({
          rule: 'completeness.contents',
          status: titled ? 'pass' : 'fail',
          zh: titled ? `目录所列「${entry.table}」在文中` : `目录列有「${entry.text}」，文中无此表`,
          en: titled ? `"${entry.table}" listed in the contents is present` : `the contents list "${entry.text}" but the document has no such table`,
          evidence: [spanEvidence(ctx, 'contents', entry.start, entry.end), ...(found ? [spanEvidence(ctx, 'table', found.titleStart, found.titleEnd)] : [])],
          detail: { table: entry.table },
        }),
        found?.part,
      );
    });
  },
};

/** A table without a single amount says so ("故本表无数据"), in a note or in the 情况说明. */
const emptyTables: AccountsRule = {
  id: 'completeness.empty_table',
  emits: [{ id: 'completeness.empty_table', zh: '无数据的表在表下注释或情况说明中说明原因（“故本表无数据”）', en: 'an empty table says why, in its note or the 情况说明', status: 'fail' }],
  run(ctx) {
    const narrative = ctx.sentences.map((s) => s.text).join('');
    return ctx.tables.flatMap((table) => {
      if (table.rows.some((r) => r.amounts.size > 0)) return [];
      // The 情况说明 may say it instead: "2024年度无“三公”经费财政拨款支出".
      const subject = table.name.includes('三公') ? /无“?三公”?经费/u : table.name.includes('政府性基金') ? /无政府性基金/u : table.name.includes('国有资本') ? /无国有资本经营/u : null;
      const noted = EMPTY_TABLE_NOTE.test(table.note.replace(/\s/gu, '')) || (subject !== null && subject.test(narrative));
      return [
        withPlace(
          makeResult({
            rule: 'completeness.empty_table',
            status: noted ? 'pass' : 'fail',
            zh: noted ? `「${table.name}」无数据，并已说明` : `「${table.name}」无任何数据，表下及情况说明均未说明原因`,
            en: noted ? `"${table.name}" is empty and says so` : `"${table.name}" holds no figures and nothing says why`,
            evidence: [spanEvidence(ctx, 'table', table.titleStart, table.titleEnd)],
          }),
          table.part,
        ),
      ];
    });
  },
};

/** One finding per match of `pattern` anywhere in the text. */
function textFindings(ctx: AccountsContext, rule: string, pattern: RegExp, status: 'fail' | 'warn', zh: (m: string) => string, en: (m: string) => string): CheckResult[] {
  const out: CheckResult[] = [];
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (const m of ctx.doc.text.matchAll(global)) {
    out.push(
      withPlace(
        makeResult({ rule, status, zh: zh(m[0]), en: en(m[0]), evidence: [spanEvidence(ctx, 'text', m.index, m.index + m[0].length)] }),
        undefined,
      ),
    );
  }
  return out;
}

const placeholders: AccountsRule = {
  id: 'hygiene.placeholder',
  emits: [{ id: 'hygiene.placeholder', zh: '无模板占位符（XX、xxx、××、待填写）', en: 'no template placeholders (XX, xxx, ××, 待填写)', status: 'fail' }],
  run: (ctx) => textFindings(ctx, 'hygiene.placeholder', PLACEHOLDERS, 'fail', (m) => `模板占位符「${m}」未替换`, (m) => `template placeholder "${m}" left in`),
};

const remnants: AccountsRule = {
  id: 'hygiene.template_remnant',
  emits: [{ id: 'hygiene.template_remnant', zh: '无未选定的模板备选词（“下降（增长）”）', en: 'no unchosen template alternatives (下降（增长）)', status: 'warn' }],
  run: (ctx) => textFindings(ctx, 'hygiene.template_remnant', TEMPLATE_REMNANTS, 'warn', (m) => `模板备选词「${m}」未选定`, (m) => `template alternative "${m}" left unchosen`),
};

const punctuation: AccountsRule = {
  id: 'hygiene.repeated_punctuation',
  emits: [{ id: 'hygiene.repeated_punctuation', zh: '无重复标点（“。。”）', en: 'no doubled punctuation (。。)', status: 'warn' }],
  run: (ctx) => textFindings(ctx, 'hygiene.repeated_punctuation', REPEATED_PUNCTUATION, 'warn', (m) => `标点重复「${m}」`, (m) => `punctuation doubled "${m}"`),
};

/** Headings name the cover's unit and year; 截至 dates are the year's end. */
const unitAndYear: AccountsRule = {
  id: 'hygiene.unit_year',
  emits: [
    { id: 'hygiene.unit_name', zh: '各部分标题（“××2024年度部门决算表”）的单位名称与封面一致', en: 'headings name the unit on the cover', status: 'fail' },
    { id: 'hygiene.year', zh: '各部分标题的年度与“截至××年12月31日”与封面年度一致', en: 'headings and 截至 dates name the year on the cover', status: 'fail' },
  ],
  run(ctx) {
    const cover = ctx.cover;
    if (!cover) return [];
    const out: CheckResult[] = [];
    const coverEvidence = spanEvidence(ctx, 'cover', cover.start, cover.end);
    for (const line of ctx.unitYearLines) {
      if (line.start >= cover.start && line.end <= cover.end) continue;
      // One spelling of a name (中国共产党 → 中共, brackets, width) is the same unit.
      const unitOk = canonicalDepartmentName(line.unit) === canonicalDepartmentName(cover.unit);
      // "第一部分 2024年度部门决算表" names no unit: only its year is checked.
      if (line.unit !== '') out.push(
        withPlace(
          makeResult({
            rule: 'hygiene.unit_name',
            status: unitOk ? 'pass' : 'fail',
            zh: unitOk ? `「${line.text}」单位与封面一致` : `「${line.text}」单位为「${line.unit}」，封面为「${cover.unit}」`,
            en: unitOk ? `"${line.text}" names the cover's unit` : `"${line.text}" names "${line.unit}", the cover "${cover.unit}"`,
            evidence: [spanEvidence(ctx, 'heading', line.start, line.end), coverEvidence],
          }),
          undefined,
        ),
      );
      out.push(
        withPlace(
          makeResult({
            rule: 'hygiene.year',
            status: line.year === cover.year ? 'pass' : 'fail',
            expected: pointInterval(cover.year),
            actual: pointInterval(line.year),
            unit: '年',
            zh: line.year === cover.year ? `「${line.text}」年度与封面一致` : `「${line.text}」年度为 ${line.year}，封面为 ${cover.year}`,
            en: line.year === cover.year ? `"${line.text}" names the cover's year` : `"${line.text}" says ${line.year}, the cover ${cover.year}`,
            evidence: [spanEvidence(ctx, 'heading', line.start, line.end), coverEvidence],
          }),
          undefined,
        ),
      );
    }
    for (const m of ctx.doc.text.matchAll(BALANCE_DATE)) {
      const year = Number(m[1]);
      out.push(
        withPlace(
          makeResult({
            rule: 'hygiene.year',
            status: year === cover.year ? 'pass' : 'fail',
            expected: pointInterval(cover.year),
            actual: pointInterval(year),
            unit: '年',
            zh: year === cover.year ? `「${m[0]}」为决算年度年末` : `「${m[0]}」不是决算年度 ${cover.year} 年末`,
            en: year === cover.year ? `"${m[0]}" is the year's end` : `"${m[0]}" is not the end of ${cover.year}`,
            evidence: [spanEvidence(ctx, 'date', m.index, m.index + m[0].length), coverEvidence],
          }),
          undefined,
        ),
      );
    }
    return out;
  },
};

export const HYGIENE_RULES: readonly AccountsRule[] = [contents, emptyTables, placeholders, remnants, punctuation, unitAndYear];
