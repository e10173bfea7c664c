import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { measureTextQuality } from '../../src/ingest/text-quality.js';

describe('measureTextQuality', () => {
  it('counts as common exactly the 3,755 characters of GB2312 level 1', () => {
    // The level-1 rows as iconv-lite decodes them: the reference the faster decoder must match.
    const bytes: number[] = [];
    for (let lead = 0xb0; lead <= 0xd7; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) if (!(lead === 0xd7 && trail > 0xf9)) bytes.push(lead, trail);
    const level1 = iconv.decode(Buffer.from(bytes), 'gb2312');
    expect(Array.from(level1)).toHaveLength(3755);
    expect(measureTextQuality(level1)).toEqual({ chars: 3755, unreadable: 0, han: 3755, commonHan: 3755 });
    // 丟 (traditional) and 鑫 (GB2312 level 2) are Han but not level 1.
    expect(measureTextQuality('预算丟鑫')).toEqual({ chars: 4, unreadable: 0, han: 4, commonHan: 2 });
  });
});
