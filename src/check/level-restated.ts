/**
 * A fund level listed as a part of a whole and named again, in the same sentence, with another amount
 * (issue 16: parts and wholes; t202): "项目批复总投资61.8万元，其中中央财政资金30.9万元，县财政配套资金30.9万元，
 * 2021年度中央下达资金61.8万元" gives the central money twice, as 30.9 (a part) and as 61.8 (the whole).
 * The restating clause must name only that level's money as it was allocated (下达, 安排, 补助 …): money
 * that arrived (到位), was spent or is left over is another quantity. A level that passes money down
 * (下达, 拨付) may pass on the money of the levels above it: it is read only over parts of levels below
 * it. One sentence states both, the level is one of the listed parts and no other part shares it, so an
 * amount above the part is a `definite` disagreement (`restated`, or `unit_slip` when 10^4 apart); one
 * below it may be a piece of it and is not read.
 */
import type { SourceDocument } from '../ingest/document.js';
import { findNumbers } from '../extract/numbers.js';
import type { CheckResult, Figure } from '../schema/record.js';
import { LEVEL_OF_PART, PASSING_DOWN, RESTATED_LEVEL_FUND, isLevelBelow, levelOf } from '../vocabulary/breakdowns.js';
import { breakdownsOf } from './breakdown.js';
import { intervalOfFigure, isIntervalBelow } from './interval.js';
import { compareStatements } from './restated-checks.js';

export function checkLevelsRestated(text: string | undefined, doc?: SourceDocument): CheckResult[] {
  if (text === undefined) return [];
  const results: CheckResult[] = [];
  for (const { sentence, offset, breakdown, figureOf } of breakdownsOf(text, doc)) {
    // The parts' levels; a level two parts share (中央资金, 中央预算内投资) names no single part.
    const byLevel = new Map<string, Figure[]>();
    for (const p of breakdown.parts) {
      const named = LEVEL_OF_PART.exec(p.name.replace(/^\d{4}年度?/u, ''));
      if (!named) continue;
      const level = levelOf(named[1]!);
      byLevel.set(level, [...(byLevel.get(level) ?? []), p.figure]);
    }
    if (byLevel.size < 2) continue;
    const lastEnd = breakdown.parts.at(-1)!.figure.evidence.end - offset;
    // Only the amount right after the list: a later one may belong to another list of the sentence
    // (t082: "…其他资金133.51万元2023年支出154.84万元,其中中央资金30万元,地方资金5.8万元").
    const m = findNumbers(sentence.slice(lastEnd), { includePlain: false }).find((x) => x.kind === 'money');
    if (!m || m.approx !== 'exact') continue;
    const clause = sentence.slice(lastEnd, lastEnd + m.start);
    // The clause after the part's separator, and nothing else before it: "，2021年度中央下达资金".
    const gap = /^[\s，,；;]+([^，,；;、。]*)$/u.exec(clause);
    const restated = gap ? RESTATED_LEVEL_FUND.exec(gap[1]!.trim()) : null;
    if (!restated) continue;
    // Another year's money is another quantity ("其中2021年…，2022年度中央下达资金…").
    const year = /^(?:\d{4})/u.exec(gap![1]!.trim())?.[0];
    if (year && [...sentence.slice(0, lastEnd).matchAll(/(\d{4})\s*年/gu)].some((y) => y[1] !== year)) continue;
    const level = levelOf(restated[1]!);
    const parts = byLevel.get(level);
    if (parts?.length !== 1) continue;
    // "省级下达资金100万元" after 中央60 + 省级40 is the province passing on the centre's money too: a level
    // that passes money down is checked only when every other part is of a level below it (t202: 中央 over 县).
    if (PASSING_DOWN.test(restated[2] ?? '') && [...byLevel.keys()].some((other) => other !== level && !isLevelBelow(other, level))) continue;
    const part = parts[0]!;
    const again = figureOf({ ...m, start: m.start + lastEnd + offset, end: m.end + lastEnd + offset });
    // Less than the part may be a piece of it ("县级资金50万元，县级补助资金10万元用于…"): only more is a contradiction.
    if (isIntervalBelow(intervalOfFigure(again, part.scale), intervalOfFigure(part))) continue;
    const r = compareStatements(
      { zh: `列为总额 ${breakdown.whole.text} 一部分的${restated[1]}资金`, en: `The ${restated[1]} money listed as a part of ${breakdown.whole.text}` },
      [part, again],
      { level, listedPart: true },
    );
    if (r) results.push(r);
  }
  return results;
}
