import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordJsonSchema } from '../../src/schema/json-schema.js';

describe('JSON Schema of the record', () => {
  it('is committed and up to date (run `npm run schema` after changing src/schema/record.ts)', () => {
    const committed = JSON.parse(readFileSync('schema/report-record.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(recordJsonSchema())));
  });
  it('requires the fields every consumer relies on', () => {
    const s = recordJsonSchema() as { properties: Record<string, { required?: string[] }> };
    expect(s.properties.report!.required).toEqual(expect.arrayContaining(['title', 'kind', 'department', 'fiscalYear', 'region']));
    expect(s.properties.figures!.required).toEqual(expect.arrayContaining(['budget', 'execution', 'executionRate', 'selfScore', 'byFunction', 'counts']));
  });
});
