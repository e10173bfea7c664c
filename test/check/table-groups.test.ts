/** Group rows of a numbered table against the rows below them (t826's shape: 一 | 1116.19 over 1528.47 + 0). */
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';

/** One cell a line, each closed by "|" (t826's layout); rows as [序号, 部门?, 名称, 预算数, 执行数, 执行率]. */
function table(rows: readonly (readonly string[])[], cut = false): string {
  const cells = ['序号', '责任部门', '项目名称', '预算数', '执行数', '预算执行率', ...rows.flat()];
  const lines = cells.map((c) => `${c} |`);
  if (cut) lines.push('6 |', '图书信息中心');
  return ['关于2022年度专项资金绩效评价的通知', '明细如下:', '单位:万元', ...lines, '二、评价方式'].join('\n');
}

const GROUP_ONE = [
  ['一', '相关部门', '高校学生资助专项', '1,548.447', '1116.19', '72.08%'],
  ['1', '学工处', '学生资助专项-高职', '1,537.45', '1528.47', '99.42%'],
  ['2', '教务处', '学生资助专项-电大', '11', '0', '0.00%'],
];
const GROUP_TWO = [
  ['二', '相关部门', '高等教育发展专项', '100.00', '90.00', '90.00%'],
  ['(一)', '开放教育专项', '60.00', '50.00', '83.33%'],
  ['1', '教务处', '办学评估系统', '45', '40.00', '88.89%'],
  ['2', '智能阅卷系统', '15', '10.00', '66.67%'],
  ['(二)', '高职提质专项', '40.00', '40.00', '100.00%'],
  ['3', '保卫处', '监控项目尾款', '40.00', '40.00', '100.00%'],
];

const groupChecks = async (text: string) =>
  (await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'table.txt' })).record.checks.filter((c) => c.detail?.tableGroup === true);

describe('checkTableGroups', () => {
  it('fails a group row whose 执行数 is not its items’ sum, definite where the table’s other groups make theirs (t826: 1116.19 against 1528.47 + 0)', async () => {
    const checks = await groupChecks(table([...GROUP_ONE, ...GROUP_TWO]));
    const fails = checks.filter((c) => c.status === 'fail');
    expect(fails).toHaveLength(1);
    expect(fails[0]).toMatchObject({ rule: 'sum.breakdown', certainty: 'definite' });
    expect(fails[0]!.evidence.map((e) => `${e.role} ${e.text}`)).toEqual(['total 1116.19', 'part 1528.47', 'part 0']);
    // The 预算数 1,548.447 is within the integer 11's half unit; 二 over (一) and (二), (一) over 1 and 2 hold; "11" is no 序号.
    expect(checks.filter((c) => c.status === 'pass').map((c) => c.evidence[0]!.text)).toEqual(['1,548.447', '100.00', '90.00', '60.00', '50.00']);
  });

  it('is only possible where no group of the table makes its items (nothing shows the table is one of sums)', async () => {
    const checks = await groupChecks(table(GROUP_ONE.concat([['二', '财务处', '还本付息专项', '800.5', '768.47', '96.00%']])).replace('1,548.447 |', '1,600 |'));
    expect(checks.filter((c) => c.status === 'fail').map((c) => `${c.evidence[0]!.text} ${c.certainty}`)).toEqual(['1,600 possible', '1116.19 possible']);
  });

  it('reads nothing of a group that runs to a cut last row, whose items may be lost', async () => {
    // 一 (GROUP_TWO's rows) is closed by 二; 二 (GROUP_ONE's, its items 4 and 5) runs to the cut row "6 | 图书信息中心".
    const first = GROUP_TWO.map((r) => (r[0] === '二' ? ['一', ...r.slice(1)] : r));
    const second = GROUP_ONE.map((r) => (r[0] === '一' ? ['二', ...r.slice(1)] : [String(Number(r[0]) + 3), ...r.slice(1)]));
    const checks = await groupChecks(table([...first, ...second], true));
    expect(checks.some((c) => c.evidence[0]!.text === '1116.19')).toBe(false);
    expect(checks.filter((c) => c.status === 'pass')).toHaveLength(4);
  });

  it('never opens a row at a quantity that goes on the count ("1 | 甲项目 | 2 | 个 | …")', async () => {
    const cells = ['序号', '项目名称', '数量', '单位', '预算数', '执行数'];
    const rows = [
      ['一', '设备购置', '', '', '30', '27'],
      ['1', '甲设备', '2', '台', '10', '9'],
      ['2', '乙设备', '4', '台', '20', '18'],
      ['二', '维修', '', '', '5', '5'],
      ['1', '丙维修', '1', '次', '2', '2'],
      ['2', '丁维修', '3', '次', '3', '3'],
    ];
    const text = ['设备项目明细', ...[...cells, ...rows.flat()].map((c) => `${c} |`), '二、评价结论'].join('\n');
    const checks = await groupChecks(text);
    expect(checks.map((c) => `${c.status} ${c.evidence.map((e) => e.text).join(' ')}`)).toEqual(['pass 30 10 20', 'pass 27 9 18', 'pass 5 2 3', 'pass 5 2 3']);
  });

  it('reads a real table’s rows too, and a 合计 printed last against the top rows above it', async () => {
    const rows = [
      ['序号', '项目名称', '预算数', '执行数', '预算执行率'],
      ['一', '高校学生资助专项', '1,548.45', '1528.47', '98.71%'],
      ['1', '学生资助专项-高职', '1,537.45', '1528.47', '99.42%'],
      ['2', '学生资助专项-电大', '11.00', '0', '0.00%'],
      ['二', '高等教育发展专项', '100.00', '90.00', '90.00%'],
      ['(一)', '开放教育专项', '60.00', '50.00', '83.33%'],
      ['(二)', '高职提质专项', '40.00', '40.00', '100.00%'],
      ['合计', '', '1,648.45', '1,618.47', '98.18%'],
    ];
    const html = (total: string) =>
      `<html><head><meta charset="utf-8"></head><body><h1>关于2022年度专项资金绩效自评的报告</h1><p>明细如下（单位：万元）：</p><table>${rows
        .map((r) => `<tr>${r.map((c) => `<td>${r[0] === '合计' && c === '1,618.47' ? total : c}</td>`).join('')}</tr>`)
        .join('')}</table><p>二、评价结论</p></body></html>`;
    const checksOf = async (total: string) =>
      (await analyzeBytes(Buffer.from(html(total), 'utf8'), { fileName: 'table.html' })).record.checks.filter((c) => c.detail?.tableGroup === true);
    const right = await checksOf('1,618.47');
    expect(right.map((c) => `${c.status} ${c.evidence[0]!.text}`)).toEqual(['pass 1,548.45', 'pass 1528.47', 'pass 100.00', 'pass 90.00', 'pass 1,648.45', 'pass 1,618.47']);
    const wrong = (await checksOf('1,628.47')).filter((c) => c.status === 'fail');
    expect(wrong.map((c) => [c.certainty, ...c.evidence.map((e) => e.text)])).toEqual([['definite', '1,628.47', '1528.47', '90.00']]);
  });
});
