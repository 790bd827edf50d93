import { Writable } from 'node:stream';
import { CARD_LIMIT_UTF16, cardSize, fitCard } from '../../../../src/adapters/teams/cards/card-budget';
import { designsOf, drawCard } from '../../../../src/adapters/teams/cards/render';
import { cardTemplateNames, readCardTemplate } from '../../../../src/adapters/teams/cards/templates';
import type { TeamsDirectory } from '../../../../src/adapters/teams/directory';
import { TeamsCards } from '../../../../src/adapters/teams/messenger';
import { notice } from '../../../../src/conversation/views/simple';
import { TOO_LONG_TO_SHOW } from '../../../../src/conversation/wording/lists';
import { createLogger } from '../../../../src/logger';
import { cardText } from '../../../support/bot-client';
import { elementsOf, problems, unlabelledInputs } from '../../../support/card-checks';
import { WORST_CASES, worstText } from '../../../support/worst-case-cards';

/*
 * Every card must reach Teams whatever the data: under its strictest size limit (28 KB in UTF-16 code
 * units), valid Adaptive Cards 1.5, with every input named for screen readers. The worst cases are in
 * test/support/worst-case-cards.ts, one entry per design in cards/.
 *
 * A new design? Add its entry to WORST_CASES, keyed by its name in cards/ (the path without `.json`), with
 * the views drawn from it at their longest: the first test below fails until it has one.
 */

const DESIGNS = cardTemplateNames();

describe('every card design at the worst case the validation rules allow', () => {
  it('has a worst case for every design in cards/, and none for a design that is not there', () => {
    expect(Object.keys(WORST_CASES).sort()).toEqual(DESIGNS);
  });

  it.each(DESIGNS)('%s: under 28 KB in UTF-16 as designed (no guard), valid Adaptive Cards 1.5, every input labelled', (name) => {
    const cases = WORST_CASES[name]?.() ?? [];
    expect(cases.length).toBeGreaterThan(0);
    for (const { label, view, options } of cases) {
      expect([label, designsOf(view)]).toEqual([label, expect.arrayContaining([name])]);
      const card = drawCard(view, options);
      expect({ label, size: cardSize(card) }).toEqual({ label, size: expect.any(Number) });
      expect(cardSize(card)).toBeLessThanOrEqual(CARD_LIMIT_UTF16);
      expect(problems(card)).toEqual([]);
      expect(unlabelledInputs(card)).toEqual([]);
      expect(JSON.stringify(card)).not.toContain('${');
    }
  });
});

describe('every input on every design has a label', () => {
  it.each(DESIGNS)('%s', (name) => {
    const inputs = elementsOf(readCardTemplate(name)).filter((e) => String(e.type).startsWith('Input.'));
    expect(inputs.filter((e) => typeof e.label !== 'string' || e.label.trim() === '').map((e) => e.id)).toEqual([]);
  });

  it('finds every input of the designs (the check above looks at them all)', () => {
    const ids = DESIGNS.flatMap((name) => elementsOf(readCardTemplate(name)).filter((e) => String(e.type).startsWith('Input.')).map((e) => e.id));
    expect(ids).toEqual(expect.arrayContaining(['exclusions', 'concerns', 'times', 'reason_${index}', 'weekday', 'memberId', 'outcome', 'justification']));
  });
});

describe('the render-time guard, for a card that would still be too long', () => {
  const huge = notice('A very long notice', worstText(40_000));

  it('leaves a card within the limit exactly as drawn', () => {
    const card = drawCard(notice('Title', 'Text'));
    expect(fitCard(card)).toEqual({ card, shortened: false, size: cardSize(card) });
  });

  it('shortens the text people read until the card fits, keeping it valid and its buttons', () => {
    const withButton = notice('A very long notice', worstText(40_000), [{ title: 'My requests', verb: 'requests.mine', data: { keep: worstText(300) } }]);
    const drawn = drawCard(withButton);
    expect(cardSize(drawn)).toBeGreaterThan(CARD_LIMIT_UTF16);
    const { card, shortened, size } = fitCard(drawn);
    expect(shortened).toBe(true);
    expect(size).toBe(cardSize(card));
    expect(size).toBeLessThanOrEqual(CARD_LIMIT_UTF16);
    expect(problems(card)).toEqual([]);
    expect(cardText(card)).toContain('A very long notice');
    expect((card.actions as { data: unknown }[])[0]!.data).toEqual({ keep: worstText(300) });
  });

  it('says the screen could not be shown when shortening its texts is not enough', () => {
    const buttons = Array.from({ length: 200 }, (_, i) => ({ title: `Button ${i}`, verb: 'requests.mine', data: { n: worstText(200) } }));
    const { card, shortened, size } = fitCard(drawCard(notice('T', 'x', buttons)));
    expect(shortened).toBe(true);
    expect(size).toBeLessThanOrEqual(CARD_LIMIT_UTF16);
    expect(cardText(card)).toContain(TOO_LONG_TO_SHOW.title);
    expect(problems(card)).toEqual([]);
  });

  it('is applied to what Teams is sent, and logged with the screen kind and size only', async () => {
    const lines: string[] = [];
    const log = createLogger('info', new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } }));
    const card = await new TeamsCards({} as TeamsDirectory, log).render(huge);
    expect(cardSize(card)).toBeLessThanOrEqual(CARD_LIMIT_UTF16);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.evt === 'card_shortened');
    expect(logged).toEqual([expect.objectContaining({ view: 'notice', size: cardSize(card) })]);
    expect(lines.join('')).not.toContain('\\"\\\\');
  });
});
