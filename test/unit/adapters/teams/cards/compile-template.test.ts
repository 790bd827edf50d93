import { compileTemplate, TemplateCompileError } from '../../../../../src/adapters/teams/cards/compile-template';
import { byLibrary, rendered } from '../../../../support/card-oracle';

/*
 * The corners of the templating library the compiler reproduces, each stated and checked against the
 * library itself, and the expressions it refuses, each named in the error.
 */

const render = (template: unknown, data: object) => rendered(() => compileTemplate('cards/probe.json', template)(data));

describe('a compiled template renders as adaptivecards-templating does', () => {
  it.each<[string, unknown, object, unknown]>([
    ['keeps a whole-value binding\'s type', { a: '${n}', b: '${flag}', c: '${list}', d: '${obj}' }, { n: 3, flag: false, list: [1], obj: { x: 1 } }, { a: 3, b: false, c: [1], d: { x: 1 } }],
    ['prints values inside a longer string with toString', { t: '${n}/${flag}/${list}/${obj}' }, { n: 1.5, flag: true, list: ['a', null, 'b'], obj: {} }, { t: '1.5/true/a,,b/[object Object]' }],
    ['leaves an unbound ${x} in place, whole or inside text', { a: '${missing}', t: 'x ${a.b} y', r: '${$root.gone}' }, {}, { a: '${missing}', t: 'x ${a.b} y', r: '${$root.gone}' }],
    ['keeps a null whole value as null', { a: '${n}' }, { n: null }, { a: null }],
    ['matches keys ignoring case, the first key winning', { a: '${label}', b: '${LABEL}' }, { Label: 'first', label: 'second' }, { a: 'first', b: 'first' }],
    ['reads nothing from a falsy value', { a: '${n.x}', b: '${s.length}' }, { n: 0, s: 'text' }, { a: '${n.x}', b: '${s.length}' }],
    ['does not fall back to the root inside $data', [{ $data: '${items}', own: '${v}', outer: '${service}', root: '${$root.service}' }], { service: 'S', items: [{ v: 1 }] }, [{ own: 1, outer: '${service}', root: 'S' }]],
    ['drops an element whose $data is an empty list', [{ $data: '${items}', a: 1 }, { b: 2 }], { items: [] }, [{ b: 2 }]],
    ['gives the element, not a list, for a $data list of one', { p: { $data: '${items}', v: '${v}' } }, { items: [{ v: 1 }] }, { p: { v: 1 } }],
    ['gives a list for a $data list of more, and null for none', { p: { $data: '${items}', v: '${v}' }, q: { $data: '${none}', v: 1 } }, { items: [{ v: 1 }, { v: 2 }], none: [] }, { p: [{ v: 1 }, { v: 2 }], q: null }],
    ['repeats over a missing $data once, scoped to the ${x} stand-in', [{ $data: '${items}', v: '${v}' }], {}, [{ v: '${v}' }]],
    ['scopes to a $data object, and keeps $index', { p: { $data: '${o}', v: '${v}', i: '${$index}' } }, { o: { v: 'in' } }, { p: { v: 'in', i: '${$index}' } }],
    ['numbers the repeats with $index, also in nested scopes', [{ $data: '${items}', i: '${$index}', q: { $data: '${o}', i: '${$index}' } }], { items: [{ o: {} }, { o: {} }] }, [{ i: 0, q: { i: 0 } }, { i: 1, q: { i: 1 } }]],
    ['keeps the previous item\'s scope for an undefined item', [{ $data: '${items}', v: '${v}' }], { items: [{ v: 1 }, undefined, { v: 3 }] }, [{ v: 1 }, { v: 1 }, { v: 3 }]],
    ['evaluates $when per repeat, keeping only true (not truthy)', [{ $data: '${items}', $when: '${ok}', v: '${v}' }], { items: [{ v: 1, ok: true }, { v: 2, ok: 'true' }, { v: 3, ok: 1 }] }, [{ v: 1 }]],
    ['sets a property dropped by $when to null', { p: { $when: '${ok}', a: 1 } }, { ok: false }, { p: null }],
    ['splices lists into a list, however deep, and drops nulls from it', { a: [[1, [2]], '${list}', '${n}'] }, { list: [3, [4]], n: null }, { a: [1, 2, 3, [4]] }],
    ['counts text, lists and object keys; a missing value counts its stand-in', { a: '${count(s)}', b: '${count(l)}', c: '${count(o)}', d: '${count(gone)}' }, { s: 'abc', l: [1], o: { x: 1, y: 2 } }, { a: 3, b: 1, c: 2, d: 7 }],
    ['leaves a count it cannot take as ${count(x)} inside text', { t: 'n=${count(n)}' }, { n: 5 }, { t: 'n=${count(n)}' }],
    ['compares without the stand-in: a missing list is not > 0, nor == 0', { a: '${count(gone) > 0}', b: '${count(gone) == 0}', c: '${count(n) != 1}' }, { n: 5 }, { a: false, b: false, c: false }],
    ['compares text strictly: missing, null, 0 and false are all != \'\'', { a: "${gone != ''}", b: "${n != ''}", c: "${z != ''}", d: "${e != ''}", e: "${e == ''}" }, { n: null, z: 0, e: '' }, { a: true, b: true, c: true, d: false, e: true }],
    ['leaves text without ${ alone, and keeps other $ keys and nulls', { t: 'cost $5 {a}', $schema: 'x', n: 1, b: null }, {}, { t: 'cost $5 {a}', $schema: 'x', n: 1, b: null }],
    ['renders a root $when that fails as null', { $when: '${ok}', a: 1 }, {}, null],
  ])('%s', (_what, template, data, expected) => {
    expect(render(template, data)).toStrictEqual({ card: expected });
    expect(byLibrary(template, data)).toStrictEqual({ card: expected });
  });

  it.each<[string, unknown, object]>([
    ['a null inside text', { t: 'x ${n}' }, { n: null }],
    ['a whole-value count of a number', { a: '${count(n)}' }, { n: 5 }],
    ['a whole-value count of null', { a: '${count(n)}' }, { n: null }],
  ])('throws where the library throws: %s', (_what, template, data) => {
    expect(render(template, data)).toEqual({ threw: true });
    expect(byLibrary(template, data)).toEqual({ threw: true });
  });
});

