import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charClass, codeClass, codePointCount, holdsWordStart } from '../../src/extract/char-class.js';

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
