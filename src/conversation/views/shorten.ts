import { ELLIPSIS } from '../wording/lists';

/** How much of a free text a list shows before "Open" gives the whole (the worst-case card test holds a page of them to Teams' limit). */
export const LIST_TEXT_CHARS = 240;

/**
 * Free text as a list shows it: at most `max` characters, cut at a space when one is near the end, with an
 * ellipsis; never half of a character written as two UTF-16 units. `cut` says whether anything was left out.
 */
export function shorten(text: string, max = LIST_TEXT_CHARS): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  let end = max - ELLIPSIS.length;
  const space = text.lastIndexOf(' ', end);
  if (space > end * 0.8) end = space;
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  return { text: `${text.slice(0, end).trimEnd()}${ELLIPSIS}`, cut: true };
}
