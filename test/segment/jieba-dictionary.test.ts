import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectWords, openSortedDictionary, sortDictionary, subsetDictionary } from '../../src/segment/jieba-dictionary.js';
import { FISCAL_DICT_PATH } from '../../src/segment/tokenize.js';

const nodejieba = createRequire(import.meta.url)('nodejieba') as {
  load(options: { dict?: string; userDict?: string }): void;
  tag(text: string): { word: string; tag: string }[];
  cut(text: string, hmm?: boolean): string[];
};

const dir = mkdtempSync(join(tmpdir(), 'jixiao-jieba-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sortDictionary', () => {
  it('sorts by UTF-8 bytes, keeps the last line of a word and sums every frequency', () => {
    const sorted = sortDictionary(Buffer.from('预算 10 n\nB超 3 n\n执行 7 v\n预算 12 vn\nC# 2 nz\n'));
    const [header, ...lines] = sorted.toString('utf8').trim().split('\n');
    expect(JSON.parse(header!)).toEqual({ version: 1, sourceBytes: 53, sum: 34, minFreq: 2, maxWordLength: 2, bodyBytes: 41 });
    expect(lines).toEqual(['B超 3 n', 'C# 2 nz', '执行 7 v', '预算 12 vn']);
  });
});

describe('openSortedDictionary', () => {
  it('makes the copy anew when the one on disk was cut short', () => {
    const path = join(dir, 'cut.utf8');
    const whole = openSortedDictionary(path);
    writeFileSync(path, whole.bytes.subarray(0, whole.bytes.length / 2));
    const again = openSortedDictionary(path);
    expect(again.bytes.equals(whole.bytes)).toBe(true);
    expect(readFileSync(path).equals(whole.bytes)).toBe(true);
  }, 30_000);
});

describe('collectWords and subsetDictionary', () => {
  const dict = openSortedDictionary(join(dir, 'sorted.utf8'));

  it('finds every dictionary word of a text, and no other', () => {
    const words = new Set<string>();
    collectWords(dict, '预算执行率', words);
    // 预算执行 is no word of jieba's dictionary: found only where the dictionary has it.
    expect([...words].map((l) => l.split(' ')[0]).sort()).toEqual(['执', '执行', '执行率', '率', '算', '行', '预', '预算'].sort());
  });

  it('finds the same words whatever texts it was asked about before (the positions it remembers)', () => {
    const texts = ['预算执行率达到98.5%', '执行率', '项目资金使用率与预算执行', 'ABC预算abc', '率预执算行'];
    // A copy of the dictionary value is another dictionary to it: nothing remembered yet.
    const fresh = (): ReturnType<typeof openSortedDictionary> => ({ ...dict });
    const alone = texts.map((t) => {
      const words = new Set<string>();
      collectWords(fresh(), t, words);
      return [...words].sort();
    });
    expect(alone[0]!.some((l) => l.startsWith('执行率 '))).toBe(true);
    // One dictionary asked about every text in turn, twice, in two orders.
    const asked = fresh();
    for (const order of [texts, [...texts].reverse(), texts]) {
      for (const t of order) {
        const words = new Set<string>();
        collectWords(asked, t, words);
        expect([...words].sort()).toEqual(alone[texts.indexOf(t)]);
      }
    }
  });

  it('restores the frequency sum and the smallest frequency with two sentinel words', () => {
    const subset = subsetDictionary(dict, ['预算 100 n'])!.trim().split('\n');
    const freqs = subset.map((l) => Number(l.split(' ')[1]));
    expect(freqs.reduce((a, b) => a + b, 0)).toBe(dict.sum);
    expect(Math.min(...freqs)).toBe(dict.minFreq);
    expect(subset).toHaveLength(3);
  });

  it('tags and cuts real report sentences exactly as the whole dictionary does', () => {
    const corpus = join(import.meta.dirname, '..', '..', 'fixtures', 'corpus');
    const texts = readdirSync(corpus)
      .filter((n) => n.endsWith('.txt'))
      .slice(0, 40)
      .flatMap((n) => readFileSync(join(corpus, n), 'utf8').split(/[。\n；]/u))
      .map((t) => t.trim())
      .filter(Boolean);
    expect(texts.length).toBeGreaterThan(500);
    const run = () => texts.map((t) => ({ tags: nodejieba.tag(t), cut: nodejieba.cut(t, true) }));

    const union = new Set<string>();
    for (const t of texts) collectWords(dict, t, union);
    const subsetPath = join(dir, 'subset.utf8');
    writeFileSync(subsetPath, subsetDictionary(dict, union)!);
    nodejieba.load({ dict: subsetPath, userDict: FISCAL_DICT_PATH });
    const fromSubset = run();
    // One text alone, with only its own words.
    const single = new Set<string>();
    collectWords(dict, texts[7]!, single);
    writeFileSync(subsetPath, subsetDictionary(dict, single)!);
    nodejieba.load({ dict: subsetPath, userDict: FISCAL_DICT_PATH });
    const singleTags = nodejieba.tag(texts[7]!);

    nodejieba.load({ userDict: FISCAL_DICT_PATH });
    const fromWhole = run();
    expect(fromSubset).toEqual(fromWhole);
    expect(singleTags).toEqual(fromWhole[7]!.tags);
  }, 60_000);
});
