/**
 * Legacy Word reader (.doc, Word 97–2003, also WPS .wps) through word-extractor. Its public
 * `getBody()` turns cell marks into tabs, exactly like real tab characters, and rewrites Chinese
 * quotes to ASCII; so the body is taken from its piece table before that cleaning, where cell
 * ends (0x07), row ends (the table-terminating paragraph, which word-extractor marks with a line
 * feed) and paragraph marks (0x0D) are still distinct, and tables can be rebuilt from them.
 */
import { createRequire } from 'node:module';
import type { Block, RawDocument, ReadOptions, TableCell } from './document.js';
import { CorruptFileError, EmptyFileError, EncryptedFileError, FileTooLargeError, JixiaoError, UnsupportedFormatError } from '../errors.js';

interface Piece {
  startCp: number;
  endCp: number;
  text: string;
}

interface WordDocumentLike {
  getFootnotes(options?: { filterUnicode?: boolean }): string;
  getEndnotes(options?: { filterUnicode?: boolean }): string;
}

interface OleExtractor {
  _pieces: Piece[];
  _boundaries: { ccpText: number };
  extract(reader: unknown): Promise<WordDocumentLike>;
  buildDocument(): WordDocumentLike;
  extractWordDocument(document: unknown, buffer: Buffer): Promise<WordDocumentLike>;
}

const require = createRequire(import.meta.url);
// Internal modules of word-extractor 1.0.4 (no exports map; the package has been stable since 2021).
const WordOleExtractor = require('word-extractor/lib/word-ole-extractor') as new () => OleExtractor;
const BufferReader = require('word-extractor/lib/buffer-reader') as new (buffer: Buffer) => { open(): Promise<void>; close(): Promise<void> };

/** FIB flag fEncrypted (FibBase, offset 0x0A, bit 8). */
const F_ENCRYPTED = 0x0100;
/** FIB wIdent of Word 97 and later; Word 6/95 files carry 0xA5DC. */
const WORD97_MAGIC = 0xa5ec;

class EncryptedDocSignal extends Error {}
class OldWordSignal extends Error {}

/** word-extractor's OLE extractor, keeping the raw body text of the main story. */
class RawBodyExtractor extends WordOleExtractor {
  rawBody = '';

  override extractWordDocument(document: unknown, buffer: Buffer): Promise<WordDocumentLike> {
    if (buffer.length >= 0x0c) {
      if (buffer.readUInt16LE(0) === WORD97_MAGIC && buffer.readUInt16LE(0x0a) & F_ENCRYPTED) return Promise.reject(new EncryptedDocSignal());
      if (buffer.readUInt16LE(0) !== WORD97_MAGIC) return Promise.reject(new OldWordSignal());
    }
    return super.extractWordDocument(document, buffer);
  }

  override buildDocument(): WordDocumentLike {
    this.rawBody = textRange(this._pieces, 0, this._boundaries.ccpText);
    return super.buildDocument();
  }
}

/** Characters [start, end) of the document, across pieces. */
function textRange(pieces: Piece[], start: number, end: number): string {
  const out: string[] = [];
  for (const piece of pieces) {
    const s = Math.max(start, piece.startCp);
    const e = Math.min(end, piece.endCp);
    if (s < e) out.push(piece.text.substring(s - piece.startCp, e - piece.startCp));
  }
  return out.join('');
}

/**
 * Reads a .doc: paragraphs of the main text in order, tables rebuilt from cell and row marks
 * (one cell per mark; merged cells are not recorded by the format's text, so spans are 1),
 * footnotes and endnotes as paragraphs at the end. One page.
 *
 * @throws EmptyFileError; FileTooLargeError over `maxBytes`; EncryptedFileError for a
 *   password-protected file; UnsupportedFormatError for non-OLE bytes and Word 6/95 files;
 *   CorruptFileError when the file cannot be parsed.
 */
export async function readDoc(bytes: Uint8Array, options: ReadOptions = {}): Promise<RawDocument> {
  const file = options.fileName;
  if (bytes.length === 0) throw new EmptyFileError('the document is empty', { file });
  if (options.maxBytes !== undefined && bytes.length > options.maxBytes)
    throw new FileTooLargeError(`the document has ${bytes.length} bytes, over the limit of ${options.maxBytes}`, { file });
  const isOle = bytes.length >= 512 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (!isOle) throw new UnsupportedFormatError('not a Word 97–2003 document (no OLE header)', { file });

  const extractor = new RawBodyExtractor();
  const reader = new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  let notes: string[];
  try {
    await reader.open();
    const document = await extractor.extract(reader);
    notes = [document.getFootnotes({ filterUnicode: false }), document.getEndnotes({ filterUnicode: false })];
  } catch (error) {
    throw toReadError(error, file);
  } finally {
    await reader.close();
  }

  const blocks = parseDocBody(extractor.rawBody);
  for (const note of notes)
    for (const line of note.split('\n')) {
      const text = line.trim();
      if (text !== '') blocks.push({ kind: 'paragraph', text, page: 1 });
    }
  let chars = 0;
  for (const b of blocks) chars += (b.kind === 'table' ? b.rows.flat().map((c) => c.text).join('') : b.text).replace(/\s/gu, '').length;
  return { format: 'doc', pages: [{ number: 1, chars, needsOcr: false }], blocks, warnings: [] };
}

