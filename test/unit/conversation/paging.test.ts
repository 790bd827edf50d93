import fc from 'fast-check';
import { cleanText } from '../../../src/conversation/clean-input';
import { newestFirst, pageOf } from '../../../src/conversation/views/paging';
import { shorten } from '../../../src/conversation/views/shorten';

const key = (n: number) => String(n).padStart(6, '0');

/** Follows "Show more" from the first page to the last, changing the list between pages as `between` says. */
function walk(items: number[], size: number, between: (list: number[], shown: number[]) => number[] = (l) => l): number[][] {
  const pages: number[][] = [];
  let list = items;
  let after: string | undefined;
  for (let guard = 0; guard < 1000; guard += 1) {
    const page = pageOf(list, key, after, size);
    pages.push(page.items);
    if (!page.hasMore) return pages;
    list = between(list, page.items);
    after = page.next;
  }
  throw new Error('never reached the last page');
}

describe('pages of a long list', () => {
  it('shows every item once, in key order, a page at a time, and says where each page sits', () => {
    const items = Array.from({ length: 25 }, (_, i) => (i * 7) % 25);
    expect(walk(items, 10)).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [10, 11, 12, 13, 14, 15, 16, 17, 18, 19], [20, 21, 22, 23, 24]]);
    const first = pageOf(items, key, undefined, 10);
    expect(first).toMatchObject({ total: 25, after: '', hasMore: true, paged: false, pages: true, range: 'Showing 1 to 10 of 25', next: key(9) });
    expect(pageOf(items, key, first.next, 10)).toMatchObject({ paged: true, after: key(9), range: 'Showing 11 to 20 of 25' });
    expect(pageOf([1, 2], key, undefined, 10)).toMatchObject({ hasMore: false, paged: false, pages: false, range: '2 in all' });
    expect(pageOf([], key, undefined, 10)).toMatchObject({ items: [], range: '', pages: false });
  });

  it('neither repeats nor skips an item when items before the page are removed or added meanwhile (a cursor, not a position)', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.nat(10_000), { minLength: 1, maxLength: 120 }), fc.integer({ min: 1, max: 15 }), fc.nat(), (items, size, seed) => {
      const added = new Set<number>();
      const removed = new Set<number>();
      // Between pages: one item already shown is dealt with (removed), and one new item arrives before the cursor.
      const pages = walk(items, size, (list, shown) => {
        const gone = shown[seed % shown.length]!;
        removed.add(gone);
        const early = -1 - added.size;
        added.add(early);
        return [...list.filter((x) => x !== gone), early];
      });
      const seen = pages.flat().filter((x) => !added.has(x));
      expect(seen).toEqual([...items].sort((a, b) => a - b));
    }));
  });

  it('starts again from the beginning when the cursor is past the end (the last page was all dealt with)', () => {
    expect(pageOf([1, 2, 3], key, key(99), 2)).toMatchObject({ items: [1, 2], paged: false });
  });

  it('puts the newest first with newestFirst keys, across years and time zones of the ISO form', () => {
    const times = ['2025-12-31T23:59:59.999Z', '2026-01-01T00:00:00.000Z', '2026-03-29T01:00:00.000Z', '2024-02-29T12:00:00.000Z'];
    expect(pageOf(times, newestFirst, undefined, 10).items).toEqual([...times].sort().reverse());
  });
});

describe('free text shortened in a list', () => {
  it('leaves short text alone and cuts long text to the limit with an ellipsis, at a space when one is near', () => {
    expect(shorten('short', 10)).toEqual({ text: 'short', cut: false });
    expect(shorten('the quick brown fox jumps over', 20)).toEqual({ text: 'the quick brown fox…', cut: true });
  });

  it('never goes over the limit nor leaves half of a two-unit character', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.integer({ min: 2, max: 300 }), (text, max) => {
      const { text: out, cut } = shorten(text, max);
      expect(cut).toBe(text.length > max);
      if (!cut) return expect(out).toBe(text);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out.endsWith('…')).toBe(true);
      expect(/[\uD800-\uDBFF]$/.test(out.slice(0, -1))).toBe(false);
      return expect(text.startsWith(out.slice(0, -1).trimEnd())).toBe(true);
    }));
  });
});

describe('input cleaned at the edge', () => {
  it('turns control characters into spaces and a lone surrogate into U+FFFD, keeping tabs, line breaks and every character a person types', () => {
    expect(cleanText('a\u0000b\u001fc\td\ne\rf\u007f')).toBe('a b c\td\ne\rf ');
    expect(cleanText('x\uD800y\uDC00z😀')).toBe('x\uFFFDy\uFFFDz😀');
    expect(cleanText('Ünïcödé “quotes” — ok')).toBe('Ünïcödé “quotes” — ok');
  });

  it('leaves no character that JSON writes as more than two', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      const cleaned = cleanText(text);
      expect(JSON.stringify(cleaned).length - 2).toBeLessThanOrEqual(2 * cleaned.length);
    }));
  });
});
