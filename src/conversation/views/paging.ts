import { pageRange } from '../wording/lists';

/**
 * How many of each long list a card shows at once: a full page at its longest (the longest texts and names
 * the validation rules allow) stays under Teams' strictest message size. The worst-case card test holds
 * each to it; change a size only with that test.
 */
export const PAGE_SIZE = { reviews: 8, myRequests: 10, roster: 12, deadLetters: 12, availability: 10, declines: 3, networkLinks: 6, networkFollowers: 6 } as const;

/** A long list shown a page at a time, with what a card needs to offer "Show more" and a way back. */
export interface Page<T> {
  items: T[];
  total: number;
  /** The cursor this page was asked for ('' for the first): an action on the page shows the same page again. */
  after: string;
  /** The cursor "Show more" carries; '' on the last page. */
  next: string;
  hasMore: boolean;
  /** Past the first page: offer the way back to the start. */
  paged: boolean;
  /** More than one page: `hasMore` or `paged`. */
  pages: boolean;
  /** "Showing 11 to 20 of 40" (or "40 in all"); '' for an empty list. */
  range: string;
}

/**
 * The page of `items` after `after`. Items are ordered by their key (ascending text order is the order
 * shown), and the cursor is the key of the last item shown, not a position: an item added or removed
 * meanwhile (a review decided, an urgent one arriving) neither repeats nor goes missing from later pages.
 */
export function pageOf<T>(items: readonly T[], keyOf: (item: T) => string, after: string | undefined, size: number): Page<T> {
  const keyed = items.map((item) => ({ key: keyOf(item), item })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const start = after ? keyed.findIndex((k) => k.key > after) : 0;
  // Past the end (the last page's items were all dealt with): start again from the beginning.
  if (after && start === -1) return pageOf(items, keyOf, undefined, size);
  const from = start;
  const shown = keyed.slice(from, from + size);
  const hasMore = from + size < keyed.length;
  return {
    items: shown.map((k) => k.item), total: keyed.length, after: after ?? '',
    next: hasMore ? shown.at(-1)!.key : '', hasMore, paged: from > 0, pages: hasMore || from > 0,
    range: shown.length === 0 ? '' : pageRange(from + 1, from + shown.length, keyed.length),
  };
}

/** What a card needs of a page besides its items. */
export type PageInfo = Omit<Page<unknown>, 'items'>;

export const pageInfo = <T>({ items: _items, ...info }: Page<T>): PageInfo => info;

/** A list shown whole, on one page. */
export const ONE_PAGE: PageInfo = { total: 0, after: '', next: '', hasMore: false, paged: false, pages: false, range: '' };

/** A key that puts the newest first: an ISO time with every digit turned round (9 - d), so later times sort earlier. */
export const newestFirst = (iso: string): string => iso.replace(/\d/g, (d) => String(9 - Number(d)));

/** Cursors are keys made of times, references and ids; nothing a person typed. */
export const CURSOR_PATTERN = /^[A-Za-z0-9|:._@+-]{0,400}$/;
