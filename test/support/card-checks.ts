/**
 * What the card tests check of every card: that Teams' renderer (Adaptive Cards, schema 1.5) takes it without
 * a complaint, and that a screen reader can name each input.
 */

// adaptivecards loads in Node only through its UMD bundle.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package has no CommonJS entry that works in Node
const AC = require('adaptivecards/dist/adaptivecards.js');

/** Parses a card as Teams' renderer (schema 1.5) would and returns every problem it reports. */
export function problems(card: unknown): string[] {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  new AC.AdaptiveCard().parse(card, context);
  return Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message as string);
}

/** Every element of a card or design (body, columns, containers, action sets, show-cards) with a `type`. */
export function elementsOf(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(elementsOf);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  return [...(typeof o.type === 'string' ? [o] : []), ...Object.values(o).flatMap(elementsOf)];
}

/**
 * Inputs a screen reader would announce with no name: an input needs its own `label` (Adaptive Cards 1.3+),
 * not a nearby text block. Returns each such input's id.
 */
export function unlabelledInputs(card: unknown): string[] {
  return elementsOf(card)
    .filter((e) => String(e.type).startsWith('Input.'))
    .filter((e) => typeof e.label !== 'string' || e.label.trim() === '')
    .map((e) => String(e.id));
}
