/**
 * The ReportRecord: the contract between extraction, checks, the store and every export.
 * `schema/report-record.schema.json` is generated from these zod schemas (`npm run schema`).
 */
import { z } from 'zod';
import { DOCUMENT_KINDS, REPORT_KINDS } from './kinds.js';

/** Where a figure stands: page (1-based, null when the format has no pages) and a span of the normalized text. */
export const Evidence = z.object({
  page: z.number().int().nullable(),
  /** Offsets into the document's normalized text, [start, end). */
  start: z.number().int(),
  end: z.number().int(),
  /** The normalized text of the span. */
  quote: z.string(),
  /** Offsets into the raw text as read, [rawStart, rawEnd). */
  rawStart: z.number().int().optional(),
  rawEnd: z.number().int().optional(),
  /** Set when the page came from OCR: its mean recognition confidence, 0..1. */
  ocrConfidence: z.number().optional(),
});
export type Evidence = z.infer<typeof Evidence>;

/**
 * How a stated number relates to the true quantity:
 * exact (rounded to its printed digits), at_least (以上, 不少于, 多/余 with `hi` the next step),
 * more_than (超过, 逾), at_most (以内, 不超过), less_than (近, 不足), about (约, 左右), range (3-5).
 */
export const Approx = z.enum(['exact', 'at_least', 'more_than', 'at_most', 'less_than', 'about', 'range']);
export type Approx = z.infer<typeof Approx>;

export const FigureKind = z.enum(['money', 'percent', 'score', 'count', 'measure', 'plain']);
export type FigureKind = z.infer<typeof FigureKind>;

/** A stated number with its unit, precision and place in the source. */
export const Figure = z.object({
  /** Value in base units: yuan for money, a fraction for rates (0.802), points for scores, the count for counts. */
  value: z.number(),
  /** The same value as an exact decimal string (no binary rounding): "8903300", "0.802". */
  exact: z.string(),
  /** The figure as stated, normalized: "890.33万元". */
  text: z.string(),
  /** Unit as stated: 万元, 元, %, 分, 名 … ("" when none). */
  unit: z.string(),
  kind: FigureKind,
  /** Decimals printed in the stated number (890.33 → 2). */
  precision: z.number().int(),
  /** Power of ten from the stated unit to the base unit: 万元 → 4, 亿元 → 8, % → -2, 元 → 0. */
  scale: z.number().int(),
  approx: Approx,
  /** Bounds for approximate figures, base units, as exact decimal strings; absent when exact. */
  lo: z.string().optional(),
  hi: z.string().optional(),
  evidence: Evidence,
  /** Id of the document part the figure was read from (`Part.id`), when the document has parts. */
  part: z.string().optional(),
});
export type Figure = z.infer<typeof Figure>;

export const NamedAmount = z.object({
  name: z.string(),
  /** 政府收支分类科目 class code (201…234) for functional classes. */
  code: z.string().optional(),
  amount: Figure,
  /** The named-amount rule that found it (extract/roles/rules.ts NAMED_RULES id), for eval and review. */
  rule: z.string().optional(),
});
export type NamedAmount = z.infer<typeof NamedAmount>;

export const Project = z.object({
  name: z.string(),
  budget: Figure.nullable(),
  budgetInitial: Figure.nullable().optional(),
  execution: Figure.nullable(),
  executionRate: Figure.nullable(),
  /** 自评得分 the narrative states for the project (compared with its form's 总分). */
  selfScore: Figure.nullable().optional(),
  evidence: Evidence.optional(),
  /** The named-amount rule that first named it (extract/roles/rules.ts NAMED_RULES id). */
  rule: z.string().optional(),
});
export type Project = z.infer<typeof Project>;

export const Count = z.object({
  value: z.number(),
  unit: z.string(),
  approx: Approx,
  lo: z.string().optional(),
  hi: z.string().optional(),
  /** What is counted: 党组织书记和党务干部. */
  subject: z.string(),
  /** What was done to/with it: 培训. */
  action: z.string(),
  text: z.string(),
  evidence: Evidence,
});
export type Count = z.infer<typeof Count>;

