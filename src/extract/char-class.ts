/**
 * A one-character test made from a regular expression and remembered per UTF-16 code. Scanners
 * test every character of a clause ("back to the previous ，or 。"), and running a regex per
 * character was a hot spot of the analysis; the regex stays the one statement of the class.
 */
export function charClass(re: RegExp): (ch: string) => boolean {
  const probe = new RegExp(re.source, re.flags.replace(/[gy]/gu, ''));
  const inClass = codeClass(re);
  return (ch: string): boolean => (ch.length === 1 ? inClass(ch.charCodeAt(0)) : probe.test(ch));
}

/**
 * The same test by UTF-16 code (`text.charCodeAt(i)`): `text[i]` makes a new one-character string
 * for every character above U+00FF, and scanners over Chinese text made one per character read.
 * Codes past the text's end (NaN) are outside every class.
 */
export function codeClass(re: RegExp): (code: number) => boolean {
  const probe = new RegExp(re.source, re.flags.replace(/[gy]/gu, ''));
  /** 0: not asked yet, 1: outside the class, 2: inside. */
  const known = new Uint8Array(0x10000);
  return (code: number): boolean => {
    let k = known[code];
    if (k === undefined) return false;
    if (k === 0) {
      k = probe.test(String.fromCharCode(code)) ? 2 : 1;
      known[code] = k;
    }
    return k === 2;
  };
}

/**
 * Characters (code points) of a string, as `Array.from(s).length` counts them, without building
 * the array: line and title length limits are asked of every line of a document.
 */
export function codePointCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // (a high surrogate followed by a low one is one character)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/**
 * A test of whether a text holds one of `chars` (single UTF-16 units), by a table made once: a
 * scan for words (a list tried word by word, an alternation) finds none in a text that holds none of
 * their first (or last) characters, so it can be skipped; most short clauses asked hold none.
 */
export function holdsCharOf(chars: Iterable<string>): (text: string) => boolean {
  const table = new Uint8Array(0x10000);
  for (const c of chars) if (c !== '') table[c.charCodeAt(0)] = 1;
  return (text: string): boolean => {
    for (let i = 0; i < text.length; i++) if (table[text.charCodeAt(i)] === 1) return true;
    return false;
  };
}

/** holdsCharOf the words' first characters: false means the text holds none of `words`. */
export function holdsWordStart(words: Iterable<string>): (text: string) => boolean {
  return holdsCharOf([...words].map((w) => w.charAt(0)));
}

/**
 * `text.replace(re, '')` for `re` a run of words anchored at the text's end ("(?:达到|总计|[为是…])+$",
 * no flag g or y) whose matches hold only characters `holds` accepts: the regex runs on the text's
 * last run of such characters alone. (A pattern anchored at the end is tried from every position of
 * the text, and a label is cut before every number of a document.)
 */
export function dropEndRun(text: string, re: RegExp, holds: (code: number) => boolean): string {
  let from = text.length;
  while (from > 0 && holds(text.charCodeAt(from - 1))) from--;
  // (Every match starts inside that run: what stands before it is in no match.)
  if (from === text.length) return text;
  const m = re.exec(from === 0 ? text : text.slice(from));
  return m ? text.slice(0, from + m.index) : text;
}
