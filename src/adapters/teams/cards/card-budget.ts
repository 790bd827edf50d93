import { shorten } from '../../../conversation/views/shorten';
import { TOO_LONG_TO_SHOW } from '../../../conversation/wording/lists';
import type { Card } from './templates';

/**
 * The largest card Teams is sure to take. Teams refuses a message over its size limit, and Microsoft's
 * documents disagree on the limit (28 KB, 40 KB or 100 KB, counted in UTF-16 code units): we design for
 * the strictest. The worst-case card test holds every design to it; the guard below is the last resort.
 */
export const CARD_LIMIT_UTF16 = 28 * 1024;

/** A card's size as Teams counts it: the UTF-16 code units of its JSON, which is what a JS string's length counts. */
export const cardSize = (card: unknown): number => JSON.stringify(card).length;

/** How far the guard shortens what people read, step by step, until the card fits. */
const CAPS = [2000, 800, 300, 120] as const;

type Json = unknown;

/** Shortens the text people read (a TextBlock's text, a fact's value): never an id, a verb, an input's value or an action's data. */
function capText(node: Json, cap: number): Json {
  if (Array.isArray(node)) return node.map((n) => capText(n, cap));
  if (!node || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  if (o.type === 'TextBlock' && typeof o.text === 'string') return { ...o, text: shorten(o.text, cap).text };
  if (o.type === 'FactSet' && Array.isArray(o.facts)) {
    return { ...o, facts: (o.facts as { value?: unknown }[]).map((f) => (typeof f.value === 'string' ? { ...f, value: shorten(f.value, cap).text } : f)) };
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, k === 'data' ? v : capText(v, cap)]));
}

/** The last resort: say it could not be shown, keeping the card's own buttons when they fit. */
function tooLong(card: Card, limit: number): Card {
  const base: Card = {
    type: 'AdaptiveCard', $schema: card.$schema, version: card.version,
    body: [
      { type: 'TextBlock', text: TOO_LONG_TO_SHOW.title, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: TOO_LONG_TO_SHOW.text, wrap: true },
    ],
  };
  const withActions = { ...base, ...(card.actions ? { actions: card.actions } : {}) };
  return cardSize(withActions) <= limit ? withActions : base;
}

/**
 * A render-time guard, not the design: a card that would still exceed the limit is shortened rather than
 * refused by Teams (which would lose the message). Long texts are cut, more at each step, and if that is not
 * enough the card says it could not be shown. `shortened` lets the caller log it, so a design that relies on
 * this is found and fixed.
 */
export function fitCard(card: Card, limit = CARD_LIMIT_UTF16): { card: Card; shortened: boolean; size: number } {
  const size = cardSize(card);
  if (size <= limit) return { card, shortened: false, size };
  for (const cap of CAPS) {
    const cut = capText(card, cap) as Card;
    const cutSize = cardSize(cut);
    if (cutSize <= limit) return { card: cut, shortened: true, size: cutSize };
  }
  const fallback = tooLong(card, limit);
  return { card: fallback, shortened: true, size: cardSize(fallback) };
}
