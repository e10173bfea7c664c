import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as jixiao from '../src/index.js';

describe('public API (src/index.ts)', () => {
  it('runs the pipeline stage by stage and as one call, with the same record', async () => {
    const bytes = readFileSync('fixtures/seed/huadu-2021-jgdgw.txt');
    const doc = await jixiao.readDocument(bytes, { fileName: 'seed.txt' });
    const record = jixiao.extractRecord(doc, { fileName: 'seed.txt' });
    record.checks = jixiao.checkRecord(record, { text: doc.text });
    const { record: same } = await jixiao.analyzeBytes(bytes, { fileName: 'seed.txt' });
    expect(jixiao.ReportRecord.parse(record).figures.budget?.value).toBe(8903300);
    expect({ ...same, source: { ...same.source, sha256: null } }).toEqual(record);
    expect(jixiao.findNumbers('执行数714.07万元')[0]).toMatchObject({ base: '7140700', precision: 2 });
  });
  it('classifies errors by what a caller should do', async () => {
    await expect(jixiao.analyzeBytes(new Uint8Array(0), { fileName: 'x.pdf' })).rejects.toBeInstanceOf(jixiao.EmptyFileError);
    expect(jixiao.dispositionOf(new jixiao.ServiceUnavailableError('redis', 'down'))).toBe('transient');
    expect(jixiao.dispositionOf(new jixiao.ConfigError('bad'))).toBe('fatal');
    expect(jixiao.dispositionOf(new jixiao.CorruptFileError('bad'))).toBe('permanent');
  });
});
