import type { SourceDocument } from '../ingest/document.js';
import type { Figure, NamedAmount, Project, ReportKind } from '../schema/record.js';
import type { Segmentation } from '../segment/segment.js';
import { evidenceOf } from '../normalize/offsets.js';
import { FUNCTION_CLASS_NAMES, classifyFunction, codeInLabel } from './function-classes.js';
import type { LocatedNumber } from './locate.js';
import type { NumberMatch } from './numbers.js';

/** A number found in the document's text as a record Figure with its evidence. */
export function toFigure(doc: SourceDocument, m: NumberMatch): Figure {
  return {
    value: Number(m.base),
    exact: m.base,
    text: m.text,
    unit: m.unit,
    kind: m.kind,
    precision: m.precision,
    scale: m.scale,
    approx: m.approx,
    ...(m.lo !== undefined ? { lo: m.lo } : {}),
    ...(m.hi !== undefined ? { hi: m.hi } : {}),
    evidence: evidenceOf(doc, m.start, m.end),
  };
}

/** 基本支出 / 项目支出 / 人员经费 / 公用经费, as printed. */
const NATURE_NAMES = ['基本支出', '项目支出', '人员经费', '公用经费'];
const NATURE_RE = /(基本支出|项目支出|人员经费(?:支出)?|公用经费(?:支出)?)$/u;
/** 资金来源: the 自评表's fund rows and narrative fund sources. */
const FUND_RE =
  /((?:本年|当年|年初)?财政拨款(?:资金)?|财政资金|上年结转(?:资金)?|结转结余(?:资金)?|其他资金|单位资金|自有资金|财政专户管理资金|中央(?:财政)?(?:补助)?资金|省级(?:财政)?资金|市级(?:财政)?资金|县级(?:财政)?资金|区级(?:财政)?资金|(?:财政拨款(?:资金)?|上级补助|事业(?:性)?|经营|附属单位上缴|其他)收入)$/u;
/**
 * A part named by the level of government that pays it ("上级资金179.25万元", "本级59.75万元",
 * "地方资金98.6万元"): a fund source when it follows a whole and its "其中".
 */
const LEVEL_FUND_RE = /^(?:中央|省级?|自治区|市级?|县级?|区级?|上级|本级|地方)(?:财政)?(?:补助|配套|匹配)?(?:资金)?$/u;
/** A transfer whose payer is a level of government: "中央财政耕地地力保护补贴资金…下达资金8887万元". */
const LEVEL_TRANSFER_RE = /^(?:\d{4}年度?)?((?:中央|省级?|自治区|市级?|县级?)(?:财政)?[^，。；、（(\d]{0,20}?资金)/u;

const BUDGET_INITIAL_RE = /年初(?:批复)?预算(?:数|金额|资金|安排|额)?$/u;
const BUDGET_RE =
  /(?:(?:全年|调整后|年度|本年|当年|批复)?预算(?:数|金额|资金|总额|安排|额|批复数)?|预算调整后(?:数)?|预算安排(?:资金|经费)?|安排(?:资金|经费|预算)|安排的[^，。；]{0,24}?资金|资金总额)$/u;
/**
 * Transfers announced as "下达…资金29.6万元" / "衔接资金共下达105万元": the budget of a project
 * report when the report states no other and names a single such amount (two 下达 amounts are
 * parts of a total the text may not print).
 */
const TRANSFER_RE = /下达[^，。；]{0,40}?(?:资金|经费|预算|指标)$|下达$/u;
/** Words that close a clause before its amount ("共下达105万元" loses "达" to the label's filler). */
// Each alternative matches one way only (共计 is 共 + 计): an ambiguous alternation under + backtracks
// exponentially on a long run of 共计 that does not end the text (found by fuzzing: minutes per report).
const TOTAL_WORDS = /(?:合计|总计|累计|[共计为：:\s“”])+$/u;
const EXECUTION_RE =
  /(?:执行数|执行金额|执行额|全年执行|实际执行|实际支出|支出数|支出金额|已支出|决算数|支出决算|决算|实际使用|累计支出|总支出|支出总额|使用资金|使用|支出|发放资金)$/u;
const RATE_RE = /(?:执行率|完成预算的?|预算完成率|支出进度|执行进度|支出率|(?:资金)?支付率|预算执行率|完成全年预算(?:数)?的?|占(?:全年)?预算(?:数)?的)$/u;
const SCORE_CONTEXT = /(自评|总分|综合得分|评价得分|最终得分|评分结果|得分)/u;

/** Clauses about parts, not the whole: "其中：基本支出预算数…". */
const PART_CONTEXT = new RegExp(`(其中|基本支出|项目支出|人员经费|公用经费|结转|财政拨款|其他资金|${FUNCTION_CLASS_NAMES.join('|')})`, 'u');

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
}

