import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import mammoth from 'mammoth';
import type { RawDocument, ReadOptions } from './document.js';
import { LIST_GLYPHS } from '../vocabulary/index.js';
import { collectHtmlBlocks } from './read-html.js';
import { assertZipSafe, isEncryptedOoxml, readZipEntry } from './zip-guard.js';
import {
  CorruptFileError,
  EmptyFileError,
  EncryptedFileError,
  FileTooLargeError,
  JixiaoError,
  UnsupportedFormatError,
} from '../errors.js';

/**
 * Reads a DOCX through mammoth's HTML conversion, then walks that HTML with the HTML reader's
 * block walker. mammoth keeps table spans (colspan from w:gridSpan, rowspan from w:vMerge) but
 * drops automatic list numbers, which Chinese reports use for their 一、/（一） headings, so those
 * are recomputed from numbering.xml and put back in front of the paragraph text.
 */

export const DEFAULT_DOCX_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

const TITLE_CLASS = 'jx-title';

/** Style names as Word and WPS write them in Chinese documents, besides mammoth's defaults. */
const STYLE_MAP = [
  `p[style-name='Title'] => h1.${TITLE_CLASS}:fresh`,
  `p[style-name='标题'] => h1.${TITLE_CLASS}:fresh`,
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`p[style-name='标题 ${n}'] => h${n}:fresh`, `p[style-name='标题${n}'] => h${n}:fresh`]),
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='副标题'] => p:fresh",
  // Ordinary text styles of LibreOffice and Chinese Word/WPS: plain paragraphs, not warnings.
  ...['Body Text', 'Table Contents', 'Table Heading', '正文', '正文文本', '表格内容'].map((n) => `p[style-name='${n}'] => p:fresh`),
];

// ---------------------------------------------------------------------------------------------
// Automatic numbering (numbering.xml)

interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  isLgl: boolean;
  suffix: string;
}
interface NumDef {
  abstractId: string;
  startOverrides: Map<number, number>;
}
interface NumberingDefs {
  abstracts: Map<string, Map<number, LevelDef>>;
  nums: Map<string, NumDef>;
  /** Paragraph style id → (numId, ilvl), through basedOn chains and lvl/pStyle links. */
  styleNumbering: Map<string, { numId?: string; abstractId?: string; ilvl: number }>;
}

type XmlNode = AnyNode;

function xmlChildren(el: Element, name?: string): Element[] {
  return el.children.filter((c): c is Element => c.type === 'tag' && (name === undefined || c.name === name));
}

function firstChild(el: Element, name: string): Element | undefined {
  return xmlChildren(el, name)[0];
}

function valOf(el: Element | undefined): string | undefined {
  return el?.attribs['w:val'];
}

function intOr(value: string | undefined, fallback: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) ? n : fallback;
}

