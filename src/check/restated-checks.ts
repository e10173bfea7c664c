/**
 * The same quantity stated twice must agree (Calc 1.1 duplicate facts: the intervals must
 * intersect). Applies to projects and functional classes repeated by name, and to counts with
 * the same subject and unit.
 */
import type { CheckResult, Count, Figure, ReportRecord } from '../schema/record.js';
import { formatInterval, intervalOfCount, intervalOfFigure, intervalsMeet } from './interval.js';
import { evidenceOfCount, evidenceOfFigure, makeResult, showInterval, type Certainty } from './result.js';
import { identityOf, isSameQuantity } from './count-identity.js';
import { findUnitSlip, UNIT_SLIP_FACTOR } from './unit-slip.js';

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Several statements of one figure: each must meet the first. */
export function compareStatements(
  label: { zh: string; en: string },
  statements: readonly Figure[],
  detail: Record<string, unknown>,
  certainty: Certainty = 'definite',
): CheckResult | null {
  // One place read twice (a row emitted for two projects of one name) is not a restatement.
  const figures = statements.filter(
    (f, i) => statements.findIndex((g) => g.evidence.start === f.evidence.start && g.evidence.end === f.evidence.end && g.evidence.page === f.evidence.page) === i,
  );
  const [first, ...rest] = figures;
  if (!first || rest.length === 0) return null;
  const reference = intervalOfFigure(first);
  const p = first.precision;
  const evidence = figures.map((f, i) => evidenceOfFigure(i === 0 ? 'statement' : 'restatement', f));
  const disagreeing = rest.find((f) => !intervalsMeet(intervalOfFigure(f, first.scale), reference));
  if (!disagreeing) {
    const other = intervalOfFigure(rest[0]!, first.scale);
    return makeResult({
      rule: 'restated',
      status: 'pass',
      expected: reference,
      actual: other,
      unit: first.unit,
      zh: `${label.zh}多处所报一致：${figures.map((f) => f.text).join('、')}`,
      en: `${label.en} is stated ${figures.length} times consistently: ${figures.map((f) => f.text).join(', ')}`,
      evidence,
      detail,
    });
  }
  const actual = intervalOfFigure(disagreeing, first.scale);
  const both = `${first.text}（区间 ${showInterval(reference, p)}）与 ${disagreeing.text}（区间 ${showInterval(actual, p)}）`;
  const bothEn = `${first.text} (interval ${showInterval(reference, p)}) vs ${disagreeing.text} (interval ${showInterval(actual, p)})`;
  const slip = findUnitSlip(actual, reference);
  if (slip) {
    return makeResult({
      rule: 'unit_slip',
      status: 'fail',
      certainty,
      expected: reference,
      actual,
      unit: first.unit,
      zh: `${label.zh}前后不一致：${both}，相差 ${UNIT_SLIP_FACTOR} 倍：疑似元/万元单位错误`,
      en: `${label.en} is stated inconsistently: ${bothEn}, a factor of ${UNIT_SLIP_FACTOR} apart: probable 元/万元 unit error`,
      evidence,
      detail: { ...detail, factor: UNIT_SLIP_FACTOR, relation: 'restated', adjustment: slip.adjustment },
    });
  }
  return makeResult({
    rule: 'restated',
    status: 'fail',
    certainty,
    expected: reference,
    actual,
    unit: first.unit,
    zh: `${label.zh}前后不一致：${both}`,
    en: `${label.en} is stated inconsistently: ${bothEn}`,
    evidence,
    detail,
  });
}

/** A project's money fields with their names, as the narrative and its form state them. */
export const PROJECT_FIELDS = [
  { field: 'budget', zh: '预算数', en: 'budget' },
  { field: 'budgetInitial', zh: '年初预算数', en: 'initial budget' },
  { field: 'execution', zh: '执行数', en: 'execution' },
  { field: 'executionRate', zh: '执行率', en: 'execution rate' },
] as const;

function checkRestatedProjects(record: ReportRecord): CheckResult[] {
  const results: CheckResult[] = [];
  for (const [name, projects] of groupBy(record.figures.projects, (p) => p.name.trim() || null)) {
    if (projects.length < 2) continue;
    for (const { field, zh, en } of PROJECT_FIELDS) {
      const figures = projects.map((p) => p[field]).filter((f): f is Figure => !!f);
      const r = compareStatements(
        { zh: `项目「${name}」${zh}`, en: `The ${en} of project "${name}"` },
        figures,
        { project: name, field },
      );
      if (r) results.push(r);
    }
  }
  return results;
}

function checkRestatedClasses(record: ReportRecord): CheckResult[] {
  const results: CheckResult[] = [];
  const groups = groupBy(record.figures.byFunction, (i) => i.code?.trim() || i.name.replace(/\s+/g, '') || null);
  for (const [, items] of groups) {
    if (items.length < 2) continue;
    const name = items[0]!.name;
    const r = compareStatements(
      { zh: `功能分类「${name}」`, en: `Functional class "${name}"` },
      items.map((i) => i.amount),
      { byFunction: name },
    );
    if (r) results.push(r);
  }
  return results;
}

