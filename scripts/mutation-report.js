#!/usr/bin/env node
// Mutation report (issue 4): for the seed and the labelled corpus, every figure in a holding
// relation is changed in the source beyond its rounding and the text analysed again; prints per
// document the mutations tried, caught, flagged, vanished and escaped, then the failing checks on the
// unchanged texts that no labelled slip explains (false alarms), then the hand edits of the seed, then
// the mutated 自评表 copies of fixtures/mutated-forms (format × edit → caught).
// Run `npm run build` first: the pipeline measured is dist/analyze.js. The harness itself
// (test/check/mutate.ts, shared with test/check/mutation.test.ts) is TypeScript, loaded through tsx.
// Options: --verbose (every mutation), --json (the raw results).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'dist/analyze.js'))) {
  console.error('dist/analyze.js is missing: run `npm run build` first');
  process.exit(2);
}
const { analyzeBytes } = await import('../dist/analyze.js');
const m = await tsImport('../test/check/mutate.ts', import.meta.url);
const forms = await tsImport('../test/check/mutated-forms.ts', import.meta.url);

// The shared texts, and the fixtures/corpus texts of both parts; the frozen `test` part is reported
// as totals only (its misses are not printed: no rule may be tuned against it).
const texts = await m.loadLabelledTexts(root, ['shared', 'tune', 'test']);
const frozen = new Set(texts.filter((t) => t.part === 'test').map((t) => t.id));
const docs = [];
for (const t of texts) docs.push(await m.mutateDocument(t.id, t.bytes, { analyze: analyzeBytes }));

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(docs.map(({ checks, ...d }) => d), null, 2));
  process.exit(0);
}

console.log('tried = mutations that break a relation beyond rounding; detect = (caught + flagged) / tried');
console.log(m.formatTable(docs.filter((d) => !frozen.has(d.id))));
const frozenTotal = m.totalOf(docs.filter((d) => frozen.has(d.id)).map(m.summarize));
console.log(`frozen test part: ${frozenTotal.tried} tried, ${frozenTotal.caught} caught, ${frozenTotal.flagged} flagged, ${frozenTotal.vanished + frozenTotal.escaped} missed, ${frozenTotal.spurious} spurious`);
const corpus = docs.filter((d) => d.id !== 'seed' && !frozen.has(d.id)).map(m.summarize);
const total = m.totalOf(corpus);
const pct = (x) => `${(x * 100).toFixed(1)}%`;
console.log(`seed detection ${pct(m.detectionRate(m.summarize(docs[0])))}; corpus detection ${pct(m.detectionRate(total))} of ${total.tried} tried`);

const alarms = texts.flatMap((t, i) => m.falseAlarms(docs[i].checks, t.slips).map((c) => ({ id: t.id, rule: c.rule, zh: c.message.zh })));
const corpusTexts = texts.filter((t) => t.corpus);
const withAlarm = new Set(alarms.filter((a) => a.id !== 'seed').map((a) => a.id));
console.log(
  `false alarms on the unchanged texts: ${alarms.length} failing checks; ${withAlarm.size} of ${corpusTexts.length} corpus texts (${pct(withAlarm.size / corpusTexts.length)})`,
);
for (const a of alarms) console.log(frozen.has(a.id) ? `  ${a.id} (frozen test part)` : `  ${a.id} ${a.rule}: ${a.zh}`);

