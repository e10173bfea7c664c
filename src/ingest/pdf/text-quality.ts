/**
 * Is a page's text layer usable, or must the page be OCRed? Scans have no text layer; fonts
 * without a usable ToUnicode map give U+FFFD, private-use code points, or Latin-1 soup where the
 * page is Chinese.
 */
import { codeClass } from '../../extract/char-class.js';

/** Why a page needs OCR (PageInfo.ocrReason). */
export type OcrReason = 'empty' | 'replacement_chars' | 'no_cjk';

export interface TextQuality {
  /** Non-whitespace characters in the text layer. */
  chars: number;
  needsOcr: boolean;
  ocrReason?: OcrReason;
}

const CJK_IDEOGRAPH = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
/** Characters a Chinese report legitimately has besides ideographs: digits, Latin, punctuation. */
const PLAIN = /[0-9A-Za-z.,;:%()\-+/*=<>'"\u3000-\u303f\uff00-\uffef\u2014\u2026\u00b7\u201c\u201d\u2018\u2019\u2160-\u216f\u2460-\u24ff]/u;

/** Share of U+FFFD (or unmapped glyphs) above which the whole page is unusable. */
const MAX_REPLACEMENT_SHARE = 0.02;
/** Pages with fewer characters are judged on U+FFFD only (a page number, a caption). */
const MIN_CHARS_FOR_CJK_CHECK = 20;
/** Below this share of ideographs a page "should" not be in a Chinese report … */
const MIN_CJK_SHARE = 0.1;
/** … unless it is mostly digits, Latin letters and punctuation (a table of figures, an English term list). */
const MIN_PLAIN_SHARE = 0.6;

/** Unmapped glyphs: U+FFFD, private-use code points, C0/C1 controls. */
export function isBrokenChar(ch: string): boolean {
  return isBrokenCode(ch.codePointAt(0) ?? 0);
}

/** isBrokenChar of a code point. */
function isBrokenCode(cp: number): boolean {
  return cp === 0xfffd || (cp >= 0xe000 && cp <= 0xf8ff) || cp < 0x09 || (cp > 0x0d && cp < 0x20) || (cp >= 0x7f && cp < 0xa0);
}

/** Any character isBrokenChar calls unmapped (most texts have none). */
const ANY_BROKEN = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ue000-\uf8ff\ufffd]/u;

// The classes by UTF-16 code: every range of them is in the BMP, so a character beyond it (a
// surrogate pair) is in none; a lone surrogate is tested as the one-code string it is.
const isSpaceCode = codeClass(/\s/u);
const isCjkCode = codeClass(CJK_IDEOGRAPH);
const isPlainCode = codeClass(PLAIN);

export function assessTextQuality(text: string): TextQuality {
  let chars = 0;
  let broken = 0;
  let cjk = 0;
  let plain = 0;
  // Code point by code point, as `for (const ch of text)` reads it, without a string a character
  // and a regex run for each (a page's text is thousands of characters, on every page read).
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        // Beyond the BMP: not white space, not unmapped, neither CJK nor plain.
        i++;
        chars++;
        continue;
      }
    }
    if (isSpaceCode(code)) continue;
    chars++;
    if (isBrokenCode(code)) broken++;
    else if (isCjkCode(code)) cjk++;
    else if (isPlainCode(code)) plain++;
  }
  if (chars === 0) return { chars, needsOcr: true, ocrReason: 'empty' };
  if (broken > 0 && (broken / chars > MAX_REPLACEMENT_SHARE || broken >= 10)) {
    return { chars, needsOcr: true, ocrReason: 'replacement_chars' };
  }
  if (chars > MIN_CHARS_FOR_CJK_CHECK && cjk / chars < MIN_CJK_SHARE && plain / chars < MIN_PLAIN_SHARE) {
    return { chars, needsOcr: true, ocrReason: 'no_cjk' };
  }
  return { chars, needsOcr: false };
}

/** Whether `text` has a character isBrokenChar calls unmapped (one regex run, not one a character). */
export function hasBrokenChars(text: string): boolean {
  return ANY_BROKEN.test(text);
}

/** Removes the few unmapped glyphs a usable page may still carry. */
export function stripBrokenChars(text: string): string {
  if (!hasBrokenChars(text)) return text;
  let out = '';
  for (const ch of text) if (!isBrokenChar(ch)) out += ch;
  return out;
}
