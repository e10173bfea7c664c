/**
 * The OpenAPI 3.1 description of the JSON API. The record's schema is the zod contract itself
 * (JSON Schema 2020-12, which OpenAPI 3.1 uses as is).
 */
import { z } from 'zod';
import { ReportRecord } from '../schema/record.js';
import { EXTRACTOR_VERSION } from '../version.js';
import { KIND_VALUES } from '../store/store.js';
import { SORT_COLUMNS } from './query.js';

const nullable = (type: string) => ({ type: [type, 'null'] });

const selectionParameters = [
  { name: 'year', in: 'query', schema: { type: 'integer' }, description: '年度 (fiscal year)' },
  { name: 'region', in: 'query', schema: { type: 'string' }, description: 'Substring of province + city + county' },
  { name: 'department', in: 'query', schema: { type: 'string' }, description: 'Substring of the department name' },
  { name: 'kind', in: 'query', schema: { type: 'string', enum: [...KIND_VALUES] }, description: 'A report kind (what the report is about) or a document kind (what the document is)' },
  { name: 'failed', in: 'query', schema: { type: 'string', enum: ['1', '0'] }, description: '1: reports with a failed check; 0: reports without' },
  { name: 'q', in: 'query', schema: { type: 'string' }, description: 'Text searched in department, title and file name' },
];

