import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import type { ReportRecord } from '../../src/schema/record.js';
import { createReviewApp } from '../../src/serve/app.js';
import { checkBinding, startServer } from '../../src/serve/server.js';
import { createFixtureStore, SEED_PDF, SEED_TXT, XSS_DEPARTMENT, type FixtureStore } from './fixture-store.js';

const TOKEN = 'a-long-enough-test-token-0123456789';
let fx: FixtureStore;
let app: ReturnType<typeof createReviewApp>;

beforeAll(async () => {
  fx = await createFixtureStore({ pdf: true });
  app = createReviewApp({ store: fx.store });
}, 300_000);

afterAll(async () => {
  await fx?.store.close();
});

async function get(path: string, init?: RequestInit) {
  const res = await app.request(path, init);
  return { res, body: await res.text() };
}

async function getJson(path: string): Promise<any> {
  return (await app.request(path)).json();
}

/** The data-sha256 of the list's rows, in order. */
function rowShas(body: string): string[] {
  return [...body.matchAll(/<tr class="[^"]*" data-sha256="([0-9a-f]{64})"/gu)].map((m) => m[1]!);
}

describe('reports list', () => {
  it('shows the counts, every report and the export buttons', async () => {
    const { res, body } = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/u);
    const stats = await fx.store.stats();
    expect(stats.reports).toBe(4);
    expect(body).toMatch(new RegExp(`id="count-reports"><b>${stats.reports}</b>`, 'u'));
    expect(body).toMatch(/id="count-failed"><b>[1-9]\d*<\/b>/u);
    expect(body).toMatch(/id="count-errors"><b><a [^>]*>1<\/a><\/b>/u);
    expect(new Set(rowShas(body))).toEqual(new Set([fx.seedSha, fx.mutatedSha, fx.seedPdfSha, fx.xssSha]));
    expect(body).toContain('href="/api/export?format=csv"');
    expect(body).toContain('href="/api/export?format=parquet"');
    expect(body).toContain('报告列表');
    expect(body).toContain('<html lang="zh-CN">');
  });

  it('filters by failed checks, year, kind, region, department and text', async () => {
    const failed = rowShas((await get('/?failed=1')).body);
    expect(failed).toContain(fx.mutatedSha);
    expect(failed).not.toContain(fx.seedSha);
    const passed = rowShas((await get('/?failed=0')).body);
    expect(passed).toContain(fx.seedSha);
    expect(passed).not.toContain(fx.mutatedSha);
    expect(rowShas((await get('/?year=2022')).body)).toEqual([fx.xssSha]);
    expect(rowShas((await get('/?kind=project')).body)).toEqual([]);
    expect(rowShas((await get('/?region=' + encodeURIComponent('花都'))).body)).toHaveLength(4);
    expect(rowShas((await get('/?region=' + encodeURIComponent('海淀'))).body)).toEqual([]);
    expect(rowShas((await get('/?department=' + encodeURIComponent('直属机关'))).body)).toHaveLength(3);
    // Text search covers the title and the file name as well as the department.
    expect(rowShas((await get('/?q=' + encodeURIComponent('mutated'))).body)).toEqual([fx.mutatedSha]);
    expect(rowShas((await get('/?q=' + encodeURIComponent('整体支出绩效'))).body)).toHaveLength(3);
    const none = await get('/?q=' + encodeURIComponent('不存在的部门'));
    expect(none.body).toContain('没有符合条件的报告');
  });

  it('sorts by any column, both ways', async () => {
    const asc = rowShas((await get('/?sort=fiscalYear&dir=asc')).body);
    expect(asc.at(-1)).toBe(fx.xssSha);
    const desc = rowShas((await get('/?sort=fiscalYear&dir=desc')).body);
    expect(desc[0]).toBe(fx.xssSha);
    const byFile = rowShas((await get('/?sort=fileName&dir=asc')).body);
    expect(byFile[0]).toBe(fx.xssSha); // "<b>evil</b>.txt" sorts before "huadu…"
    const { body } = await get('/?sort=budget&dir=desc');
    expect(body).toContain('class="sorted desc"');
    // The header link flips the direction of the active column.
    expect(body).toContain('href="/?sort=budget&amp;dir=asc"');
  });

  it('rejects bad parameters with 400', async () => {
    expect((await get('/?year=abc')).res.status).toBe(400);
    expect((await get('/?sort=password')).res.status).toBe(400);
    expect((await get('/?kind=<x>')).res.status).toBe(400);
  });

  it('speaks English with ?lang=en and keeps it in links', async () => {
    const { body } = await get('/?lang=en');
    expect(body).toContain('<html lang="en">');
    expect(body).toContain('>Reports<');
    expect(body).toContain('href="/compare?lang=en"');
    expect(body).toContain('Department overall');
  });
});