// The hand edits of the seed (issue 16): each breaking edit must make a check citing it fail; each
// rounding-neutral edit must raise nothing.
const seedText = Buffer.from(texts.find((t) => t.id === 'seed').bytes).toString('utf8');
let editsCaught = 0;
let neutralQuiet = 0;
const editLines = [];
for (const edit of m.SEED_EDITS) {
  const { record } = await analyzeBytes(Buffer.from(m.applySeedEdit(seedText, edit), 'utf8'), { fileName: 'seed.txt' });
  const raised = record.checks.filter((c) => c.status === 'fail' || c.status === 'warn');
  const citing = raised.filter((c) => c.status === 'fail' && c.evidence.some((e) => e.text === edit.cites));
  const ok = edit.breaks ? citing.length > 0 : raised.length === 0;
  if (ok && edit.breaks) editsCaught++;
  if (ok && !edit.breaks) neutralQuiet++;
  const by = (edit.breaks ? citing : raised).map((c) => `${c.rule}${c.certainty === 'possible' ? ' (possible)' : ''}`);
  editLines.push(`  ${ok ? 'ok  ' : 'MISS'} ${edit.breaks ? 'edit   ' : 'neutral'} ${edit.name}: ${edit.from} → ${edit.to}${by.length ? ` by ${[...new Set(by)].join(', ')}` : ''}`);
}
const breaking = m.SEED_EDITS.filter((e) => e.breaks).length;
console.log(`seed edits: ${editsCaught} of ${breaking} caught; rounding-neutral edits: ${neutralQuiet} of ${m.SEED_EDITS.length - breaking} raise nothing`);
for (const line of editLines) console.log(line);

// The shapes of published slips (issue 16): each relation that holds, or number printed right, edited
// to show the slip (caught by a definite fail citing the edit) and within the shape's slack (quiet).
const shapes = await tsImport('../test/check/shape-mutations.ts', import.meta.url);
const shapeResults = { open: [], frozen: [] };
for (const t of texts)
  shapeResults[frozen.has(t.id) ? 'frozen' : 'open'].push(...(await shapes.mutateShapes(t.id, t.bytes, analyzeBytes)));
console.log('slip shapes (a slip edit is caught by a definite fail of the shape’s rules citing it; a neutral edit raises no fail):');
for (const line of shapes.tallyShapes(shapeResults.open)) console.log(`  ${line}`);
for (const line of shapes.tallyShapes(shapeResults.frozen)) console.log(`  frozen test part: ${line}`);
for (const r of shapeResults.open.filter((x) => !x.ok)) console.log(`  MISS ${r.id} ${r.shape}${r.neutral ? ' (neutral)' : ''}: ${r.from} → ${r.to}${r.by.length ? ` by ${r.by.join(', ')}` : ''}`);

// The mutated 自评表 copies (issue 16): real forms re-typeset as DOCX, XLSX and PDF, one edit each.
const copies = await forms.runAll(root, analyzeBytes);
console.log('mutated 自评表 copies (fixtures/mutated-forms): a breaking edit is caught when a definite failed check cites the edited figure');
console.log(forms.formatCopyTable(copies));
for (const line of forms.listMisses(copies)) console.log(line);

// The shapes of the new batches' published slips (issue 16) edited into clean tune texts: each
// breaking edit caught by a definite fail citing it, each rounding-neutral edit quiet.
const cleanEdits = await tsImport('../test/check/clean-text-edits.ts', import.meta.url);
const editResults = await cleanEdits.runCleanTextEdits(texts, analyzeBytes);
const okOf = (breaks) => editResults.filter((r) => r.edit.breaks === breaks && r.ok).length;
const countOf = (breaks) => editResults.filter((r) => r.edit.breaks === breaks).length;
console.log(`slip shapes edited into clean tune texts: ${okOf(true)} of ${countOf(true)} caught; rounding-neutral edits: ${okOf(false)} of ${countOf(false)} raise nothing`);
for (const line of cleanEdits.formatCleanTextEdits(editResults)) console.log(line);

if (process.argv.includes('--verbose'))
  for (const d of docs.filter((x) => !frozen.has(x.id)))
    for (const r of d.results)
      console.log(`${d.id} ${r.breaks ? 'tried' : 'slack'} ${r.outcome.padEnd(8)} ${r.target} [${r.path}] ${r.from}→${r.to} in ${r.relations.join('+')}${r.by.length ? ` by ${r.by.join(', ')}` : ''}`);
