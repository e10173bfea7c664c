import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import iconv from 'iconv-lite';
import type { Block, RawDocument, ReadOptions, TableCell } from './document.js';
import { EmptyFileError, FileTooLargeError } from '../errors.js';
import { CHAPTER_MARK, ITEM_MARK, SECTION_MARK, SUBITEM_MARK, SUBSECTION_MARK } from '../vocabulary/index.js';

/**
 * Reads an HTML page, typically a government site's article page, into blocks: only the main
 * content (the report), not the site chrome around it. The block walker here is shared with the
 * DOCX reader, which walks mammoth's HTML.
 */

export interface ReadHtmlOptions extends ReadOptions {
  /** Charset from the transport (an HTTP Content-Type header); overrides `<meta charset>`. */
  encoding?: string;
}

// ---------------------------------------------------------------------------------------------
// Text helpers

const CJK_OR_FULLWIDTH = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]/;
const CJK_CHARS = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;

/**
 * Collapses whitespace the way a reader sees it: `&nbsp;`, full-width spaces and tabs count as
 * spaces; a source line break between two CJK characters is no space at all (HTML editors wrap
 * Chinese text anywhere), any other run is one space.
 */
export function cleanInlineText(raw: string): string {
  const s = raw.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '');
  return s
    .replace(/\s+/g, (ws, offset: number, whole: string) => {
      if (/[\n\r]/.test(ws)) {
        const before = whole[offset - 1] ?? '';
        const after = whole[offset + ws.length] ?? '';
        if (CJK_OR_FULLWIDTH.test(before) && CJK_OR_FULLWIDTH.test(after)) return '';
      }
      return ' ';
    })
    .trim();
}

function countCjk(s: string): number {
  return s.match(CJK_CHARS)?.length ?? 0;
}

// ---------------------------------------------------------------------------------------------
// DOM helpers (domhandler nodes, as cheerio exposes them)

const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'iframe', 'frame', 'object',
  'embed', 'svg', 'canvas', 'select', 'option', 'button', 'input', 'textarea', 'map', 'audio', 'video', 'img',
]);

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'html', 'li', 'main', 'menu',
  'nav', 'ol', 'p', 'section', 'summary', 'ul', 'caption', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'legend',
]);

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function tagOf(node: AnyNode): string {
  return isElement(node) ? node.name.toLowerCase() : '';
}

function isHidden(el: Element): boolean {
  const style = el.attribs['style'] ?? '';
  return (
    el.attribs['hidden'] !== undefined ||
    /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style) ||
    (tagOf(el) === 'input' && el.attribs['type'] === 'hidden')
  );
}

function elementChildren(el: Element): Element[] {
  return el.children.filter(isElement);
}

/** The `<tr>`s of a table, in order, excluding those of nested tables. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of elementChildren(table)) {
    const tag = tagOf(child);
    if (tag === 'tr') rows.push(child);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot')
      rows.push(...elementChildren(child).filter((c) => tagOf(c) === 'tr'));
  }
  return rows;
}

function cellsOf(row: Element): Element[] {
  return elementChildren(row).filter((c) => tagOf(c) === 'td' || tagOf(c) === 'th');
}

function spanAttr(el: Element, name: string, fallback: number, max: number): number {
  const n = Number.parseInt(el.attribs[name] ?? '', 10);
  if (!Number.isFinite(n) || n < 0) return fallback;
  return Math.min(n, max);
}

// ---------------------------------------------------------------------------------------------
// Block walker

/** A heading before levels are settled: the raw h1..h6 level, or a flagged document title. */
interface DraftHeading {
  kind: 'heading';
  rawLevel: number;
  text: string;
  isTitle: boolean;
}
interface DraftParagraph {
  kind: 'paragraph';
  text: string;
}
interface DraftTable {
  kind: 'table';
  rows: TableCell[][];
}
type Draft = DraftHeading | DraftParagraph | DraftTable;

