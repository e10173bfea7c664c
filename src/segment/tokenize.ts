import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectWords, openSortedDictionary, subsetDictionary, tagInDictionary, type SortedDictionary } from './jieba-dictionary.js';

const require = createRequire(import.meta.url);

interface NodeJieba {
  load(options: { dict?: string; userDict?: string; idfDict?: string; stopWordDict?: string }): void;
  cut(text: string, hmm?: boolean): string[];
  tag(text: string): TaggedWord[];
}

/**
 * nodejieba with jixiao's dictionary of fiscal terms, so that 社会保障和就业支出 or 执行率 stay
 * whole. Not used for numbers: jieba splits "774" into digits (see extract/numbers.ts).
 * The dictionary ships in `dict/`; nodejieba aborts the whole process when a dictionary path
 * does not exist, so the path is checked first.
 *
 * jieba's main dictionary is not loaded whole at first: each load holds the words found in the
 * texts to cut (see jieba-dictionary.ts), which gives the same words and tags as the whole
 * dictionary for those texts at a twentieth of the time and memory. A process that goes on
 * meeting new words (a batch of documents) loads the whole dictionary after SUBSET_LOADS loads.
 */
export const FISCAL_DICT_PATH = fileURLToPath(new URL('../../dict/fiscal-terms.utf8', import.meta.url));

/** Loads of a dictionary subset before a thread loads the whole dictionary instead. */
const SUBSET_LOADS = 2;
const MAX_COVERED_TEXTS = 10_000;

interface JiebaState {
  nodejieba: NodeJieba;
  /** The sorted main dictionary while subsets are loaded; undefined once the whole one is. */
  sorted: SortedDictionary | undefined;
  /** Dictionary lines the loaded subset holds. */
  words: Set<string>;
  /** Texts the loaded dictionary is known to cover. */
  covered: Set<string>;
  subsetLoads: number;
  /** The sorted main dictionary that tags are looked up in, kept after the whole one is loaded. */
  tagSource: SortedDictionary | undefined;
  /** Tags of the fiscal dictionary's words, which nodejieba loads after (and over) the main one's. */
  userTags: Map<string, string>;
}

let state: JiebaState | undefined;

function jieba(): JiebaState {
  if (state) return state;
  const nodejieba = require('nodejieba') as NodeJieba;
  if (!existsSync(FISCAL_DICT_PATH)) throw new Error(`fiscal dictionary missing at ${FISCAL_DICT_PATH}`);
  // A user word without a frequency is weighted by the median of the main dictionary, which a
  // subset does not keep: such a dictionary needs the whole main one.
  const userLines = readFileSync(FISCAL_DICT_PATH, 'utf8').split('\n');
  const userLinesHaveFrequencies = userLines.every((l) => l.trim() === '' || l.trim().split(/\s+/u).length === 3);
  state = { nodejieba, sorted: undefined, words: new Set(), covered: new Set(), subsetLoads: 0, tagSource: undefined, userTags: userTagsOf(userLines) };
  if (userLinesHaveFrequencies) state.sorted = state.tagSource = openSortedDictionary();
  else loadWhole(state);
  return state;
}

