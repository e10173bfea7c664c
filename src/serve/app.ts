/**
 * The review app: HTML pages and a JSON API over a Store, as a Hono app (so tests drive it with
 * `app.request()` and `startServer` binds it to a socket). Read-only by construction: every route
 * is a GET, and the only bytes served from outside the code are the store's own and Chart.js.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { ReportSummary, Store } from '../store/store.js';
import { APP_CSS, APP_JS, COMPARE_JS, loadChartJs } from './assets.js';
import { loadDepartmentIndex } from '../export/departments.js';
import { buildComparison, type Comparison } from './compare.js';
import { createExportHandler } from './export-selection.js';
import { EXPORT_FORMATS, ExportRequestError, type ExportHandler } from './export-types.js';
import { html } from './html.js';
import { labelsFor, pickLang } from './i18n.js';
import { buildOpenApiDocument } from './openapi.js';
import { renderPdfPage } from './page-image.js';
import { COMPARE_METRICS, renderComparePage, type CompareMetric } from './pages/compare-page.js';
import { renderErrorsPage } from './pages/errors-page.js';
import { createPageContext, renderLayout, type PageContext } from './pages/layout.js';
import { renderListPage } from './pages/list-page.js';
import { renderReportPage } from './pages/report-page.js';
import { ListQuery, matchesText, orderReports, SelectionQuery, toReportFilter, type Selection } from './query.js';
import { requireAccess, requireReadOnly, setSecurityHeaders } from './security.js';
import { createSourceLoader } from './source-loader.js';
import { readLimitsOf, type ReadLimits } from '../ingest/document.js';

export { EXPORT_FORMATS, ExportRequestError, type ExportFile, type ExportFormat, type ExportHandler, type ExportRequest } from './export-types.js';

export interface ReviewAppOptions extends ReadLimits {
  store: Store;
  /** When set, every request must present it (see security.ts). */
  token?: string | undefined;
  /** Produces the export files (default: the src/export tables of the selection); null answers 501. */
  exportSelection?: ExportHandler | null | undefined;
  /** An app mounted at /queues (Bull Board). */
  queues?: Hono | undefined;
}

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/u);
const PageNumber = z.coerce.number().int().min(1).max(100_000);

class BadRequestError extends Error {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super(issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; '));
  }
}

function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new BadRequestError(parsed.error.issues);
  return parsed.data;
}

async function loadSelection(store: Store, selection: Selection): Promise<ReportSummary[]> {
  const rows = await store.listReports(toReportFilter(selection));
  return selection.q ? rows.filter((r) => matchesText(r, selection.q)) : rows;
}

async function listYears(store: Store): Promise<number[]> {
  const rows = await store.listReports();
  return [...new Set(rows.map((r) => r.fiscalYear).filter((y): y is number => y !== null))].sort((a, b) => b - a);
}

/** The comparison of the rows by department key, as the exports group them (aliases included). */
async function compareByDepartment(store: Store, rows: ReportSummary[]): Promise<Comparison> {
  const index = await loadDepartmentIndex(store);
  return buildComparison(rows, (row) => {
    const key = index.resolve(row.department, row.region);
    return key === null ? null : { key, name: index.latestName(key) ?? row.department ?? key };
  });
}

/** The comparison page compares like with like: department-overall reports unless `kind` is given (even empty). */
function compareSelection(query: Record<string, string>): Selection {
  const selection = parseWith(SelectionQuery, query);
  return 'kind' in query ? selection : { ...selection, kind: 'department_overall' };
}

const isApi = (c: Context) => c.req.path === '/api' || c.req.path.startsWith('/api/');