describe('compiling refuses what it does not support, naming the template, the place and the expression', () => {
  it.each<[string, unknown, string]>([
    ['a function other than count', { body: [{ text: '${toUpper(name)}' }] }, 'body[0].text: "${toUpper(name)}"'],
    ['a function inside text', { t: 'Hello ${formatDateTime(at)}' }, 't: "Hello ${formatDateTime(at)}"'],
    ['arithmetic', { n: '${a - b}' }, 'n: "${a - b}"'],
    ['logic', { $when: '${a && b}', t: 1 }, '$when: "${a && b}"'],
    ['an index', { t: '${items[0]}' }, 't: "${items[0]}"'],
    ['a $ name other than $root and $index', { t: '${$data.x}' }, 't: "${$data.x}"'],
    ['$root in another case', { t: '${$ROOT.x}' }, 't: "${$ROOT.x}"'],
    ['a property of $index', { t: '${$index.x}' }, 't: "${$index.x}"'],
    ['a constant', { t: '${true}' }, 't: "${true}"'],
    ['a comparison of a path with a number', { $when: '${n > 0}', t: 1 }, '$when: "${n > 0}"'],
    ['a comparison of a count with text', { $when: "${count(x) == 'a'}", t: 1 }, `$when: "\${count(x) == 'a'}"`],
    ['an ordering of text', { $when: "${x > 'a'}", t: 1 }, `$when: "\${x > 'a'}"`],
    ['text with an escape', { $when: "${x != '\\''}", t: 1 }, '$when:'],
    ['an unclosed ${', { t: 'a ${b' }, 't: "a ${b"'],
    ['an empty ${}', { t: '${}' }, 't: "${}"'],
    ['a backslash beside an expression', { t: 'a\\n ${b}' }, 't:'],
    ['a backtick beside an expression', { t: '`${b}`' }, 't:'],
    ['a $when that is not an expression', { $when: true, t: 1 }, '$when: "true"'],
    ['a $when with text around it', { $when: 'x ${ok}', t: 1 }, '$when: "x ${ok}"'],
    ['a $when that is a bare count', { $when: '${count(x)}', t: 1 }, '$when: "${count(x)}"'],
    ['a $data that is not a path', { $data: '${count(x)}', t: 1 }, '$data: "${count(x)}"'],
    ['a $data given as a literal list', { $data: [{ a: 1 }], t: 1 }, '$data:'],
    ['a reserved key', { items: [{ $index: 1 }] }, 'items[0].$index: "$index"'],
  ])('%s', (_what, template, place) => {
    const compile = () => compileTemplate('cards/probe.json', template);
    expect(compile).toThrow(TemplateCompileError);
    expect(compile).toThrow(`cards/probe.json at ${place}`);
  });
});
