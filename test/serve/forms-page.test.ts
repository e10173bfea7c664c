/**
 * The review app over hand-written records (test/export/fixtures.ts): departments compared by key,
 * the list failed-first with money as printed, and a document's parts and forms with their checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReviewApp } from '../../src/serve/app.js';
import { openStore } from '../../src/store/open-store.js';
import type { InspectableStore } from '../../src/store/store.js';
import { fixtureReports, HUADU_KEY, saveFixtures, XUNDIAN_KEY, type FixtureReport } from '../export/fixtures.js';

let store: InspectableStore;
let app: ReturnType<typeof createReviewApp>;
let fixtures: FixtureReport[];

beforeAll(async () => {
  store = await openStore({});
  fixtures = await saveFixtures(store, fixtureReports());
  app = createReviewApp({ store });
}, 60_000);

afterAll(async () => {
  await store?.close();
});

const sha = (fileName: string) => fixtures.find((f) => f.fileName === fileName)!.sha256;
const body = async (path: string) => (await app.request(path)).text();
const rowShas = (html: string) => [...html.matchAll(/<tr class="[^"]*" data-sha256="([0-9a-f]{64})"/gu)].map((m) => m[1]!);

describe('comparison by department key', () => {
  it('puts one department under two spellings in one row, under its latest name', async () => {
    const html = await body('/compare');
    const rows = [...html.matchAll(/<tr data-department-key="([^"]+)"><th>([^<]+)<\/th>/gu)].map((m) => [m[1], m[2]]);
    expect(rows).toContainEqual([HUADU_KEY, '中国共产党广州市花都区直属机关工委']);
    expect(rows).toContainEqual([XUNDIAN_KEY, '中共寻甸县委办公室']);
    expect(rows).toHaveLength(2);
    const api = (await (await app.request('/api/compare')).json()) as { departments: string[]; cells: Array<{ departmentKey: string; year: number }> };
    expect(api.departments.sort()).toEqual([HUADU_KEY, XUNDIAN_KEY].sort());
    expect(api.cells.filter((cell) => cell.departmentKey === HUADU_KEY).map((cell) => cell.year).sort()).toEqual([2021, 2022]);
  });
});

describe('reports list', () => {
  it('lists reports with a failed check first by default', async () => {
    const shas = rowShas(await body('/'));
    expect(shas[0]).toBe(sha('huadu-2022.pdf'));
    expect(shas).toHaveLength(fixtures.length);
    const api = (await (await app.request('/api/reports')).json()) as { items: Array<{ sha256: string; checksFailed: number }> };
    expect(api.items[0]!.checksFailed).toBeGreaterThan(0);
    // An explicit sort still wins.
    expect(rowShas(await body('/?sort=fileName&dir=asc'))[0]).toBe(sha('huadu-2021.pdf'));
  });

  it('shows money as the report printed it, with thousands separators', async () => {
    const html = await body('/');
    expect(html).toContain('<td class="num">890.33万元</td>');
    expect(html).toContain('<td class="num">8,123,456.78元</td>');
    expect(html).toContain('<td class="num">12,345,678,901.23元</td>');
  });

  it('counts each report\'s forms, sortably', async () => {
    const api = (await (await app.request('/api/reports?sort=forms&dir=desc')).json()) as { items: Array<{ forms: number }> };
    expect(api.items.map((item) => item.forms)).toEqual(fixtures.map(() => 3));
  });

  it('filters by document kind', async () => {
    expect(rowShas(await body('/?kind=final_accounts'))).toEqual([]);
    expect(rowShas(await body('/?kind=self_evaluation_report'))).toHaveLength(fixtures.length);
    expect((await app.request('/?kind=foo')).status).toBe(400);
  });
});

describe('report page: parts and forms', () => {
  it('lists the forms with their figures as printed and each form\'s checks, and the parts', async () => {
    const html = await body(`/reports/${sha('huadu-2021.pdf')}`);
    expect(html).toContain('<dd id="report-document-kind">自评报告</dd>');
    const forms = html.slice(html.indexOf('<table id="forms">'), html.indexOf('<h2 id="parts-heading">'));
    expect([...forms.matchAll(/data-form="(form:\d+)"/gu)].map((m) => m[1])).toEqual(['form:1', 'form:2', 'form:3']);
    const second = forms.slice(forms.indexOf('data-form="form:2"'), forms.indexOf('data-form="form:3"'));
    expect(second).toContain('党建工委工作经费');
    expect(second).toContain('24.99万元');
    expect(second).toContain('99.96%');
    // Its check links to the check, which names the form it was run within.
    const link = /<a class="badge pass" href="#check-(\d+)" title="execution_rate">/u.exec(second);
    expect(link).not.toBeNull();
    const check = html.slice(html.indexOf(`id="check-${link![1]}"`));
    expect(check.slice(0, 600)).toContain('href="#part-form-2">form:2</a>');
    const parts = html.slice(html.indexOf('<table id="parts">'), html.indexOf('</table>', html.indexOf('<table id="parts">')));
    expect(parts).toContain('<tr id="part-self_evaluation_form-2" data-part="self_evaluation_form:2"><td class="nowrap">自评表</td><td>党建工委工作经费项目支出绩效自评表</td><td class="nowrap">6–7</td><td>万元</td></tr>');
    // Each form's own indicators, folded under it.
    expect(forms).toMatch(/<tr class="form-indicators" data-form-indicators="form:2">[\s\S]*<summary>绩效指标 1<\/summary>[\s\S]*培训党务干部人数/u);
    expect((await body(`/reports/${sha('huadu-2021.pdf')}?lang=en`))).toContain('Forms (自评表)');
  });

  it('downloads the forms of the selection', async () => {
    expect(await body('/?year=2021')).toContain('href="/api/export?year=2021&amp;format=csv&amp;table=forms" download>自评表 CSV</a>');
    const res = await app.request('/api/export?format=csv&table=forms&year=2021');
    expect(res.status).toBe(200);
    const lines = (await res.text()).replace(/^\uFEFF/u, '').trim().split(/\r?\n/u);
    expect(lines[0]!.split(',').slice(0, 8)).toEqual(['sha256', 'department_key', 'department', 'fiscal_year', 'document_kind', 'ord', 'form_id', 'form_kind']);
    expect(lines.slice(1)).toHaveLength(3);
    expect(lines[2]).toContain('党建工委工作经费');
  });
});
