/**
 * The mutation test of issue 4: each figure that takes part in a holding relation is changed in the
 * source text beyond its rounding, the text is read, extracted and checked again, and the change
 * must be caught. Definitions (what is tried, caught, flagged, vanished, escaped) are in mutate.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';
import {
  ADDITIVE_RULES,
  RATE_RULES,
  detectionRate,
  falseAlarms,
  formatTable,
  loadLabelledTexts,
  mutateDocument,
  mutateNumber,
  type AnalyzeFn,
  type RawNumber,
  summarize,
  totalOf,
  type DocumentMutations,
  type LabelledText,
  SEED_EDITS,
  applySeedEdit,
  isSpurious,
} from './mutate.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Floors measured on the labelled corpus (no loosening): every relation-breaking mutation was
 * caught or flagged, and at least this many were tried (so a silent loss of relations shows up).
 */
const CORPUS_DETECTION_FLOOR = 1;
const CORPUS_TRIED_FLOOR = 25;

let texts: LabelledText[] = [];
let docs: DocumentMutations[] = [];

function docOf(id: string): DocumentMutations {
  const d = docs.find((x) => x.id === id);
  if (!d) throw new Error(`no mutations for ${id}`);
  return d;
}

/** The mutation runs (minutes of CPU): started by the suites that need them, once. */
let mutations: Promise<void> | null = null;

function runMutations(): Promise<void> {
  mutations ??= mutateAll();
  return mutations;
}

/** Frozen texts (fixtures/corpus `test` part): only their totals are printed, never their misses. */
/**
 * The frozen texts that draw a false alarm today (their alarms are never printed). Measured at
 * 663e6c8 (t402, t447, from label-d/label-e) and when label-f was merged (t450, t460: fresh texts,
 * before any rule saw them), and when label-h and label-i were merged (t560, t581: fresh, before any rule
 * saw them; their labels were re-read blind by their labellers: every sum and rate holds), and when label-k
 * was merged (t651) and label-l (t688; both fresh, re-read blind by their labellers, every sum and rate holds), and when
 * label-s was merged (t879: fresh, its labeller re-read the text alone and its counts 3 + 10 + 2 = 15 hold), and when
 * label-v was merged (t983: fresh, its labeller redid every sum with exact decimals and found no slip). An id list, not
 * a count, so a fix on one cannot hide a new alarm on another.
 */
const FROZEN_ALARMED = new Set(['t402', 't447', 't450', 't460', 't651', 't688', 't728', 't760', 't879', 't983']);
const isFrozen = (id: string) => texts.find((t) => t.id === id)?.part === 'test';

async function mutateAll(): Promise<void> {
  texts = await loadLabelledTexts(root, ['shared', 'tune', 'test']);
  for (const t of texts) docs.push(await mutateDocument(t.id, t.bytes, { analyze: analyzeBytes }));
  // A frozen text's alarms are counted, never shown.
  const alarms = texts.flatMap((t) =>
    falseAlarms(docOf(t.id).checks, t.slips).map((c) => (isFrozen(t.id) ? `  ${t.id} (frozen test part)` : `  ${t.id} ${c.rule}: ${c.message.zh}`)),
  );
  const corpus = texts.filter((t) => t.corpus);
  const consistent = corpus.filter((t) => t.slips.every((s) => s.withinPrecision));
  const frozen = totalOf(docs.filter((d) => isFrozen(d.id)).map(summarize));
  console.log(
    [
      'Mutation test (tried = mutations that break a relation beyond rounding; detect = (caught + flagged) / tried)',
      formatTable(docs.filter((d) => !isFrozen(d.id))),
      `frozen test part: ${frozen.tried} tried, ${frozen.caught} caught, ${frozen.flagged} flagged, ${frozen.vanished + frozen.escaped} missed, ${frozen.spurious} spurious`,
      `False alarms on the unchanged texts: ${alarms.length} failing checks not explained by a labelled slip, ` +
        `${new Set(alarms.map((a) => a.split(' ')[2])).size} of ${corpus.length} corpus texts ` +
        `(${consistent.length} without any labelled slip)`,
      ...alarms,
    ].join('\n'),
  );
}

