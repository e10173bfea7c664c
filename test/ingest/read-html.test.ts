import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { EmptyFileError, FileTooLargeError } from '../../src/errors.js';
import type { Block, TableBlock } from '../../src/ingest/document.js';
import { cleanInlineText, decodeHtml, readHtml } from '../../src/ingest/read-html.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/html/${name}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);
const textOf = (b: Block) => (b.kind === 'table' ? b.rows.flat().map((c) => c.text).join('\t') : b.text);
const allText = (blocks: Block[]) => blocks.map(textOf).join('\n');
const grid = (t: TableBlock) => t.rows.map((row) => row.map((c) => [c.text, c.row, c.col, c.rowSpan, c.colSpan]));

describe('readHtml on a modern government article page', async () => {
  const doc = await readHtml(fixture('gov-article.html'), { fileName: 'gov-article.html' });
  const text = allText(doc.blocks);

  it('keeps only the article: no navigation, breadcrumbs, share bar, related links or footer', () => {
    for (const chrome of ['首页', '当前位置', '无障碍', '搜索', '发布时间', '字号', '分享到', '打印本页', '关闭窗口', '相关文章', '教育局', '主办单位', 'ICP', '公网安备', '联系电话'])
      expect(text, chrome).not.toContain(chrome);
    for (const hidden of ['隐藏的统计代码文字', '脚本写入的文字', 'margin-top', '_hmt']) expect(text, hidden).not.toContain(hidden);
  });

  it('reads the title once, as level 0, and the paragraphs in order', () => {
    expect(doc.blocks[0]).toEqual({
      kind: 'heading',
      level: 0,
      text: '中共广州市花都区直属机关工作委员会2021年部门整体支出绩效自评报告',
      page: 1,
    });
    expect(doc.blocks.filter((b) => b.kind === 'heading')).toHaveLength(1);
    expect(doc.blocks.slice(1, 8).map(textOf)).toEqual([
      '一、基本情况',
      '（一）部门概况',
      '我部门内设科室2个，分别是办公室、组织宣教科。',
      '（二）部门整体收支情况',
      // The source wraps this sentence between two CJK characters: no space may appear.
      '本部门2021年预算数890.33万元，执行数714.07万元，完成预算的80.2%。',
      '支出按支出性质分类：基本支出642.19万元；项目支出71.88万元。',
      '部门整体支出情况表',
    ]);
  });

  it('splits <br> lines into paragraphs and trims &nbsp; and full-width spaces', () => {
    const lines = doc.blocks.map(textOf);
    expect(lines).toContain('2021年部门整体支出绩效自评91.28分。存在的问题：');
    expect(lines).toContain('一是项目绩效指标及目标值有待进一步细化和量化；');
    expect(lines).toContain('二是对预算执行过程事中监管不够。');
    expect(lines.at(-1)).toBe('附件：2021年部门整体支出绩效自评表.pdf');
    expect(lines.every((l) => l === l.trim() && !/^[\u3000\u00a0]|[\u3000\u00a0]$/.test(l) && l !== '')).toBe(true);
  });

  it('reads the table with its row and column spans', () => {
    const table = doc.blocks.find((b): b is TableBlock => b.kind === 'table')!;
    expect(grid(table)).toEqual([
      [['项目', 0, 0, 1, 2], ['预算数（万元）', 0, 2, 1, 1], ['执行数（万元）', 0, 3, 1, 1], ['执行率', 0, 4, 1, 1]],
      [['支出按性质', 1, 0, 2, 1], ['基本支出', 1, 1, 1, 1], ['', 1, 2, 1, 1], ['642.19', 1, 3, 1, 1], ['—', 1, 4, 2, 1]],
      [['项目支出', 2, 1, 1, 1], ['25', 2, 2, 1, 1], ['71.88', 2, 3, 1, 1]],
      [['合计', 3, 0, 1, 2], ['890.33', 3, 2, 1, 1], ['714.07', 3, 3, 1, 1], ['80.2%', 3, 4, 1, 1]],
    ]);
  });

  it('reports encoding, one page and the TRS meta tags', () => {
    expect(doc.format).toBe('html');
    expect(doc.encoding).toBe('utf-8');
    expect(doc.pages).toEqual([{ number: 1, chars: expect.any(Number), needsOcr: false }]);
    expect(doc.pages[0]!.chars).toBeGreaterThan(250);
    expect(doc.meta).toEqual({
      title: '中共广州市花都区直属机关工作委员会2021年部门整体支出绩效自评报告',
      author: '区直机关工委',
      created: '2022-06-30 16:21',
    });
  });
});

describe('readHtml on an old table-layout page encoded GB18030 with a gb2312 meta tag', async () => {
  const bytes = fixture('old-layout-gb2312.html');
  const doc = await readHtml(bytes, { fileName: 'old.html' });

  it('is really GB-encoded', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });

  it('decodes as gb18030, including a GBK-only character', () => {
    expect(doc.encoding).toBe('gb18030');
    expect(allText(doc.blocks)).toContain('负责人王堃。');
  });

  it('finds the content cell without a known id, and the title above it', () => {
    expect(doc.blocks.map((b) => (b.kind === 'heading' ? `H${b.level} ${b.text}` : b.kind === 'table' ? 'TABLE' : b.text))).toEqual([
      'H0 某县财政局2022年度部门整体支出绩效自评报告',
      '一、部门基本情况',
      '县财政局内设股室12个，负责人王堃。2022年部门预算数1,250.60万元，执行数1,198.35万元，预算执行率95.82%。',
      '二、绩效目标完成情况',
      '全年完成绩效评价项目36个，评价资金总额8,560.00万元。',
      'TABLE',
      '三、自评结论',
      '经自评，2022年度部门整体支出绩效自评得分为93.5分，评价等级为“优”。',
    ]);
    expect(doc.meta?.title).toBe('某县财政局2022年度部门整体支出绩效自评报告');
  });

  it('reads a header cell spanning two rows and one spanning two columns', () => {
    const table = doc.blocks.find((b): b is TableBlock => b.kind === 'table')!;
    expect(grid(table)).toEqual([
      [['指标', 0, 0, 2, 1], ['2022年', 0, 1, 1, 2]],
      [['目标值', 1, 1, 1, 1], ['完成值', 1, 2, 1, 1]],
      [['评价项目数', 2, 0, 1, 1], ['≥30个', 2, 1, 1, 1], ['36个', 2, 2, 1, 1]],
    ]);
  });
});

