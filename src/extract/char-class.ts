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