describe('mutation test on the seed', () => {
  beforeAll(runMutations, 600_000);
  it('tries the figures of every relation the seed states', () => {
    const targets = new Set(docOf('seed').results.map((r) => r.target));
    for (const t of ['714.07万元', '890.33万元', '80.2%', '24.99万元', '25万元', '100.0%', '523.39万元', '142.46万元', '5.01万元', '43.22万元', '642.19万元', '71.88万元', '10个', '70个', '80个', '12个', '4个'])
      expect(targets, t).toContain(t);
    expect(summarize(docOf('seed')).tried).toBeGreaterThanOrEqual(30);
  });

  it('catches every mutation that breaks a relation beyond rounding', () => {
    const seed = docOf('seed');
    const missed = seed.results.filter((r) => r.breaks && r.outcome !== 'caught' && r.outcome !== 'flagged');
    expect(missed).toEqual([]);
    expect(detectionRate(summarize(seed))).toBe(1);
  });

  it('fails outright (not just warns) on every broken money or rate relation', () => {
    const money = docOf('seed').results.filter((r) => r.breaks && r.relations.some((x) => ADDITIVE_RULES.has(x) && x.startsWith('sum.') || RATE_RULES.has(x)));
    expect(money.length).toBeGreaterThanOrEqual(20);
    expect(money.filter((r) => r.outcome !== 'caught')).toEqual([]);
  });

  it('raises nothing for a change within the rounding slack (890.33 → 890.40 under 80.2%)', () => {
    const seed = docOf('seed');
    const slack = seed.results.filter((r) => !r.breaks);
    expect(slack.map((r) => `${r.from}→${r.to}`)).toContain('890.33→890.40');
    expect(slack.filter((r) => r.outcome === 'caught')).toEqual([]);
  });
});

describe('mutation test on the labelled corpus', () => {
  beforeAll(runMutations, 600_000);
  it(`detects at least ${CORPUS_DETECTION_FLOOR * 100}% of relation-breaking mutations`, () => {
    const total = totalOf(docs.filter((d) => d.id !== 'seed' && !isFrozen(d.id)).map(summarize));
    expect(total.tried).toBeGreaterThanOrEqual(CORPUS_TRIED_FLOOR);
    expect(detectionRate(total)).toBeGreaterThanOrEqual(CORPUS_DETECTION_FLOOR);
  });

  it('fails no check for a change within the rounding slack', () => {
    const spurious = docs.flatMap((d) =>
      d.results.filter(isSpurious).map((r) => (isFrozen(d.id) ? `${d.id} (frozen test part)` : `${d.id} ${r.from}→${r.to} ${r.by.join(',')}`)),
    );
    expect(spurious).toEqual([]);
  });

  it('raises no false alarm on the unchanged shared and tune texts (fails that no labelled slip explains)', () => {
    const alarms = texts.filter((t) => !isFrozen(t.id)).flatMap((t) => falseAlarms(docOf(t.id).checks, t.slips).map((c) => `${t.id} ${c.rule}: ${c.message.zh}`));
    expect(alarms).toEqual([]);
  });

  // The frozen part is measured, not fixed: a false alarm there can only be removed by reading the
  // text, which would make it one more tuned text. Its count is a ratchet: it may fall (a general fix
  // made on tune texts), never grow: no frozen text outside FROZEN_ALARMED may draw one. t402's and
  // t447's labels were re-checked blind (a second labeller, from the text alone, no tool output) and
  // hold: the checks err. A fresh batch may bring new ones; they are added when it is merged, measured
  // before any rule saw the batch.
  it(`raises false alarms on no frozen test text but the ${FROZEN_ALARMED.size} known ones`, () => {
    const alarmed = texts.filter((t) => isFrozen(t.id) && falseAlarms(docOf(t.id).checks, t.slips).length > 0).map((t) => t.id);
    expect(alarmed.filter((id) => !FROZEN_ALARMED.has(id))).toEqual([]);
  });
});