/** nodejieba.load with `dict` (a path; nodejieba's default when undefined). */
function loadInto(s: JiebaState, dict: string | undefined): void {
  // The keyword extractor's IDF table (6 MB) and stop words are never used: one-line stand-ins.
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-jieba-'));
  try {
    const idfDict = join(dir, 'idf.utf8');
    const stopWordDict = join(dir, 'stop.utf8');
    writeFileSync(idfDict, '的 1\n');
    writeFileSync(stopWordDict, '的\n');
    let dictPath: string | undefined;
    if (dict !== undefined) {
      dictPath = join(dir, 'dict.utf8');
      writeFileSync(dictPath, dict);
    }
    s.nodejieba.load({ ...(dictPath ? { dict: dictPath } : {}), userDict: FISCAL_DICT_PATH, idfDict, stopWordDict });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function loadWhole(s: JiebaState): void {
  loadInto(s, undefined);
  s.sorted = undefined;
  s.words.clear();
  s.covered.clear();
}

/**
 * Makes the loaded dictionary cover `texts`: cutting or tagging any of them then gives what the
 * whole dictionary gives. One call with every text a document will cut saves reloads.
 */
export function loadWordsFor(texts: Iterable<string>): void {
  const s = jieba();
  if (!s.sorted) return;
  const fresh = [...texts].filter((t) => !s.covered.has(t));
  if (fresh.length === 0) return;
  // The texts' words go into a set of their own: copying the loaded words for every call (nearly
  // every clause a document tags is new) cost more than looking the words up.
  const found = new Set<string>();
  for (const text of fresh) collectWords(s.sorted, text, found);
  let grows = false;
  for (const w of found) {
    if (s.words.has(w)) continue;
    grows = true;
    break;
  }
  if (grows || s.subsetLoads === 0) {
    const words = new Set(s.words);
    for (const w of found) words.add(w);
    const dict = s.subsetLoads < SUBSET_LOADS ? subsetDictionary(s.sorted, words) : undefined;
    if (dict === undefined) {
      loadWhole(s);
      return;
    }
    loadInto(s, dict);
    s.subsetLoads++;
    s.words = words;
  }
  // The set only spares lookups: a long-running process starts it afresh rather than let it grow.
  if (s.covered.size > MAX_COVERED_TEXTS) s.covered.clear();
  for (const text of fresh) s.covered.add(text);
}

/**
 * Whether the whole main dictionary is loaded, so that loadWordsFor has nothing to do: a caller
 * that gathers many texts for it (every clause a document's counts may tag) can skip gathering them.
 */
export function hasWholeDictionary(): boolean {
  return jieba().sorted === undefined;
}

/** Words of a Chinese text (HMM on, so that integers and decimals mostly survive). */
export function tokenize(text: string): string[] {
  loadWordsFor([text]);
  return jieba().nodejieba.cut(text, true).filter((t) => t.trim() !== '');
}

export interface TaggedWord {
  word: string;
  /** jieba part-of-speech tag: n (noun), v (verb), vn (verbal noun), m (numeral) … */
  tag: string;
}

/**
 * Words with part-of-speech tags: what nodejieba.tag gives, made from nodejieba.cut (the same
 * words: cppjieba's tagger cuts with HMM on) and the tags looked up here as cppjieba's PosTagger
 * does. nodejieba.tag builds an object per word through N-API, which cost more than the cut itself.
 */
export function tagWords(text: string): TaggedWord[] {
  const s = jieba();
  if (s.sorted) loadWordsFor([text]);
  const words = s.nodejieba.cut(text, true);
  const out: TaggedWord[] = [];
  for (const word of words) if (word.trim() !== '') out.push({ word, tag: tagOf(s, word) });
  return out;
}

/** Tags of the words looked up so far: a pure function of the dictionaries, cleared when it grows. */
const TAGS = new Map<string, string>();
const MAX_TAGS = 50_000;

function tagOf(s: JiebaState, word: string): string {
  let tag = TAGS.get(word);
  if (tag === undefined) {
    if (TAGS.size >= MAX_TAGS) TAGS.clear();
    TAGS.set(word, (tag = lookUpTag(s, word)));
  }
  return tag;
}

/**
 * cppjieba's PosTagger.LookupTag: the tag of the word in the loaded dictionaries (a fiscal word's
 * over the main dictionary's, as its trie keeps the last inserted), else its rule for other words.
 * A word that cut gives is in the loaded subset exactly when it is in the whole dictionary: the
 * subset holds every dictionary word of the texts cut (see loadWordsFor).
 */
function lookUpTag(s: JiebaState, word: string): string {
  let tag = s.userTags.get(word);
  if (tag === undefined) tag = tagInDictionary((s.tagSource ??= openSortedDictionary()), word);
  return tag === undefined || tag === '' ? specialTag(word) : tag;
}

/**
 * PosTagger.SpecialRule, loop bound included: x without ASCII, m when the ASCII characters looked
 * at (until half the word's length) are all digits, eng otherwise.
 */
function specialTag(word: string): string {
  const runes = Array.from(word);
  let m = 0;
  let eng = 0;
  for (let i = 0; i < runes.length && eng < Math.floor(runes.length / 2); i++) {
    const rune = runes[i]!.codePointAt(0)!;
    if (rune < 0x80) {
      eng++;
      if (rune >= 0x30 && rune <= 0x39) m++;
    }
  }
  if (eng === 0) return 'x';
  return m === eng ? 'm' : 'eng';
}

/** word → tag of the fiscal dictionary's `word freq tag` lines, the last line of a word kept. */
function userTagsOf(lines: string[]): Map<string, string> {
  const tags = new Map<string, string>();
  for (const line of lines) {
    if (line === '') continue;
    const fields = line.split(' ');
    tags.set(fields[0]!, fields.length === 3 ? fields[2]! : fields.length === 2 ? fields[1]! : '');
  }
  return tags;
}
