/**
 * The record's figures from located numbers, in two steps:
 * 1. named amounts (byFunction, byNature, fundSources, projects): rules that name an amount by the
 *    row or clause it stands in (`NAMED_RULES` ids); the numbers they take are parts, never a
 *    headline figure;
 * 2. headline roles (budget, budgetInitial, execution, executionRate, selfScore): every amount,
 *    percent and score is a candidate, scored by named features and decided by one engine
 *    (roles/assign.ts), which records its ranking in `roles`.
 */
import type { SourceDocument } from '../ingest/document.js';
import { evidenceOf } from '../normalize/offsets.js';
import type { Figure, NamedAmount, Project, ReportKind, RoleDecision } from '../schema/record.js';
import type { Segmentation } from '../segment/segment.js';
import { FORM_COLUMNS, TOTAL_FILLER, FUND_RE, LEVEL_FUND_RE, LEVEL_TRANSFER_RE, NATURE_NAMES, NATURE_RE } from '../vocabulary/index.js';
import { FUNCTION_CLASS_NAMES, classifyFunction, codeInLabel } from './function-classes.js';
import type { LocatedNumber } from './locate.js';
import { assignRoles, bestRolesOf } from './roles/assign.js';
import { clauseBefore, findCandidates, isImpliedMoney, lastClause, sentenceBefore, toFigure, type Candidate } from './roles/candidates.js';
import { FEATURES, PART_CONTEXT } from './roles/features.js';
import type { RoleId } from './roles/rules.js';

export { isImpliedMoney, toFigure };

const TRANSFER_RE = /下达[^，。；]{0,40}?(?:资金|经费|预算|指标)$|下达$/u;
const TOTAL_ROW_RE = /年度资金总额|资金总额/u;

