/**
 * `npx tsx bench/card-sizes.ts`: the largest card each design in cards/ draws at the worst case the validation
 * rules allow (test/support/worst-case-cards.ts), in UTF-16 code units as Teams counts them, against the 28 KB
 * limit the worst-case card test holds them to. Drawn as designed, before the render-time guard.
 */
import { CARD_LIMIT_UTF16, cardSize } from '../src/adapters/teams/cards/card-budget';
import { drawCard } from '../src/adapters/teams/cards/render';
import { WORST_CASES } from '../test/support/worst-case-cards';

const rows = Object.entries(WORST_CASES).map(([design, build]) => {
  const sized = build().map((c) => ({ label: c.label, size: cardSize(drawCard(c.view, c.options)) }));
  const worst = sized.reduce((a, b) => (b.size > a.size ? b : a));
  return { design, size: worst.size, share: `${Math.round((100 * worst.size) / CARD_LIMIT_UTF16)}%`, case: worst.label };
});
console.log(`limit ${CARD_LIMIT_UTF16} UTF-16 code units`);
console.table(rows);
