/**
 * `npx tsx bench/cards-render.ts`: cards rendered per second by adaptivecards-templating and by the compiled
 * templates (src/adapters/teams/cards/compile-template.ts), in this process, on the data the real card
 * builders pass. The library is used as templates.ts used it: one parsed Template per design, expanded
 * per card. A card is every template its builder expands (a step card is three). Rounds alternate
 * library, compiled, library, compiled, and the best round of each counts. No network, no files written.
 */
import { isDeepStrictEqual } from 'node:util';
import { Template } from 'adaptivecards-templating';
import { compileTemplate } from '../src/adapters/teams/cards/compile-template';
import type * as Templates from '../src/adapters/teams/cards/templates';
import type * as Scenarios from '../test/support/card-scenarios';

const ROUND_MS = Number(process.env.ROUND_MS ?? 500);
const ROUNDS = 2;
const CARDS = ['case (booked, clinician)', 'step about (errors, notice, typed values)', 'times (twelve)', 'review'];

/* The builders call templates.ts's expand; to see the data they pass without a seam in production code,
   the module's exports are swapped for a recording copy before the builders load. */
const templatesPath = require.resolve('../src/adapters/teams/cards/templates');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module must be loaded, then replaced in require.cache, before the builders load
const templates = require(templatesPath) as typeof Templates;
const calls: [string, object][] = [];
require.cache[templatesPath]!.exports = { ...templates, expand: (name: string, data: object) => (calls.push([name, data]), templates.expand(name, data)) };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the swap above, on purpose
const { CARD_SCENARIOS } = require('../test/support/card-scenarios') as typeof Scenarios;

type Render = (name: string, data: object) => unknown;

function recorded(card: string): [string, object][] {
  const build = CARD_SCENARIOS.find(([label]) => label === card)?.[1];
  if (!build) throw new Error(`no scenario "${card}"`);
  const from = calls.length;
  build();
  return calls.slice(from);
}

function engines(): { library: Render; compiled: Render } {
  const parsed = new Map(templates.cardTemplateNames().map((name) => [name, new Template(templates.readCardTemplate(name))]));
  const compiled = new Map(templates.cardTemplateNames().map((name) => [name, compileTemplate(name, templates.readCardTemplate(name))]));
  return {
    library: (name, data) => parsed.get(name)!.expand({ $root: data }),
    compiled: (name, data) => compiled.get(name)!(data),
  };
}

/** Renders of the whole card per second over one round. */
function rate(render: Render, parts: [string, object][]): number {
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(ROUND_MS) * 1_000_000n;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 50; i++) for (const [name, data] of parts) render(name, data);
    n += 50;
    now = process.hrtime.bigint();
  }
  return n / (Number(now - start) / 1e9);
}

function main(): void {
  const { library, compiled } = engines();
  const rows = CARDS.map((card) => {
    const parts = recorded(card);
    for (const [name, data] of parts) {
      if (!isDeepStrictEqual(library(name, data), compiled(name, data))) throw new Error(`${card}: ${name} renders differently`);
    }
    rate(library, parts);
    rate(compiled, parts);
    const best = { library: 0, compiled: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      best.library = Math.max(best.library, rate(library, parts));
      best.compiled = Math.max(best.compiled, rate(compiled, parts));
    }
    return { card, templates: parts.map(([name]) => name).join(' + '), library: Math.round(best.library), compiled: Math.round(best.compiled), ratio: +(best.compiled / best.library).toFixed(1) };
  });
  console.table(rows);
}

main();