describe('the harness itself', () => {
  beforeAll(runMutations, 600_000);
  it('keeps the printed precision and digit style of a mutated number', () => {
    const n = (text: string, value: string, decimals: number, grouped = false, fullWidth = false): RawNumber => ({
      rawStart: 0,
      rawEnd: text.length,
      text,
      value: new Decimal(value),
      decimals,
      grouped,
      fullWidth,
    });
    expect(mutateNumber(n('714.07', '714.07', 2), 'plus7')?.text).toBe('714.14');
    expect(mutateNumber(n('714.07', '714.07', 2), 'times1.1')?.text).toBe('785.48');
    expect(mutateNumber(n('100.0', '100.0', 1), 'plus7')?.text).toBe('100.7');
    expect(mutateNumber(n('1,234,567.80', '1234567.80', 2, true), 'times1.1')?.text).toBe('1,358,024.58');
    expect(mutateNumber(n('８０', '80', 0, false, true), 'plus7')?.text).toBe('８７');
    // ×1.1 of a small count rounds back to itself: no mutation
    expect(mutateNumber(n('4', '4', 0), 'times1.1')).toBeNull();
  });

  it('reports escapes when the checks are blind (every failure turned into a pass)', async () => {
    const blind: AnalyzeFn = async (bytes, options) => {
      const a = await analyzeBytes(bytes, options);
      for (const c of a.record.checks) if (c.status === 'fail' || c.status === 'warn') c.status = 'pass';
      return a;
    };
    const seed = texts.find((t) => t.id === 'seed')!;
    const s = summarize(await mutateDocument('seed', seed.bytes, { analyze: blind }));
    expect(s.tried).toBe(summarize(docOf('seed')).tried);
    expect(s.caught + s.flagged).toBe(0);
    expect(s.escaped).toBe(s.tried);
  });
});

/**
 * The seed edits of issue 16 (mutate.ts SEED_EDITS): each relation-breaking edit is caught by a
 * failing check citing the edited figure; each rounding-neutral edit raises nothing.
 */
describe('seed edits (issue 16)', () => {
  const seedPath = `${root}fixtures/seed/huadu-2021-jgdgw.txt`;
  const seed = readFileSync(seedPath, 'utf8');
  const checksAfter = async (edit: (typeof SEED_EDITS)[number]) =>
    (await analyzeBytes(Buffer.from(applySeedEdit(seed, edit), 'utf8'), { fileName: 'seed.txt' })).record.checks;

  it('has 12 relation-breaking edits and 3 rounding-neutral ones', () => {
    expect(SEED_EDITS.filter((e) => e.breaks)).toHaveLength(12);
    expect(SEED_EDITS.filter((e) => !e.breaks)).toHaveLength(3);
  });

  for (const edit of SEED_EDITS.filter((e) => e.breaks)) {
    it(`catches the ${edit.name} edit (${edit.from} → ${edit.to})`, async () => {
      const failing = (await checksAfter(edit)).filter((c) => c.status === 'fail' && c.evidence.some((e) => e.text === edit.cites));
      expect(failing.map((c) => c.rule), `a failing check citing ${edit.cites}`).not.toEqual([]);
    });
  }

  for (const edit of SEED_EDITS.filter((e) => !e.breaks)) {
    it(`raises nothing for the ${edit.name} edit (${edit.from} → ${edit.to})`, async () => {
      const raised = (await checksAfter(edit)).filter((c) => c.status === 'fail' || c.status === 'warn');
      expect(raised.map((c) => `${c.rule}: ${c.message.zh}`)).toEqual([]);
    });
  }
});