/**
 * Subjects that name a form column or a bare measure rather than what is counted: "全年实际完成值
 * 116人" and "全年实际完成值164人" belong to two indicators (r19), "在职人数57人、离退休人数94人"
 * to two groups (r02). Two counts under such a subject are not the same quantity.
 */
const GENERIC_SUBJECT = /^(?:(?:全年|年度|年初|实际|计划|预期)*(?:完成|指标|目标)?值|人数|数量|人次|个数|次数|总数|合计|总计|其中)$/u;

export function isGenericSubject(subject: string): boolean {
  return GENERIC_SUBJECT.test(subject.replace(/\s+/g, ''));
}

/** `[...byAction.values()].every(ok)` without the copy (asked for every count against every cluster of its key). */
function everyAction<T>(byAction: ReadonlyMap<string, T>, ok: (m: T) => boolean): boolean {
  for (const m of byAction.values()) if (!ok(m)) return false;
  return true;
}

/**
 * Counts that state one quantity (count-identity.ts: same unit, subject, action, qualifiers and
 * scope) must agree. The identity is inferred from words across sentences, so a disagreement is a
 * `possible` failure: shown, not counted as definite.
 */
function checkRestatedCounts(record: ReportRecord, text: string | undefined): CheckResult[] {
  const results: CheckResult[] = [];
  const identified = uniqueBySpan(record.figures.counts)
    .filter((c) => c.subject.trim() !== '' && !isGenericSubject(c.subject))
    .map((count) => ({ count, identity: identityOf(count, text) }));
  // A cluster's members share unit, subject, qualifiers and scope, so only clusters with the
  // same key are candidates; within one, agreement depends on the action (and, with none, the
  // paragraph) alone, so a newcomer is compared with one member per distinct action, not with
  // every member: a table of thousands of counts of one subject was quadratic.
  type Identified = (typeof identified)[number];
  type Cluster = { members: Identified[]; byAction: Map<string, Identified> };
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster[]>();
  const actionKey = (x: Identified) => {
    const action = x.identity.action.replace(/\s+/gu, '');
    return action === '' ? `\u0000${x.identity.paragraph}` : action;
  };
  for (const x of identified) {
    const key = x.identity.subject === '' ? null : JSON.stringify([x.count.unit, x.identity.subject, x.identity.qualifiers, x.identity.scope]);
    let candidates = key === null ? [] : byKey.get(key);
    if (candidates === undefined) byKey.set(key!, (candidates = []));
    const home = candidates.find((cl) => everyAction(cl.byAction, (m) => isSameQuantity(m.count, m.identity, x.count, x.identity)));
    if (home) {
      home.members.push(x);
      if (!home.byAction.has(actionKey(x))) home.byAction.set(actionKey(x), x);
      continue;
    }
    const cluster: Cluster = { members: [x], byAction: new Map([[actionKey(x), x]]) };
    clusters.push(cluster);
    candidates.push(cluster);
  }
  for (const { members: cluster } of clusters) {
    if (cluster.length < 2) continue;
    const counts = cluster.map((x) => x.count);
    const first = counts[0]!;
    const reference = intervalOfCount(first);
    const subject = first.subject.trim();
    const texts = counts.map((c) => c.text).join('、');
    const evidence = counts.map((c, i) => evidenceOfCount(i === 0 ? 'statement' : 'restatement', c));
    const disagreeing = counts.find((c) => !intervalsMeet(intervalOfCount(c), reference));
    const { identity } = cluster[0]!;
    const detail = { subject, unit: first.unit, values: counts.map((c) => c.value), identity };
    if (!disagreeing) {
      results.push(
        makeResult({
          rule: 'count.restated',
          status: 'pass',
          expected: reference,
          actual: intervalOfCount(counts[1]!),
          unit: first.unit,
          zh: `「${subject}」多处所报数量一致：${texts}`,
          en: `The count of "${subject}" is stated ${counts.length} times consistently: ${texts}`,
          evidence,
          detail,
        }),
      );
      continue;
    }
    const actual = intervalOfCount(disagreeing);
    const named = [...new Set(counts.map((c) => c.subject.trim()))].join(' / ');
    results.push(
      makeResult({
        rule: 'count.restated',
        status: 'fail',
        certainty: 'possible',
        expected: reference,
        actual,
        unit: first.unit,
        zh: `「${named}」的数量前后不同：${first.text}（${formatInterval(reference)}）与 ${disagreeing.text}（${formatInterval(actual)}）`,
        en: `The count of "${named}" differs: ${first.text} (${formatInterval(reference)}) vs ${disagreeing.text} (${formatInterval(actual)})`,
        evidence,
        detail,
      }),
    );
  }
  return results;
}

/** One statement per place: an extractor may emit the same span twice. */
function uniqueBySpan(counts: readonly Count[]): Count[] {
  const seen = new Set<string>();
  return counts.filter((c) => {
    const key = `${c.evidence.page}:${c.evidence.start}:${c.evidence.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function checkRestated(record: ReportRecord, text?: string): CheckResult[] {
  return [...checkRestatedProjects(record), ...checkRestatedClasses(record), ...checkRestatedCounts(record, text)];
}
