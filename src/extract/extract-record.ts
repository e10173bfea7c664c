import { isUnreadPage, type SourceDocument } from '../ingest/document.js';
import type { FieldDecision, ReportRecord } from '../schema/record.js';
import { findParts } from '../segment/parts.js';
import { segmentDocument } from '../segment/segment.js';
import { EXTRACTOR_VERSION } from '../version.js';
import { extractCounts } from './counts.js';
import { departmentFromCover } from './cover.js';
import { classifyDocument } from './document-kind.js';
import { extractForms } from './forms.js';
import { chooseHeadline } from './headline.js';
import { locateNumbers } from './locate.js';
import { fillRegionFromMentions } from './region.js';
import { extractReportInfo, regionOf } from './report-info.js';
import { decideUnit, type UnitDecision } from './unit/decide.js';
import { unitOverForms } from './unit/forms.js';
import { decideFiscalYear, fiscalYearDecision } from './fiscal-year.js';
import { fieldDecisionOf } from './field-decision.js';

export interface ExtractOptions {
  fileName?: string | null;
  sha256?: string | null;
  /** Title to use when the document states none (e.g. an HTML page's <title>). */
  title?: string;
}

/**
 * One ReportRecord from a SourceDocument, checks empty (see check/). Pure. The document is split
 * into parts; its kind comes from them; every 自评表 becomes a form; the headline figures come from
 * one part (headline.ts).
 */
export function extractRecord(doc: SourceDocument, options: ExtractOptions = {}): ReportRecord {
  const seg = segmentDocument(doc);
  const { unit: titleUnit, ...info } = extractReportInfo(doc, seg, options.title ?? doc.meta?.title);
  const parts = findParts(doc, seg);
  const documentKind = classifyDocument(doc, seg, parts, info.kind, info.title);
  const numbers = locateNumbers(doc, seg);
  const forms = extractForms(doc, seg, parts);
  const { reportKind, roles, indicators, ...figures } = chooseHeadline({ doc, seg, numbers, parts, forms, documentKind, reportKind: info.kind, title: info.title });
  // A 决算/预算 cover names the unit: it wins; a form's header or a table's unit line only fills
  // what the title and opening did not name.
  const cover = departmentFromCover(doc, parts, forms);
  const decided = cover ? decideUnit({ doc, title: info.title }, [{ name: cover.name, source: { cover: 'cover.name', form: 'form.department', unit_line: 'cover.unit_line' }[cover.source] }]) : titleUnit;
  // Forms of several units (or years) give the document none of theirs.
  const unit = unitOverForms(decided, forms);
  const department = unit.name;
  const year = decideFiscalYear({ doc, title: info.title, forms, documentKind });
  const fiscalYear = year.year;
  // The unit's name places it when the title did not ("上海市普陀区财政局" → 上海市, 普陀区).
  const region = { ...info.region };
  if (department && department !== info.department) {
    const named = regionOf(department);
    for (const level of ['province', 'city', 'county'] as const) region[level] ??= named[level];
  }
  // The places the opening names fill what the unit's name left empty (a title without a unit).
  fillRegionFromMentions(region, doc.text);
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
      unreadPages: doc.pages.filter(isUnreadPage).length,
      ...sourceNotes(doc, info.kind),
    },
    report: { title: info.title, kind: reportKind, department, fiscalYear, region, documentKind },
    figures: {
      ...figures,
      counts: extractCounts(doc, numbers),
      indicators,
    },
    parts,
    forms,
    roles,
    reportRoles: [departmentDecision(unit), fiscalYearDecision(year)],
    checks: [],
  };
}

/** The unit engine's decision as the record keeps it: ranked names, their scores, rules and evidence. */
export function departmentDecision(unit: UnitDecision): FieldDecision {
  const candidates = unit.candidates.map((c) => ({ value: c.name, score: c.score, features: c.features, evidence: c.evidence }));
  return fieldDecisionOf('department', unit.name, unit.reason, candidates);
}

/** Notes on the file a reader of the record must see (SourceInfo.notes), left out when there are none. */
function sourceNotes(doc: SourceDocument, kind: string): { notes?: string[] } {
  const notes: string[] = [];
  const m = doc.extensionMismatch;
  if (m) notes.push(`the file is named .${m.extension} but holds ${m.format}: read as ${m.format}, its extension is wrong`);
  if (kind === 'unknown') notes.push('no self-evaluation content recognised (kind unknown): stored as text, with no report figures to trust');
  return notes.length > 0 ? { notes } : {};
}