export interface CollectBlocksOptions {
  /** Class that marks a heading as the document title (the DOCX reader maps the Title style to it). */
  titleClass?: string;
  /** Extra test for elements to skip entirely (site chrome inside the content). */
  skip?: (el: Element) => boolean;
}

class BlockCollector {
  readonly drafts: Draft[] = [];
  private buffer: string[] = [];
  nestedTables = 0;

  constructor(private readonly options: CollectBlocksOptions) {}

  walkChildren(el: Element): void {
    for (const child of el.children) this.walk(child);
  }

  walk(node: AnyNode): void {
    if (node.type === 'text') {
      this.buffer.push(node.data);
      return;
    }
    if (!isElement(node)) return;
    const tag = tagOf(node);
    if (SKIPPED_TAGS.has(tag) || isHidden(node) || this.options.skip?.(node)) return;
    if (tag === 'br') {
      this.flush();
      return;
    }
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      this.flush();
      const text = inlineText(node);
      if (text) {
        const titleClass = this.options.titleClass;
        const isTitle = !!titleClass && (node.attribs['class'] ?? '').split(/\s+/).includes(titleClass);
        this.drafts.push({ kind: 'heading', rawLevel: Number(heading[1]), text, isTitle });
      }
      return;
    }
    if (tag === 'table') {
      this.flush();
      this.table(node);
      return;
    }
    if (tag === 'pre') {
      this.flush();
      for (const line of textWithBreaks(node).split(/\r?\n/)) this.push(line);
      return;
    }
    if (tag === 'hr') {
      this.flush();
      return;
    }
    if (BLOCK_TAGS.has(tag)) {
      this.flush();
      this.walkChildren(node);
      this.flush();
      return;
    }
    this.walkChildren(node);
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    const raw = this.buffer.join('');
    this.buffer = [];
    this.push(raw);
  }

  private push(raw: string): void {
    const text = cleanInlineText(raw);
    if (text) this.drafts.push({ kind: 'paragraph', text });
  }

  private table(table: Element): void {
    const rowEls = rowsOf(table);
    const rawRows = rowEls.map(cellsOf);
    for (const caption of elementChildren(table).filter((c) => tagOf(c) === 'caption')) {
      this.walk(caption);
      this.flush();
    }
    // A table whose rows have at most one cell is page layout, not data: read it as flow.
    if (rawRows.every((cells) => cells.length <= 1)) {
      for (const cells of rawRows) {
        for (const cell of cells) {
          this.walkChildren(cell);
          this.flush();
        }
      }
      return;
    }

    const rowCount = rawRows.length;
    const occupied: boolean[][] = Array.from({ length: rowCount }, () => []);
    const rows: TableCell[][] = [];
    let hasText = false;
    rawRows.forEach((cells, r) => {
      const out: TableCell[] = [];
      let c = 0;
      for (const cell of cells) {
        while (occupied[r]![c]) c++;
        // rowspan="0" spans to the end of the table; spans never run past the last row.
        const declaredRows = spanAttr(cell, 'rowspan', 1, 65534);
        const rowSpan = Math.max(1, Math.min(declaredRows === 0 ? rowCount - r : declaredRows, rowCount - r));
        const colSpan = Math.max(1, spanAttr(cell, 'colspan', 1, 1000));
        for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) occupied[r + dr]![c + dc] = true;
        const text = this.cellText(cell);
        if (text) hasText = true;
        out.push({ text, row: r, col: c, rowSpan, colSpan });
        c += colSpan;
      }
      rows.push(out);
    });
    if (hasText) this.drafts.push({ kind: 'table', rows });
  }

  /**
   * A cell's text: its paragraphs joined by newlines. A nested table is flattened into the cell,
   * one line per row with its cells separated by spaces, so its text stays where it was.
   */
  private cellText(cell: Element): string {
    const inner = new BlockCollector(this.options);
    inner.walkChildren(cell);
    inner.flush();
    this.nestedTables += inner.nestedTables;
    const lines: string[] = [];
    for (const d of inner.drafts) {
      if (d.kind === 'table') {
        this.nestedTables++;
        for (const row of d.rows) {
          const line = row
            .map((x) => x.text.replace(/\n/g, ' '))
            .filter(Boolean)
            .join(' ');
          if (line) lines.push(line);
        }
      } else lines.push(d.text);
    }
    return lines.join('\n');
  }
}