/** A sentence that opens with what a part received: "收到普通国省道建设(…)补助资金". */
const RECEIVED_RE = /^\s*(?:\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)])?\s*收到([^，,。；;：:（(\d]{2,30}?)(?:[（(][^（）()]*[）)])?(?:补助|专项)?资金$/u;

const GENERIC_PROJECT = /^(?:本|该|此|各|重点|部门|整体|所有|其他|全部|上述|以上|本年|年度|各个|有关|相关|专项|主要|重点任务)$/u;

/** The project a clause talks about: "党建工委工作经费项目全年预算数" → 党建工委工作经费. */
export function projectInClause(clause: string): string | null {
  const m = /([\u4e00-\u9fffA-Za-z0-9（）()“”"·]{2,40}?)项目(?:资金|经费)?(?:的)?(?:全年|年初|调整后|年度)?(?:预算|资金|执行|支出|总投资|安排)/u.exec(clause);
  if (!m) return null;
  let name = m[1]!.replace(/^(?:其中|另外|此外|本单位|我单位|本部门|我部门|我委|我局|全年|年度|\d{4}年度?)/u, '').replace(/^[“"]|[”"]$/gu, '');
  // "调整预算后项目预算…" names no project.
  if (Array.from(name).length < 2 || GENERIC_PROJECT.test(name) || /[预算执行支出资金]$|预算/u.test(name)) return null;
  return name;
}

export interface ExtractedFigures {
  budget: Figure | null;
  budgetInitial: Figure | null;
  execution: Figure | null;
  executionRate: Figure | null;
  selfScore: Figure | null;
  byFunction: NamedAmount[];
  byNature: NamedAmount[];
  fundSources: NamedAmount[];
  projects: Project[];
  /** 预算执行 part of a 自评表's fund table: its 分值 and 得分 (points). */
  budgetExecutionWeight?: Figure | null;
  budgetExecutionScore?: Figure | null;
  /** Several different self scores in one sentence: no single one is the report's. */
  selfScoreAmbiguous?: boolean;
  /** How each headline role was decided (record.roles). */
  roles: RoleDecision[];
}

/** A table cell's number read as points, whatever unit the table header gave the column. */
export function asPoints(f: Figure, m: { value: string }): Figure {
  return { ...f, value: Number(m.value), exact: m.value, unit: '分', kind: 'score', scale: 0 };
}

/** Named-amount rules: the id each records for the numbers it takes (`Candidate.namedAs`). */
export const NAMED_RULES = {
  functionRow: 'named.function.row',
  functionLabel: 'named.function.label',
  natureRow: 'named.nature.row',
  natureLabel: 'named.nature.label',
  fundRow: 'named.fund.row',
  fundLabel: 'named.fund.label',
  fundPart: 'named.fund.part_after_whole',
  weightCell: 'named.form.budget_execution_weight',
  scoreCell: 'named.form.budget_execution_score',
  receivedPart: 'named.project.received_after_whole',
  projectClause: 'named.project.clause',
} as const;

/** Narrative wholes followed by their parts (`Candidate.wholeAs`), which budget features read. */
type Whole = 'transfer' | 'arranged' | 'fund';

/**
 * What the clause alone says a number is: its best role from the features that state a role
 * outright (weak hints such as 下达 and context such as 其中 left out).
 */
const LABEL_FEATURES = FEATURES.filter((f) => !['any.part_context', 'any.named_amount', 'budget.label.下达', 'budget.raw.资金共'].includes(f.id) && !f.id.includes('.whole.'));
type MoneyField = Exclude<RoleId, 'selfScore'>;
function labelRoleOf(c: Candidate | undefined): MoneyField | null {
  if (!c || c.kind === 'score') return null;
  const roles = bestRolesOf(c, LABEL_FEATURES);
  return roles.length === 1 ? (roles[0] as MoneyField) : null;
}

interface NamedAmounts {
  byFunction: NamedAmount[];
  byNature: NamedAmount[];
  fundSources: NamedAmount[];
  projects: Project[];
  budgetExecutionWeight?: Figure;
  budgetExecutionScore?: Figure;
  named: Map<number, string>;
  wholes: Map<number, Whole>;
}

/**
 * Amounts named by their row or clause: functional classes, natures, fund sources, projects. A list
 * may name an item twice (budget, then execution): the first statement is its amount.
 */
function findNamedAmounts(doc: SourceDocument, seg: Segmentation, numbers: readonly LocatedNumber[], kind: ReportKind, byStart: Map<number, Candidate>): NamedAmounts {
  const out: NamedAmounts = { byFunction: [], byNature: [], fundSources: [], projects: [], named: new Map(), wholes: new Map() };
  const projects = new Map<string, Project>();
  const seenFunction = new Set<string>();
  let functionGroupClosed = false;
  const seenNature = new Set<string>();
  const seenFund = new Set<string>();
  const take = (m: LocatedNumber, rule: string) => out.named.set(m.start, rule);
  const addFund = (name: string, m: LocatedNumber, rule: string) => {
    take(m, rule);
    if (seenFund.has(name)) return;
    seenFund.add(name);
    out.fundSources.push({ name, amount: toFigure(doc, m) });
  };
  const levelTransfers: NamedAmount[] = [];
  // The sentence whose whole was just stated with "其中": its parts named by level are fund sources.
  let partsSentence = -1;
  // The first budget the text states: parts received after it and its 其中 are sub-projects.
  let firstBudget: LocatedNumber | null = null;
  // "其中" between the budget and a number, found once per budget rather than by reading the
  // whole span again before every number (quadratic on a long table).
  let partsAfter = { from: -1, at: -1 };
  const partsFollow = (from: number, start: number): boolean => {
    if (partsAfter.from !== from) partsAfter = { from, at: doc.text.indexOf('其中', from) };
    return partsAfter.at >= 0 && partsAfter.at + 2 <= start;
  };
  // Projects in the order they were found, which is text order: the first one at or after a
  // sentence's start is found by a cursor that only moves forward (sentences come in order).
  const projectOrder: Project[] = [];
  let projectCursor = 0;
  const firstProjectFrom = (sentenceStart: number | undefined): Project | undefined => {
    if (sentenceStart === undefined) return undefined;
    while (projectCursor < projectOrder.length && projectOrder[projectCursor]!.evidence!.start < sentenceStart) projectCursor++;
    return projectOrder[projectCursor];
  };
  const addProject = (p: Project): Project => {
    projects.set(p.name, p);
    projectOrder.push(p);
    return p;
  };

  for (const m of numbers) {
    if (m.approx !== 'exact') continue;
    const c = byStart.get(m.start);
    const label = m.label;
    if (m.cell) {
      const row = m.cell.rowLabel.replace(/\s+/gu, '');
      const field = labelRoleOfCell(m);
      const fn = FUNCTION_CLASS_NAMES.find((n) => row.endsWith(n) || row.includes(n));
      if (fn && m.kind === 'money') {
        const cls = classifyFunction(fn)!;
        if (!seenFunction.has(cls.code) && (field === 'execution' || field === null)) {
          seenFunction.add(cls.code);
          out.byFunction.push({ name: fn, code: cls.code, amount: toFigure(doc, m) });
        }
        take(m, NAMED_RULES.functionRow);
        continue;
      }
      const nature = NATURE_NAMES.find((n) => row.endsWith(n));
      if (nature && m.kind === 'money' && (field === 'execution' || field === null)) {
        if (!seenNature.has(nature)) {
          seenNature.add(nature);
          out.byNature.push({ name: nature, amount: toFigure(doc, m) });
        }
        take(m, NAMED_RULES.natureRow);
        continue;
      }
      if (TOTAL_ROW_RE.test(row) && /分值|权重/u.test(m.cell.header) && !field) {
        out.budgetExecutionWeight ??= asPoints(toFigure(doc, m), m);
        take(m, NAMED_RULES.weightCell);
        continue;
      }
      if (TOTAL_ROW_RE.test(row) && /得分/u.test(m.cell.header) && !field) {
        out.budgetExecutionScore ??= asPoints(toFigure(doc, m), m);
        take(m, NAMED_RULES.scoreCell);
        continue;
      }
      const fund = /合计|总计|资金总额/u.test(row) ? null : FUND_RE.exec(row.replace(/^其中[：:]?/u, ''));
      if (fund && m.kind === 'money' && (field === 'budget' || field === null)) addFund(fund[1]!, m, NAMED_RULES.fundRow);
      continue;
    }
    if (m.kind !== 'money' && m.kind !== 'percent' && !isImpliedMoney(m)) continue;
    const before = sentenceBefore(doc, seg, m);
    const whole = /^[，,]?\s*其中/u.test(doc.text.slice(m.end, m.end + 4));
    const clause = clauseBefore(before);
    if (m.kind === 'money' && partsSentence === m.sentence) {
      const part = label.replace(/^其中[：:]?/u, '');
      if (LEVEL_FUND_RE.test(part) || FUND_RE.test(part)) {
        addFund(FUND_RE.exec(part)?.[1] ?? part, m, NAMED_RULES.fundPart);
        continue;
      }
      partsSentence = -1;
    }
    // "按生均1000元安排，共计239万元，其中上级资金…": the arrangement's total, with its parts to follow.
    if (m.kind === 'money' && whole && /安排[，,]\s*(?:共计|合计|总计|共)\s*$/u.test(before) && !PART_CONTEXT.test(lastClause(before.replace(/[，,][^，,]*$/u, '')).slice(-12))) {
      out.wholes.set(m.start, 'arranged');
      partsSentence = m.sentence;
      firstBudget ??= m;
      continue;
    }
    if (m.kind === 'money') {
      const fn = FUNCTION_CLASS_NAMES.find((n) => label.endsWith(n));
      if (fn) {
        const cls = classifyFunction(fn)!;
        if (seenFunction.has(cls.code)) functionGroupClosed = true;
        if (!functionGroupClosed) {
          seenFunction.add(cls.code);
          out.byFunction.push({ name: fn, code: codeInLabel(label) ?? cls.code, amount: toFigure(doc, m) });
        }
        take(m, NAMED_RULES.functionLabel);
        continue;
      }
      const nature = NATURE_RE.exec(label);
      if (nature) {
        const name = nature[1]!.replace(/支出$/u, (s) => (nature[1] === '基本支出' || nature[1] === '项目支出' ? s : ''));
        if (!seenNature.has(name)) {
          seenNature.add(name);
          out.byNature.push({ name, amount: toFigure(doc, m) });
        }
        take(m, NAMED_RULES.natureLabel);
        continue;
      }
      const fund = FUND_RE.exec(label.replace(/^其中[：:]?/u, ''));
      // "收到财政资金共2330.9万元，其中：中央资金…": a total with its parts to follow.
      // (An income with its parts, "上级补助收入119662万元，其中：返还性收入…", is income, not a budget.)
      if (fund && whole) {
        if (!/收入$/u.test(fund[1]!) && !PART_CONTEXT.test(before.slice(-40).replace(FUND_RE, '').replace(fund[1]!, ''))) {
          out.wholes.set(m.start, 'fund');
          partsSentence = m.sentence;
          firstBudget ??= m;
        } else take(m, NAMED_RULES.fundLabel);
        continue;
      }
      if (fund) {
        addFund(fund[1]!, m, NAMED_RULES.fundLabel);
        continue;
      }
    }
    const field = labelRoleOf(c);
    // "…合计7505万元，已支出…。其中：\n收到普通国省道建设(…)补助资金2666万元，已支出39万元，资金支付率1.46%":
    // each part received after the whole and its 其中 is a sub-project; the sentence gives its spending.
    const received = m.kind === 'money' && firstBudget && partsFollow(firstBudget.end, m.start) ? RECEIVED_RE.exec(before.replace(TOTAL_FILLER, '')) : null;
    if (received && !GENERIC_PROJECT.test(received[1]!) && !projects.has(received[1]!)) {
      addProject({ name: received[1]!, budget: toFigure(doc, m), execution: null, executionRate: null, evidence: evidenceOf(doc, m.start, m.end) });
      take(m, NAMED_RULES.receivedPart);
      continue;
    }
    if (!field) {
      if (m.kind === 'money' && TRANSFER_RE.test(clause) && !PART_CONTEXT.test(clause)) {
        // "上级财政下达…资金9765万元，其中：…": the transfer is the whole, whatever else was transferred.
        if (whole) {
          out.wholes.set(m.start, 'transfer');
          partsSentence = m.sentence;
        }
        const level = LEVEL_TRANSFER_RE.exec(clause);
        if (level) levelTransfers.push({ name: level[1]!, amount: toFigure(doc, m) });
      }
      continue;
    }
    if (field === 'budget' && !PART_CONTEXT.test(before.slice(-(label.length + 4)))) firstBudget ??= m;
    const project = projectInClause(before.slice(-80));
    if (project && kind !== 'project') {
      let p = projects.get(project);
      p ??= addProject({ name: project, budget: null, execution: null, executionRate: null, evidence: evidenceOf(doc, m.start, m.end) });
      if (field === 'budgetInitial') p.budgetInitial ??= toFigure(doc, m);
      else p[field] ??= toFigure(doc, m);
      take(m, NAMED_RULES.projectClause);
      continue;
    }
    // The project whose budget this sentence gave also owns the sentence's rate ("…完成预算的100.0%").
    const sentenceProject = firstProjectFrom(seg.sentences[m.sentence]?.start);
    if (sentenceProject && field !== 'budgetInitial' && !sentenceProject[field]) {
      sentenceProject[field] = toFigure(doc, m);
      take(m, NAMED_RULES.projectClause);
    }
  }
  out.projects = [...projects.values()];
  // Transfers named by the paying level are the sources when the text lists none otherwise.
  if (out.fundSources.length === 0) out.fundSources = levelTransfers.filter((t, i) => levelTransfers.findIndex((u) => u.name === t.name) === i);
  return out;
}

/** A table cell's column → the money field it holds ("全年预算数" → budget), or null. */
function labelRoleOfCell(m: LocatedNumber): MoneyField | null {
  const h = m.cell!.header.replace(/\s+/gu, '').replace(/[（(][^）)]*[）)]/gu, '');
  const col = FORM_COLUMNS.find((c) => c.pattern.test(h));
  return col && col.role !== 'selfScore' ? col.role : null;
}

/**
 * The record's figures from located numbers: named amounts by their rules, headline figures by the
 * roles engine. A wrong figure is worse than a missing one: a role abstains when its candidates
 * are weak or tied.
 */
export function extractFigures(doc: SourceDocument, seg: Segmentation, numbers: LocatedNumber[], kind: ReportKind): ExtractedFigures {
  const candidates = findCandidates(doc, seg, numbers, kind);
  const byStart = new Map(candidates.map((c) => [c.number.start, c] as const));
  const named = findNamedAmounts(doc, seg, numbers, kind, byStart);
  for (const c of candidates) {
    const rule = named.named.get(c.number.start);
    if (rule) c.namedAs = rule;
    const whole = named.wholes.get(c.number.start);
    if (whole) c.wholeAs = whole;
  }
  const { figures, decisions } = assignRoles(candidates);
  const scoreDecision = decisions.find((d) => d.role === 'selfScore');
  const selfScoreAmbiguous = scoreDecision?.reason === 'abstained_tie';
  return {
    ...figures,
    byFunction: named.byFunction,
    byNature: named.byNature,
    fundSources: named.fundSources,
    projects: named.projects,
    ...(named.budgetExecutionWeight ? { budgetExecutionWeight: named.budgetExecutionWeight } : {}),
    ...(named.budgetExecutionScore ? { budgetExecutionScore: named.budgetExecutionScore } : {}),
    ...(selfScoreAmbiguous ? { selfScoreAmbiguous } : {}),
    roles: decisions,
  };
}
