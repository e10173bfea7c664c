/**
 * jieba's main dictionary (349,000 words, 5 MB) without loading all of it into nodejieba.
 *
 * Loading it whole takes about 1.4 s of CPU and 240 MiB (nodejieba builds its trie twice), yet
 * jixiao tags a few short clauses around counts. What cppjieba makes of a text depends on only
 * three things from the main dictionary (DictTrie.hpp, MPSegment.hpp, PosTagger.hpp): the words
 * that occur in the text, the sum of all frequencies (each weight is log(freq / sum)) and the
 * smallest frequency (the weight of a character that is no word). So a dictionary holding the
 * words found in the texts to tag, plus two sentinel entries that restore the sum and the
 * minimum, gives the same words and tags as the whole one, for those texts.
 *
 * Finding the words of a text needs the dictionary sorted: a copy sorted by UTF-8 bytes is made at
 * build time (dict/jieba-sorted.utf8, see `writeSortedDictionary`) and searched by binary search
 * without parsing it; when it is missing or stale it is made in memory (about a second).
 */
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';

const require = createRequire(import.meta.url);

export const SORTED_DICT_PATH = fileURLToPath(new URL('../../dict/jieba-sorted.utf8', import.meta.url));

/** nodejieba's own main dictionary, as `nodejieba.load()` reads it by default. */
export function sourceDictionaryPath(): string {
  return join(require.resolve('nodejieba').replace(/index\.js$/u, ''), 'submodules', 'cppjieba', 'dict', 'jieba.dict.utf8');
}

/** The first line of the sorted copy: what it was made from and what a subset must restore. */
interface SortedHeader {
  version: 1;
  /** Byte length of the source dictionary: a different nodejieba makes the copy stale. */
  sourceBytes: number;
  /** Sum of every frequency in the source (cppjieba's freq_sum_). */
  sum: number;
  /** Smallest frequency in the source (gives cppjieba's min_weight_). */
  minFreq: number;
  /** Longest word, in code points. */
  maxWordLength: number;
  /** Byte length of the lines after the header: a copy cut short is not used. */
  bodyBytes: number;
}

export interface SortedDictionary extends SortedHeader {
  /** The file: a header line, then `word freq tag` lines sorted by the word's UTF-8 bytes. */
  bytes: Buffer;
  /** Byte offset of the first word line. */
  first: number;
}

const SPACE = 0x20;
const NEWLINE = 0x0a;

/** Sorts the source dictionary's lines by word (UTF-8 bytes) under a header line. */
export function sortDictionary(source: Buffer): Buffer {
  const lines = source.toString('utf8').split('\n').filter((l) => l.trim() !== '');
  let sum = 0;
  let minFreq = Infinity;
  let maxWordLength = 0;
  const entries = lines.map((line) => {
    const [word, freq, tag] = line.split(' ');
    if (!word || freq === undefined || tag === undefined) throw new Error(`jieba dictionary line not "word freq tag": ${line}`);
    const f = Number(freq);
    sum += f;
    minFreq = Math.min(minFreq, f);
    maxWordLength = Math.max(maxWordLength, Array.from(word).length);
    return { key: Buffer.from(word, 'utf8'), line };
  });
  // A word listed twice counts twice in the sum, and its last line is the one cppjieba keeps.
  const lastOf = new Map<string, { key: Buffer; line: string }>();
  for (const e of entries) lastOf.set(e.key.toString('latin1'), e);
  const sorted = [...lastOf.values()].sort((a, b) => Buffer.compare(a.key, b.key));
  const body = Buffer.from(`${sorted.map((e) => e.line).join('\n')}\n`, 'utf8');
  const header: SortedHeader = { version: 1, sourceBytes: source.byteLength, sum, minFreq, maxWordLength, bodyBytes: body.byteLength };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), body]);
}

/** Writes dict/jieba-sorted.utf8 (run by `npm run build`). */
export function writeSortedDictionary(path = SORTED_DICT_PATH): void {
  writeWhole(path, sortDictionary(readFileSync(sourceDictionaryPath())));
}