export function createReviewApp(options: ReviewAppOptions): Hono {
  const { store } = options;
  const app = new Hono();
  const loadSource = createSourceLoader({
    store,
    ...readLimitsOf(options),
  });
  const pageImages = new Map<string, Promise<Uint8Array | null>>();
  const zh = labelsFor('zh');
  const exportSelection = options.exportSelection === undefined ? createExportHandler(store) : options.exportSelection;

  app.use('*', setSecurityHeaders());
  app.use('*', requireReadOnly(zh.notAllowed + ' / ' + labelsFor('en').notAllowed));
  app.use('*', requireAccess({ token: options.token, message: zh.unauthorized + ' / ' + labelsFor('en').unauthorized }));

  const pageContext = (c: Context): PageContext => {
    const query = c.req.query();
    return createPageContext(pickLang(query.lang), c.req.path, query, options.queues !== undefined);
  };
  const htmlPage = (c: Context, body: string, status: 200 | 404 = 200) => {
    c.header('Cache-Control', 'no-store');
    return c.html(body, status);
  };
  const notFoundPage = (c: Context, message: string) => {
    const ctx = pageContext(c);
    return htmlPage(c, renderLayout(ctx, message, html`<p class="notice bad">${message}</p>`), 404);
  };

  app.onError((error, c) => {
    if (error instanceof BadRequestError) {
      return isApi(c)
        ? c.json({ error: 'bad_request', message: error.message, issues: error.issues }, 400)
        : c.html(renderLayout(pageContext(c), labelsFor(pickLang(c.req.query('lang'))).badRequest, html`<p class="notice bad">${error.message}</p>`), 400);
    }
    if (error instanceof ExportRequestError) return c.json({ error: 'bad_request', message: error.message }, 400);
    const message = error instanceof Error ? error.message : String(error);
    return isApi(c) ? c.json({ error: 'internal_error', message }, 500) : c.html(renderLayout(pageContext(c), 'Error', html`<p class="notice bad">${message}</p>`), 500);
  });
  app.notFound((c) => (isApi(c) ? c.json({ error: 'not_found', message: `no route ${c.req.path}` }, 404) : notFoundPage(c, `404 ${c.req.path}`)));

  // Static assets.
  const asset = (body: () => string, type: string) => (c: Context) => {
    c.header('Content-Type', type);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(body());
  };
  app.get('/static/app.css', asset(() => APP_CSS, 'text/css; charset=utf-8'));
  app.get('/static/app.js', asset(() => APP_JS, 'text/javascript; charset=utf-8'));
  app.get('/static/compare.js', asset(() => COMPARE_JS, 'text/javascript; charset=utf-8'));
  app.get('/static/chart.umd.min.js', asset(loadChartJs, 'text/javascript; charset=utf-8'));

  // Pages.
  app.get('/', async (c) => {
    const params = parseWith(ListQuery, c.req.query());
    const [stats, rows, years] = await Promise.all([store.stats(), loadSelection(store, params), listYears(store)]);
    const sorted = orderReports(rows, params);
    return htmlPage(c, renderListPage(pageContext(c), { stats, params, rows: sorted, years }));
  });

  app.get('/reports/:sha256', async (c) => {
    const ctx = pageContext(c);
    const sha = Sha256.safeParse(c.req.param('sha256'));
    if (!sha.success) return notFoundPage(c, ctx.t.notFound);
    const [record, document] = await Promise.all([store.getRecord(sha.data), store.getDocument(sha.data)]);
    if (!record) return notFoundPage(c, document ? ctx.t.noRecordYet : ctx.t.notFound);
    const source = await loadSource(sha.data, document?.fileName ?? record.source.fileName ?? 'document');
    return htmlPage(c, renderReportPage(ctx, { sha256: sha.data, record, document, source }));
  });

  app.get('/reports/:sha256/page-image/:page', async (c) => {
    const sha = Sha256.safeParse(c.req.param('sha256'));
    const page = PageNumber.safeParse(c.req.param('page'));
    if (!sha.success || !page.success) return c.text('not found', 404);
    const document = await store.getDocument(sha.data);
    if (!document || document.format !== 'pdf' || !document.hasBytes) return c.text('no page image for this document', 404);
    const key = `${sha.data}/${page.data}`;
    let pending = pageImages.get(key);
    if (!pending) {
      pending = store.getDocumentBytes(sha.data).then((bytes) => (bytes ? renderPdfPage(bytes, page.data) : null));
      pageImages.set(key, pending);
      while (pageImages.size > 16) pageImages.delete(pageImages.keys().next().value!);
      pending.catch(() => pageImages.delete(key));
    }
    const png = await pending;
    if (!png) return c.text('no such page', 404);
    c.header('Content-Type', 'image/png');
    c.header('Cache-Control', 'private, max-age=3600');
    return c.body(png.slice().buffer);
  });

  app.get('/compare', async (c) => {
    const query = c.req.query();
    const selection = compareSelection(query);
    const metric = (COMPARE_METRICS as readonly string[]).includes(query.metric ?? '') ? (query.metric as CompareMetric) : 'executionRate';
    const [rows, years] = await Promise.all([loadSelection(store, selection), listYears(store)]);
    return htmlPage(c, renderComparePage(pageContext(c), { params: selection, metric, comparison: await compareByDepartment(store, rows), years }));
  });

  app.get('/errors', async (c) => htmlPage(c, renderErrorsPage(pageContext(c), await store.listErrors())));

  // JSON API.
  const openApi = buildOpenApiDocument();
  app.get('/api', (c) => c.json({ openapi: '/api/openapi.json', paths: Object.keys(openApi.paths as object) }));
  app.get('/api/openapi.json', (c) => c.json(openApi));
  app.get('/api/stats', async (c) => c.json(await store.stats()));

  app.get('/api/reports', async (c) => {
    const params = parseWith(ListQuery, c.req.query());
    const rows = orderReports(await loadSelection(store, params), params);
    const offset = params.offset ?? 0;
    const limit = params.limit ?? 100;
    return c.json({ total: rows.length, offset, items: rows.slice(offset, offset + limit) });
  });

  const sha256Param = (c: Context) => parseWith(Sha256, c.req.param('sha256'));

  app.get('/api/reports/:sha256', async (c) => {
    const record = await store.getRecord(sha256Param(c));
    return record ? c.json(record) : c.json({ error: 'not_found', message: 'no record with this sha256' }, 404);
  });

  app.get('/api/reports/:sha256/document', async (c) => {
    const document = await store.getDocument(sha256Param(c));
    return document ? c.json(document) : c.json({ error: 'not_found', message: 'no document with this sha256' }, 404);
  });

  app.get('/api/reports/:sha256/text', async (c) => {
    const sha = sha256Param(c);
    const document = await store.getDocument(sha);
    if (!document) return c.json({ error: 'not_found', message: 'no document with this sha256' }, 404);
    const source = await loadSource(sha, document.fileName);
    if (!source.ok) return c.json({ error: source.reason, message: source.message }, source.reason === 'not_kept' ? 404 : 422);
    return c.json({ sha256: sha, format: source.source.format, text: source.source.text, pageStarts: source.source.pageStarts });
  });

  app.get('/api/reports/:sha256/original', async (c) => {
    const sha = sha256Param(c);
    const [document, bytes] = await Promise.all([store.getDocument(sha), store.getDocumentBytes(sha)]);
    if (!document || !bytes) return c.json({ error: 'not_found', message: 'the original file is not kept' }, 404);
    // Always a download, never rendered: an HTML original must not run in this origin.
    c.header('Content-Type', 'application/octet-stream');
    c.header('Content-Disposition', `attachment; filename="${document.sha256.slice(0, 12)}"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`);
    return c.body(bytes.slice().buffer);
  });

  app.get('/api/compare', async (c) => c.json(await compareByDepartment(store, await loadSelection(store, compareSelection(c.req.query())))));

  app.get('/api/errors', async (c) => c.json(await store.listErrors()));

  app.get('/api/export', async (c) => {
    const query = c.req.query();
    const selection = parseWith(SelectionQuery, query);
    const format = parseWith(z.enum(EXPORT_FORMATS), query.format);
    const table = query.table ? parseWith(z.string().regex(/^[a-z_]{1,40}$/u), query.table) : undefined;
    if (!exportSelection) {
      return c.json({ error: 'not_implemented', message: `${zh.exportNotReady}: exports (${format}) are not available in this build yet` }, 501);
    }
    const sha256s = (await loadSelection(store, selection)).map((r) => r.sha256);
    const file = await exportSelection({ format, table, filter: toReportFilter(selection), sha256s });
    c.header('Content-Type', file.contentType);
    c.header('Content-Disposition', `attachment; filename="export.${format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    return c.body(typeof file.body === 'string' ? file.body : file.body.slice().buffer);
  });

  if (options.queues) app.route('/queues', options.queues);

  return app;
}