describe('decodeHtml', () => {
  const chinese = '<p>本部门预算数890.33万元，执行数714.07万元，完成预算的80.2%。</p>';

  it('follows a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(chinese, 'utf16le')]);
    expect(decodeHtml(le)).toMatchObject({ text: chinese, encoding: 'utf-16le' });
    const u8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(chinese)]);
    expect(decodeHtml(u8)).toMatchObject({ text: chinese, encoding: 'utf-8' });
  });

  it('falls back to GB18030 for bytes that are not UTF-8, without any declaration', () => {
    expect(decodeHtml(iconv.encode(chinese, 'gbk'))).toMatchObject({ text: chinese, encoding: 'gb18030', warnings: [] });
  });

  it('overrules a declaration the bytes contradict, with a warning', () => {
    const gbkDeclaredUtf8 = iconv.encode(`<meta charset="utf-8">${chinese}`, 'gbk');
    const a = decodeHtml(gbkDeclaredUtf8);
    expect(a.encoding).toBe('gb18030');
    expect(a.text).toContain(chinese);
    expect(a.warnings[0]).toMatch(/declared utf-8/);

    const utf8DeclaredGb = utf8(`<meta http-equiv="Content-Type" content="text/html; charset=GB2312">${chinese}`);
    const b = decodeHtml(utf8DeclaredGb);
    expect(b.encoding).toBe('utf-8');
    expect(b.text).toContain(chinese);
    expect(b.warnings[0]).toMatch(/declared gb18030 but the bytes are valid UTF-8/);
  });

  it('lets the transport charset win over the meta tag', () => {
    const big5 = iconv.encode(`<meta charset="gb2312"><p>預算數</p>`, 'big5');
    expect(decodeHtml(big5, 'Big5')).toMatchObject({ encoding: 'big5', text: '<meta charset="gb2312"><p>預算數</p>' });
  });
});

describe('cleanInlineText', () => {
  it('drops a source line break between CJK characters and keeps one space elsewhere', () => {
    expect(cleanInlineText('\u3000\u3000执行数\n  714.07 万元，\r\n完成\u00a0\u00a0预算\u200b。 ')).toBe('执行数 714.07 万元，完成 预算。');
    expect(cleanInlineText('budget\nexecution')).toBe('budget execution');
  });
});

describe('readHtml on smaller pages', () => {
  it('reads a page without any container minus its nav, header and footer', async () => {
    const page = `<html><body>
      <header><a href="/">首页</a> 欢迎访问本站，今天天气晴朗，适合出行</header>
      <nav><a href="/a">政务公开</a><a href="/b">办事服务</a><a href="/c">互动交流</a></nav>
      <div class="box"><p>预算数 100 万元。</p></div>
      <div class="box2"><p>执行数 90 万元。</p></div>
      <footer>主办单位：某县人民政府办公室 版权所有</footer>
    </body></html>`;
    const doc = await readHtml(utf8(page));
    expect(doc.blocks.map(textOf)).toEqual(['预算数 100 万元。', '执行数 90 万元。']);
    expect(doc.warnings.some((w) => /no main content container/.test(w))).toBe(true);
  });

  it('reads headings, <pre> lines, lists and layout tables inside the content', async () => {
    const page = `<html><body><div id="zoom">
      <h2>一、基本情况</h2>
      <h3>（一）部门概况</h3>
      <table><tr><td><p>布局表格里的段落。</p><p>第二段。</p></td></tr></table>
      <ul><li>要点一</li><li>要点二</li></ul>
      <pre>第一行
第二行</pre>
      <table><tr><td rowspan="0">贯穿</td><td>甲</td></tr><tr><td>乙</td></tr></table>
    </div></body></html>`;
    const doc = await readHtml(utf8(page));
    expect(doc.blocks.map((b) => (b.kind === 'heading' ? `H${b.level} ${b.text}` : textOf(b)))).toEqual([
      'H1 一、基本情况',
      'H2 （一）部门概况',
      '布局表格里的段落。',
      '第二段。',
      '要点一',
      '要点二',
      '第一行',
      '第二行',
      '贯穿\t甲\t乙',
    ]);
    const table = doc.blocks.at(-1) as TableBlock;
    expect(grid(table)).toEqual([[['贯穿', 0, 0, 2, 1], ['甲', 0, 1, 1, 1]], [['乙', 1, 1, 1, 1]]]);
  });

  it('refuses empty and oversized files', async () => {
    await expect(readHtml(new Uint8Array(0))).rejects.toBeInstanceOf(EmptyFileError);
    await expect(readHtml(utf8('<p>一二三</p>'), { maxBytes: 3 })).rejects.toBeInstanceOf(FileTooLargeError);
  });
});
