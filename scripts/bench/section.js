#!/usr/bin/env node
// Runs one benchmark section in a fresh process and prints its result as JSON on the last stdout
// line: `node scripts/bench/section.js <section> '<json args>'`. A fresh process per section keeps
// peak RSS, JIT state and jieba's dictionary load from leaking between measurements.
const [section, argsJson = '{}'] = process.argv.slice(2);
const args = JSON.parse(argsJson);

const sections = {
  stages: async () => (await import('./stages.js')).runStages(args),
  'analysis-loop': async () => (await import('./stages.js')).runAnalysisLoop(args),
  segment: async () => (await import('./segment.js')).runSegment(args),
  'jieba-load': async () => (await import('./segment.js')).runJiebaLoad(args),
  pdf: async () => (await import('./pdf.js')).runPdf(args),
  'pdf-loop': async () => (await import('./pdf.js')).runPdfLoop(args),
  ocr: async () => (await import('./ocr.js')).runOcr(args),
  store: async () => (await import('./store.js')).runStore(args),
  embedded: async () => (await import('./ingest.js')).runEmbedded(args),
  linear: async () => (await import('./linear.js')).runLinear(args),
};

const run = sections[section];
if (!run) {
  process.stderr.write(`unknown section "${section}"; one of ${Object.keys(sections).join(', ')}\n`);
  process.exit(2);
}
const started = performance.now();
const result = await run();
const usage = process.resourceUsage();
const out = {
  ...result,
  process: {
    wallMs: performance.now() - started,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssMiB: usage.maxRSS / 1024,
  },
};
process.stdout.write(`\n@@RESULT ${JSON.stringify(out)}\n`);
// Worker pools and database handles may keep the loop alive; the result is out.
process.exit(0);
