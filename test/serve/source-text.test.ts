import { describe, expect, it } from 'vitest';
import { html } from '../../src/serve/html.js';
import { findPageStarts } from '../../src/serve/source-loader.js';
import { renderSourceText } from '../../src/serve/source-text.js';

const TEXT = '预算数890.33万元，执行数714.07万元，执行率80.2%。<b>&';

describe('renderSourceText', () => {
  it('marks spans as links to their targets and escapes all text', () => {
    const r = renderSourceText(TEXT, [
      { start: 3, end: 11, quote: '890.33万元', target: 'field-budget', title: '预算数 <x>' },
      { start: 15, end: 23, quote: '714.07万元', target: 'field-execution', title: '执行数', failed: true },
    ]);
    expect(r.mismatched).toBe(0);
    expect(r.html.toString()).toBe(
      '预算数<a class="fig" id="s-3-11" href="#field-budget" title="预算数 &lt;x&gt;">890.33万元</a>，执行数' +
        '<a class="fig failed" id="s-15-23" href="#field-execution" title="执行数">714.07万元</a>，执行率80.2%。&lt;b&gt;&amp;',
    );
    expect(r.anchors.get('3-11')).toBe('s-3-11');
  });

  it('merges identical spans and points overlapped spans at the mark that covers them', () => {
    const r = renderSourceText(TEXT, [
      { start: 3, end: 11, target: 'field-budget', title: 'a' },
      { start: 3, end: 11, target: 'check-0', title: 'b', failed: true },
      { start: 3, end: 9, target: 'field-x', title: 'c' },
      { start: 8, end: 13, target: 'field-y', title: 'd' },
    ]);
    const out = r.html.toString();
    expect(out.match(/<a /gu)).toHaveLength(1);
    expect(out).toContain('<a class="fig failed" id="s-3-11" href="#field-budget" title="a；b；c；d">890.33万元</a>');
    expect(r.anchors.get('3-9')).toBe('s-3-11');
    expect(r.anchors.get('8-13')).toBe('s-3-11');
  });

  it('skips spans out of range or not reading their quote', () => {
    const r = renderSourceText(TEXT, [
      { start: 3, end: 11, quote: '890.34万元', target: 't', title: 'x' },
      { start: 50, end: 200, target: 't', title: 'x' },
      { start: 5, end: 5, target: 't', title: 'x' },
    ]);
    expect(r.mismatched).toBe(3);
    expect(r.html.toString()).not.toContain('<a ');
    expect(r.anchors.size).toBe(0);
  });

  it('places page markers, moving one that falls inside a mark to its start', () => {
    const r = renderSourceText(
      TEXT,
      [{ start: 3, end: 11, target: 't', title: 'x' }],
      {
        pageStarts: [
          { page: 1, offset: 0 },
          { page: 2, offset: 6 },
          { page: 3, offset: 24 },
        ],
        pageMarker: (page) => html`<hr data-page="${page}">`,
      },
    );
    const out = r.html.toString();
    expect(out.startsWith('<hr data-page="1">预算数<hr data-page="2"><a class="fig"')).toBe(true);
    expect(out).toContain('，<hr data-page="3">执行率');
  });
});

describe('findPageStarts', () => {
  it('maps raw page starts to normalized offsets through toRaw', () => {
    // Raw "ab\ncd\nef" with pages starting at raw 0, 3 and 6; normalized text dropped the newlines.
    const doc = { text: 'abcdef', toRaw: Int32Array.from([0, 1, 3, 4, 6, 7, 8]), rawPageStarts: [0, 3, 6] };
    expect(findPageStarts(doc)).toEqual([
      { page: 2, offset: 2 },
      { page: 3, offset: 4 },
    ]);
  });
});
