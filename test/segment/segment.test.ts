import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTxt } from '../../src/ingest/read-txt.js';
import { normalizeDocument } from '../../src/normalize/normalize.js';
import { sectionPath, segmentDocument } from '../../src/segment/segment.js';
import { tokenize } from '../../src/segment/tokenize.js';

const doc = normalizeDocument(readTxt(readFileSync('../shared/seed/huadu-2021-jgdgw.txt')));
const seg = segmentDocument(doc);

describe('segmentDocument on the seed', () => {
  it('finds the title and the heading tree', () => {
    expect(seg.title?.text).toBe('中共广州市花都区直属机关工作委员会2021年部门整体支出绩效自评报告');
    const outline = seg.headings.map((h) => `${h.level} ${h.text}`);
    expect(outline).toEqual([
      '1 一、基本情况',
      '2 （一）部门概况',
      '2 （二）年度总体工作和重点工作任务',
      '2 （三）部门整体收支情况',
      '2 （四）部门整体绩效管理情况',
      '1 二、综合评价分析',
      '2 （一）自评结论综述',
      '2 （二）各项工作任务绩效目标完成情况分析',
      '2 （三）各重点任务项目支出完成情况分析',
      '2 （四）主要工作成效',
      '1 三、存在的主要问题',
      '1 四、下一步改进措施',
    ]);
    expect(seg.headings[1]!.parent).toBe(0);
  });
  it('places a figure in its section', () => {
    const at = doc.text.indexOf('890.33万元');
    expect(sectionPath(seg, at).map((h) => h.text)).toEqual(['一、基本情况', '（三）部门整体收支情况']);
  });
  it('splits sentences at 。；', () => {
    const s = seg.sentences.find((x) => x.text.includes('890.33'));
    expect(s?.text).toBe('本部门2021年预算数890.33万元，执行数714.07万元，完成预算的80.2%。');
  });
});

describe('tokenize', () => {
  it('keeps fiscal terms whole', () => {
    const words = tokenize('社会保障和就业支出142.46万元，预算执行率80.2%');
    expect(words).toContain('社会保障和就业支出');
    expect(words).toContain('预算执行率');
  });
});
