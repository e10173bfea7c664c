import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, readTxt } from '../../src/ingest/read-txt.js';
import { EmptyFileError, FileTooLargeError } from '../../src/errors.js';

const SEED = '../shared/seed/';
const utf8Text = readFileSync(`${SEED}huadu-2021-jgdgw.txt`, 'utf8');

describe('decodeText', () => {
  it('decodes the GB18030 seed to exactly the UTF-8 text', () => {
    const d = decodeText(readFileSync(`${SEED}huadu-2021-jgdgw.gb18030.txt`));
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe(utf8Text);
  });
  it('decodes UTF-8 with and without BOM', () => {
    const bytes = Buffer.from(utf8Text, 'utf8');
    expect(decodeText(bytes)).toEqual({ text: utf8Text, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]))).toEqual({ text: utf8Text, encoding: 'utf-8' });
  });
  it('decodes UTF-16 with a BOM, both byte orders', () => {
    const le = iconv.encode(utf8Text, 'utf-16le', { addBOM: true });
    expect(decodeText(le)).toEqual({ text: utf8Text, encoding: 'utf-16le' });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(utf8Text, 'utf-16be')]);
    expect(decodeText(be)).toEqual({ text: utf8Text, encoding: 'utf-16be' });
  });
  it('decodes GBK text without a BOM', () => {
    const text = '本部门2021年预算数890.33万元，执行数714.07万元。';
    expect(decodeText(iconv.encode(text, 'gbk'))).toEqual({ text, encoding: 'gb18030' });
  });
});

describe('readTxt', () => {
  it('makes one paragraph block per non-empty line', () => {
    const doc = readTxt(Buffer.from('标题\n\n第一段\r\n  第二段  \n'));
    expect(doc.blocks.map((b) => b.kind === 'table' ? '' : b.text)).toEqual(['标题', '第一段', '第二段']);
    expect(doc.pages).toHaveLength(1);
  });
  it('rejects empty and whitespace-only files with a typed error naming the file', () => {
    expect(() => readTxt(new Uint8Array(0), { fileName: 'a.txt' })).toThrow(EmptyFileError);
    expect(() => readTxt(Buffer.from(' \n\t\n'), { fileName: 'b.txt' })).toThrow(/b\.txt/);
  });
  it('enforces the size limit', () => {
    expect(() => readTxt(Buffer.from('一二三四五'), { maxBytes: 3 })).toThrow(FileTooLargeError);
  });
});

describe('readTxt on a line with a long run of blanks', () => {
  // /\s+$/ on such a line is quadratic: 200,000 tabs took a minute before lines were trimmed with trim().
  it('trims it like \\s and reads it at once', { timeout: 20_000 }, async () => {
    const content = `预算数100万元。${'\t'.repeat(200_000)}执行数80万元。`;
    const doc = await readTxt(new TextEncoder().encode(`  ${content}\u3000\ufeff \n\u3000\n`));
    expect(doc.blocks).toHaveLength(1);
    const block = doc.blocks[0]!;
    expect(block.kind === 'table' ? null : block.text).toBe(content);
  });
});

