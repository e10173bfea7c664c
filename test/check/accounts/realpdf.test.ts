/**
 * End to end on the shared 部门决算 PDFs (read-only, outside the repo): the altered edition's ten
 * planted errors and the as-published files' real inconsistencies, found by reading the PDFs and
 * redoing each figure with exact decimals.
 */
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/ingest/read.js';
import { extractRecord } from '../../../src/extract/extract-record.js';
import { checkAccounts } from '../../../src/check/accounts/index.js';
import type { CheckResult } from '../../../src/schema/record.js';

const DIR = fileURLToPath(new URL('../../../../shared/realpdf', import.meta.url));
const have = existsSync(`${DIR}/putuo-finance-2024-final-accounts-altered.pdf`);

async function findings(name: string): Promise<CheckResult[]> {
  const bytes = readFileSync(`${DIR}/${name}.pdf`);
  const doc = await readDocument(bytes, { fileName: `${name}.pdf`, ocr: false });
  const record = extractRecord(doc, { fileName: `${name}.pdf`, sha256: null });
  return checkAccounts(record, doc).filter((r) => r.status === 'fail' || r.status === 'warn');
}

/** A finding's identity across editions: rule and what it quotes. */
const key = (r: CheckResult) => `${r.rule}|${r.evidence.map((e) => e.text.replace(/\s/gu, '')).join('|')}`;
const has = (rs: CheckResult[], rule: string, text: RegExp) => rs.some((r) => r.rule === rule && text.test(r.message.zh));

describe.skipIf(!have)('realpdf 部门决算', () => {
  it('reports the ten planted errors of the altered edition, none of them on the original', async () => {
    const altered = await findings('putuo-finance-2024-final-accounts-altered');
    const original = new Set((await findings('putuo-finance-2024-final-accounts')).map(key));
    const fresh = altered.filter((r) => !original.has(key(r)));
    expect(has(fresh, 'hygiene.placeholder', /XX/u)).toBe(true);
    expect(has(fresh, 'completeness.contents', /支出决算表/u)).toBe(true);
    expect(has(fresh, 'sangong.narrative', /0\.945, 0\.955/u)).toBe(true);
    expect(has(fresh, 'hygiene.year', /2023年度部门决算情况说明/u)).toBe(true);
    expect(has(fresh, 'hygiene.year', /截至2023年12月31日/u)).toBe(true);
    expect(has(fresh, 'narrative.amount', /收入支出总计/u)).toBe(true);
    expect(has(fresh, 'narrative.comparison', /大于.*1511\.89/u)).toBe(true);
    expect(has(fresh, 'narrative.comparison', /大于.*80\.38/u)).toBe(true);
    expect(has(fresh, 'narrative.comparison', /等于.*60\.99/u)).toBe(true);
    expect(has(fresh, 'hygiene.repeated_punctuation', /。。/u)).toBe(true);
  }, 120_000);

  it('reports the real inconsistencies of the as-published files and no other failure', async () => {
    const finance = await findings('putuo-finance-2024-final-accounts');
    expect(finance.map((r) => r.rule).sort()).toEqual(['narrative.amount', 'narrative.share']);
    expect(has(finance, 'narrative.amount', /财政拨款收入支出总计.*2961\.675/u)).toBe(true);
    expect(has(finance, 'narrative.share', /2106\.66万元 ÷ 2940\.05万元/u)).toBe(true);

    const planning = await findings('putuo-planning-2024-final-accounts');
    expect(planning.filter((r) => r.status === 'fail').map((r) => r.rule).sort()).toEqual(['hygiene.unit_name', 'narrative.amount', 'narrative.amount']);
    expect(has(planning, 'narrative.amount', /5364\.745.*5377\.635/u)).toBe(true);
    expect(has(planning, 'narrative.amount', /人员经费.*4884\.085.*4896\.975/u)).toBe(true);
    expect(has(planning, 'hygiene.unit_name', /上海市规划和自然资源局/u)).toBe(true);
    expect(has(planning, 'narrative.truncated_percent', /99\.86%/u)).toBe(true);
    expect(has(planning, 'narrative.truncated_percent', /95\.45%/u)).toBe(true);

    const social = await findings('putuo-social-work-2024-final-accounts');
    expect(social.map((r) => `${r.rule}:${r.status}`).sort()).toEqual(['narrative.rate_denominator:fail', 'narrative.truncated_percent:warn']);
    expect(has(social, 'narrative.truncated_percent', /9\.55%/u)).toBe(true);
    expect(has(social, 'narrative.rate_denominator', /95\.89%.*全年预算/u)).toBe(true);

    // 国家信访局: 增长35.74% where 5834.37 / (22066.59 − 5834.37) = 35.943% (python decimal).
    const xinfang = await findings('xinfang-2024-final-accounts-with-forms');
    expect(xinfang.map((r) => r.rule)).toEqual(['narrative.change']);
    expect(has(xinfang, 'narrative.change', /5834\.37/u)).toBe(true);
  }, 240_000);
});
