/**
 * Named-amount rules for sub-projects (rules.ts NAMED_RULES, run by assign.ts): numbered items that
 * name a project with its budget, and lists opened by an enumeration mark without a count of projects.
 */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../../src/analyze.js';
import { recordOf } from './record-of.js';

const projectsOf = async (text: string) =>
  (await recordOf(text)).figures.projects.map((p) => [p.name, p.budget?.value ?? null, p.execution?.value ?? null, p.rule]);

describe('named.project.numbered', () => {
  it('reads numbered items that name a project and state its budget, the sentence giving its spending', async () => {
    const p = await projectsOf('我处2023年度共有2个项目1、道路维修项目：预算30万元，2023年全年实际支付28万元，使用率93.33%。2、2023年路灯改造工程项目：预算20万元，全年实际支付20万元。');
    expect(p).toEqual([
      ['道路维修项目', 300000, 280000, 'named.project.numbered'],
      ['2023年路灯改造工程项目', 200000, 200000, 'named.project.numbered'],
    ]);
  });

  it('reads "一是…项目，安排项目预算资金 X"', async () => {
    const p = await projectsOf('安排医院管理项目预算资金 900.00 万元。政策任务 2 个，具体如下：\n一是高水平医院建设项目，安排项目预算资金 600.00 万元，主要用于重点建设医院。');
    expect(p).toEqual([['高水平医院建设项目', 6000000, null, 'named.project.numbered']]);
  });

  it('reads "1.…项目，投资 X" (投资 with no role word of its own) as the item\'s budget', async () => {
    const p = await projectsOf('1.道路硬化项目，投资50万元，已完成。2.桥梁维修工程，投资30万元。');
    expect(p).toEqual([
      ['道路硬化项目', 500000, null, 'named.project.numbered'],
      ['桥梁维修工程', 300000, null, 'named.project.numbered'],
    ]);
  });

  it('leaves a numbered item without a project word or without a budget clause', async () => {
    expect(await projectsOf('1、办公设备购置：预算30万元，全年实际支付28万元。')).toEqual([]);
    expect(await projectsOf('1、道路维修项目：已支付30万元。')).toEqual([]);
    // A group of projects named by its budget line is no project ("一是…年初预算内项目资金6152万元").
    expect(await projectsOf('一是管理处年初预算内项目资金600万元。')).toEqual([]);
  });
});

describe('the report\'s own project', () => {
  it('is no sub-project when a single project\'s report numbers it: its budget stays the headline budget', async () => {
    const r = (await analyzeBytes(Buffer.from('XX县道路硬化项目绩效自评报告\n一、基本情况\n1、道路硬化项目：预算50万元，全年实际支付45万元。', 'utf8'), { fileName: 'synthetic.txt' })).record;
    expect(r.figures.projects).toEqual([]);
    expect(r.figures.budget?.value).toBe(500000);
  });
});

describe('lists opened by 具体是/分别为 without a count of projects', () => {
  it('keeps an enumeration whose items each name a project, even when they do not add up to the whole (a slip left for the checks)', async () => {
    const p = await projectsOf('区直单位下达预算资金100万元。具体是：河堤加固工程项目30万元；古籍保护二期项目50万元。');
    expect(p.map(([name, budget]) => [name, budget])).toEqual([
      ['河堤加固工程项目', 300000],
      ['古籍保护二期项目', 500000],
    ]);
  });

  it('keeps an enumeration that adds up to its whole', async () => {
    const p = await projectsOf('市财政下达专项经费80万元，分别为：对口支援工作经费30万元；区域协作办公经费50万元。');
    expect(p.map(([name, budget]) => [name, budget])).toEqual([
      ['对口支援工作经费', 300000],
      ['区域协作办公经费', 500000],
    ]);
  });

  it('takes no fund sources or unnamed items as projects', async () => {
    expect(await projectsOf('收到资金100万元，分别为：中央财政资金60万元；省级财政资金40万元。')).toEqual([]);
    expect(await projectsOf('下达资金100万元。具体是：河堤加固工程项目30万元；办公设备购置50万元。')).toEqual([]);
  });
});

describe('fund sources named by their level', () => {
  it('keeps the level in a part\'s name, so one level\'s fund stated twice is one source', async () => {
    const r = await recordOf('项目批复总投资61.8万元。其中：依据《关于提前下达资金预算的通知》下达中央财政资金30.9万元，县财政资金30.9万元，共计下达61.8万元。\n项目批复总投资61.8万元，其中中央财政资金30.9万元，县财政配套资金30.9万元。');
    expect(r.figures.fundSources.map((f) => [f.name, f.amount.value])).toEqual([
      ['中央财政资金', 309000],
      ['县财政资金', 309000],
    ]);
  });
});

describe('fund sources of a complete list', () => {
  const sourcesOf = async (text: string) => (await recordOf(text)).figures.fundSources.map((f) => [f.name, f.amount.value]);

  it('takes no amount after the parts already listed add up to the whole', async () => {
    // 1516.64 + 170.81 = 1687.45: the zero 经营收入/其他收入 that follow are no sources of this whole.
    expect(await sourcesOf('2017年度，本单位收入为1687.45万元，其中：财政拨款收入1516.64万元，占89.88%；事业收入170.81万元，占10.12%；经营收入0万元，占0%；其他收入0万元，占0%。')).toEqual([
      ['财政拨款收入', 15166400],
      ['事业收入', 1708100],
    ]);
    // A part not named as a source still counts: 18,879.06 + 16,812.20 + 129.03 = 35,820.29, the carry-over stands beside the whole.
    expect(await sourcesOf('收入决算数为35,820.29万元(含部分上级资金),其中,一般公共预算财政拨款收入18,879.06万元,政府性基金预算收入16,812.20万元,其他收入129.03万元;年初结转结余41.34万元。')).toEqual([
      ['财政拨款收入', 188790600],
      ['其他收入', 1290300],
    ]);
  });

  it('keeps a carry-over the whole still needs', async () => {
    expect(await sourcesOf('全年实际收入1699.12万元，其中财政拨款收入1435.22万元，上年结转结余263.90万元；全年实际支出1595.59万元。')).toEqual([
      ['财政拨款收入', 14352200],
      ['结转结余', 2639000],
    ]);
  });

  it('never takes the year-end carry-over as a source', async () => {
    expect(await sourcesOf('总支出决算数为35,837.94万元。其中:基本支出13,819.134万元,项目支出22,018.81万元;年末结转结余23.68万元。')).toEqual([]);
  });
});