/** Text of an element with `<br>` as a line break. */
function textWithBreaks(el: Element): string {
  const parts: string[] = [];
  const visit = (node: AnyNode): void => {
    if (node.type === 'text') parts.push(node.data);
    else if (isElement(node)) {
      const tag = tagOf(node);
      if (SKIPPED_TAGS.has(tag) || isHidden(node)) return;
      if (tag === 'br') parts.push('\n');
      else node.children.forEach(visit);
    }
  };
  el.children.forEach(visit);
  return parts.join('');
}

function inlineText(el: Element): string {
  return cleanInlineText(textWithBreaks(el));
}

/** Sentence punctuation inside a heading-styled paragraph means body text was typed into it. */
function looksLikeBody(text: string): boolean {
  return (/[。；！？]/.test(text) && text.length > 30) || text.length > 120;
}

/** 一、 （一） 1. (1) 第一章 … — section numbers, which a document title never starts with. */
const ENUMERATED = new RegExp(`^\\s*(?:${CHAPTER_MARK}|${SECTION_MARK}|${SUBSECTION_MARK}|${ITEM_MARK}|${SUBITEM_MARK}|\\d+[)）])`, 'u');

/**
 * Settles heading levels: the title (flagged, or a first heading before any text that is not
 * numbered) becomes level 0; the other headings keep their relative depth with the shallowest
 * at level 1. Heading-styled paragraphs full of sentences become paragraphs.
 */
function settleBlocks(drafts: Draft[], warnings: string[]): Block[] {
  let demoted = 0;
  const settled: Draft[] = drafts.map((d) => {
    if (d.kind === 'heading' && !d.isTitle && looksLikeBody(d.text)) {
      demoted++;
      return { kind: 'paragraph', text: d.text };
    }
    return d;
  });
  if (demoted > 0)
    warnings.push(`${demoted} heading-styled paragraph(s) hold running text; read as paragraphs`);

  let titleIndex = settled.findIndex((d) => d.kind === 'heading' && d.isTitle);
  if (titleIndex < 0) {
    const first = settled[0];
    if (first?.kind === 'heading' && !ENUMERATED.test(first.text)) titleIndex = 0;
  }
  const levels = settled.flatMap((d, i) => (d.kind === 'heading' && i !== titleIndex ? [d.rawLevel] : []));
  const shift = levels.length > 0 ? Math.min(...levels) - 1 : 0;

  return settled.map((d, i): Block => {
    if (d.kind === 'heading')
      return { kind: 'heading', level: i === titleIndex ? 0 : d.rawLevel - shift, text: d.text, page: 1 };
    if (d.kind === 'table') return { kind: 'table', rows: d.rows, page: 1 };
    return { kind: 'paragraph', text: d.text, page: 1 };
  });
}

/**
 * Turns the content under `roots` into blocks (headings, paragraphs, tables with spans), all on
 * page 1. `before` are extra drafts to put first (an HTML page's title found outside the content).
 */
export function collectHtmlBlocks(
  roots: Element[],
  options: CollectBlocksOptions & { titleText?: string } = {},
): { blocks: Block[]; warnings: string[] } {
  const warnings: string[] = [];
  const collector = new BlockCollector(options);
  for (const root of roots) {
    collector.walk(root);
    collector.flush();
  }
  const drafts = collector.drafts;
  if (options.titleText) {
    // Pages often repeat the title at the top of the body; the repeat becomes the title.
    const squash = (s: string) => s.replace(/\s+/g, '');
    const first = drafts[0];
    const title: DraftHeading = { kind: 'heading', rawLevel: 1, text: options.titleText, isTitle: true };
    if (first && first.kind !== 'table' && squash(first.text) === squash(options.titleText)) drafts[0] = title;
    else drafts.unshift(title);
  }
  if (collector.nestedTables > 0) warnings.push(`${collector.nestedTables} nested table(s) flattened into their cells`);
  return { blocks: settleBlocks(drafts, warnings), warnings };
}