/** One row of a 自评表's 绩效指标 part. */
export const Indicator = z.object({
  /** 一级指标 */
  level1: z.string(),
  /** 二级指标 */
  level2: z.string(),
  /** 三级指标 */
  level3: z.string(),
  /** 年度指标值 */
  target: z.string(),
  /** 实际完成值 */
  actual: z.string(),
  /** 分值 */
  weight: Figure.nullable(),
  /** 得分 */
  score: Figure.nullable(),
  evidence: Evidence,
});
export type Indicator = z.infer<typeof Indicator>;

/** What the self-evaluation is about (部门整体 or one project); `unknown` when the document holds none. */
export const ReportKind = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKind>;

/**
 * What the document as a whole is, decided from its content:
 * self_evaluation_report (自评报告, narrative, maybe with its form), self_evaluation_forms (one or
 * more 自评表 and little else), final_accounts (部门决算, which may hold forms), budget (部门预算),
 * target_declaration (绩效目标申报表), evaluation_report (财政/第三方 评价报告: not a self-evaluation), other.
 * A budget or a target declaration states no execution, execution rate or self-score.
 */
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

/**
 * Kinds of part a document is split into: cover, contents (目录), narrative (a section under a
 * heading), accounts_table (a 决算 table: 收入支出决算总表 …), budget_table (a 预算 table),
 * self_evaluation_form (one 自评表), score_table (项目名称 | 自评分数 summary), target_table
 * (绩效目标表), evaluation_report (an attached 评价报告), other.
 */
export const PartKind = z.enum([
  'cover',
  'contents',
  'narrative',
  'accounts_table',
  'budget_table',
  'self_evaluation_form',
  'score_table',
  'target_table',
  'evaluation_report',
  'other',
]);
export type PartKind = z.infer<typeof PartKind>;

/** A typed, contiguous part of a document. Parts do not overlap and follow the text's order. */
export const Part = z.object({
  /** Stable within a record: `${kind}:${ordinal}` ("self_evaluation_form:3"). */
  id: z.string(),
  kind: PartKind,
  /** Its heading or table title as printed ("收入支出决算总表", "信访干部培训专项项目绩效自评表"). */
  title: z.string(),
  /** For accounts/budget tables: the table's canonical name from the vocabulary (收入支出决算总表 …). */
  table: z.string().nullable(),
  pageStart: z.number().int().nullable(),
  pageEnd: z.number().int().nullable(),
  /** Span of the normalized text, [start, end). */
  start: z.number().int(),
  end: z.number().int(),
  /** Money unit its header prints ("单位：万元" → 万元), null when none. */
  unit: z.string().nullable(),
});
export type Part = z.infer<typeof Part>;

/** One 资金 row of a 自评表 (年度资金总额 is the form's own budget/execution, not a row here). */
export const FundRow = z.object({
  /** 财政拨款 / 上年结转 / 其他资金 … as printed. */
  name: z.string(),
  /** 年初预算数 */
  budgetInitial: Figure.nullable(),
  /** 全年预算数 */
  budget: Figure.nullable(),
  /** 全年执行数 */
  execution: Figure.nullable(),
  /** 分值 and 得分, on the rare form whose fund row repeats the total row's 预算执行 scoring (t401). */
  weight: Figure.nullable().optional(),
  score: Figure.nullable().optional(),
});
export type FundRow = z.infer<typeof FundRow>;

export const FormKind = z.enum(['department_overall', 'project']);
export type FormKind = z.infer<typeof FormKind>;

/**
 * One 自评表 (部门整体支出 or 项目支出绩效自评表) found in a document, or one row of a 项目名称 |
 * 自评分数 summary table (source `score_table`: name and score only).
 */
