import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSortedDictionary, tagInDictionary } from '../../src/segment/jieba-dictionary.js';
import { tagWords } from '../../src/segment/tokenize.js';

const nodejieba = createRequire(import.meta.url)('nodejieba') as { tag(text: string): { word: string; tag: string }[] };

describe('tagWords', () => {
  it('tags as nodejieba.tag does: dictionary words, fiscal words and the rule for other words', () => {
    const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
    const clauses = readdirSync(corpus)
      .filter((n) => n.endsWith('.txt'))
      .slice(0, 20)
      .flatMap((n) => readFileSync(join(corpus, n), 'utf8').split(/[，,。；;！？!?\n\t：:]/u))
      .filter((t) => t.trim() !== '');
    expect(clauses.length).toBeGreaterThan(500);
    // cppjieba's rule for words outside the dictionary looks at the first half of the word only
    // (a lone "5" or "a" is x), and fiscal words carry the fiscal dictionary's tag.
    const odd = ['5', 'ab', '12', '12a', '3a5b', 'a1', 'abc12', 'x 1', '3.5万元', 'C#', 'Ｂ超', '２０２３年', 'GDP增长', '一般公共服务支出', '社会保障和就业支出'];
    for (const clause of [...odd, ...clauses]) {
      // tagWords loads the words of the clause first; nodejieba.tag then tags with that dictionary.
      const mine = tagWords(clause);
      expect(mine).toEqual(nodejieba.tag(clause).filter((t) => t.word.trim() !== ''));
    }
    expect(tagWords('12a')).toEqual([{ word: '12', tag: 'm' }, { word: 'a', tag: 'x' }]);
  }, 60_000);
});

describe('tagInDictionary', () => {
  it('reads the tag of a dictionary word and nothing for a prefix or a non-word', () => {
    const dict = openSortedDictionary();
    expect(tagInDictionary(dict, '执行')).toBe('v');
    expect(tagInDictionary(dict, '执行率')).toBeDefined();
    expect(tagInDictionary(dict, '预算执行')).toBeUndefined();
    expect(tagInDictionary(dict, '\uFDD0')).toBeUndefined();
  });
});
