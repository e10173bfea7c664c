import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper shared with `npm run eval`
import { compare, emptyStats, groupKeyOf, loadLabels, splitOf } from '../../scripts/eval-lib.mjs';

interface Labelled {
  id: string;
  part: string;
  path: string;
  label: { file: string; split?: string; report: { department?: string | null } };
}

describe('hand labels of fixtures/corpus (issue 15: tune and frozen test parts)', () => {
  it('pass fixtures/expected/validate.mjs (shape, quoted amounts and counts in the text, split)', () => {
    const run = spawnSync(process.execPath, ['fixtures/expected/validate.mjs'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('split by source: no group in both parts, about a third of the groups in test', () => {
    const labels = loadLabels(process.cwd(), ['tune', 'test']) as Labelled[];
    expect(labels.length).toBeGreaterThanOrEqual(30);
    const partOf = new Map<string, string>();
    for (const { label, part, path } of labels) {
      const key = groupKeyOf(readFileSync(path, 'utf8').split('\n')[0], label.report.department, label.file) as string;
      expect(splitOf(key)).toBe(part);
      expect(partOf.get(key) ?? part).toBe(part);
      partOf.set(key, part);
    }
    const test = [...partOf.values()].filter((p) => p === 'test').length;
    expect(test / partOf.size).toBeGreaterThan(0.2);
    expect(test / partOf.size).toBeLessThan(0.45);
  });

  it('splitOf is a fixed function of the key (a moved text would change the frozen test part)', () => {
    expect(splitOf('xiping.gov.cn')).toBe('tune');
    expect(splitOf('tja.gov.cn')).toBe('test');
    expect(groupKeyOf('# source: https://m.bidcenter.com.cn/news-17-170608279.html', null, 't032.txt')).toBe('bidcenter.com.cn');
    expect(groupKeyOf('# source: pages corpus result without an address', null, 't028.txt')).toBe('file:t028.txt');
  });
});

describe('eval per rule (scripts/eval-lib.mjs compare)', () => {
  const label = { report: { department: '甲县水利局' } };
  const recordOf = (department: string | null, chosen: number | null) => ({
    report: { department, region: {} },
    figures: {},
    reportRoles: [{ field: 'department', chosen, reason: chosen === null ? 'abstained_low' : 'clear', candidates: [{ value: '甲县水利局', score: 12, features: [{ id: 'title.prefix', weight: 10 }, { id: 'unit.place', weight: 1 }], evidence: null }] }],
  });

  it('counts the department under the sources and features of the unit taken (record.reportRoles)', () => {
    const stats: Record<string, { tp: number; fp: number }> = {};
    const rules: Record<string, { tp: number; fp: number }> = {};
    compare(recordOf('甲县水利局', 0), label, stats, 'x', rules);
    compare(recordOf('乙县水利局', 0), label, stats, 'y', rules);
    expect(rules['report.department ← title.prefix']).toMatchObject({ tp: 1, fp: 1 });
    expect(rules['report.department ← unit.place']).toMatchObject({ tp: 1, fp: 1 });
    // An abstention counts under no rule.
    compare(recordOf(null, null), label, stats, 'z', rules);
    expect(rules['report.department ← title.prefix']).toMatchObject({ tp: 1, fp: 1 });
  });
});