describe('report page', () => {
  it('marks every figure in the source text and links figure ⇄ field', async () => {
    const record = (await fx.store.getRecord(fx.seedSha)) as ReportRecord;
    const budget = record.figures.budget!;
    const { res, body } = await get(`/reports/${fx.seedSha}`);
    expect(res.status).toBe(200);
    const spanId = `s-${budget.evidence.start}-${budget.evidence.end}`;
    // The mark in the text goes to the field …
    expect(body).toMatch(new RegExp(`<a class="fig" id="${spanId}" href="#field-budget" title="[^"]*">890\\.33万元</a>`, 'u'));
    // … and the field goes back to the mark.
    expect(body).toMatch(new RegExp(`<tr id="field-budget"><th>预算数</th><td><a class="figure-link" href="#${spanId}">890\\.33万元</a>`, 'u'));
    expect(body).not.toContain('id="source-mismatch"');
    // Named amounts, projects and counts get their own field ids.
    expect(body).toContain('id="field-byFunction-0"');
    expect(body).toContain('id="field-projects-0-budget"');
    expect(body).toContain('id="field-counts-0"');
    const marks = body.match(/<a class="fig[^"]*" id="s-/gu) ?? [];
    expect(marks.length).toBeGreaterThan(30);
  });

  it('shows on demand how each headline figure was chosen: ranked candidates, features, decision (issue 15)', async () => {
    const record = (await fx.store.getRecord(fx.seedSha)) as ReportRecord;
    const budget = record.roles.find((d) => d.role === 'budget')!;
    expect(budget.chosen).not.toBeNull();
    const { body } = await get(`/reports/${fx.seedSha}`);
    const section = /<details class="role" data-role="budget">([\s\S]*?)<\/details>/u.exec(body)?.[1] ?? '';
    expect(section).toContain(`<code>${budget.reason}</code>`);
    expect(section).toMatch(/<tr class="chosen"><td>采用<\/td><td class="num"><a class="figure-link" href="#s-\d+-\d+">890\.33万元<\/a>/u);
    for (const f of budget.candidates[budget.chosen!]!.features) expect(section).toContain(`<code>${f.id}</code>`);
  });

  it('shows on demand how the department was chosen: ranked names, scores, rules (issue 15)', async () => {
    const record = (await fx.store.getRecord(fx.seedSha)) as ReportRecord;
    const decision = record.reportRoles!.find((d) => d.field === 'department')!;
    expect(decision.chosen).not.toBeNull();
    const winner = decision.candidates[decision.chosen!]!;
    expect(winner.value).toBe(record.report.department);
    const { body } = await get(`/reports/${fx.seedSha}`);
    const section = /<details class="role" data-field="department">([\s\S]*?)<\/details>/u.exec(body)?.[1] ?? '';
    expect(section).toContain(`<code>${decision.reason}</code>`);
    const chosenRow = /<tr class="chosen">([\s\S]*?)<\/tr>/u.exec(section)?.[1] ?? '';
    expect(chosenRow).toContain(winner.value);
    expect(chosenRow).toContain(`>${String(winner.score)}<`);
    for (const f of winner.features) expect(chosenRow).toContain(`<code>${f.id}</code>`);
    expect(section.match(/<tr/gu)?.length).toBe(decision.candidates.length + 1);
  });

  it('lists failed checks first, with both intervals and clickable figures', async () => {
    const { body } = await get(`/reports/${fx.mutatedSha}`);
    const statuses = [...body.matchAll(/<section class="check status-(\w+)"/gu)].map((m) => m[1]);
    expect(statuses[0]).toBe('fail');
    expect(statuses.lastIndexOf('fail')).toBeLessThan(statuses.indexOf('pass'));
    const rate = body.slice(body.indexOf('data-rule="execution_rate"'), body.indexOf('</section>', body.indexOf('data-rule="execution_rate"')));
    expect(rate).toContain('data-status="fail"');
    expect(rate).toContain('[81.32501, 81.32704]</span> %');
    expect(rate).toContain('[80.15, 80.25)</span> %');
    expect(rate).toMatch(/<a class="figure-link" href="#s-\d+-\d+">724\.07万元<\/a>/u);
    // The figure a failed check used is marked as such in the text.
    expect(body).toMatch(/<a class="fig failed" id="s-\d+-\d+" href="#field-execution" title="[^"]*">724\.07万元<\/a>/u);
    expect(body).toMatch(/3 项未通过/u);
  });

  it('shows page markers and page images for PDFs', async () => {
    const { body } = await get(`/reports/${fx.seedPdfSha}`);
    expect(body).toContain('id="page-1"');
    expect(body).toContain('id="page-2"');
    expect(body).toContain(`src="/reports/${fx.seedPdfSha}/page-image/2"`);
    expect(body).toMatch(/<a class="fig" id="s-\d+-\d+" href="#field-budget" title="[^"]*">890\.33万元<\/a>/u);
    // Fields of a paged document say where they stand.
    expect(body).toMatch(/<tr id="field-budget"><th>预算数<\/th><td><a class="figure-link" href="#s-\d+-\d+">890\.33万元<\/a> <a class="muted" href="#page-\d+">页 \d+<\/a>/u);
    const png = await app.request(`/reports/${fx.seedPdfSha}/page-image/1`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(bytes.length).toBeGreaterThan(10_000);
    expect((await app.request(`/reports/${fx.seedPdfSha}/page-image/999`)).status).toBe(404);
    expect((await app.request(`/reports/${fx.seedSha}/page-image/1`)).status).toBe(404);
  }, 120_000);

  it('answers 404 for unknown or malformed report ids', async () => {
    expect((await get(`/reports/${'0'.repeat(64)}`)).res.status).toBe(404);
    expect((await get('/reports/not-a-sha')).res.status).toBe(404);
    expect((await get('/reports/..%2F..%2Fetc%2Fpasswd')).res.status).toBe(404);
  });
});

