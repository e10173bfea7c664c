import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DepartmentAliasError, DepartmentIndex, loadDepartmentIndex, mergeDepartments, splitDepartment } from '../../src/export/departments.js';
import { runExport } from '../../src/export/export.js';
import { openStore } from '../../src/store/open-store.js';
import type { DepartmentNameRow, InspectableStore } from '../../src/store/store.js';
import { PassThrough } from 'node:stream';
import { fixtureReports, HUADU_KEY, saveFixtures, XUNDIAN_KEY } from './fixtures.js';

const row = (department: string, fiscalYear: number | null, county: string | null = null, reports = 1): DepartmentNameRow => ({
  department,
  region: { province: null, city: null, county },
  fiscalYear,
  reports,
});

describe('DepartmentIndex', () => {
  const rows = [
    row('中共寻甸回族彝族自治县委员会办公室', 2023, '寻甸回族彝族自治县'),
    row('中共寻甸县委办公室', 2024, '寻甸县', 2),
    row('中国共产党寻甸回族彝族自治县委员会办公室', 2024, '寻甸回族彝族自治县'),
    row('寻甸县财政局', 2022, '寻甸县'),
    row('寻甸县财政局', 2023, '寻甸县'),
  ];

  it('groups spellings by key, with years, report counts and the latest name', () => {
    const index = new DepartmentIndex(rows);
    expect(index.groups().map((g) => g.key)).toEqual(['寻甸财政局', XUNDIAN_KEY].sort((a, b) => a.localeCompare(b, 'zh')));
    const office = index.group(XUNDIAN_KEY)!;
    expect(office.years).toEqual([2023, 2024]);
    expect(office.reports).toBe(4);
    // 2024 has two spellings: the one used by more reports wins.
    expect(office.latestName).toBe('中共寻甸县委办公室');
    expect(office.names.map((n) => [n.name, n.years])).toEqual([
      ['中共寻甸回族彝族自治县委员会办公室', [2023]],
      ['中共寻甸县委办公室', [2024]],
      ['中国共产党寻甸回族彝族自治县委员会办公室', [2024]],
    ]);
    expect(index.group('寻甸财政局')).toMatchObject({ years: [2022, 2023], reports: 2, latestName: '寻甸县财政局' });
  });

  it('plans a merge as a key alias from the final key of one to the other', () => {
    const index = new DepartmentIndex(rows);
    expect(index.planMerge(XUNDIAN_KEY, '寻甸财政局')).toEqual({ kind: 'key', source: '寻甸财政局', target: XUNDIAN_KEY });
    expect(index.planMerge(XUNDIAN_KEY, XUNDIAN_KEY)).toBeNull();
    expect(() => index.planMerge(XUNDIAN_KEY, 'nope')).toThrow(DepartmentAliasError);
  });

  it('follows chains of merges and never loops', () => {
    const index = new DepartmentIndex(
      [row('甲局', 2021), row('乙局', 2022), row('丙局', 2023)],
      [
        { kind: 'key', source: '甲局', target: '乙局' },
        { kind: 'key', source: '乙局', target: '丙局' },
      ],
    );
    expect(index.groups().map((g) => g.key)).toEqual(['丙局']);
    expect(index.group('甲局')).toMatchObject({ key: '丙局', years: [2021, 2022, 2023], latestName: '丙局' });
    const cyclic = new DepartmentIndex([row('甲局', 2021)], [
      { kind: 'key', source: '甲局', target: '乙局' },
      { kind: 'key', source: '乙局', target: '甲局' },
    ]);
    expect(cyclic.groups()).toHaveLength(1);
  });

  it('plans a split as a name alias to a fresh key', () => {
    const index = new DepartmentIndex(rows);
    expect(index.planSplit(XUNDIAN_KEY, '中国共产党寻甸回族彝族自治县委员会办公室')).toEqual({
      kind: 'name',
      source: '中国共产党寻甸回族彝族自治县委员会办公室',
      target: `${XUNDIAN_KEY}#2`,
    });
    expect(() => index.planSplit(XUNDIAN_KEY, '寻甸县财政局')).toThrow(/has no name/u);
    expect(() => index.planSplit('寻甸财政局', '寻甸县财政局')).toThrow(/only name/u);
  });
});

