// Linear in the input (issue 17): one document that is a single line of "预算数890.33万元，"
// repeated to 1, 4 and 16 MB, analysed (read → extract → check) on the main thread of a fresh
// process. Before the fix the cost grew with the square of the line (20,000 repetitions: 11.5 s;
// 3.4 MB never finished); each size here should take about four times the one before.
import { loadDist } from './env.js';

export const LINEAR_UNIT = '预算数890.33万元，';
export const LINEAR_SIZES_MB = [1, 4, 16];

/** @param {{ megabytes: number }} args */
export async function runLinear(args) {
  const { analyzeBytes } = await loadDist('analyze.js');
  const unit = Buffer.from(LINEAR_UNIT);
  const bytes = new Uint8Array(Buffer.concat(Array(Math.floor((args.megabytes * 2 ** 20) / unit.length)).fill(unit)));
  const started = performance.now();
  const { record } = await analyzeBytes(bytes, { fileName: 'one-line.txt' });
  return { megabytes: args.megabytes, bytes: bytes.length, ms: performance.now() - started, budget: record.figures.budget?.exact ?? null };
}
