import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charClass, codeClass, codePointCount, dropEndRun, holdsWordStart } from '../../src/extract/char-class.js';
import { LABEL_FILLER, LABEL_FILLER_CHARS } from '../../src/vocabulary/index.js';

describe('charClass', () => {
  it('answers as its regex does for every character, asked once or again', () => {
    const re = /[，,。；;\n]|\p{Script=Han}/u;
    const test = charClass(re);
    for (const ch of ['，', ',', '。', '\n', 'a', '1', ' ', '汉', '𠀀', '\ud840', '', 'ab']) {
      expect(test(ch), JSON.stringify(ch)).toBe(re.test(ch));
      expect(test(ch), JSON.stringify(ch)).toBe(re.test(ch));
    }
  });

  it('ignores a global flag (no lastIndex carried between characters)', () => {
    const test = charClass(/[0-9]/gu);
    expect([test('1'), test('2'), test('3')]).toEqual([true, true, true]);
  });
});

describe('codeClass', () => {
  it('answers by UTF-16 code as its regex does for that character, and never for a code past the text', () => {
    const re = /[，,。；;\n]|\p{Script=Han}/u;
    const test = codeClass(re);
    const text = '，,。\na1 汉\ud840';
    for (let i = 0; i < text.length; i++) expect(test(text.charCodeAt(i)), JSON.stringify(text[i])).toBe(re.test(text[i]!));
    expect(test(text.charCodeAt(text.length))).toBe(false);
    expect(test(-1)).toBe(false);
  });
});

describe('codePointCount', () => {
  it('counts characters as Array.from does: a surrogate pair once, a lone surrogate once', () => {
    for (const s of ['', 'abc', '绩效自评表', '𠀀汉𠀁', '\ud840', 'a\udc00b', '\ud840\ud840\udc00']) expect(codePointCount(s), JSON.stringify(s)).toBe(Array.from(s).length);
  });
});

describe('holdsWordStart', () => {
  it('says a text may hold a word exactly when it holds a first character of one', () => {
    const mayHold = holdsWordStart(['其中', '新增', '']);
    expect(mayHold('本年新增人员')).toBe(true);
    expect(mayHold('其他')).toBe(true);
    expect(mayHold('人员 12 名')).toBe(false);
    expect(mayHold('')).toBe(false);
  });

  it('never says no to a text that holds a word', () => {
    const words = ['共有', '现有', '累计', '新增', '其中', '不合格'];
    const mayHold = holdsWordStart(words);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('共', '有', '现', '累', '计', '新', '增', '其', '中', '不', '合', '格', '人', '名', '1'), { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        if (words.some((w) => text.includes(w))) expect(mayHold(text)).toBe(true);
      }),
    );
  });
});

describe('dropEndRun', () => {
  const FILLER = /(?:达到|总计|合计|累计|[为是了达约共计：:\s“”])+$/u;
  const holds = codeClass(/[达到总计合累为是了约共：:\s“”]/u);

  it('drops what replace drops, reading only the last run of the pattern’s characters', () => {
    const alphabet = ['达', '到', '总', '计', '合', '累', '为', '是', '了', '约', '共', '：', ':', ' ', '\u3000', '“', '”', '预', '算', '1', '，', '𠀀'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }), (chars) => {
        const text = chars.join('');
        expect(dropEndRun(text, FILLER, holds)).toBe(text.replace(FILLER, ''));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a word whose last character alone is filler: 到 only after 达, 计 with 总', () => {
    expect(dropEndRun('全年预算数达到', FILLER, holds)).toBe('全年预算数');
    expect(dropEndRun('收入总计', FILLER, holds)).toBe('收入');
    expect(dropEndRun('收到', FILLER, holds)).toBe('收到');
    expect(dropEndRun('支出', FILLER, holds)).toBe('支出');
  });

  it('holds every character of LABEL_FILLER in LABEL_FILLER_CHARS (the label is read back over those)', () => {
    const isFiller = codeClass(LABEL_FILLER_CHARS);
    const literal = [...LABEL_FILLER.source.replace(/\\s/gu, '')].filter((c) => c.charCodeAt(0) > 0x7f || c === ':');
    for (const c of literal) expect(isFiller(c.charCodeAt(0)), c).toBe(true);
    for (const c of [' ', '\t', '\n', '\u3000', '\u00a0']) expect(isFiller(c.charCodeAt(0)), JSON.stringify(c)).toBe(true);
  });
});
