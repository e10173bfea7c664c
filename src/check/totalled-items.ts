/**
 * A total stated with 共计 that closes its sentence, and the next sentence listing what it totals item by item
 * (issue 16, t871): "项目经费共计163.69万。主要包括与郴州电视台开展战略合作，经费33.69万；与湖南日报、郴州日报开展
 * 战略合作，经费各40万；与中新社、新华社战略合作，经费各15万；与华声在线战略合作，经费15万。" (158.69 ≠ 163.69).
 * - The whole is the amount right after 共计/合计/总计 at its sentence's end, named by a money word (经费, 资金 …).
 * - The items follow the next sentence's list mark (TOTALLED_ITEMS_MARK), separated by ；, each with one amount named
 *   by the same kind of money word. An item "A、B…，经费各N万" gives N to each of its named recipients: its
 *   part is counted once per name (2 × 40).
 * - Every amount in the whole's unit: 万元, or a bare 万 when the whole is printed so too.
 * The writer summed the items into the total (共计), and the list runs to its sentence's end without 等, so
 * the items are the whole: a mismatch either way fails `definite` (`sum.breakdown`), except items short of a
 * total whose list opens "主要包括" (mainly), which may leave minor items out: `possible`.
 */
import type { SourceDocument } from '../ingest/document.js';
import { findNumbers, type NumberMatch } from '../extract/numbers.js';
import { toFigure } from '../extract/roles/candidates.js';
import type { CheckResult, Figure } from '../schema/record.js';
import { TOTALLED_ITEMS_MARK, TOTALLED_MONEY_WORD, TOTAL_BEFORE_AMOUNT } from '../vocabulary/breakdowns.js';
import { bareFigureOf, recipientsOf, reportBreakdown, splitSentences, sumOfParts, type ToFigure } from './breakdown.js';

/** An item's money word and the 各 of a shared amount, right before it: "，经费各40万" (group 1: 各). */
const ITEM_AMOUNT_LEAD = new RegExp(`(?:${TOTALLED_MONEY_WORD.source})(?:为|共|是)?(各)?\\s*$`, 'u');

/** A money amount in 万元 or a bare 万 (plain with magnitude 万), exact. */
function amountsOf(stretch: string): NumberMatch[] {
  return findNumbers(stretch, { includePlain: true }).filter((m) => m.approx === 'exact' && m.kind !== 'percent');
}

function isWan(m: NumberMatch, bare: boolean): boolean {
  if (bare) return m.kind === 'plain' && m.unit === '' && m.scale === 4 && /万$/u.test(m.text);
  return m.kind === 'money' && m.unit === '万元';
}

export function checkTotalledItems(text: string | undefined, doc?: SourceDocument): CheckResult[] {
  if (text === undefined || !/共计|合计|总计/u.test(text)) return [];
  const figureOf: ToFigure = doc && doc.text === text ? (m) => toFigure(doc, m) : bareFigureOf;
  const results: CheckResult[] = [];
  const { starts, sentences } = splitSentences(text);
  let previous: { sentence: string; start: number } | null = null;
  for (let k = 0; k < sentences.length; k++) {
    const sentence = sentences[k]!;
    const start = starts[k]!;
    if (sentence.trim() === '') continue;
    const mark = TOTALLED_ITEMS_MARK.exec(sentence);
    if (mark && previous) {
      const found = totalAndItems(previous, sentence, start, mark[0].length, figureOf);
      // "主要包括" (mainly): the list may leave out minor items, so items short of the total fail only
      // `possible`; items over it are a slip whatever the list leaves out.
      if (found) results.push(reportBreakdown(found, sumOfParts(found), { complete: true, shortIsDefinite: !mark[0].includes('主要') }));
    }
    previous = { sentence, start };
  }
  return results;
}

function totalAndItems(previous: { sentence: string; start: number }, sentence: string, start: number, markLength: number, figureOf: ToFigure): { whole: Figure; parts: Array<{ name: string; figure: Figure }> } | null {
  // The whole: the last amount of the previous sentence, right after 共计 and a money word, nothing after it.
  const before = amountsOf(previous.sentence);
  const last = before.at(-1);
  if (!last || previous.sentence.slice(last.end).trim() !== '' || !TOTAL_BEFORE_AMOUNT.test(previous.sentence.slice(0, last.start))) return null;
  const bare = last.kind === 'plain';
  if (!isWan(last, bare)) return null;
  const whole = figureOf({ ...last, start: last.start + previous.start, end: last.end + previous.start });
  const list = sentence.slice(markLength);
  // No 等: a list that says it goes on is no list of every item.
  if (/等/u.test(list)) return null;
  const parts: Array<{ name: string; figure: Figure }> = [];
  let from = start + markLength;
  for (const piece of list.split(/[；;]/u)) {
    const numbers = amountsOf(piece);
    const only = numbers[0];
    if (numbers.length !== 1 || !only || !isWan(only, bare) || piece.slice(only.end).trim() !== '') return null;
    const lead = ITEM_AMOUNT_LEAD.exec(piece.slice(0, only.start));
    if (!lead) return null;
    const name = piece.slice(0, lead.index).replace(/[，,\s]+$/u, '').trim();
    if (name === '') return null;
    const figure = figureOf({ ...only, start: only.start + from, end: only.end + from });
    // "A、B…，经费各N万": N for each recipient named; without 各 the amount is the item's.
    const recipients = recipientsOf(piece.slice(0, only.start));
    if (recipients === 0) return null;
    for (let k = 0; k < recipients; k++) parts.push({ name: recipients > 1 ? `${name}（各）` : name, figure });
    from += piece.length + 1;
  }
  return parts.length >= 2 ? { whole, parts } : null;
}