// ---------------------------------------------------------------------------------------------
// Decoding

const GB_LABELS = new Set([
  'gb2312', 'gbk', 'x-gbk', 'gb_2312', 'gb_2312-80', 'csgb2312', 'chinese', 'iso-ir-58', 'cp936', 'ms936',
  'windows-936', 'gb18030', 'euc-cn',
]);

function canonicalCharset(label: string): string {
  const l = label.trim().toLowerCase();
  if (l === 'utf8' || l === 'utf-8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  // A page cannot really be UTF-16 when its meta tag could be read as ASCII.
  if (l.startsWith('utf-16') || l === 'unicode') return 'utf-8';
  if (GB_LABELS.has(l)) return 'gb18030';
  if (l === 'big5' || l === 'big5-hkscs' || l === 'x-x-big5' || l === 'cn-big5') return 'big5';
  return l;
}

/** The charset a `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 4 KiB declares. */
function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const m = /charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(tag);
    if (m) return m[1];
  }
  return undefined;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function countUtf8Multibyte(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if ((bytes[i]! & 0xe0) === 0xe0 || (bytes[i]! & 0xe0) === 0xc0) n++;
  return n;
}

/**
 * Decodes an HTML page: byte-order mark, then the transport charset, then `<meta charset>`, then
 * UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GB2312 and GBK). Declarations
 * that the bytes contradict are overruled, with a warning: Chinese sites often keep a `gb2312`
 * meta tag in templates that now serve UTF-8, and the reverse.
 */
export function decodeHtml(bytes: Uint8Array, declared?: string): { text: string; encoding: string; warnings: string[] } {
  const warnings: string[] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', warnings };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', warnings };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', warnings };

  let label = declared ? canonicalCharset(declared) : undefined;
  if (!label) {
    const meta = sniffMetaCharset(bytes);
    if (meta) label = canonicalCharset(meta);
  }
  if (label && label !== 'utf-8' && !iconv.encodingExists(label)) {
    warnings.push(`unknown charset "${label}" ignored`);
    label = undefined;
  }
  const utf8 = isValidUtf8(bytes);
  let encoding: string;
  if (!label) encoding = utf8 ? 'utf-8' : 'gb18030';
  else if (label === 'utf-8') {
    encoding = utf8 ? 'utf-8' : 'gb18030';
    if (!utf8) warnings.push('declared utf-8 but the bytes are not valid UTF-8; decoded as gb18030');
  } else if (utf8 && countUtf8Multibyte(bytes) >= 8) {
    // GBK text of any length is practically never valid UTF-8 by accident.
    encoding = 'utf-8';
    warnings.push(`declared ${label} but the bytes are valid UTF-8; decoded as utf-8`);
  } else encoding = label;

  const text = encoding === 'utf-8' ? new TextDecoder('utf-8').decode(bytes) : iconv.decode(bytes, encoding);
  return { text, encoding, warnings };
}

// ---------------------------------------------------------------------------------------------
// Main-content detection

/** Content containers of the CMSs Chinese government sites run on (TRS, UCAP, Hanweb …). */
const CONTENT_SELECTORS = [
  '#zoom', '#Zoom', '.zoom', '.TRS_Editor', '.TRS_UEDITOR', '#UCAP-CONTENT', '.article-content', '.article_content',
  '.pages_content', '#pages_content', '.news_content', '.wzy_content', '.art_con', '.detail-content',
  '.xxgk_content', '#fontzoom', '.bt_content', '.view-content',
];
/** Generic names, tried only when the text-density descent finds nothing narrower than the page. */
const GENERIC_SELECTORS = ['article', '.article', '#article', 'main', '.content', '#content', '.main-content', '.detail'];

