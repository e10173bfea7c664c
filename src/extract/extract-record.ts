import type { SourceDocument } from '../ingest/document.js';
import type { ReportRecord } from '../schema/record.js';
import { segmentDocument } from '../segment/segment.js';
import { EXTRACTOR_VERSION } from '../version.js';
import { extractCounts } from './counts.js';
import { extractFigures } from './figures.js';
import { extractIndicators } from './indicators.js';
import { locateNumbers } from './locate.js';
import { findFlatForm, findFormTotalScore, formFigures } from './flat-form.js';
import { extractReportInfo } from './report-info.js';

export interface ExtractOptions {
  fileName?: string | null;
  sha256?: string | null;
  /** Title to use when the document states none (e.g. an HTML page's <title>). */
  title?: string;
}

/** One ReportRecord from a SourceDocument, checks empty (see check/). Pure. */
export function extractRecord(doc: SourceDocument, options: ExtractOptions = {}): ReportRecord {
  const seg = segmentDocument(doc);
  const info = extractReportInfo(doc, seg, options.title ?? doc.meta?.title);
  const numbers = locateNumbers(doc, seg);
  const figures = extractFigures(doc, seg, numbers, info.kind);
  // A 自评表 flattened into text: its fund block fills what the prose did not state.
  const form = findFlatForm(doc);
  if (form) {
    const ff = formFigures(form);
    // The form's cells are the report's own table: they win over prose, which rounds ("89.97万元" for 89.974).
    for (const key of ['budget', 'budgetInitial', 'execution', 'executionRate'] as const) figures[key] = ff[key] ?? figures[key];
    if (figures.fundSources.length === 0) figures.fundSources = ff.fundSources;
    figures.budgetExecutionWeight ??= ff.budgetExecutionWeight;
    figures.budgetExecutionScore ??= ff.budgetExecutionScore;
  }
  if (!figures.selfScoreAmbiguous) figures.selfScore ??= findFormTotalScore(doc);
  const indicators = extractIndicators(doc);
  // The form scores 预算执行 in its fund block (分值 10, 得分 = 执行率 × 10): it is the form's first
  // indicator, and Σ得分 = 总分 only holds with it.
  const { budgetExecutionWeight: bw, budgetExecutionScore: bs, selfScoreAmbiguous: _ambiguous, roles, ...recordFigures } = figures;
  if ((bw || bs) && indicators.length > 0 && !indicators.some((i) => /预算执行|执行率/u.test(i.level3))) {
    const at = (bs ?? bw)!.evidence;
    indicators.unshift({
      level1: '预算执行',
      level2: '',
      level3: '预算执行率',
      target: '',
      actual: figures.executionRate?.text ?? '',
      weight: bw ?? null,
      score: bs ?? null,
      evidence: at,
    });
  }
  const ocrPages = doc.pages.filter((p) => p.ocrConfidence !== undefined).length;
  return {
    schemaVersion: 2,
    extractorVersion: EXTRACTOR_VERSION,
    source: {
      fileName: options.fileName ?? null,
      sha256: options.sha256 ?? null,
      format: doc.format,
      encoding: doc.encoding ?? null,
      pages: doc.pages.length,
      ocrPages,
      unreadPages: doc.pages.filter((p) => p.needsOcr && p.ocrConfidence === undefined).length,
    },
    report: { ...info, documentKind: info.kind === 'unknown' ? 'other' : 'self_evaluation_report' },
    figures: {
      ...recordFigures,
      counts: extractCounts(doc, numbers),
      indicators,
    },
    parts: [],
    forms: [],
    roles,
    checks: [],
  };
}
