import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * nodejieba with jixiao's dictionary of fiscal terms, so that 社会保障和就业支出 or 执行率 stay
 * whole. Not used for numbers: jieba splits "774" into digits (see extract/numbers.ts).
 * The dictionary ships in `dict/`; nodejieba aborts the whole process when a dictionary path
 * does not exist, so the path is checked first.
 */
let loaded: { cut(text: string, hmm?: boolean): string[] } | null = null;

export const FISCAL_DICT_PATH = fileURLToPath(new URL('../../dict/fiscal-terms.utf8', import.meta.url));

function jieba(): { cut(text: string, hmm?: boolean): string[] } {
  if (loaded) return loaded;
  const nodejieba = require('nodejieba') as {
    load(options: { userDict?: string }): void;
    cut(text: string, hmm?: boolean): string[];
  };
  if (!existsSync(FISCAL_DICT_PATH)) throw new Error(`fiscal dictionary missing at ${FISCAL_DICT_PATH}`);
  nodejieba.load({ userDict: FISCAL_DICT_PATH });
  loaded = nodejieba;
  return loaded;
}

/** Words of a Chinese text (HMM on, so that integers and decimals mostly survive). */
export function tokenize(text: string): string[] {
  return jieba().cut(text, true).filter((t) => t.trim() !== '');
}

export interface TaggedWord {
  word: string;
  /** jieba part-of-speech tag: n (noun), v (verb), vn (verbal noun), m (numeral) … */
  tag: string;
}

/** Words with part-of-speech tags. */
export function tagWords(text: string): TaggedWord[] {
  const nj = jieba() as unknown as { tag(text: string): TaggedWord[] };
  return nj.tag(text).filter((t) => t.word.trim() !== '');
}
