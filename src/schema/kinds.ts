/**
 * The values of ReportKind and DocumentKind (schema/record.ts builds its zod enums from these), as
 * plain lists: every command line parses `--kind` against them, and importing record.ts for that
 * built the whole record schema (zod) in each process, `jixiao --help` and `extract` included.
 */

/** What the self-evaluation is about (部门整体 or one project); `unknown` when the document holds none. */
export const REPORT_KINDS = ['department_overall', 'project', 'unknown'] as const;

/** What the document as a whole is: see DocumentKind in record.ts. */
export const DOCUMENT_KINDS = ['self_evaluation_report', 'self_evaluation_forms', 'final_accounts', 'budget', 'target_declaration', 'evaluation_report', 'other'] as const;

/** What `ReportFilter.kind` (and every `--kind`) accepts: a report kind or a document kind; the names do not overlap. */
export const KIND_VALUES: readonly string[] = [...REPORT_KINDS, ...DOCUMENT_KINDS];