/** Writes a file under another name, then renames it: a thread reading meanwhile sees no half file. */
function writeWhole(path: string, bytes: Buffer): void {
  const temporary = `${path}.${process.pid}.${threadId}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
}

/** The sorted dictionary: the built copy when it matches nodejieba's, else made now (and saved when possible). */
export function openSortedDictionary(path = SORTED_DICT_PATH): SortedDictionary {
  const sourcePath = sourceDictionaryPath();
  const sourceBytes = statSync(sourcePath).size;
  let bytes: Buffer | undefined = existsSync(path) ? readFileSync(path) : undefined;
  let header = bytes ? parseHeader(bytes) : undefined;
  if (!bytes || !header || header.sourceBytes !== sourceBytes || bytes.length - bytes.indexOf(NEWLINE) - 1 !== header.bodyBytes) {
    bytes = sortDictionary(readFileSync(sourcePath));
    header = parseHeader(bytes)!;
    try {
      writeWhole(path, bytes);
    } catch {
      // A read-only install: the copy made in memory serves this process.
    }
  }
  return { ...header, bytes, first: bytes.indexOf(NEWLINE) + 1 };
}

function parseHeader(bytes: Buffer): SortedHeader | undefined {
  const end = bytes.indexOf(NEWLINE);
  try {
    const header = JSON.parse(bytes.subarray(0, end).toString('utf8')) as SortedHeader;
    return header.version === 1 ? header : undefined;
  } catch {
    return undefined;
  }
}

/** Compares the word of the line at `start` with `key`: < 0 when the word sorts first. */
function compareWord(bytes: Buffer, start: number, key: Uint8Array): number {
  for (let k = 0; ; k++) {
    const b = bytes[start + k]!;
    const wordEnded = b === SPACE;
    if (k === key.length) return wordEnded ? 0 : 1;
    if (wordEnded) return -1;
    if (b !== key[k]) return b - key[k]!;
  }
}

/**
 * Byte offset of the first line whose word is not below `key` (the file's length when none is).
 * Binary search on byte offsets, each probe moved back to the start of its line: no index of the
 * 349,000 lines is built.
 */
function lowerBound(dict: SortedDictionary, key: Uint8Array): number {
  const { bytes } = dict;
  let lo = dict.first;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // lo starts a line, so the line holding byte mid starts at lo or after it.
    const start = bytes.lastIndexOf(NEWLINE, mid - 1) + 1;
    if (compareWord(bytes, start, key) < 0) {
      const end = bytes.indexOf(NEWLINE, start);
      lo = end < 0 ? bytes.length : end + 1;
    } else hi = start;
  }
  return lo;
}

function startsWithKey(bytes: Buffer, start: number, key: Uint8Array): boolean {
  for (let k = 0; k < key.length; k++) if (bytes[start + k] !== key[k]) return false;
  return true;
}

/**
 * Where each key (its UTF-8 bytes read as latin1) starts in the dictionary, for the keys one text
 * or document asks again and again: a text's characters and pairs repeat (a 178-page 决算 asks
 * about 2 of every 3 keys again), and a map lookup costs less than the binary search's probes.
 * Cleared when it grows past MAX_MEMO_KEYS (a few MB: a batch of documents keeps no more).
 */
const MEMO = new WeakMap<SortedDictionary, Map<string, number>>();
const MAX_MEMO_KEYS = 50_000;

function lowerBoundOf(dict: SortedDictionary, memo: Map<string, number>, utf8: Buffer, from: number, to: number): number {
  const id = utf8.toString('latin1', from, to);
  let start = memo.get(id);
  if (start === undefined) {
    start = lowerBound(dict, utf8.subarray(from, to));
    memo.set(id, start);
  }
  return start;
}

/** Lines (`word freq tag`) of every dictionary word that occurs in `text`, added to `into`. */
export function collectWords(dict: SortedDictionary, text: string, into: Set<string>): void {
  const utf8 = Buffer.from(text, 'utf8');
  // Byte offset of each code point, and one past the end.
  const at: number[] = [];
  for (let i = 0; i < utf8.length; i++) if ((utf8[i]! & 0xc0) !== 0x80) at.push(i);
  at.push(utf8.length);
  const points = at.length - 1;
  let memo = MEMO.get(dict);
  if (!memo || memo.size > MAX_MEMO_KEYS) MEMO.set(dict, (memo = new Map()));
  for (let i = 0; i < points; i++) {
    const last = Math.min(points, i + dict.maxWordLength);
    for (let j = i + 1; j <= last; j++) {
      const key = utf8.subarray(at[i], at[j]);
      const start = lowerBoundOf(dict, memo, utf8, at[i]!, at[j]!);
      if (start >= dict.bytes.length) break;
      // No word begins with these characters: none longer will either.
      if (!startsWithKey(dict.bytes, start, key)) break;
      if (dict.bytes[start + key.length] === SPACE) {
        const end = dict.bytes.indexOf(NEWLINE, start);
        into.add(dict.bytes.toString('utf8', start, end < 0 ? dict.bytes.length : end));
      }
    }
  }
}

/**
 * The tag of `word` as the dictionary has it (the third field of its line), undefined when it is
 * no word of the dictionary.
 */
export function tagInDictionary(dict: SortedDictionary, word: string): string | undefined {
  const { bytes } = dict;
  const key = Buffer.from(word, 'utf8');
  const start = lowerBound(dict, key);
  if (start >= bytes.length || compareWord(bytes, start, key) !== 0) return undefined;
  const tagStart = bytes.indexOf(SPACE, start + key.length + 1) + 1;
  const end = bytes.indexOf(NEWLINE, tagStart);
  return bytes.toString('utf8', tagStart, end < 0 ? bytes.length : end);
}

/**
 * Never in a text: U+FDD0–U+FDDF are Unicode noncharacters. Two such words carry the frequency
 * mass that a subset leaves out, so that every kept word keeps its weight.
 */
const SENTINEL_MIN = '\uFDD0\uFDD1\uFDD2\uFDD3\uFDD4\uFDD5\uFDD6\uFDD7';
const SENTINEL_REST = '\uFDD8\uFDD9\uFDDA\uFDDB\uFDDC\uFDDD\uFDDE\uFDDF';

/**
 * A main dictionary for nodejieba holding `lines` (a subset of the dictionary's) that segments and
 * tags every text whose words they hold as the whole dictionary does; undefined when no such
 * subset exists (the words left out weigh less than the smallest frequency).
 */
export function subsetDictionary(dict: SortedDictionary, lines: Iterable<string>): string | undefined {
  const kept = [...lines];
  let keptSum = 0;
  for (const line of kept) keptSum += Number(line.split(' ')[1]);
  const rest = dict.sum - keptSum - dict.minFreq;
  if (rest < 0 || (rest > 0 && rest < dict.minFreq)) return undefined;
  kept.push(`${SENTINEL_MIN} ${dict.minFreq} x`);
  if (rest > 0) kept.push(`${SENTINEL_REST} ${rest} x`);
  return `${kept.join('\n')}\n`;
}