const CHROME_PATTERN =
  /(?:^|[\s_-])(?:nav|navbar|menu|header|footer|foot|breadcrumbs?|crumbs?|position|location|dqwz|share|bdshare|sidebar|toolbar|copyright|topbar|bottom|print|fontsize|zihao|qrcode|ewm|related|xgwz|xglj|friendlink|yqlj)(?:$|[\s_-])/i;
const INLINE_TAGS = new Set(['span', 'font', 'a', 'b', 'strong', 'em', 'i', 'u', 'small', 'big', 'label', 'sup', 'sub']);

/** Visible, non-link characters under each element: link text is navigation, not content. */
function measureText(root: Element): Map<Element, number> {
  const sizes = new Map<Element, number>();
  const visit = (node: AnyNode): number => {
    if (node.type === 'text') return node.data.replace(/\s+/g, '').length;
    if (!isElement(node)) return 0;
    const tag = tagOf(node);
    if (SKIPPED_TAGS.has(tag) || isHidden(node)) {
      sizes.set(node, 0);
      return 0;
    }
    let total = 0;
    for (const child of node.children) total += visit(child);
    if (tag === 'a') total = 0;
    sizes.set(node, total);
    return total;
  };
  visit(root);
  return sizes;
}

function hasContentMarkup(el: Element): boolean {
  const tag = tagOf(el);
  if (tag === 'p') return true;
  if (tag === 'table' && rowsOf(el).some((r) => cellsOf(r).length > 1)) return true;
  return elementChildren(el).some(hasContentMarkup);
}

/**
 * Descends from the body into the child holding most of the visible text while one child clearly
 * dominates (≥ 60 %) and no sibling holds a real share (≥ 10 %) of paragraphs or data tables.
 * Layout tables are crossed through their dominant cell.
 */
function descendToContent(body: Element, size: (el: Element) => number): Element {
  let current = body;
  for (;;) {
    const total = size(current);
    if (total === 0) return current;
    const kids = elementChildren(current).filter((k) => size(k) > 0);
    let best: Element | undefined;
    for (const k of kids) if (!best || size(k) > size(best)) best = k;
    if (!best || size(best) < 0.6 * total || INLINE_TAGS.has(tagOf(best))) return current;
    if (kids.some((k) => k !== best && size(k) >= 0.1 * total && hasContentMarkup(k))) return current;
    if (tagOf(best) === 'table') {
      const cells = rowsOf(best).flatMap(cellsOf);
      let bestCell: Element | undefined;
      for (const c of cells) if (!bestCell || size(c) > size(bestCell)) bestCell = c;
      if (!bestCell || size(bestCell) < 0.6 * total) return current;
      current = bestCell;
    } else current = best;
  }
}

function pickBySelectors($: CheerioAPI, selectors: string[], size: (el: Element) => number, minimum: number): Element | undefined {
  for (const selector of selectors) {
    let best: Element | undefined;
    $(selector).each((_, el) => {
      if (isElement(el) && (!best || size(el) > size(best))) best = el;
    });
    if (best && size(best) >= minimum && countCjk($(best).text()) > 0) return best;
  }
  return undefined;
}

/** Element → position in document order, and the last position inside its subtree. */
function documentOrder(root: Element): { index: Map<Element, number>; end: Map<Element, number> } {
  const index = new Map<Element, number>();
  const end = new Map<Element, number>();
  let n = 0;
  const visit = (el: Element): void => {
    index.set(el, n++);
    for (const child of elementChildren(el)) visit(child);
    end.set(el, n - 1);
  };
  visit(root);
  return { index, end };
}

/**
 * The page's article title, when it sits outside the content container (the usual layout:
 * title, then a 发布时间/来源 line, then the body). Looks before the container, within three
 * levels of it, for the element whose text is the `ArticleTitle` meta tag or the article part of
 * `<title>` ("标题_站点名"); failing that, the nearest `<h1>`, then the nearest title-classed
 * element; failing that, the meta tag itself.
 */
