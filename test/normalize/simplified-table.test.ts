import { createRequire } from 'node:module';
import * as OpenCCEsm from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { SIMPLIFIED_PAIRS } from '../../src/normalize/simplified-table.js';

/** What normalize's table must say for each ideograph of U+4E00–U+9FFF, asked of OpenCC itself. */
function pairsFrom(convert: (s: string) => string): string {
  let pairs = '';
  for (let code = 0x4e00; code <= 0x9fff; code++) {
    const ch = String.fromCharCode(code);
    const c = convert(ch);
    const v = Array.from(c).length === 1 ? c : ch;
    if (v !== ch) pairs += ch + v;
  }
  return pairs;
}

describe('SIMPLIFIED_PAIRS', () => {
  // normalize loads OpenCC through require (its UMD build); both builds must agree with the table.
  it('is what OpenCC (Taiwan → mainland) gives for every ideograph, loaded as normalize loads it', () => {
    const OpenCC = createRequire(import.meta.url)('opencc-js') as typeof OpenCCEsm;
    expect(pairsFrom(OpenCC.Converter({ from: 'tw', to: 'cn' })) === SIMPLIFIED_PAIRS).toBe(true);
  });
  it('is what the ESM build of OpenCC gives', () => {
    expect(pairsFrom(OpenCCEsm.Converter({ from: 'tw', to: 'cn' })) === SIMPLIFIED_PAIRS).toBe(true);
  });
  it('holds thousands of pairs, some simplified outside the BMP', () => {
    const points = Array.from(SIMPLIFIED_PAIRS);
    expect(points.length % 2).toBe(0);
    expect(points.length / 2).toBeGreaterThan(3000);
    expect(SIMPLIFIED_PAIRS).toContain('們们');
    expect(SIMPLIFIED_PAIRS).toContain('勣𪟝');
  });
});