function parseNumbering(numberingXml: string | undefined, stylesXml: string | undefined): NumberingDefs {
  const abstracts = new Map<string, Map<number, LevelDef>>();
  const nums = new Map<string, NumDef>();
  const styleNumbering: NumberingDefs['styleNumbering'] = new Map();
  const pStyleLinks = new Map<string, { abstractId: string; ilvl: number }>();

  if (numberingXml) {
    const $ = cheerio.load(numberingXml, { xml: true });
    $('w\\:abstractNum').each((_, el) => {
      if (el.type !== 'tag') return;
      const id = el.attribs['w:abstractNumId'];
      if (id === undefined) return;
      const levels = new Map<number, LevelDef>();
      for (const lvl of xmlChildren(el, 'w:lvl')) {
        const ilvl = intOr(lvl.attribs['w:ilvl'], 0);
        levels.set(ilvl, {
          start: intOr(valOf(firstChild(lvl, 'w:start')), 1),
          numFmt: valOf(firstChild(lvl, 'w:numFmt')) ?? 'decimal',
          lvlText: valOf(firstChild(lvl, 'w:lvlText')) ?? '',
          isLgl: firstChild(lvl, 'w:isLgl') !== undefined,
          suffix: valOf(firstChild(lvl, 'w:suff')) ?? 'tab',
        });
        const pStyle = valOf(firstChild(lvl, 'w:pStyle'));
        if (pStyle) pStyleLinks.set(pStyle, { abstractId: id, ilvl });
      }
      abstracts.set(id, levels);
    });
    $('w\\:num').each((_, el) => {
      if (el.type !== 'tag') return;
      const id = el.attribs['w:numId'];
      const abstractId = valOf(firstChild(el, 'w:abstractNumId'));
      if (id === undefined || abstractId === undefined) return;
      const startOverrides = new Map<number, number>();
      for (const o of xmlChildren(el, 'w:lvlOverride')) {
        const start = valOf(firstChild(o, 'w:startOverride'));
        if (start !== undefined) startOverrides.set(intOr(o.attribs['w:ilvl'], 0), intOr(start, 1));
      }
      nums.set(id, { abstractId, startOverrides });
    });
  }

  if (stylesXml) {
    const $ = cheerio.load(stylesXml, { xml: true });
    const raw = new Map<string, { basedOn?: string; numId?: string; ilvl?: number }>();
    $('w\\:style').each((_, el) => {
      if (el.type !== 'tag' || el.attribs['w:type'] !== 'paragraph') return;
      const id = el.attribs['w:styleId'];
      if (!id) return;
      const numPr = $(el).find('w\\:pPr > w\\:numPr').get(0);
      const entry: { basedOn?: string; numId?: string; ilvl?: number } = {};
      const basedOn = valOf(firstChild(el, 'w:basedOn'));
      if (basedOn) entry.basedOn = basedOn;
      if (numPr && numPr.type === 'tag') {
        const numId = valOf(firstChild(numPr, 'w:numId'));
        if (numId !== undefined) entry.numId = numId;
        const ilvl = valOf(firstChild(numPr, 'w:ilvl'));
        if (ilvl !== undefined) entry.ilvl = intOr(ilvl, 0);
      }
      raw.set(id, entry);
    });
    for (const id of raw.keys()) {
      let at: string | undefined = id;
      const seen = new Set<string>();
      while (at && !seen.has(at)) {
        seen.add(at);
        const s = raw.get(at);
        if (s?.numId !== undefined) {
          const link = pStyleLinks.get(id);
          styleNumbering.set(id, { numId: s.numId, ilvl: s.ilvl ?? link?.ilvl ?? 0 });
          break;
        }
        at = s?.basedOn;
      }
    }
  }
  for (const [styleId, link] of pStyleLinks)
    if (!styleNumbering.has(styleId)) styleNumbering.set(styleId, { abstractId: link.abstractId, ilvl: link.ilvl });
  return { abstracts, nums, styleNumbering };
}

const { chineseDigits: CHINESE_DIGITS, circled: CIRCLED, parenthesized: PARENTHESIZED, tiangan: TIANGAN, dizhi: DIZHI } = LIST_GLYPHS;

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五: how Word's chineseCounting writes them. */
function chineseCounting(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      zero = out.length > 0;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === '十' && out === '' ? '' : CHINESE_DIGITS[d]) + unit;
  });
  return out;
}

function letters(n: number, upper: boolean): string {
  if (n <= 0) return String(n);
  const ch = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) ((out += s), (n -= v));
  return out;
}

function formatCounter(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographDigital':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalEnclosedParen':
      return PARENTHESIZED[n - 1] ?? `(${n})`;
    case 'ideographTraditional':
      return TIANGAN[n - 1] ?? String(n);
    case 'ideographZodiac':
      return DIZHI[n - 1] ?? String(n);
    case 'upperLetter':
      return letters(n, true);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}

/** A paragraph of document.xml in document order: its text and its list label, if numbered. */
interface NumberedParagraph {
  text: string;
  label?: string;
}

/**
 * Walks document.xml and computes each paragraph's list label. Counters are kept per abstract
 * numbering, as Word does (lists sharing an abstractNum continue each other unless a w:num
 * restarts a level with startOverride); numbering a level restarts all deeper levels.
 */