function findTitle($: CheerioAPI, root: Element, container: Element, hint: string | undefined, metaTitle: string | undefined): string | undefined {
  const { index, end } = documentOrder(root);
  const start = index.get(container) ?? 0;
  let scope: Element = container;
  for (let i = 0; i < 3 && scope.parent && isElement(scope.parent); i++) scope = scope.parent;
  const before = (el: Element): boolean => {
    const at = index.get(el);
    return at !== undefined && at < start && (end.get(el) ?? at) < start;
  };
  const usable = (el: Element): string | undefined => {
    if (!before(el) || $(el).find('table, ul, ol').length > 0 || $(el).closest('a').length > 0) return undefined;
    if ($(el).text().length > 300) return undefined;
    const text = inlineText(el);
    return text.length >= 4 && text.length <= 150 && countCjk(text) > 0 ? text : undefined;
  };

  if (hint) {
    const squashed = hint.replace(/\s+/g, '');
    let match: string | undefined;
    $(scope)
      .find('*')
      .each((_, el) => {
        if (!isElement(el)) return;
        const text = usable(el);
        if (!text) return;
        const t = text.replace(/\s+/g, '');
        if (t === squashed || (squashed.includes(t) && t.length >= 0.6 * squashed.length)) match = text;
      });
    if (match) return match;
  }
  const candidates: { text: string; h1: boolean }[] = [];
  $(scope)
    .find('h1, h2, h3, [class*="title" i], [id*="title" i], .bt, #bt, .biaoti, .tit')
    .each((_, el) => {
      if (!isElement(el)) return;
      const text = usable(el);
      if (text) candidates.push({ text, h1: tagOf(el) === 'h1' });
    });
  const h1s = candidates.filter((c) => c.h1);
  if (h1s.length > 0) return h1s[h1s.length - 1]!.text;
  if (candidates.length > 0) return candidates[candidates.length - 1]!.text;
  return metaTitle;
}

/** The article part of a `<title>` such as "标题_某县人民政府" or "标题-广州市花都区人民政府门户网站". */
function articlePartOfTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const parts = title.split(/\s*(?:[_|｜]|\s-\s|-(?=[^-]*(?:网|政府|门户)))\s*/).filter(Boolean);
  let best = parts[0];
  for (const part of parts) if (part.length > (best?.length ?? 0)) best = part;
  return best;
}

function metaContent($: CheerioAPI, ...names: string[]): string | undefined {
  for (const name of names) {
    const v = $(`meta[name="${name}" i]`).attr('content');
    if (v && v.trim()) return cleanInlineText(v);
  }
  return undefined;
}

interface SubtreeStats {
  links: number;
  linkedChars: number;
  chars: number;
  hasTable: boolean;
  hasParagraph: boolean;
}

/** Link and markup counts under an element, walked by hand: cheerio's find() per element is slow. */
function subtreeStats(el: Element): SubtreeStats {
  const stats: SubtreeStats = { links: 0, linkedChars: 0, chars: 0, hasTable: false, hasParagraph: false };
  const visit = (node: AnyNode, inLink: boolean): void => {
    if (node.type === 'text') {
      const n = node.data.replace(/\s+/g, '').length;
      stats.chars += n;
      if (inLink) stats.linkedChars += n;
      return;
    }
    if (!isElement(node)) return;
    const tag = tagOf(node);
    if (SKIPPED_TAGS.has(tag)) return;
    if (tag === 'a') stats.links++;
    else if (tag === 'table') stats.hasTable = true;
    else if (tag === 'p') stats.hasParagraph = true;
    for (const child of node.children) visit(child, inLink || tag === 'a');
  };
  for (const child of el.children) visit(child, false);
  return stats;
}