export const Form = z.object({
  /** `form:${ordinal}`, in document order. */
  id: z.string(),
  /** The Part it was read from. */
  part: z.string().nullable(),
  formKind: FormKind,
  /** table: a table block; flattened: a form flattened into text; score_table: a summary row. */
  source: z.enum(['table', 'flattened', 'score_table']),
  /** 项目名称 (null on a department-overall form). */
  projectName: z.string().nullable(),
  /** 主管部门 */
  department: z.string().nullable(),
  /** 实施单位 */
  implementer: z.string().nullable(),
  pageStart: z.number().int().nullable(),
  pageEnd: z.number().int().nullable(),
  /** 年初预算数 */
  budgetInitial: Figure.nullable(),
  /** 全年预算数 */
  budget: Figure.nullable(),
  /** 全年执行数 */
  execution: Figure.nullable(),
  /** 执行率 */
  executionRate: Figure.nullable(),
  /** 预算执行 row's 分值 (points) */
  budgetExecutionWeight: Figure.nullable(),
  /** 预算执行 row's 得分 (points) */
  budgetExecutionScore: Figure.nullable(),
  /** 总分 / 自评分数 */
  totalScore: Figure.nullable(),
  /** 评价等级 优/良/中/差 where printed */
  grade: z.string().nullable(),
  fundRows: z.array(FundRow),
  indicators: z.array(Indicator),
  /** The form's title or summary row. */
  evidence: Evidence,
});
export type Form = z.infer<typeof Form>;

/** One candidate for a role, with the named features that scored it. */
export const RoleCandidate = z.object({
  figure: Figure,
  /** Sum of the fired features' weights. */
  score: z.number(),
  features: z.array(z.object({ id: z.string(), weight: z.number() })),
});
export type RoleCandidate = z.infer<typeof RoleCandidate>;

/**
 * How one headline role (budget, budgetInitial, execution, executionRate, selfScore) was filled:
 * the ranked candidates, which won (index, null when abstained) and why
 * (`clear`, `tie_broken_by_rate`, `form`, `abstained_low`, `abstained_tie`, `not_applicable`).
 */
export const RoleDecision = z.object({
  role: z.string(),
  chosen: z.number().int().nullable(),
  reason: z.string(),
  /** Best first; at most a few. */
  candidates: z.array(RoleCandidate),
});
export type RoleDecision = z.infer<typeof RoleDecision>;

/**
 * One ranked alternative for a report field that is not a figure (the department, the fiscal year, the
 * title): the value, its score and the named rules that scored it (a source's weight, then each
 * feature's), and where the text says it.
 */
export const FieldCandidate = z.object({
  value: z.string(),
  /** Sum of the weights in `features`. */
  score: z.number(),
  features: z.array(z.object({ id: z.string(), weight: z.number() })),
  /** The first place the text prints the value (null when only a shorter form of it is printed). */
  evidence: Evidence.nullable(),
});
export type FieldCandidate = z.infer<typeof FieldCandidate>;

/**
 * How a report field (`department`, `title`, `fiscalYear`) was decided among its ranked candidates: which won
 * (index, null when abstained) and why (`clear`, `abstained_low`, `abstained_tie`, `none`, `first`).
 */
export const FieldDecision = z.object({
  field: z.enum(['department', 'title', 'fiscalYear']),
  chosen: z.number().int().nullable(),
  reason: z.string(),
  /** Best first. */
  candidates: z.array(FieldCandidate),
});
export type FieldDecision = z.infer<typeof FieldDecision>;

export const Region = z.object({
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
});
export type Region = z.infer<typeof Region>;

export const Interval = z.object({
  lo: z.string(),
  hi: z.string(),
  loOpen: z.boolean(),
  hiOpen: z.boolean(),
});
export type Interval = z.infer<typeof Interval>;

export const CheckStatus = z.enum(['pass', 'fail', 'warn', 'not_applicable']);
export type CheckStatus = z.infer<typeof CheckStatus>;