/** A table cell's number read as points, whatever unit the table header gave the column. */
export function asPoints(f: Figure, m: { value: string }): Figure {
  return { ...f, value: Number(m.value), exact: m.value, unit: '分', kind: 'score', scale: 0 };
}

type Field = 'budget' | 'budgetInitial' | 'execution' | 'executionRate';

/** "5.8万" after a money word: the 元 is implied. */
export const isImpliedMoney = (m: LocatedNumber) => m.kind === 'plain' && m.scale === 4 && m.unit === '';

function fieldOfLabel(label: string, m: LocatedNumber): Field | null {
  if (m.kind === 'percent') return RATE_RE.test(label) ? 'executionRate' : null;
  if (m.kind !== 'money' && !isImpliedMoney(m)) return null;
  // "完成预算资金89.97万元", "已使用预算资金…" state what was spent; "申请预算资金" is a request, and
  // "计划…" a plan, except the form field "计划安排资金（万元）", which is the project's budget.
  if (/申请|争取|计划/u.test(label) && !(m.fieldUnit && /计划安排资金$/u.test(label))) return null;
  // ("转移支付预算数" is the budget of a transfer, not a payment.)
  if (/(?:完成|使用|(?<!转移)支付|支出|执行|拨付)[^，。；]{0,4}预算(?:资金|数)?$/u.test(label)) return 'execution';
  if (BUDGET_INITIAL_RE.test(label)) return 'budgetInitial';
  if (/执行率|完成率/u.test(label)) return null;
  if (BUDGET_RE.test(label)) return 'budget';
  if (EXECUTION_RE.test(label) && !NATURE_RE.test(label) && !FUNCTION_CLASS_NAMES.some((n) => label.endsWith(n))) return 'execution';
  return null;
}

/** A 自评表's column header → the field it holds ("全年预算数" → budget). */
function fieldOfHeader(header: string, m: LocatedNumber): Field | null {
  const h = header.replace(/\s+/gu, '').replace(/[（(][^）)]*[）)]/gu, '');
  if (m.kind === 'percent' || /执行率/u.test(h)) return /执行率|完成率/u.test(h) ? 'executionRate' : null;
  if (/年初预算/u.test(h)) return 'budgetInitial';
  if (/(全年|调整后)?预算(数|金额)?$|预算数/u.test(h) && !/执行/u.test(h)) return 'budget';
  if (/执行数|执行金额|实际支出|支出数|决算数|全年执行/u.test(h)) return 'execution';
  return null;
}

const CLAUSE_END = /[，,。；;！？!?\n\t、]/u;

/** The last clause of a text: what follows its last comma, stop or line break. */
function lastClause(text: string): string {
  // Scanned back from the end: splitting the whole text made a string of every clause per number.
  let i = text.length;
  while (i > 0 && !CLAUSE_END.test(text[i - 1]!)) i--;
  return text.slice(i).trim();
}

/**
 * How far back a number's sentence is read. Every rule looks at most 80 characters back or at a
 * clause that starts with the sentence ("收到…资金"); a flattened table is one "sentence" of
 * megabytes, and reading all of it before each of its numbers made the stage quadratic.
 */
const SENTENCE_WINDOW = 400;
/** Stands where a longer sentence was cut: no rule's pattern matches it, so "^" can't match mid-sentence. */
const CUT_MARK = '\u0000';

function sentenceText(doc: SourceDocument, seg: Segmentation, m: LocatedNumber): string {
  const s = seg.sentences[m.sentence];
  if (!s) return m.label;
  if (m.start - s.start <= SENTENCE_WINDOW) return doc.text.slice(s.start, m.start);
  return CUT_MARK + doc.text.slice(m.start - SENTENCE_WINDOW, m.start);
}

/**
 * Assigns located numbers to the record's money fields by the words that label them. Each field
 * takes its first well-labelled statement; a clause about a part (其中, a functional class, a
 * project) never fills a report-level field. A wrong figure is worse than a missing one, so
 * unlabelled numbers stay unassigned.
 */