describe('escaping', () => {
  it('escapes a hostile department, title, file name and item name everywhere', async () => {
    for (const path of ['/', `/reports/${fx.xssSha}`, '/compare?kind=', '/?lang=en&q=' + encodeURIComponent('<script>')]) {
      const { res, body } = await get(path);
      expect(res.status, path).toBe(200);
      expect(body, path).not.toContain('<script>alert');
      expect(body, path).not.toContain('<img src=x');
      expect(body, path).not.toContain('<svg onload');
      expect(body, path).not.toContain('<iframe');
      expect(body, path).not.toContain('<b>evil');
    }
    const list = (await get('/')).body;
    expect(list).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;局');
    const report = (await get(`/reports/${fx.xssSha}`)).body;
    expect(report).toContain('<dd id="report-department">&lt;script&gt;');
    expect(report).toContain('&lt;iframe src=javascript:alert(3)&gt;');
    // In the comparison's JSON data block, < is written as \u003c so the block cannot be closed.
    const compare = (await get('/compare?kind=')).body;
    const data = compare.slice(compare.indexOf('id="compare-data">'), compare.indexOf('</script>', compare.indexOf('id="compare-data">')));
    expect(data).toContain('\\u003cscript\\u003ealert');
    expect(JSON.parse(data.slice('id="compare-data">'.length)).metric.labels).toContain(XSS_DEPARTMENT);
    // The search box echoes the query escaped.
    expect((await get('/?q=' + encodeURIComponent('"><script>x</script>'))).body).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
  });
});

