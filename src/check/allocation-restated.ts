/**
 * An allocation cited by its document number (issue 16: quantities identified by what they are, not
 * by their words): "××财政局呼财农指【2023】41号文件《关于下达2023年自治区水利发展资金预算的通知》，
 * 下达××县2023年资金5万元" and two paragraphs later "…41号文件《…》，下达××县2023年山洪灾害防治设施维养
 * 6万元" state one document's allocation twice (t052). The first amount after the verb (下达, 拨付 …)
 * is what the document allocated: the whole, when the words before it name only the money (资金) or the
 * fund the document's own title names; one project of it otherwise.
 * - Two wholes of one 文号 that differ: the same quantity stated twice, `definite`.
 * - A project above a whole of its 文号: no part exceeds its whole, `definite`.
 * A project below the whole may be one of several: nothing is said.
 */
import type { SourceDocument } from '../ingest/document.js';
import type { CheckResult, Figure } from '../schema/record.js';
import { ALLOCATION_VERB, ALLOCATION_WHOLE_NAMES, DOCUMENT_NUMBER } from '../vocabulary/breakdowns.js';
import { figuresIn, sentencesOf, type ToFigure } from './breakdown.js';
import { intervalOfFigure, intervalsMeet, isIntervalAbove, roundedIntervalOfFigure } from './interval.js';
import { evidenceOfFigure, makeResult, showInterval } from './result.js';

const RULE = 'restated';
/** Everything up to a year ("××县2023年", "2023年度") is the allocation's place and time, not its name. */
const PLACE_AND_YEAR = /^.*(?:19|20)\d{2}\s*年度?/u;
const TITLE = /《([^》]{2,80})》/u;

interface Allocation {
  key: string;
  figure: Figure;
  /** The allocation's own name, after its place and year ("资金", "山洪灾害防治设施维养"). */
  name: string;
  whole: boolean;
}

function allocationIn(sentence: string, at: ToFigure): Allocation | null {
  const refs = [...sentence.matchAll(DOCUMENT_NUMBER)];
  if (refs.length !== 1) return null;
  const ref = refs[0]!;
  const after = ref.index + ref[0].length;
  // The verb outside the document's title (《关于下达…的通知》 names the document, it allocates nothing).
  const untitled = sentence.replace(/《[^》]*》/gu, (t) => ' '.repeat(t.length));
  const verb = ALLOCATION_VERB.exec(untitled.slice(after));
  if (!verb) return null;
  const verbEnd = after + verb.index + verb[0].length;
  const money = figuresIn(sentence).find((m) => m.kind === 'money' && m.start >= verbEnd);
  if (!money) return null;
  const named = sentence.slice(verbEnd, money.start).replace(/\s+/gu, '');
  // Another document, a comma or a second verb between the verb and the amount: not this allocation's amount.
  if (/[，,；;：:]/u.test(named) || ALLOCATION_VERB.test(named)) return null;
  const name = named.replace(PLACE_AND_YEAR, '');
  if (name === '') return null;
  const title = TITLE.exec(sentence)?.[1] ?? '';
  const whole = ALLOCATION_WHOLE_NAMES.includes(name) || (name.length >= 4 && title.includes(name));
  return { key: `${ref[1]}|${ref[2]}|${ref[3]}`, figure: at(money), name, whole };
}

export function checkAllocations(text: string | undefined, doc?: SourceDocument): CheckResult[] {
  if (text === undefined) return [];
  const byKey = new Map<string, Allocation[]>();
  for (const { sentence, at } of sentencesOf(text, doc, (x) => x.includes('号') && ALLOCATION_VERB.test(x))) {
    const a = allocationIn(sentence, at);
    if (a) byKey.set(a.key, [...(byKey.get(a.key) ?? []), a]);
  }
  const results: CheckResult[] = [];
  for (const statements of byKey.values()) {
    const wholes = statements.filter((s) => s.whole);
    const first = wholes[0];
    if (!first || statements.length < 2) continue;
    const reference = intervalOfFigure(first.figure);
    const against = (s: Allocation) => intervalOfFigure(s.figure, first.figure.scale);
    // A part above its whole, each read as 四舍五入 printed it (6万元 stands for [5.5, 6.5), 5万元 for [4.5, 5.5)).
    const above = (s: Allocation) => isIntervalAbove(roundedIntervalOfFigure(s.figure, first.figure.scale), roundedIntervalOfFigure(first.figure));
    const clash = wholes.find((s) => s !== first && !intervalsMeet(against(s), reference)) ?? statements.find((s) => !s.whole && above(s));
    if (!clash && wholes.length < 2) continue;
    const other = clash ?? wholes[1]!;
    const [issuer, year, number] = first.key.split('|');
    const docName = `${issuer}〔${year}〕${number}号`;
    const partAbove = clash !== undefined && !clash.whole;
    const expected = partAbove ? roundedIntervalOfFigure(first.figure) : reference;
    const actual = partAbove ? roundedIntervalOfFigure(other.figure, first.figure.scale) : against(other);
    const p = first.figure.precision;
    const both = `${first.figure.text}（区间 ${showInterval(expected, p)}）与 ${other.figure.text}（区间 ${showInterval(actual, p)}）`;
    const bothEn = `${first.figure.text} (interval ${showInterval(expected, p)}) vs ${other.figure.text} (interval ${showInterval(actual, p)})`;
    const [zh, en] = !clash
      ? [`${docName}下达资金多处所报一致：${both}`, `The allocation of ${docName} is stated consistently: ${bothEn}`]
      : partAbove
        ? [`${docName}所列项目「${clash.name}」超过其下达资金总额：${both}`, `The allocation of ${docName} has a project (${clash.name}) above its whole: ${bothEn}`]
        : [`${docName}两处所报下达资金不同：${both}`, `The allocation of ${docName} is stated twice differently: ${bothEn}`];
    results.push(
      makeResult({
        rule: RULE,
        status: clash ? 'fail' : 'pass',
        expected,
        actual,
        unit: first.figure.unit,
        zh,
        en,
        evidence: [evidenceOfFigure('statement', first.figure), ...statements.filter((s) => s !== first).map((s) => evidenceOfFigure('restatement', s.figure))],
        detail: { document: docName, allocation: true, names: statements.map((s) => s.name) },
      }),
    );
  }
  return results;
}