export function extractFigures(doc: SourceDocument, seg: Segmentation, numbers: LocatedNumber[], kind: ReportKind): ExtractedFigures {
  const out: ExtractedFigures = {
    budget: null,
    budgetInitial: null,
    execution: null,
    executionRate: null,
    selfScore: null,
    byFunction: [],
    byNature: [],
    fundSources: [],
    projects: [],
  };
  const projects = new Map<string, Project>();
  const seenFunction = new Set<string>();
  let functionGroupClosed = false;
  const seenNature = new Set<string>();
  const seenFund = new Set<string>();
  // A list may name a source twice (budget, then execution): the first statement is its amount.
  const addFund = (name: string, m: LocatedNumber) => {
    if (seenFund.has(name)) return;
    seenFund.add(name);
    out.fundSources.push({ name, amount: toFigure(doc, m) });
  };
  let selfScoreSentence = -1;
  const transfers: LocatedNumber[] = [];
  // A narrative whole ("下达…9765万元，其中…", "安排，共计239万元，其中…"): the budget unless a label states one.
  let narrativeWhole: LocatedNumber | null = null;
  const levelTransfers: NamedAmount[] = [];
  // The sentence whose whole was just stated with "其中": its parts named by level are fund sources.
  let partsSentence = -1;
  let selfScoreAmbiguous = false;
  // "其中" between the budget and a number, found once per budget rather than by reading the
  // whole span again before every number (quadratic on a long table).
  let partsAfter = { from: -1, at: -1 };
  const partsFollowBudget = (start: number): boolean => {
    const from = out.budget!.evidence.end;
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
    const label = m.label;
    const before = sentenceText(doc, seg, m);
    // --- tables: row label × column header
    if (m.cell) {
      const row = m.cell.rowLabel.replace(/\s+/gu, '');
      const field = fieldOfHeader(m.cell.header, m);
      const fn = FUNCTION_CLASS_NAMES.find((n) => row.endsWith(n) || row.includes(n));
      if (fn && m.kind === 'money') {
        const cls = classifyFunction(fn)!;
        if (!seenFunction.has(cls.code) && (field === 'execution' || field === null)) {
          seenFunction.add(cls.code);
          out.byFunction.push({ name: fn, code: cls.code, amount: toFigure(doc, m) });
        }
        continue;
      }
      const nature = NATURE_NAMES.find((n) => row.endsWith(n));
      if (nature && m.kind === 'money' && (field === 'execution' || field === null)) {
        if (!seenNature.has(nature)) {
          seenNature.add(nature);
          out.byNature.push({ name: nature, amount: toFigure(doc, m) });
        }
        continue;
      }
      if (/年度资金总额|资金总额|合计|总计/u.test(row) && field) {
        if (!out[field]) out[field] = toFigure(doc, m);
        continue;
      }
      if (/年度资金总额|资金总额/u.test(row) && /分值|权重/u.test(m.cell.header) && !out.budgetExecutionWeight) {
        out.budgetExecutionWeight = asPoints(toFigure(doc, m), m);
        continue;
      }
      if (/年度资金总额|资金总额/u.test(row) && /得分/u.test(m.cell.header) && !out.budgetExecutionScore) {
        out.budgetExecutionScore = asPoints(toFigure(doc, m), m);
        continue;
      }
      const fund = FUND_RE.exec(row.replace(/^其中[：:]?/u, ''));
      if (fund && m.kind === 'money' && (field === 'budget' || field === null)) {
        addFund(fund[1]!, m);
        continue;
      }
      if (m.kind === 'score' || /总分|合计得分|自评得分/u.test(row)) {
        if (!out.selfScore && /总分|合计|自评得分|综合得分/u.test(row) && /得分/u.test(m.cell.header + row) && Number(m.base) <= 100)
          out.selfScore = toFigure(doc, m);
      }
      continue;
    }
    // --- running text
    if (m.kind === 'score') {
      // "效益指标(30分)" is a weight in a heading, not a score.
      const inBrackets = /[（(]\s*$/u.test(doc.text.slice(Math.max(0, m.start - 2), m.start));
      const near = before.slice(-16);
      if (!inBrackets && SCORE_CONTEXT.test(near) && !/分值|权重|满分/u.test(label) && Number(m.base) <= 100) {
        if (!out.selfScore) {
          out.selfScore = toFigure(doc, m);
          selfScoreSentence = m.sentence;
        } else if (m.sentence === selfScoreSentence && m.base !== out.selfScore.exact) {
          // Several scores in one sentence (one per sub-fund): no single self score.
          selfScoreAmbiguous = true;
        }
      }
      continue;
    }
    if (m.kind !== 'money' && m.kind !== 'percent' && !isImpliedMoney(m)) continue;
    const whole = /^[，,]?\s*其中/u.test(doc.text.slice(m.end, m.end + 4));
    const clause = lastClause(before).replace(/[（(][^（）()]*[）)]$/u, '').replace(TOTAL_WORDS, '');
    if (m.kind === 'money' && partsSentence === m.sentence) {
      const part = label.replace(/^其中[：:]?/u, '');
      if (LEVEL_FUND_RE.test(part) || FUND_RE.test(part)) {
        addFund(FUND_RE.exec(part)?.[1] ?? part, m);
        continue;
      }
      partsSentence = -1;
    }
    // "按生均1000元安排，共计239万元，其中上级资金…": the arrangement's total, with its parts to follow.
    if (m.kind === 'money' && whole && /安排[，,]\s*(?:共计|合计|总计|共)\s*$/u.test(before) && !PART_CONTEXT.test(lastClause(before.replace(/[，,][^，,]*$/u, '')).slice(-12))) {
      narrativeWhole ??= m;
      partsSentence = m.sentence;
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
        continue;
      }
      const nature = NATURE_RE.exec(label);
      if (nature) {
        const name = nature[1]!.replace(/支出$/u, (s) => (nature[1] === '基本支出' || nature[1] === '项目支出' ? s : ''));
        if (!seenNature.has(name)) {
          seenNature.add(name);
          out.byNature.push({ name, amount: toFigure(doc, m) });
        }
        continue;
      }
      const fund = FUND_RE.exec(label.replace(/^其中[：:]?/u, ''));
      // "收到财政资金共2330.9万元，其中：中央资金…": a total with its parts to follow.
      if (fund && whole) {
        if (!out.budget && !PART_CONTEXT.test(before.slice(-40).replace(FUND_RE, '').replace(fund[1]!, ''))) {
          out.budget = toFigure(doc, m);
          partsSentence = m.sentence;
        }
        continue;
      }
      if (fund) {
        addFund(fund[1]!, m);
        continue;
      }
    }
    // "年初批复预算8个项目985万元": the amount of the projects just counted; the label is before the count.
    const counted = /^(?:个)?项目$/u.test(label) ? /^(.*?)\d+个项目$/u.exec(clause)?.[1] : undefined;
    const field = fieldOfLabel(counted || label, m);
    // "…合计7505万元，已支出…。其中：\n收到普通国省道建设(…)补助资金2666万元，已支出39万元，资金支付率1.46%":
    // each part received after the whole and its 其中 is a sub-project; the sentence gives its spending.
    const received = m.kind === 'money' && out.budget && partsFollowBudget(m.start) ? RECEIVED_RE.exec(before.replace(TOTAL_WORDS, '')) : null;
    if (received && !GENERIC_PROJECT.test(received[1]!) && !projects.has(received[1]!)) {
      addProject({ name: received[1]!, budget: toFigure(doc, m), execution: null, executionRate: null, evidence: evidenceOf(doc, m.start, m.end) });
      continue;
    }
    if (!field) {
      if (m.kind === 'money' && TRANSFER_RE.test(clause) && !PART_CONTEXT.test(clause)) {
        // "上级财政下达…资金9765万元，其中：…": the transfer is the whole, whatever else was transferred.
        if (whole) {
          narrativeWhole ??= m;
          partsSentence = m.sentence;
        } else transfers.push(m);
        const level = LEVEL_TRANSFER_RE.exec(clause);
        if (level) levelTransfers.push({ name: level[1]!, amount: toFigure(doc, m) });
      }
      continue;
    }
    const project = projectInClause(before.slice(-80));
    if (project && kind !== 'project') {
      let p = projects.get(project);
      if (!p) {
        p = addProject({ name: project, budget: null, execution: null, executionRate: null, evidence: evidenceOf(doc, m.start, m.end) });
      }
      if (field === 'budgetInitial') {
        if (!p.budgetInitial) p.budgetInitial = toFigure(doc, m);
      } else if (!p[field]) p[field] = toFigure(doc, m);
      continue;
    }
    // The project whose budget this sentence gave also owns the sentence's rate ("…完成预算的100.0%").
    const sentenceProject = firstProjectFrom(seg.sentences[m.sentence]?.start);
    if (sentenceProject && field !== 'budgetInitial' && !sentenceProject[field]) {
      sentenceProject[field] = toFigure(doc, m);
      continue;
    }
    // The clause itself, and the few characters before it ("其中："), say whether it is a part.
    if (PART_CONTEXT.test(before.slice(-(label.length + 4)))) continue;
    if (!out[field]) out[field] = toFigure(doc, m);
  }
  out.projects = [...projects.values()];
  if (selfScoreAmbiguous) {
    out.selfScore = null;
    out.selfScoreAmbiguous = true;
  }
  if (!out.budget && narrativeWhole) out.budget = toFigure(doc, narrativeWhole);
  if (!out.budget && new Set(transfers.map((t) => t.base)).size === 1) out.budget = toFigure(doc, transfers[0]!);
  // Transfers named by the paying level are the sources when the text lists none otherwise.
  if (out.fundSources.length === 0) out.fundSources = levelTransfers.filter((t, i) => levelTransfers.findIndex((u) => u.name === t.name) === i);
  return out;
}
