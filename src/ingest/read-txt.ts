import { createRequire } from 'node:module';
import type { Block, RawDocument, ReadOptions } from './document.js';
import { EmptyFileError, FileTooLargeError } from '../errors.js';

export interface DecodedText {
  text: string;
  /** utf-8, utf-16le, utf-16be or gb18030. */
  encoding: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes report text. Order matters: a BOM is authoritative; otherwise strict UTF-8 (GB18030
 * byte pairs are almost never valid UTF-8, so a clean UTF-8 decode is reliable), then UTF-16
 * recognised by its NUL pattern, and GB18030 — a superset of GBK and GB2312 — last.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8, or UTF-8 cut inside its last character: see below
  }
  try {
    // A file cut short (a download, `head -c`) ends inside a character: decoded as a stream, the
    // incomplete tail is held back rather than failing, and it becomes one U+FFFD instead of the
    // whole text being misread as GB18030.
    return { text: `${new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true })}\ufffd`, encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through
  }
  const utf16 = guessUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  // iconv-lite loads here, for the few GB18030 files, not at start-up for every command.
  const iconv = createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite');
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'), encoding: 'gb18030' };
}

function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 === 0 ? evenNul++ : oddNul++);
  const pairs = n / 2;
  if (oddNul / pairs > 0.3 && evenNul === 0) return 'utf-16le';
  if (evenNul / pairs > 0.3 && oddNul === 0) return 'utf-16be';
  return null;
}

/**
 * Plain text: one paragraph block per non-empty line. Lines are not joined here: text dumps cut
 * sentences at page and line breaks, and `normalize/` re-joins them with its offset map.
 */
export function readTxt(bytes: Uint8Array, options: ReadOptions = {}): RawDocument {
  const file = options.fileName;
  if (bytes.length === 0) throw new EmptyFileError('the file is empty', { file });
  if (options.maxBytes !== undefined && bytes.length > options.maxBytes)
    throw new FileTooLargeError(`the file has ${bytes.length} bytes, over the limit of ${options.maxBytes}`, { file });
  const { text, encoding } = decodeText(bytes);
  const blocks: Block[] = [];
  let chars = 0;
  for (const line of text.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    // trim() removes exactly \s (which includes U+3000 and U+FEFF) and, unlike /\s+$/, stays linear
    // on a line holding a long run of spaces or tabs.
    const trimmed = line.trim();
    if (!trimmed) continue;
    // Form feeds are page breaks in text dumps; they are not content.
    const clean = trimmed.replace(/\f/g, '');
    if (!clean) continue;
    chars += clean.replace(/\s/g, '').length;
    blocks.push({ kind: 'paragraph', text: clean, page: 1 });
  }
  if (chars === 0) throw new EmptyFileError('the file holds only whitespace', { file });
  const warnings = text.includes('\ufffd') ? ['the text contains U+FFFD replacement characters'] : [];
  return { format: 'txt', encoding, pages: [{ number: 1, chars, needsOcr: false }], blocks, warnings };
}
