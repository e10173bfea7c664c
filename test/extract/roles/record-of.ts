/** Helpers for the roles tests: a short text read as a document, and what its record decided. */
import { analyzeBytes } from '../../../src/analyze.js';
import type { Figure, ReportRecord } from '../../../src/schema/record.js';

/** An opening sentence, so that short texts are read as documents. */
export const OPENING = '为全面了解项目资金使用情况，本单位按照要求开展了绩效自评工作，现将有关情况报告如下。\n';

export async function recordOf(text: string): Promise<ReportRecord> {
  return (await analyzeBytes(Buffer.from(OPENING + text, 'utf8'), { fileName: 'synthetic.txt' })).record;
}

/** A figure as [value, quoted evidence], or null. */
export const seen = (f: Figure | null | undefined) => (f ? [f.value, f.evidence.quote] : null);
/** The record's decision for one role. */
export const decision = (r: ReportRecord, role: string) => r.roles.find((d) => d.role === role)!;