describe('comparison page', () => {
  it('tabulates department × year, compares department reports by default and embeds the chart data', async () => {
    const { res, body } = await get('/compare');
    expect(res.status).toBe(200);
    expect(body).toContain('<script src="/static/chart.umd.min.js"></script>');
    expect(body).toContain('<canvas id="chart-metric"');
    expect(body).toContain('<canvas id="chart-distribution"');
    expect(body).toMatch(/<td class="cell" data-department="中共广州市花都区直属机关工作委员会" data-department-key="[^"]+" data-year="2021"><a class="rate" href="\/\?department=[^"]+&amp;year=2021">80\.2%<\/a> <span class="muted">×3<\/span>/u);
    const json = body.slice(body.indexOf('id="compare-data">') + 'id="compare-data">'.length, body.indexOf('</script>', body.indexOf('id="compare-data">')));
    const data = JSON.parse(json);
    expect(data.metric.datasets.map((d: { label: string }) => d.label)).toEqual(['2021', '2022']);
    expect(data.distribution.counts.reduce((a: number, b: number) => a + b, 0)).toBe(4);
    expect(data.distribution.counts[data.distribution.labels.indexOf('80–90%')]).toBe(4);
    const budget = JSON.parse((await get('/compare?metric=budget')).body.split('id="compare-data">')[1]!.split('</script>')[0]!);
    // 2021 holds three copies of the seed: budgets are summed (3 × 890.33 万元).
    expect(budget.metric.datasets[0].data).toContain(2670.99);
    expect((await get('/compare?kind=project')).body).toContain('没有数据');
  });

  it('serves Chart.js from the installed package', async () => {
    const res = await app.request('/static/chart.umd.min.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/u);
    const text = await res.text();
    expect(text.length).toBeGreaterThan(100_000);
    expect(text).toContain('Chart');
  });
});

describe('ingest errors page', () => {
  it('lists the corrupt file with its code', async () => {
    const { res, body } = await get('/errors');
    expect(res.status).toBe(200);
    expect(body).toContain('broken.pdf');
    expect(body).toMatch(/<code>corrupt_file<\/code>/u);
    expect(body).toMatch(/id="count-errors"><b>1<\/b>/u);
  });
});

describe('JSON API', () => {
  it('serves stats, summaries with filters and paging, and records', async () => {
    const stats = await getJson('/api/stats');
    expect(stats).toEqual(await fx.store.stats());
    const all = await getJson('/api/reports?sort=fiscalYear&dir=asc');
    expect(all.total).toBe(4);
    expect(all.items.at(-1).sha256).toBe(fx.xssSha);
    const page = await getJson('/api/reports?limit=1&offset=1&sort=fiscalYear&dir=asc');
    expect(page.total).toBe(4);
    expect(page.items).toHaveLength(1);
    expect(page.items[0].sha256).toBe(all.items[1].sha256);
    const failed = await getJson('/api/reports?failed=1');
    expect(failed.items.map((r: { sha256: string }) => r.sha256)).toContain(fx.mutatedSha);
    expect(failed.items.every((r: { checksFailed: number }) => r.checksFailed > 0)).toBe(true);
    const record = await getJson(`/api/reports/${fx.seedSha}`);
    expect(record.figures.budget.text).toBe('890.33万元');
    expect((await app.request(`/api/reports/${'0'.repeat(64)}`)).status).toBe(404);
    const bad = await app.request('/api/reports/xyz');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe('bad_request');
    expect((await app.request('/api/reports?limit=0')).status).toBe(400);
    expect((await app.request('/api/nothing-here')).status).toBe(404);
  });

  it('serves the normalized text the evidence points into', async () => {
    const record = (await fx.store.getRecord(fx.seedSha)) as ReportRecord;
    const res = await app.request(`/api/reports/${fx.seedSha}/text`);
    expect(res.status).toBe(200);
    const { text } = (await res.json()) as { text: string };
    const e = record.figures.budget!.evidence;
    expect(text.slice(e.start, e.end)).toBe('890.33万元');
    const doc = await getJson(`/api/reports/${fx.seedSha}/document`);
    expect(doc).toMatchObject({ sha256: fx.seedSha, fileName: 'huadu-2021-jgdgw.txt', hasBytes: true });
    // The hostile record has no kept original.
    expect((await app.request(`/api/reports/${fx.xssSha}/text`)).status).toBe(404);
  });

  it('serves the original as a download only', async () => {
    const res = await app.request(`/api/reports/${fx.seedSha}/original`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/u);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(await readFile(SEED_TXT))).toBe(true);
    const pdf = await app.request(`/api/reports/${fx.seedPdfSha}/original`);
    expect(Buffer.from(await pdf.arrayBuffer()).equals(await readFile(SEED_PDF))).toBe(true);
  });

  it('serves the comparison and the errors', async () => {
    const cmp = await getJson('/api/compare');
    expect(cmp.years).toEqual([2021, 2022]);
    expect(cmp.cells.find((c: { year: number }) => c.year === 2021).sha256s).toHaveLength(3);
    const errors = await getJson('/api/errors');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ fileName: 'broken.pdf', code: 'corrupt_file' });
  });

  it('exports exactly the selection as CSV, XLSX and Parquet', async () => {
    const csv = await app.request('/api/export?format=csv&failed=1');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; .*jixiao-reports\.csv/u);
    const raw = new Uint8Array(await csv.arrayBuffer());
    // UTF-8 with a BOM, so Excel reads the Chinese right.
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(raw).trim().split(/\r?\n/u);
    expect(lines[0]!.split(',')[0]).toBe('sha256');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([fx.mutatedSha]);
    // Selections the exporter's own filter cannot express (text search, "all passed") still export what the list shows.
    const passed = await (await app.request('/api/export?format=csv&failed=0')).text();
    expect(passed).toContain(fx.seedSha);
    expect(passed).not.toContain(fx.mutatedSha);
    const searched = await (await app.request('/api/export?format=csv&q=mutated&table=checks')).text();
    const checkShas = new Set(searched.trim().split(/\r?\n/u).slice(1).map((l) => l.split(',')[0]));
    expect([...checkShas]).toEqual([fx.mutatedSha]);
    // The hostile record's names are written, not executed: CSV cells never start a formula.
    const hostile = await (await app.request('/api/export?format=csv&year=2022')).text();
    expect(hostile).toContain(fx.xssSha);

    const xlsx = await app.request('/api/export?format=xlsx&failed=1');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const zip = new Uint8Array(await xlsx.arrayBuffer());
    expect([...zip.slice(0, 2)]).toEqual([0x50, 0x4b]);

    const parquet = await app.request('/api/export?format=parquet&q=mutated');
    expect(parquet.status).toBe(200);
    const buffer = await parquet.arrayBuffer();
    const bytes = new Uint8Array(buffer);
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('PAR1');
    const { parquetReadObjects } = await import('hyparquet');
    const rows = (await parquetReadObjects({ file: buffer })) as Array<{ sha256: string }>;
    expect(rows.map((r) => r.sha256)).toEqual([fx.mutatedSha]);

    expect((await app.request('/api/export?format=exe')).status).toBe(400);
    const unknown = await app.request('/api/export?format=csv&table=nope');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { message: string }).message).toContain('unknown table');
  });

  it('answers 501 when exports are switched off, and passes the selection to an injected exporter', async () => {
    const off = createReviewApp({ store: fx.store, exportSelection: null });
    const res = await off.request('/api/export?format=csv&failed=1');
    expect(res.status).toBe(501);
    expect(((await res.json()) as { error: string }).error).toBe('not_implemented');
    const calls: unknown[] = [];
    const withExport = createReviewApp({
      store: fx.store,
      exportSelection: async (request) => {
        calls.push(request);
        return { body: 'sha256\n', contentType: 'text/csv; charset=utf-8', fileName: '报告.csv' };
      },
    });
    const ok = await withExport.request('/api/export?format=csv&failed=1&q=mutated');
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('sha256\n');
    expect(ok.headers.get('content-disposition')).toContain("filename*=UTF-8''%E6%8A%A5%E5%91%8A.csv");
    expect(calls).toEqual([{ format: 'csv', table: undefined, filter: { failedChecks: true }, sha256s: [fx.mutatedSha] }]);
  });

  it('describes every API route in the OpenAPI document', async () => {
    const doc = await getJson('/api/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas.ReportRecord.properties.figures).toBeDefined();
    const routes = new Set(
      app.routes
        .filter((r) => r.method === 'GET' && r.path.startsWith('/api/'))
        .map((r) => r.path.replace(/:(\w+)/gu, '{$1}')),
    );
    expect(routes.size).toBeGreaterThan(8);
    for (const route of routes) expect(Object.keys(doc.paths), route).toContain(route);
    for (const path of Object.keys(doc.paths)) expect([...routes], path).toContain(path);
  });
});

