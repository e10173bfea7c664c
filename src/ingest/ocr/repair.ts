/**
 * Repairs of OCR misreadings in figures and outline markers. Each rule fires only where the
 * reading it replaces cannot be a well-formed figure, so correct text is never changed: a
 * letter O between two digits, a "。" between the integer and fraction of an amount followed by
 * its unit, a stray digit glued after a percent sign. Full-width digits are left to the normalizer.
 * Pure.
 */

/** Units that close an amount, a rate or a score; a repair that needs "followed by a unit" checks these. */
const UNIT = '(?:万元|亿元|千元|元|万|亿|%|％|‰|分(?!钟))';

/** Letters tesseract puts in place of digits: O/o for 0, l/I for 1. */
const DIGIT_LIKE: Record<string, string> = { O: '0', o: '0', l: '1', I: '1' };

/**
 * O/o → 0 and l/I → 1 inside a number. A run of digits and look-alikes (with . or , inside) is
 * repaired when it holds a real digit and is no part of a Latin word or code (ISO9001, IO), and
 * each look-alike either sits between two digit characters or the run ends in a unit.
 */
export function repairDigitLookalikes(line: string): string {
  return line.replace(/[0-9OolI](?:[0-9OolI]|[.,](?=[0-9OolI]))*/gu, (run, offset: number, whole: string) => {
    if (!/[0-9]/u.test(run) || !/[OolI]/u.test(run)) return run;
    const before = whole[offset - 1] ?? '';
    const after = whole.slice(offset + run.length);
    if (/[A-Za-z]/u.test(before) || /^[A-Za-z]/u.test(after)) return run;
    const unitFollows = new RegExp(`^\\s?${UNIT}`, 'u').test(after);
    const chars = Array.from(run);
    // A look-alike is "inside" when digits (possibly across one . or ,) stand on both sides.
    const isDigitish = (c: string | undefined): boolean => c !== undefined && /[0-9OolI]/u.test(c);
    return chars
      .map((c, i) => {
        const replacement = DIGIT_LIKE[c];
        if (replacement === undefined) return c;
        const left = chars[i - 1] === '.' || chars[i - 1] === ',' ? chars[i - 2] : chars[i - 1];
        const right = chars[i + 1] === '.' || chars[i + 1] === ',' ? chars[i + 2] : chars[i + 1];
        if ((isDigitish(left) && isDigitish(right)) || unitFollows) return replacement;
        return c;
      })
      .join('');
  });
}

/**
 * "890。33万元" → "890.33万元": a full stop (or a middle dot) between digits, when the digits
 * after it run straight into a unit. A sentence cannot end inside "890。33万元". The integer part
 * may still hold a look-alike letter ("89O。33万元"), repaired next.
 */
export function repairDecimalPoints(line: string): string {
  return line.replace(new RegExp(`(\\d[\\dOolI]*)[。·•∙](\\d+)(?=\\s?${UNIT})`, 'gu'), '$1.$2');
}

/**
 * Spaces inside a number: "预算数8 90.33万元" → "预算数890.33万元", "890 .33" → "890.33". Only a
 * single space after a group of 1–3 digits that follows a Chinese word, with a decimal part after
 * it and a unit straight after that. Two figures side by side ("890.33 714.07") have no unit
 * between them, and a list number at the start of a line ("1 23.5万元") follows no word: both are
 * left alone.
 */
export function repairSplitNumbers(line: string): string {
  return line
    .replace(new RegExp(`(?<=[\\u4e00-\\u9fff：:] ?)(\\d{1,3}) (\\d{1,3}\\.\\d+)(?=\\s?${UNIT})`, 'gu'), '$1$2')
    .replace(/(\d) \.(\d)/gu, '$1.$2');
}

/**
 * "80.2%。" is read as "80.2%4。", "80.2%0。" or "80.2%4" at the end of a line: a digit straight
 * after a percent sign is no figure, and before a full stop or a line end it is the full stop.
 */
export function repairPercentTail(line: string): string {
  return line.replace(/(\d[%％])[04oO](?=。)/gu, '$1').replace(/(\d[%％])[04oO]$/u, '$1。');
}

/**
 * Brackets whose halves do not match: "《三)" and "(<三)" for "（三）", "〈总)" for "（总）",
 * "(总〉" for "（总）". A 《 closed by ) is no book title; the short content between the halves
 * stays as read.
 */
export function repairBrackets(line: string): string {
  return line
    .replace(/[(（][<《〈]([一二三四五六七八九十]{1,3}[)）])/gu, (_m, rest: string) => `${rest.endsWith('）') ? '（' : '('}${rest}`)
    .replace(/[《〈]([^<>《》〈〉()（）]{1,8})([)）])/gu, (_m, inner: string, close: string) => `${close === '）' ? '（' : '('}${inner}${close}`)
    .replace(/([(（])([^<>《》〈〉()（）]{1,8})[》〉]/gu, (_m, open: string, inner: string) => `${open}${inner}${open === '（' ? '）' : ')'}`);
}

/** Every repair, in an order where each sees the output of the previous one. Pure. */
export function repairOcrLine(line: string): string {
  let out = repairBrackets(line);
  out = repairDecimalPoints(out);
  out = repairDigitLookalikes(out);
  out = repairSplitNumbers(out);
  out = repairPercentTail(out);
  return out;
}

/** Repairs every line of an OCR text (lines are repaired one by one: no rule crosses a line break). */
export function repairOcrText(text: string): string {
  return text
    .split('\n')
    .map((line) => repairOcrLine(line))
    .join('\n');
}
