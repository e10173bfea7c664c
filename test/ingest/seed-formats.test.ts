import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/ingest/read.js';
import { segmentDocument } from '../../src/segment/segment.js';

const SEED = '../shared/seed/';
const read = (f: string) => readDocument(readFileSync(SEED + f), { fileName: f });
const TITLE = '中共广州市花都区直属机关工作委员会2021年部门整体支出绩效自评报告';
const FIGURES = ['890.33万元', '714.07万元', '80.2%', '523.39万元', '142.46万元', '5.01万元', '43.22万元', '642.19万元', '71.88万元', '91.28分', '25万元', '24.99万元', '100.0%', '774名', '13000多名', '近万名'];

describe('the seed in every readable format', () => {
  it('TXT, GB18030, DOCX and PDF agree paragraph by paragraph', async () => {
    const base = (await read('huadu-2021-jgdgw.txt')).text.split('\n');
    expect(base.length).toBeGreaterThan(40);
    for (const f of ['huadu-2021-jgdgw.gb18030.txt', 'huadu-2021-jgdgw.docx', 'huadu-2021-jgdgw.pdf']) {
      expect((await read(f)).text.split('\n'), f).toEqual(base);
    }
  });
  it.each(['huadu-2021-jgdgw.txt', 'huadu-2021-jgdgw.gb18030.txt', 'huadu-2021-jgdgw.docx', 'huadu-2021-jgdgw.pdf'])(
    '%s holds the title and every figure verbatim, and the heading tree',
    async (f) => {
      const doc = await read(f);
      expect(doc.text.startsWith(TITLE)).toBe(true);
      for (const fig of FIGURES) expect(doc.text, fig).toContain(fig);
      const seg = segmentDocument(doc);
      expect(seg.title?.text).toBe(TITLE);
      expect(seg.headings.map((h) => h.text)).toEqual(expect.arrayContaining(['一、基本情况', '（三）部门整体收支情况', '三、存在的主要问题', '四、下一步改进措施']));
      expect(seg.headings.filter((h) => h.level === 1)).toHaveLength(4);
    },
  );
  it.each(['huadu-2021-jgdgw-cidfont.pdf', 'huadu-2021-jgdgw-gbk-euc.pdf'])('%s (non-embedded CJK font) yields its Chinese text', async (f) => {
    const doc = await read(f);
    expect(doc.text).not.toContain('\ufffd');
    expect(doc.text.split('\n')[0]).toBe(TITLE);
    for (const fig of ['890.33万元', '714.07万元', '80.2%', '43.22万元', '642.19万元', '91.28分', '24.99万元']) expect(doc.text, fig).toContain(fig);
    expect(doc.pages.every((p) => !p.needsOcr)).toBe(true);
  });
  it('marks every page of the scanned PDF as needing OCR, never an empty success', async () => {
    const { readRaw } = await import('../../src/ingest/read.js');
    const raw = await readRaw(readFileSync(SEED + 'huadu-2021-jgdgw-scanned.pdf'), { fileName: 'scanned.pdf', ocr: false } as never);
    expect(raw.pages).toHaveLength(5);
    expect(raw.pages.every((p) => p.needsOcr)).toBe(true);
  });
});