function toReadError(error: unknown, file: string | undefined): JixiaoError {
  if (error instanceof JixiaoError) return error;
  if (error instanceof EncryptedDocSignal) return new EncryptedFileError('the Word document is password-protected', { file });
  if (error instanceof OldWordSignal) return new UnsupportedFormatError('Word 6/95 documents are not supported', { file });
  const detail = error instanceof Error ? error.message : String(error);
  return new CorruptFileError(`the Word document cannot be parsed: ${detail}`, { file, cause: error });
}

// ---------------------------------------------------------------------------------------------
// Body text → blocks (pure)

const PARA = '\r';
const CELL = '\u0007';
const ROW_END = '\n';
const PAGE_BREAK = '\f';

/** Keeps field results and drops field codes: \x13 code \x14 result \x15, nested. */
function stripFields(text: string): string {
  let out = text;
  let changed = true;
  while (changed) {
    changed = false;
    out = out.replace(/\u0013[^\u0013\u0014\u0015]*\u0014?([^\u0013\u0014\u0015]*)\u0015/gu, (_m, result: string) => {
      changed = true;
      return result;
    });
  }
  return out;
}

/** Inline characters of a paragraph or cell: line breaks, special marks, stray control codes. */
function cleanInline(text: string): string {
  return (
    text
      // Manual line break (Shift+Enter) and column break.
      .replace(/[\u000b\u000e]/gu, '\n')
      .replace(/\u001e/gu, '\u2011')
      // Optional hyphen, object anchors, footnote references, leftover field marks.
      .replace(/[\u0000-\u0006\u0008\u0013-\u0015\u001f]/gu, '')
      .trim()
  );
}

type Unit = { text: string; end: 'para' | 'cell' | 'row' };

/** Splits the body at paragraph, cell and row marks. */
function splitUnits(body: string): Unit[] {
  const units: Unit[] = [];
  let buffer = '';
  let lastEnd: Unit['end'] | undefined;
  for (const ch of body) {
    if (ch === PARA || ch === PAGE_BREAK) {
      units.push({ text: buffer, end: 'para' });
      lastEnd = 'para';
      buffer = '';
    } else if (ch === CELL) {
      units.push({ text: buffer, end: 'cell' });
      lastEnd = 'cell';
      buffer = '';
    } else if (ch === ROW_END && buffer === '' && lastEnd === 'cell') {
      // word-extractor writes a line feed over the row-end mark (a paragraph with sprmPFTtp).
      units.push({ text: '', end: 'row' });
      lastEnd = 'row';
    } else if (ch === ROW_END) {
      units.push({ text: buffer, end: 'para' });
      lastEnd = 'para';
      buffer = '';
    } else buffer += ch;
  }
  if (buffer !== '') units.push({ text: buffer, end: 'para' });
  return units;
}

/**
 * Turns the raw main-story text into blocks. Paragraphs ending in a cell mark are cells; a row
 * ends at the row mark. Within a row, paragraphs ending in a paragraph mark belong to the cell
 * they are in (a cell of several paragraphs). Between rows they belong to the next row's first
 * cell when a cell mark follows before any blank paragraph; otherwise (a blank line, ordinary
 * text) they close the table. A first cell of several paragraphs in a table's first row cannot be
 * told from a paragraph before the table: its leading paragraphs stay outside. Pure.
 */
export function parseDocBody(body: string): Block[] {
  const units = splitUnits(stripFields(body));
  const blocks: Block[] = [];
  let rows: string[][] = [];
  let row: string[] = [];
  let cellParas: string[] = [];

  const flushTable = (): void => {
    if (cellParas.length > 0) {
      row.push(cellParas.join('\n'));
      cellParas = [];
    }
    if (row.length > 0) rows.push(row);
    row = [];
    if (rows.length === 0) return;
    const cells: TableCell[][] = rows.map((r, ri) => r.map((text, ci) => ({ text: cleanInline(text), row: ri, col: ci, rowSpan: 1, colSpan: 1 })));
    blocks.push({ kind: 'table', rows: cells, page: 1 });
    rows = [];
  };
  /** Does the run of paragraph-mark units starting at i end in a cell mark, without a blank one? */
  const leadsIntoCell = (i: number): boolean => {
    for (let k = i; k < units.length; k++) {
      const u = units[k]!;
      if (u.end === 'cell') return true;
      if (u.end === 'row' || cleanInline(u.text) === '') return false;
    }
    return false;
  };

  units.forEach((unit, i) => {
    const midRow = row.length > 0 || cellParas.length > 0;
    const inTable = rows.length > 0 || midRow;
    if (unit.end === 'cell') {
      cellParas.push(unit.text);
      row.push(cellParas.join('\n'));
      cellParas = [];
    } else if (unit.end === 'row') {
      if (cellParas.length > 0) {
        row.push(cellParas.join('\n'));
        cellParas = [];
      }
      rows.push(row);
      row = [];
    } else if (midRow || (inTable && leadsIntoCell(i))) {
      cellParas.push(unit.text);
    } else {
      if (inTable) flushTable();
      const text = cleanInline(unit.text);
      if (text !== '') blocks.push({ kind: 'paragraph', text, page: 1 });
    }
  });
  flushTable();
  return blocks;
}
