import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';

async function countsOf(text: string): Promise<string[]> {
  const { record } = await analyzeBytes(Buffer.from(`2021年部门整体支出绩效自评报告\n${text}`), { fileName: 'counts.txt' });
  return record.figures.counts.map((c) => c.text);
}

describe('counts: ordinals, levels and batches are not counts (issue 16)', () => {
  it('drops 第一批 and a bare 二批 but keeps a batch written with digits', async () => {
    const counts = await countsOf('第一批选派党员30名，二批选派党员20名。全年接待2批次、26人次。分2批组织培训。');
    expect(counts).toEqual(['30名', '20名', '2批次', '26人次', '2批']);
  });

  it('drops levels (一级指标) but keeps a count of them (4个一级指标)', async () => {
    const counts = await countsOf('设置4个一级指标、10个二级指标。');
    expect(counts).toEqual(['4个', '10个']);
  });

  it('reads no restatement into "一批 … 二批"', async () => {
    const { record } = await analyzeBytes(Buffer.from('2021年自评报告\n一批党员参加培训。二批党员参加培训。'), { fileName: 'b.txt' });
    expect(record.figures.counts).toEqual([]);
    expect(record.checks.filter((c) => c.rule === 'count.restated')).toEqual([]);
  });

  it('drops office names (秘书二处, 综合调研三处) but keeps offices counted (设3个职能处, 设两处)', async () => {
    const counts = await countsOf('研究室设4个内设机构，包括办公室、综合调研一处、综合调研二处、综合调研三处。办事处设3个职能处。另设两处。');
    expect(counts).toEqual(['4个', '3个', '两处']);
  });

  it('drops a detachment named by its number (执法一支队, 二大队) but keeps a team counted (组建一支队伍) (t990)', async () => {
    const counts = await countsOf('内设执法一科(执法一支队)、执法二科(执法二支队)、交警二大队。组建一支队伍。');
    expect(counts).toEqual(['一支']);
  });

  it('reads no subject into a bracket after the number (编制24个(机关公勤2个))', async () => {
    const { record } = await analyzeBytes(Buffer.from('2022年自评报告\n2022年我单位共有行政编制24个(机关公勤2个)，事业编制41个。'), { fileName: 'c.txt' });
    const c24 = record.figures.counts.find((c) => c.text === '24个');
    expect(c24?.subject).toBe('行政编制');
    expect(record.checks.filter((c) => c.rule === 'count.restated' && c.status === 'fail')).toEqual([]);
  });
});