function labelParagraphs(documentXml: string, defs: NumberingDefs): NumberedParagraph[] {
  const $ = cheerio.load(documentXml, { xml: true });
  const counters = new Map<string, (number | undefined)[]>();
  const lastNum = new Map<string, string>();
  const out: NumberedParagraph[] = [];

  const paragraphText = (p: Element): string => {
    const parts: string[] = [];
    const visit = (node: XmlNode): void => {
      if (node.type !== 'tag') return;
      if (node.name === 'w:p' && node !== p) return;
      if (node.name === 'w:t') parts.push($(node).text());
      else node.children.forEach(visit);
    };
    visit(p);
    return parts.join('');
  };

  const labelFor = (p: Element): string | undefined => {
    const pPr = firstChild(p, 'w:pPr');
    const numPr = pPr && firstChild(pPr, 'w:numPr');
    const styleId = pPr && valOf(firstChild(pPr, 'w:pStyle'));
    const fromStyle = styleId !== undefined ? defs.styleNumbering.get(styleId) : undefined;
    let numId = numPr ? valOf(firstChild(numPr, 'w:numId')) : undefined;
    let ilvl = numPr ? intOr(valOf(firstChild(numPr, 'w:ilvl')), fromStyle?.ilvl ?? 0) : (fromStyle?.ilvl ?? 0);
    let abstractId: string | undefined;
    if (numId === '0') return undefined;
    if (numId === undefined) {
      numId = fromStyle?.numId;
      abstractId = fromStyle?.abstractId;
    }
    if (numId !== undefined) abstractId = defs.nums.get(numId)?.abstractId;
    if (abstractId === undefined) return undefined;
    const levels = defs.abstracts.get(abstractId);
    const level = levels?.get(ilvl);
    if (!levels || !level || level.numFmt === 'bullet') return undefined;
    ilvl = Math.max(0, Math.min(ilvl, 8));

    let counts = counters.get(abstractId);
    if (!counts) counters.set(abstractId, (counts = []));
    const num = numId !== undefined ? defs.nums.get(numId) : undefined;
    if (numId !== undefined && lastNum.get(abstractId) !== numId) {
      lastNum.set(abstractId, numId);
      for (const [l, start] of num?.startOverrides ?? []) counts[l] = start - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    for (let d = ilvl + 1; d < 9; d++) counts[d] = undefined;

    const label = level.lvlText.replace(/%([1-9])/g, (_, k: string) => {
      const l = Number(k) - 1;
      const def = levels.get(l);
      const value = counts[l] ?? def?.start ?? 1;
      return formatCounter(value, level.isLgl && l !== ilvl ? 'decimal' : (def?.numFmt ?? 'decimal'));
    });
    if (!label.trim()) return undefined;
    // A tab or space after "1." reads as a space; after 一、 or （一） no space is written.
    return level.suffix !== 'nothing' && /[\x21-\x7e]$/.test(label) ? `${label} ` : label;
  };

  const visit = (node: XmlNode): void => {
    if (node.type !== 'tag') return;
    if (node.name === 'mc:Choice') return;
    if (node.name === 'w:p') {
      const label = labelFor(node);
      out.push({ text: paragraphText(node), ...(label ? { label } : {}) });
    }
    node.children.forEach(visit);
  };
  $.root()
    .children()
    .each((_, el) => visit(el));
  return out;
}

// ---------------------------------------------------------------------------------------------
// mammoth document tree (untyped JavaScript objects)

interface MammothNode {
  type: string;
  value?: string;
  children?: MammothNode[];
  alignment?: string | null;
  styleName?: string | null;
  styleId?: string | null;
}

function mammothText(node: MammothNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(mammothText).join('');
}

function mammothParagraphs(node: MammothNode, out: MammothNode[] = []): MammothNode[] {
  if (node.type === 'paragraph') out.push(node);
  for (const child of node.children ?? []) mammothParagraphs(child, out);
  return out;
}

function prependText(paragraph: MammothNode, label: string): boolean {
  const first = (node: MammothNode): MammothNode | undefined => {
    if (node.type === 'text') return node;
    for (const child of node.children ?? []) {
      const found = first(child);
      if (found) return found;
    }
    return undefined;
  };
  const text = first(paragraph);
  if (!text) return false;
  text.value = label + (text.value ?? '');
  return true;
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/**
 * Puts list labels back, matching mammoth's paragraphs to document.xml's by text in order (mammoth
 * skips some containers, so positions alone could drift). Returns how many labels were placed.
 */
function applyLabels(document: MammothNode, labelled: NumberedParagraph[]): number {
  let placed = 0;
  let j = 0;
  for (const paragraph of mammothParagraphs(document)) {
    const text = squash(mammothText(paragraph));
    if (!text) continue;
    let k = j;
    while (k < labelled.length && k < j + 50 && squash(labelled[k]!.text) !== text) k++;
    if (k >= labelled.length || k >= j + 50) continue;
    const label = labelled[k]!.label;
    if (label && prependText(paragraph, label)) placed++;
    j = k + 1;
  }
  return placed;
}

/**
 * Many reports set their title as a centred plain paragraph. The first non-empty paragraph is read
 * as the title when it is centred, short, has no sentence punctuation and is not numbered.
 */
function markCentredTitle(document: MammothNode): void {
  const first = mammothParagraphs(document).find((p) => squash(mammothText(p)) !== '');
  if (!first || (first.styleName && /heading|title|标题|list|toc|目录/i.test(first.styleName))) return;
  const text = squash(mammothText(first));
  if (first.alignment !== 'center' || text.length > 80 || text.length < 6 || /[。；！？：:]/.test(text)) return;
  if (/^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|附件)/.test(text)) return;
  first.styleName = 'Title';
}

// ---------------------------------------------------------------------------------------------

function decodeUtf8(bytes: Uint8Array | undefined): string | undefined {
  return bytes ? new TextDecoder('utf-8').decode(bytes) : undefined;
}

async function readCoreProperties(bytes: Uint8Array, file: string | undefined): Promise<RawDocument['meta']> {
  const meta: NonNullable<RawDocument['meta']> = {};
  const core = decodeUtf8(await readZipEntry(bytes, 'docProps/core.xml', { fileName: file }));
  if (core) {
    const $ = cheerio.load(core, { xml: true });
    const pick = (selector: string) => $(selector).first().text().trim() || undefined;
    const title = pick('dc\\:title');
    const author = pick('dc\\:creator');
    const created = pick('dcterms\\:created');
    if (title) meta.title = title;
    if (author) meta.author = author;
    if (created) meta.created = created;
  }
  const app = decodeUtf8(await readZipEntry(bytes, 'docProps/app.xml', { fileName: file }));
  if (app) {
    const producer = cheerio.load(app, { xml: true })('Application').first().text().trim();
    if (producer) meta.producer = producer;
  }
  return Object.keys(meta).length > 0 ? meta : undefined;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Reads a DOCX into headings, paragraphs and tables on one page. */
export async function readDocx(bytes: Uint8Array, options: ReadOptions = {}): Promise<RawDocument> {
  const file = options.fileName;
  if (bytes.length === 0) throw new EmptyFileError('the file is empty', { file });
  if (options.maxBytes !== undefined && bytes.length > options.maxBytes)
    throw new FileTooLargeError(`the file has ${bytes.length} bytes, over the limit of ${options.maxBytes}`, { file });
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    if (isEncryptedOoxml(bytes)) throw new EncryptedFileError('the DOCX is password-protected', { file });
    throw new UnsupportedFormatError('an OLE compound file (legacy .doc?), not a DOCX', { file });
  }
  await assertZipSafe(bytes, {
    maxUncompressedBytes: options.maxUncompressedBytes ?? DEFAULT_DOCX_MAX_UNCOMPRESSED_BYTES,
    ...(file !== undefined ? { fileName: file } : {}),
  });

  const warnings: string[] = [];
  let meta: RawDocument['meta'];
  let labelled: NumberedParagraph[] = [];
  try {
    meta = await readCoreProperties(bytes, file);
    const documentXml = decodeUtf8(await readZipEntry(bytes, 'word/document.xml', { fileName: file }));
    const numberingXml = decodeUtf8(await readZipEntry(bytes, 'word/numbering.xml', { fileName: file }));
    if (documentXml && numberingXml) {
      const stylesXml = decodeUtf8(await readZipEntry(bytes, 'word/styles.xml', { fileName: file }));
      labelled = labelParagraphs(documentXml, parseNumbering(numberingXml, stylesXml));
    }
  } catch (error) {
    if (error instanceof JixiaoError) throw error;
    // Metadata and list labels are extras: a part we cannot parse must not lose the text.
    warnings.push(`could not read list numbering or properties: ${(error as Error).message}`);
  }

  let html: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const result = await mammoth.convertToHtml(
      { buffer },
      {
        styleMap: STYLE_MAP,
        // Images cannot carry report text we could read; skip them instead of inlining base64.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        transformDocument: (document: MammothNode) => {
          markCentredTitle(document);
          if (labelled.some((p) => p.label)) {
            const placed = applyLabels(document, labelled);
            if (placed > 0) warnings.push(`${placed} automatic list number(s) restored from numbering.xml`);
          }
          return document;
        },
      } as Parameters<typeof mammoth.convertToHtml>[1],
    );
    html = result.value;
    for (const m of result.messages) {
      const text = `mammoth ${m.type}: ${m.message}`;
      if (!warnings.includes(text)) warnings.push(text);
    }
  } catch (error) {
    if (error instanceof JixiaoError) throw error;
    throw new CorruptFileError(`not a readable DOCX: ${(error as Error).message}`, { file, cause: error });
  }

  const $ = cheerio.load(html);
  // Footnote markers ([1]) and their back-links would read as figures.
  $('sup:has(a[href^="#footnote-"]), sup:has(a[href^="#endnote-"]), a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]').remove();
  $('sup:has(a[href^="#comment-"])').remove();
  const body = $('body').get(0);
  const roots = body ? [body] : [];
  const collected = collectHtmlBlocks(roots as Element[], { titleClass: TITLE_CLASS });
  warnings.push(...collected.warnings);

  const blocks = collected.blocks;
  const chars = blocks.reduce(
    (n, b) =>
      n +
      (b.kind === 'table'
        ? b.rows.reduce((m, row) => m + row.reduce((k, c) => k + squash(c.text).length, 0), 0)
        : squash(b.text).length),
    0,
  );
  return {
    format: 'docx',
    pages: [{ number: 1, chars, needsOcr: false }],
    blocks,
    warnings,
    ...(meta ? { meta } : {}),
  };
}
