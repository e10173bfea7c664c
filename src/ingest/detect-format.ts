import type { SourceFormat } from './document.js';

/**
 * What the bytes are. The file name is only a hint: reports are re-published under wrong
 * extensions (a .doc that is really DOCX, a .pdf saved as .txt), so magic numbers win.
 */
export interface DetectedFormat {
  format: SourceFormat | 'encrypted-ooxml' | 'unknown';
  /** Text encoding signalled by a byte-order mark, when there is one. */
  bom?: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** Why the format was chosen (shown by `jixiao read`). */
  reason: string;
}

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((b, i) => bytes[at + i] === b);
}

function indexOfAscii(bytes: Uint8Array, needle: string, from = 0, to = bytes.length): number {
  const first = needle.charCodeAt(0);
  const end = Math.min(to, bytes.length) - needle.length;
  outer: for (let i = from; i <= end; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

export function extensionOf(fileName: string | undefined): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName ?? '');
  return m ? m[1]!.toLowerCase() : '';
}

/** Detects the format of a file from its bytes, using `fileName` only to break ties. */
export function detectFormat(bytes: Uint8Array, fileName?: string): DetectedFormat {
  const ext = extensionOf(fileName);
  // PDF writers may put junk before the header; pdf.js accepts it within the first KiB.
  if (indexOfAscii(bytes, '%PDF-', 0, 1024) >= 0) return { format: 'pdf', reason: '%PDF- header' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // Entry names are stored uncompressed in local headers and the central directory.
    if (indexOfAscii(bytes, 'word/') >= 0) return { format: 'docx', reason: 'ZIP with word/ part' };
    if (indexOfAscii(bytes, 'xl/') >= 0) return { format: 'xlsx', reason: 'ZIP with xl/ part' };
    return { format: 'unknown', reason: 'ZIP archive without a Word or Excel part' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // OLE compound file: legacy .doc/.xls, or a password-protected OOXML package.
    const utf16 = (s: string) => Array.from(s).flatMap((c) => [c.charCodeAt(0), 0]);
    const hay = (s: string) => indexOfAscii(bytes, String.fromCharCode(...utf16(s))) >= 0;
    if (hay('EncryptedPackage')) return { format: 'encrypted-ooxml', reason: 'OLE file with EncryptedPackage' };
    if (hay('WordDocument')) return { format: 'doc', reason: 'OLE file with WordDocument stream' };
    if (hay('Workbook') || hay('Book')) return { format: 'xls', reason: 'OLE file with Workbook stream' };
    if (ext === 'doc' || ext === 'wps') return { format: 'doc', reason: 'OLE file, .doc name' };
    if (ext === 'xls' || ext === 'et') return { format: 'xls', reason: 'OLE file, .xls name' };
    return { format: 'unknown', reason: 'OLE compound file of unknown kind' };
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return { format: 'image', reason: 'PNG signature' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { format: 'image', reason: 'JPEG signature' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return { format: 'image', reason: 'TIFF signature' };
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return { format: 'unknown', reason: 'RTF document' };

  let bom: DetectedFormat['bom'];
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) bom = 'utf-8';
  else if (startsWith(bytes, [0xff, 0xfe])) bom = 'utf-16le';
  else if (startsWith(bytes, [0xfe, 0xff])) bom = 'utf-16be';

  if (!bom && looksBinary(bytes)) return { format: 'unknown', reason: 'binary data of no known format' };
  const head = sniffHead(bytes, bom);
  if (/<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s[^>]*charset/i.test(head) || ext === 'html' || ext === 'htm') {
    if (/</.test(head)) return { format: 'html', ...(bom ? { bom } : {}), reason: 'HTML markup' };
  }
  return { format: 'txt', ...(bom ? { bom } : {}), reason: bom ? `text with ${bom} BOM` : 'text' };
}

/** Control bytes other than whitespace are rare in text; UTF-16 without BOM shows many NULs. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  if (n === 0) return false;
  let control = 0;
  let nul = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) nul++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  // UTF-16 text without a BOM: every other byte NUL for ASCII, never for CJK only; let the
  // text reader decide when the NULs sit in a regular pattern.
  if (nul > 0 && nul / n > 0.2 && isUtf16Pattern(bytes, n)) return false;
  return nul > 0 || control / n > 0.05;
}

function isUtf16Pattern(bytes: Uint8Array, n: number): boolean {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 === 0 ? even++ : odd++);
  return Math.min(even, odd) === 0;
}

function sniffHead(bytes: Uint8Array, bom: DetectedFormat['bom']): string {
  const slice = bytes.subarray(0, 2048);
  if (bom === 'utf-16le') return new TextDecoder('utf-16le').decode(slice);
  if (bom === 'utf-16be') return new TextDecoder('utf-16be').decode(slice);
  // latin1 keeps ASCII markup readable whatever the real encoding is.
  return new TextDecoder('latin1').decode(slice);
}