/** Reads an HTML page into blocks of its main content. */
export async function readHtml(bytes: Uint8Array, options: ReadHtmlOptions = {}): Promise<RawDocument> {
  const file = options.fileName;
  if (bytes.length === 0) throw new EmptyFileError('the file is empty', { file });
  if (options.maxBytes !== undefined && bytes.length > options.maxBytes)
    throw new FileTooLargeError(`the file has ${bytes.length} bytes, over the limit of ${options.maxBytes}`, { file });

  const decoded = decodeHtml(bytes, options.encoding);
  const warnings = [...decoded.warnings];
  const $ = cheerio.load(decoded.text);
  const root = $('html').get(0) ?? $.root().children().get(0);
  const body = $('body').get(0) ?? root;

  const meta: NonNullable<RawDocument['meta']> = {};
  const metaTitle = metaContent($, 'ArticleTitle');
  const title = metaTitle ?? (cleanInlineText($('title').first().text()) || undefined);
  if (title) meta.title = title;
  const author = metaContent($, 'ContentSource', 'author');
  if (author) meta.author = author;
  const created = metaContent($, 'PubDate', 'publishdate', 'firstpublishedtime');
  if (created) meta.created = created;
  const producer = metaContent($, 'generator');
  if (producer) meta.producer = producer;

  let blocks: Block[] = [];
  if (body && isElement(body)) {
    const sizes = measureText(body);
    const size = (el: Element) => sizes.get(el) ?? 0;
    const whole = size(body);
    let container = pickBySelectors($, CONTENT_SELECTORS, size, Math.max(1, 0.3 * whole));
    let fromPage = false;
    if (!container) {
      container = descendToContent(body, size);
      if (container === body) {
        container = pickBySelectors($, GENERIC_SELECTORS, size, Math.max(1, 0.3 * whole)) ?? body;
        // Nothing narrower than the page: drop the chrome by its names.
        fromPage = container === body;
      }
      if (container === body) warnings.push('no main content container found; read the whole page minus navigation');
    }
    const chrome = (el: Element): boolean => {
      const tag = tagOf(el);
      if (tag === 'a' && /^\s*javascript:/i.test(el.attribs['href'] ?? '')) return true;
      if (fromPage && (tag === 'nav' || tag === 'header' || tag === 'footer' || tag === 'aside')) return true;
      if (/^(?:table|thead|tbody|tfoot|tr|td|th|p|h[1-6]|span|font|strong|b)$/.test(tag)) return false;
      const names = `${el.attribs['id'] ?? ''} ${el.attribs['class'] ?? ''}`;
      const named = CHROME_PATTERN.test(names) && !/content|article|zoom|TRS/i.test(names);
      const listLike = tag === 'ul' || tag === 'ol' || tag === 'div' || tag === 'nav' || tag === 'dl';
      if (!named && !listLike) return false;
      const stats = subtreeStats(el);
      // Class names judge containers only: one holding a table ("table-header" wrappers) is data.
      if (named && !stats.hasTable) return true;
      return (
        listLike &&
        stats.links >= 3 &&
        !stats.hasParagraph &&
        !stats.hasTable &&
        stats.chars > 0 &&
        stats.linkedChars / stats.chars > 0.6
      );
    };
    const hint = metaTitle ?? articlePartOfTitle(cleanInlineText($('title').first().text()));
    const titleText =
      root && isElement(root) && container !== body ? findTitle($, root, container, hint, metaTitle) : undefined;
    const collected = collectHtmlBlocks([container], { skip: chrome, ...(titleText ? { titleText } : {}) });
    blocks = collected.blocks;
    // The title found on the page beats `<title>`, which carries the site name.
    if (titleText && !metaTitle) meta.title = titleText;
    warnings.push(...collected.warnings);
  }

  const chars = blocks.reduce(
    (n, b) =>
      n +
      (b.kind === 'table'
        ? b.rows.reduce((m, row) => m + row.reduce((k, c) => k + c.text.replace(/\s+/g, '').length, 0), 0)
        : b.text.replace(/\s+/g, '').length),
    0,
  );
  return {
    format: 'html',
    encoding: decoded.encoding,
    pages: [{ number: 1, chars, needsOcr: false }],
    blocks,
    warnings,
    ...(Object.keys(meta).length > 0 ? { meta } : {}),
  };
}
