import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/ingest/detect-format.js';

const SEED = '../shared/seed/';

describe('detectFormat', () => {
  it('detects the seed files from their bytes, whatever their names', () => {
    expect(detectFormat(readFileSync(`${SEED}huadu-2021-jgdgw.pdf`), 'report.txt').format).toBe('pdf');
    expect(detectFormat(readFileSync(`${SEED}huadu-2021-jgdgw.docx`), 'report.pdf').format).toBe('docx');
    expect(detectFormat(readFileSync(`${SEED}huadu-2021-jgdgw.txt`)).format).toBe('txt');
    expect(detectFormat(readFileSync(`${SEED}huadu-2021-jgdgw.gb18030.txt`)).format).toBe('txt');
  });
  it('recognises HTML, images, OLE files and binary junk', () => {
    expect(detectFormat(Buffer.from('<!DOCTYPE html><html><body>报告</body></html>')).format).toBe('html');
    expect(detectFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])).format).toBe('image');
    expect(detectFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])).format).toBe('image');
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    Buffer.from('WordDocument'.split('').flatMap((c) => [c.charCodeAt(0), 0])).copy(ole, 600);
    expect(detectFormat(ole).format).toBe('doc');
    expect(detectFormat(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x00, 0x05, 0x06, 0x00])).format).toBe('unknown');
  });
  it('treats UTF-16 text with a BOM as text', () => {
    const d = detectFormat(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('报告 2021', 'utf16le')]));
    expect(d).toMatchObject({ format: 'txt', bom: 'utf-16le' });
  });
});
