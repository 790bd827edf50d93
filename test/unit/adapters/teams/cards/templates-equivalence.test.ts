import fc from 'fast-check';
import { compileTemplate, type RenderTemplate } from '../../../../../src/adapters/teams/cards/compile-template';
import { cardTemplateNames, readCardTemplate } from '../../../../../src/adapters/teams/cards/templates';
import { dataFor, mutantOf, shapeOf } from '../../../../support/card-data-arbitraries';
import { byLibrary, rendered } from '../../../../support/card-oracle';
import { CARD_SCENARIOS } from '../../../../support/card-scenarios';

/*
 * The compiled templates are held to adaptivecards-templating itself: for every design in cards/, on the
 * data the real card builders pass and on generated data, both must give the same JSON (or both throw).
 */

// Records what each builder passes to its template, and still renders it.
jest.mock('../../../../../src/adapters/teams/cards/templates', () => {
  const actual = jest.requireActual('../../../../../src/adapters/teams/cards/templates');
  const calls: [string, object][] = [];
  return { ...actual, calls, expand: (name: string, data: object) => (calls.push([name, data]), actual.expand(name, data)) };
});
const { calls } = jest.requireMock('../../../../../src/adapters/teams/cards/templates') as { calls: [string, object][] };

const SEED = 20260323;
const NAMES = cardTemplateNames();
const compiled = new Map<string, RenderTemplate>(NAMES.map((name) => [name, compileTemplate(`cards/${name}.json`, readCardTemplate(name))]));
const designs = new Map(NAMES.map((name) => [name, readCardTemplate(name)]));

function expectAsLibrary(name: string, data: object): void {
  expect(rendered(() => compiled.get(name)!(data))).toStrictEqual(byLibrary(designs.get(name), data));
}

/** What each builder scenario handed to which template. */
const builderData = CARD_SCENARIOS.flatMap(([scenario, build]) => {
  const from = calls.length;
  build();
  return calls.slice(from).map(([name, data]) => ({ scenario, name, data }));
});

describe('compiled card templates', () => {
  it('compile, every design in cards/', () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(20);
    expect([...compiled.keys()]).toEqual(NAMES);
  });

  it('are used by every template the builders render, so the scenarios below cover them all', () => {
    expect(new Set(builderData.map((b) => b.name))).toEqual(new Set(NAMES));
  });

  it.each(builderData.map((b) => [`${b.scenario} (${b.name})`, b.name, b.data] as const))(
    'render %s as the library does', (_label, name, data) => {
      expectAsLibrary(name, data);
    },
  );

  it.each(NAMES)('render %s as the library does on generated data in its shape', (name) => {
    fc.assert(fc.property(dataFor(shapeOf(designs.get(name))), (data) => expectAsLibrary(name, data)), { seed: SEED, numRuns: 150 });
  });

  it.each(NAMES)('render %s as the library does on changed builder data', (name) => {
    const samples = builderData.filter((b) => b.name === name).map((b) => b.data);
    const data = fc.constantFrom(...samples).chain(mutantOf).filter((d): d is object => typeof d === 'object' && d !== null);
    fc.assert(fc.property(data, (d) => expectAsLibrary(name, d)), { seed: SEED, numRuns: 100 });
  });
});