const sha256Parameter = { name: 'sha256', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } };

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function recordSchema(): Record<string, unknown> {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(ReportRecord, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return schema;
}

export function buildOpenApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'jixiao review API',
      version: EXTRACTOR_VERSION,
      description:
        'Read-only access to stored performance self-evaluation reports (绩效自评报告): summaries, full records with evidence, comparisons and ingest errors. Only GET is accepted. When the server is bound beyond loopback, every request needs the token (Bearer header or ?token=).',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'JIXIAO_TOKEN; required only when the server listens beyond loopback' },
        queryToken: { type: 'apiKey', in: 'query', name: 'token' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error', 'message'],
          properties: { error: { type: 'string' }, message: { type: 'string' }, issues: { type: 'array', items: { type: 'object' } } },
        },
        Stats: {
          type: 'object',
          required: ['documents', 'reports', 'reportsWithFailedChecks', 'ingestErrors'],
          properties: {
            documents: { type: 'integer' },
            reports: { type: 'integer' },
            reportsWithFailedChecks: { type: 'integer' },
            ingestErrors: { type: 'integer' },
          },
        },
        ReportSummary: {
          type: 'object',
          required: ['sha256', 'fileName', 'title', 'department', 'fiscalYear', 'kind', 'documentKind', 'region', 'budget', 'execution', 'budgetText', 'executionText', 'executionRate', 'selfScore', 'forms', 'checksFailed', 'checksWarned', 'extractorVersion'],
          properties: {
            sha256: { type: 'string' },
            fileName: { type: 'string' },
            title: nullable('string'),
            department: nullable('string'),
            fiscalYear: nullable('integer'),
            kind: { type: 'string' },
            documentKind: { type: 'string', description: 'What the document is: final_accounts, self_evaluation_report …' },
            region: {
              type: 'object',
              properties: { province: nullable('string'), city: nullable('string'), county: nullable('string') },
            },
            budget: { ...nullable('number'), description: '预算数, yuan' },
            execution: { ...nullable('number'), description: '执行数, yuan' },
            budgetText: { ...nullable('string'), description: '预算数 as the report printed it, with separators (1,234.56万元)' },
            executionText: { ...nullable('string'), description: '执行数 as the report printed it, with separators' },
            executionRate: { ...nullable('number'), description: '执行率 as stated, a fraction' },
            selfScore: { ...nullable('number'), description: '自评得分' },
            forms: { type: 'integer', description: '自评表 forms in the document' },
            checksFailed: { type: 'integer' },
            checksWarned: { type: 'integer' },
            extractorVersion: { type: 'string' },
          },
        },
        ReportList: {
          type: 'object',
          required: ['total', 'offset', 'items'],
          properties: {
            total: { type: 'integer', description: 'Reports matching the selection, before limit/offset' },
            offset: { type: 'integer' },
            items: { type: 'array', items: { $ref: '#/components/schemas/ReportSummary' } },
          },
        },
        StoredDocument: {
          type: 'object',
          properties: {
            sha256: { type: 'string' },
            fileName: { type: 'string' },
            format: { type: 'string' },
            byteLength: { type: 'integer' },
            pages: { type: 'integer' },
            ocrPages: { type: 'integer' },
            ingestedAt: { type: 'string', format: 'date-time' },
            extractorVersion: nullable('string'),
            hasBytes: { type: 'boolean' },
          },
        },
        SourceText: {
          type: 'object',
          required: ['sha256', 'format', 'text', 'pageStarts'],
          properties: {
            sha256: { type: 'string' },
            format: { type: 'string' },
            text: { type: 'string', description: 'The normalized text the evidence offsets point into' },
            pageStarts: {
              type: 'array',
              items: { type: 'object', properties: { page: { type: 'integer' }, offset: { type: 'integer' } } },
            },
          },
        },
        Comparison: {
          type: 'object',
          properties: {
            years: { type: 'array', items: { type: 'integer' } },
            departments: { type: 'array', items: { type: 'string' }, description: 'Department keys (the same unit across years and spellings)' },
            names: { type: 'object', additionalProperties: { type: 'string' }, description: 'Latest name of each department key' },
            cells: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  departmentKey: { type: 'string' },
                  department: { type: 'string', description: 'Latest name of the department key' },
                  year: { type: 'integer' },
                  sha256s: { type: 'array', items: { type: 'string' } },
                  budget: nullable('number'),
                  execution: nullable('number'),
                  executionRate: nullable('number'),
                  selfScore: nullable('number'),
                },
              },
            },
            distribution: {
              type: 'array',
              items: {
                type: 'object',
                properties: { label: { type: 'string' }, lo: nullable('number'), hi: nullable('number'), count: { type: 'integer' } },
              },
            },
            rates: { type: 'object', properties: { n: { type: 'integer' }, median: nullable('number'), mean: nullable('number') } },
          },
        },
        IngestError: {
          type: 'object',
          properties: {
            sha256: nullable('string'),
            fileName: { type: 'string' },
            code: { type: 'string' },
            message: { type: 'string' },
            disposition: { type: 'string' },
            at: { type: 'string', format: 'date-time' },
          },
        },
        ReportRecord: recordSchema(),
      },
    },
    security: [{}, { bearer: [] }, { queryToken: [] }],
    paths: {
      '/api/stats': {
        get: {
          summary: 'Totals: documents, reports, reports with failed checks, ingest errors',
          responses: { 200: { description: 'Totals', content: { 'application/json': { schema: { $ref: '#/components/schemas/Stats' } } } } },
        },
      },
      '/api/reports': {
        get: {
          summary: 'Report summaries matching a selection',
          parameters: [
            ...selectionParameters,
            { name: 'sort', in: 'query', schema: { type: 'string', enum: [...SORT_COLUMNS] } },
            { name: 'dir', in: 'query', schema: { type: 'string', enum: ['asc', 'desc'] } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
          ],
          responses: {
            200: { description: 'Summaries', content: { 'application/json': { schema: { $ref: '#/components/schemas/ReportList' } } } },
            400: errorResponse('Bad parameters'),
          },
        },
      },
      '/api/reports/{sha256}': {
        get: {
          summary: 'The full record: report facts, figures with evidence, checks',
          parameters: [sha256Parameter],
          responses: {
            200: { description: 'The record', content: { 'application/json': { schema: { $ref: '#/components/schemas/ReportRecord' } } } },
            400: errorResponse('Not a sha256'),
            404: errorResponse('No record'),
          },
        },
      },
      '/api/reports/{sha256}/document': {
        get: {
          summary: 'The stored document row',
          parameters: [sha256Parameter],
          responses: {
            200: { description: 'Document', content: { 'application/json': { schema: { $ref: '#/components/schemas/StoredDocument' } } } },
            404: errorResponse('No document'),
          },
        },
      },
      '/api/reports/{sha256}/text': {
        get: {
          summary: 'The normalized text (re-read from the kept original) that evidence offsets point into',
          parameters: [sha256Parameter],
          responses: {
            200: { description: 'Text', content: { 'application/json': { schema: { $ref: '#/components/schemas/SourceText' } } } },
            404: errorResponse('No document, or the original is not kept'),
            422: errorResponse('The original cannot be read'),
          },
        },
      },
      '/api/reports/{sha256}/original': {
        get: {
          summary: 'The original file as received (always as a download)',
          parameters: [sha256Parameter],
          responses: { 200: { description: 'The file', content: { 'application/octet-stream': {} } }, 404: errorResponse('Not kept') },
        },
      },
      '/api/compare': {
        get: {
          summary: 'Department × year table and the distribution of execution rates (kind defaults to department_overall)',
          parameters: selectionParameters,
          responses: { 200: { description: 'Comparison', content: { 'application/json': { schema: { $ref: '#/components/schemas/Comparison' } } } } },
        },
      },
      '/api/errors': {
        get: {
          summary: 'Ingest errors',
          responses: {
            200: {
              description: 'Errors',
              content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/IngestError' } } } },
            },
          },
        },
      },
      '/api/export': {
        get: {
          summary: 'The current selection as CSV, XLSX or Parquet',
          parameters: [
            ...selectionParameters,
            { name: 'format', in: 'query', required: true, schema: { type: 'string', enum: ['csv', 'xlsx', 'parquet'] } },
            { name: 'table', in: 'query', schema: { type: 'string' }, description: 'Which table to export (default: reports)' },
          ],
          responses: {
            200: { description: 'The file', content: { 'text/csv': {}, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {}, 'application/vnd.apache.parquet': {} } },
            400: errorResponse('Bad parameters'),
            501: errorResponse('Exports are not available in this build'),
          },
        },
      },
      '/api/openapi.json': {
        get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': {} } } } },
      },
    },
  };
}