describe('security', () => {
  it('accepts GET and HEAD only', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      for (const path of ['/', '/api/reports', `/api/reports/${fx.seedSha}`]) {
        const res = await app.request(path, { method });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('allow')).toBe('GET, HEAD');
      }
    }
    const head = await app.request('/api/stats', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('sends a strict CSP and no-sniff on every page', async () => {
    const res = await app.request('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('refuses foreign Host headers when no token is configured (DNS rebinding)', async () => {
    expect((await app.request('http://evil.example/')).status).toBe(403);
    expect((await app.request('http://127.0.0.1:8080/')).status).toBe(200);
    expect((await app.request('http://[::1]:8080/api/stats')).status).toBe(200);
  });

  it('requires the token when one is configured: Bearer, ?token= (which sets a cookie) or the cookie', async () => {
    const guarded = createReviewApp({ store: fx.store, token: TOKEN });
    expect((await guarded.request('http://10.0.0.5/')).status).toBe(401);
    expect((await guarded.request('http://10.0.0.5/static/app.css')).status).toBe(401);
    expect((await guarded.request('http://10.0.0.5/', { headers: { Authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
    expect((await guarded.request('http://10.0.0.5/?token=' + TOKEN.slice(0, -1))).status).toBe(401);
    const bearer = await guarded.request('http://10.0.0.5/api/stats', { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(bearer.status).toBe(200);
    const viaQuery = await guarded.request(`http://10.0.0.5/?token=${TOKEN}`);
    expect(viaQuery.status).toBe(200);
    const cookie = viaQuery.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`jixiao_token=${TOKEN}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const viaCookie = await guarded.request('http://10.0.0.5/compare', { headers: { Cookie: `jixiao_token=${TOKEN}` } });
    expect(viaCookie.status).toBe(200);
    // The token never appears in the page's links.
    expect(await viaQuery.text()).not.toContain(TOKEN);
  });

  it('never reaches the file system through a request path', async () => {
    for (const path of ['/static/../../../../etc/passwd', '/static/%2e%2e/%2e%2e/etc/passwd', '/static/chart.umd.min.js/../../package.json', '/api/reports/..%2F..%2Fpackage.json/original']) {
      const res = await app.request(path);
      expect([400, 404], path).toContain(res.status);
      expect(await res.text(), path).not.toMatch(/root:|"dependencies"/u);
    }
  });

  it('refuses to bind beyond loopback without a long enough token', () => {
    expect(() => checkBinding('0.0.0.0', undefined)).toThrow(ConfigError);
    expect(() => checkBinding('192.168.1.10', undefined)).toThrow(/JIXIAO_TOKEN/u);
    expect(() => checkBinding('0.0.0.0', 'short')).toThrow(/at least 16/u);
    expect(() => checkBinding('0.0.0.0', TOKEN)).not.toThrow();
    expect(() => checkBinding('127.0.0.1', undefined)).not.toThrow();
    expect(() => checkBinding('::1', undefined)).not.toThrow();
    expect(() => checkBinding('localhost', undefined)).not.toThrow();
  });
});

describe('server', () => {
  it('listens on 127.0.0.1 by default and serves over HTTP', async () => {
    const server = await startServer({ store: fx.store, port: 0 });
    try {
      expect(server.host).toBe('127.0.0.1');
      const res = await fetch(`${server.url}/api/stats`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { reports: number }).reports).toBe(4);
      expect((await fetch(`${server.url}/queues`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('requires the token when bound to all interfaces', async () => {
    await expect(startServer({ store: fx.store, host: '0.0.0.0', port: 0 })).rejects.toThrow(ConfigError);
    const server = await startServer({ store: fx.store, host: '0.0.0.0', port: 0, token: TOKEN });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      expect((await fetch(`${base}/api/stats`)).status).toBe(401);
      expect((await fetch(`${base}/api/stats`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('mounts Bull Board read-only at /queues when Redis is configured, with the ingest and the OCR queue', async () => {
    const server = await startServer({ store: fx.store, port: 0, redisUrl: 'redis://127.0.0.1:6379', queueName: `jixiao-serve-test-${process.pid}` });
    try {
      const page = await fetch(`${server.url}/queues`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<div id="root">/u);
      expect(page.headers.get('content-security-policy')).toContain("font-src 'self'");
      const api = await fetch(`${server.url}/queues/api/queues`);
      expect(api.status).toBe(200);
      const queues = ((await api.json()) as { queues: unknown }).queues as Array<{ name: string; readOnlyMode: boolean }>;
      expect(queues.map((q) => q.name).sort()).toEqual([`jixiao-serve-test-${process.pid}`, `jixiao-serve-test-${process.pid}-ocr`]);
      expect(queues.every((q) => q.readOnlyMode)).toBe(true);
      // Bull Board's own write routes are closed by the GET-only rule.
      expect((await fetch(`${server.url}/queues/api/queues/jixiao-serve-test-${process.pid}/pause`, { method: 'PUT' })).status).toBe(405);
    } finally {
      await server.close();
    }
  });
});
