/**
 * Words of an indicator's fulfilment stated in a clause or a form row: its target (指标值 120 人), its
 * actual (实际完成 150 人) and the percentage printed from them (超额完成 25%, 完成率 125%). Read by
 * check/over-fulfilment.ts.
 */

/** (actual − target) ÷ target: "超额完成 25%", "超出目标 25%". */
export const OVER_FULFILMENT_WORDS: readonly string[] = ['超额完成', '超出目标', '超过目标', '超目标', '超计划', '超任务', '超额'];

/** actual ÷ target: "完成率 125%", "目标完成率 125%". */
export const COMPLETION_RATE_WORDS: readonly string[] = ['目标完成率', '指标完成率', '任务完成率', '完成率', '完成比例', '完工率'];

/**
 * A works report's task, its object between the verb and the number ("实施农村公路养护工程380公里"), and
 * the work done against it ("完成200.031公里建设任务"): actual ÷ task is the clause's 完工率 (t664: 52.64%,
 * printed 100%). Read only in one clause holding one of each and a completion rate after them.
 */
export const TASK_WITH_OBJECT_WORDS: readonly string[] = ['计划实施', '计划建设', '计划改造', '实施'];
export const DONE_WORDS: readonly string[] = ['累计完成', '完成', '建成'];

/**
 * actual ÷ target of money that was due: "地方应配套 20971.00 万元，实际配套到位资金 104880.14 万元，执行率为
 * 400.12%" (t132: 500.12%). Read only with a target of TARGET_WORDS, so never a budget's 执行率.
 */
export const DUE_RATE_WORDS: readonly string[] = ['执行率', '到位率', '配套率'];

/** The target: "指标值 120 人", "目标值为 120 人", "计划 120 人", "应配套 20971.00 万元". */
export const TARGET_WORDS: readonly string[] = ['年度指标值', '指标值', '目标值', '目标任务', '计划任务', '全年任务', '年度任务', '任务数', '计划', '应配套资金', '应配套', '应到位资金', '应到位'];

/**
 * An actual stated with its object between the verb and the number: "实际完成农村危房改造264户" (t363).
 * Read only to find the actual an over-fulfilment percentage of another sentence speaks of.
 */
export const ACTUAL_WITH_OBJECT_WORDS: readonly string[] = ['实际完成', '实际改造', '实际建设', '实际实施'];

/** What an over-fulfilment word says it exceeds ("超任务" → 任务): its target must be named so. */
export const OVER_WORD_PREFIX = /^(?:超额完成|超额|超出|超过|超)/u;

/**
 * A plan and its outturn stated with one verb ("计划培训100人，实际培训120人", "计划改造100户，实际改造120户"):
 * the plan word and the outturn word the verb stands after. One verb and one unit on both sides make them
 * one quantity.
 */
export const PLANNED_VERB_WORD = '计划';
export const ACTUAL_VERB_WORD = '实际';

/** The actual: "实际完成 150 人", "完成值 150 人" (not 超额完成, not 完成率: those are the percentage). */
export const ACTUAL_WORDS: readonly string[] = ['实际完成值', '全年实际完成值', '实际完成', '完成值', '实际配套到位资金', '实际配套到位', '实际到位资金', '实际到位', '实际'];

/** Lower bounds printed before a target: "≥120 人", "不少于 120 人" (the target is the bound). */
export const TARGET_BOUND_WORDS: readonly string[] = ['≥', '≧', '>=', '＞=', '不少于', '不低于', '达到'];
