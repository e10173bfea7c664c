/**
 * A one-character test made from a regular expression and remembered per UTF-16 code. Scanners
 * test every character of a clause ("back to the previous ，or 。"), and running a regex per
 * character was a hot spot of the analysis; the regex stays the one statement of the class.
 */
export function charClass(re: RegExp): (ch: string) => boolean {
  const probe = new RegExp(re.source, re.flags.replace(/[gy]/gu, ''));
  /** 0: not asked yet, 1: outside the class, 2: inside. */
  const known = new Uint8Array(0x10000);
  return (ch: string): boolean => {
    if (ch.length !== 1) return probe.test(ch);
    const code = ch.charCodeAt(0);
    let k = known[code]!;
    if (k === 0) {
      k = probe.test(ch) ? 2 : 1;
      known[code] = k;
    }
    return k === 2;
  };
}