/** One consistency check's outcome: data, never an exception. */
export const CheckResult = z.object({
  /** Rule id, e.g. `execution_rate`, `sum.by_function`. */
  rule: z.string(),
  status: CheckStatus,
  /** The interval computed from the parts, in `unit`. */
  expected: Interval.nullable(),
  /** The interval of the stated result, in `unit`. */
  actual: Interval.nullable(),
  /** Unit of both intervals, in the report's own terms (万元, %, 分 …). */
  unit: z.string(),
  message: z.object({ zh: z.string(), en: z.string() }),
  /** Every figure the rule used. */
  evidence: z.array(z.object({ role: z.string(), text: z.string(), evidence: Evidence })),
  /** Rule-specific detail (e.g. which budget was the denominator). */
  detail: z.record(z.string(), z.unknown()).optional(),
  /** Part or form id the relation was checked within (`form:2`, `accounts_table:1`). */
  part: z.string().optional(),
  /**
   * definite: both sides are surely the same quantity (one table, one form, one labelled sentence);
   * possible: their identity was inferred (matching subjects across sentences). Absent = definite.
   */
  certainty: z.enum(['definite', 'possible']).optional(),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const SourceInfo = z.object({
  fileName: z.string().nullable(),
  sha256: z.string().nullable(),
  format: z.string(),
  encoding: z.string().nullable(),
  pages: z.number().int(),
  ocrPages: z.number().int(),
  /** Pages that need OCR but were not recognized. */
  unreadPages: z.number().int(),
  /**
   * What a reader of the record must know about the file itself: its extension named another
   * format than its content ("named .pdf, read as txt"), it holds no self-evaluation content.
   */
  notes: z.array(z.string()).optional(),
});
export type SourceInfo = z.infer<typeof SourceInfo>;

export const ReportRecord = z.object({
  /** 2 added documentKind, parts, forms and roles; stored version-1 records are upgraded on read (upgradeRecord). */
  schemaVersion: z.literal(2),
  extractorVersion: z.string(),
  source: SourceInfo,
  report: z.object({
    title: z.string().nullable(),
    kind: ReportKind,
    documentKind: DocumentKind,
    /** Full name of the reporting unit. */
    department: z.string().nullable(),
    fiscalYear: z.number().int().nullable(),
    region: Region,
  }),
  figures: z.object({
    /** 全年预算数 / 调整后预算数, or the only budget stated. */
    budget: Figure.nullable(),
    /** 年初预算数 */
    budgetInitial: Figure.nullable(),
    /** 执行数 / 支出数 */
    execution: Figure.nullable(),
    /** 执行率, as stated. */
    executionRate: Figure.nullable(),
    /** 自评得分 */
    selfScore: Figure.nullable(),
    /** 支出按功能分类 */
    byFunction: z.array(NamedAmount),
    /** 基本支出 / 项目支出 / 人员经费 / 公用经费 */
    byNature: z.array(NamedAmount),
    /** 财政拨款 / 其他资金 … */
    fundSources: z.array(NamedAmount),
    projects: z.array(Project),
    counts: z.array(Count),
    indicators: z.array(Indicator),
  }),
  /** The document's parts, in text order (one narrative part for a plain report). */
  parts: z.array(Part),
  /** Every 自评表 in the document, and every row of a score summary table. */
  forms: z.array(Form),
  /** How each headline figure was chosen among its candidates. */
  roles: z.array(RoleDecision),
  /** How the department and the fiscal year were chosen among their candidates; absent in records stored before it was kept. */
  reportRoles: z.array(FieldDecision).optional(),
  checks: z.array(CheckResult),
});
export type ReportRecord = z.infer<typeof ReportRecord>;

/**
 * A stored record of any schema version as the current one: version 1 lacked documentKind, parts,
 * forms and roles (its kind said what it was about; nothing said what the document was).
 */
export function upgradeRecord(raw: unknown): ReportRecord {
  const r = raw as { schemaVersion?: number; report?: Record<string, unknown> } & Record<string, unknown>;
  if (r && typeof r === 'object' && r.schemaVersion === 1) {
    const kind = r.report?.kind;
    return ReportRecord.parse({
      ...r,
      schemaVersion: 2,
      report: { ...r.report, documentKind: kind === 'unknown' ? 'other' : 'self_evaluation_report' },
      parts: [],
      forms: [],
      roles: [],
    });
  }
  return ReportRecord.parse(raw);
}
