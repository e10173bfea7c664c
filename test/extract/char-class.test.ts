import { describe, expect, it } from 'vitest';
import { charClass, codeClass, codePointCount } from '../../src/extract/char-class.js';

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