describe('merge and split in the store', () => {
  let store: InspectableStore;

  beforeAll(async () => {
    store = await openStore({});
    await saveFixtures(store, fixtureReports());
  }, 60_000);

  beforeEach(async () => {
    for (const alias of await store.listDepartmentAliases()) await store.deleteDepartmentAlias(alias.kind, alias.source);
  });

  afterAll(async () => {
    await store?.close();
  });

  async function reportKeys(): Promise<string[]> {
    const stdout = new PassThrough();
    const chunks: Buffer[] = [];
    stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    await runExport(store, { format: 'jsonl', stdout });
    return Buffer.concat(chunks)
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { department_key: string | null; fiscal_year: number })
      .map((r) => `${r.department_key ?? '-'}:${r.fiscal_year}`)
      .sort();
  }

  it('lists the stored departments', async () => {
    const index = await loadDepartmentIndex(store);
    expect(index.groups().map((g) => [g.key, g.latestName, g.years])).toEqual(
      [
        [HUADU_KEY, '中国共产党广州市花都区直属机关工委', [2021, 2022]],
        [XUNDIAN_KEY, '中共寻甸县委办公室', [2023, 2024]],
      ].sort((a, b) => (a[0] as string).localeCompare(b[0] as string, 'zh')),
    );
  });

  it('merges two departments, and unmerging undoes it', async () => {
    const alias = await mergeDepartments(store, HUADU_KEY, XUNDIAN_KEY);
    expect(alias).toEqual({ kind: 'key', source: XUNDIAN_KEY, target: HUADU_KEY });
    expect(await store.listDepartmentAliases()).toEqual([alias]);
    expect(await reportKeys()).toEqual(
      ['-:2022', `${HUADU_KEY}:2021`, `${HUADU_KEY}:2022`, `${HUADU_KEY}:2023`, `${HUADU_KEY}:2024`, `${HUADU_KEY}:2024`].sort(),
    );
    const merged = (await loadDepartmentIndex(store)).group(HUADU_KEY)!;
    expect(merged.years).toEqual([2021, 2022, 2023, 2024]);
    expect(merged.latestName).toBe('中共寻甸县委办公室');
    // Merging again, either way round, changes nothing.
    expect(await mergeDepartments(store, XUNDIAN_KEY, HUADU_KEY)).toBeNull();

    expect(await store.deleteDepartmentAlias('key', XUNDIAN_KEY)).toBe(true);
    expect(await reportKeys()).toEqual(
      ['-:2022', `${HUADU_KEY}:2021`, `${HUADU_KEY}:2022`, `${XUNDIAN_KEY}:2023`, `${XUNDIAN_KEY}:2024`, `${XUNDIAN_KEY}:2024`].sort(),
    );
  });

  it('splits one spelling out of a department, also out of a merged one', async () => {
    await expect(splitDepartment(store, HUADU_KEY, ' 中共广州市花都区直属机关工作委员会 ')).resolves.toEqual({
      kind: 'name',
      source: '中共广州市花都区直属机关工作委员会',
      target: `${HUADU_KEY}#2`,
    });
    expect(await reportKeys()).toEqual(
      ['-:2022', `${HUADU_KEY}#2:2021`, `${HUADU_KEY}:2022`, `${XUNDIAN_KEY}:2023`, `${XUNDIAN_KEY}:2024`, `${XUNDIAN_KEY}:2024`].sort(),
    );
    const index = await loadDepartmentIndex(store);
    expect(index.group(`${HUADU_KEY}#2`)).toMatchObject({ latestName: '中共广州市花都区直属机关工作委员会', years: [2021] });

    // In a merged department the computed key is claimed by the merge, so the split takes a fresh one.
    await mergeDepartments(store, HUADU_KEY, XUNDIAN_KEY);
    await expect(splitDepartment(store, HUADU_KEY, '中共寻甸回族彝族自治县委员会办公室')).resolves.toEqual({
      kind: 'name',
      source: '中共寻甸回族彝族自治县委员会办公室',
      target: `${XUNDIAN_KEY}#2`,
    });
    expect((await reportKeys()).filter((key) => key.endsWith(':2023'))).toEqual([`${XUNDIAN_KEY}#2:2023`]);
  });

  it('refuses unknown keys', async () => {
    await expect(mergeDepartments(store, 'nope', HUADU_KEY)).rejects.toThrow(/no department with key "nope"/u);
    await expect(splitDepartment(store, 'nope', 'x')).rejects.toThrow(DepartmentAliasError);
  });
});
