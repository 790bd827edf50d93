import fc from 'fast-check';
import { compileTemplate } from '../../../../../src/adapters/teams/cards/compile-template';
import { cardText, cardValue, dataFor, shapeOf } from '../../../../support/card-data-arbitraries';
import { byLibrary, rendered } from '../../../../support/card-oracle';

/*
 * Designs nobody has written yet: random templates in the supported subset (nested $data and $when,
 * whole values, interpolation in any text, spacing inside ${...}), on random data, against the library.
 * A designer may combine the subset in ways cards/ does not today; each way must still match.
 */

const NAMES = ['a', 'b', 'items', 'label'];
const space = fc.constantFrom('', '', ' ', '  ');
const name = fc.constantFrom(...NAMES);
const path = fc.oneof(
  { weight: 4, arbitrary: name },
  { weight: 2, arbitrary: fc.array(name, { minLength: 2, maxLength: 3 }).map((ns) => ns.join('.')) },
  { weight: 1, arbitrary: fc.array(name, { maxLength: 2 }).map((ns) => ['$root', ...ns].join('.')) },
  { weight: 1, arbitrary: fc.constant('$index') },
);
const count = fc.tuple(space, path, space).map(([s, p, t]) => `count${s}(${t}${p}${s})`);
const countComparison = fc.tuple(count, space, fc.constantFrom('==', '!=', '>', '>=', '<', '<='), space, fc.nat(3)).map((parts) => parts.join(''));
const textComparison = fc.tuple(path, space, fc.constantFrom('==', '!='), space, fc.constantFrom("''", "'x'", '"a b"', "' '")).map((parts) => parts.join(''));
const condition = fc.oneof(path, countComparison, textComparison);
const anyExpression = fc.oneof(path, count, countComparison, textComparison);
const wrap = (e: fc.Arbitrary<string>) => fc.tuple(space, e, space).map(([s, x, t]) => `\${${s}${x}${t}}`);

/** Literal text around expressions: anything the lexer takes as it is (no backslash, no backtick, no "${" of its own). */
const literal = fc.string({ unit: fc.constantFrom('a', ' ', '$', '{', '}', "'", '"', '·', 'é', '😀', '\n'), maxLength: 5 });
const opens = (s: string) => s.split('${').length - 1;
const text = fc.oneof(
  { weight: 2, arbitrary: wrap(anyExpression) },
  { weight: 3, arbitrary: fc.array(fc.oneof(literal.map((l) => [l, 0] as const), wrap(anyExpression).map((e) => [e, 1] as const)), { minLength: 1, maxLength: 4 })
    .map((parts) => ({ text: parts.map(([t]) => t).join(''), expressions: parts.reduce((n, [, e]) => n + e, 0) }))
    .filter(({ text, expressions }) => opens(text) === expressions).map(({ text }) => text) },
  { weight: 1, arbitrary: literal.filter((l) => opens(l) === 0) },
);

const { node } = fc.letrec<{ node: unknown; object: Record<string, unknown>; list: unknown[] }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    text, fc.integer(), fc.boolean(), fc.constant(null), tie('object'), tie('list')),
  list: fc.array(tie('node'), { maxLength: 3 }),
  object: fc.record({
    $data: wrap(path), $when: wrap(condition), type: fc.constantFrom('TextBlock', 'Container'), text, value: tie('node'), items: tie('list'),
  }, { requiredKeys: ['type'] }),
}));

/** Data over the same names, and in other cases, with lists that hold undefined and null items; or in the template's shape. */
const { data } = fc.letrec<{ data: Record<string, unknown>; field: unknown }>((tie) => ({
  data: fc.dictionary(fc.constantFrom(...NAMES, 'Label', 'Items', 'A'), tie('field'), { maxKeys: 5, noNullPrototype: true }),
  field: fc.oneof({ depthSize: 'small' },
    cardValue, cardText, fc.constantFrom(0, false, '', ' ', 'x'), tie('data'), fc.array(fc.oneof({ weight: 6, arbitrary: tie('data') }, { weight: 1, arbitrary: fc.constantFrom(undefined, null, 0, 'x') }), { maxLength: 4 })),
}));

describe('any template in the supported subset', () => {
  it('compiles, and renders any data as the library does', () => {
    const templateAndData = node.chain((template) => fc.tuple(
      fc.constant(template), fc.array(fc.oneof(data, dataFor(shapeOf(template))), { minLength: 1, maxLength: 3 })));
    fc.assert(fc.property(templateAndData, ([template, samples]) => {
      const render = compileTemplate('cards/generated.json', template);
      for (const sample of samples) expect(rendered(() => render(sample))).toStrictEqual(byLibrary(template, sample));
    }), { seed: 20260323, numRuns: 400 });
  });
});
