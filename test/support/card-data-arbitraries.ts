import fc from 'fast-check';
import { parseExpression, type Path } from '../../src/adapters/teams/cards/template-expression';

/**
 * Generated data for card templates: values that stress the templating rules (missing fields, undefined,
 * null, empty text and lists, text holding `${`, unicode, numbers, booleans, keys in another case), either
 * in the shape a template reads or as random changes to data a builder really passed.
 */

/** Text a card might be given, and text that looks like a template. */
export const cardText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', '${x}', '${label}', '${count(errors)}', '${', '}', '$root', 'Ünïcødé · 😀 ✓', 'a\nb', '\\`', "it's \"quoted\"") },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('$', '{', '}', 'a', ' ', '\\', '`', "'", 'é'), maxLength: 8 }) },
);

/** Any single value a field could hold; `null` and `undefined` only where `absent` allows. */
function valueArbitrary(absent: boolean): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: cardText },
    { weight: 2, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 2, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constantFrom(0, false, '') },
    { weight: absent ? 1 : 0, arbitrary: fc.constantFrom(null, undefined) },
    { weight: 1, arbitrary: fc.array(cardText, { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('a', 'title', 'value', 'Label'), cardText, { maxKeys: 3, noNullPrototype: true }) },
  );
}

export const cardValue = valueArbitrary(true);
const presentValue = valueArbitrary(false);

/** The fields a template reads at one scope; a field read with `$data` is a list of scopes. */
interface Shape {
  fields: Map<string, Shape>;
  list: boolean;
}

const emptyShape = (): Shape => ({ fields: new Map(), list: false });

function fieldAt(path: Path, scope: Shape, root: Shape): Shape {
  let shape = path.start === 'root' ? root : scope;
  for (const name of path.names) {
    let next = shape.fields.get(name);
    if (!next) shape.fields.set(name, (next = emptyShape()));
    shape = next;
  }
  return shape;
}

function pathsIn(text: string): Path[] {
  return [...text.matchAll(/\$\{([^}]*)\}/g)].map(([, source = '']) => parseExpression(source).path);
}

function walk(node: unknown, scope: Shape, root: Shape): void {
  if (typeof node === 'string') for (const path of pathsIn(node)) fieldAt(path, scope, root);
  else if (Array.isArray(node)) for (const item of node) walk(item, scope, root);
  else if (typeof node === 'object' && node !== null) {
    const { $data, ...rest } = node as Record<string, unknown>;
    let inner = scope;
    if (typeof $data === 'string') {
      inner = fieldAt(pathsIn($data)[0]!, scope, root);
      inner.list = true;
    }
    for (const value of Object.values(rest)) walk(value, inner, root);
  }
}

/** Every field a template reads, nested as the template nests its `$data` scopes. */
export function shapeOf(template: unknown): Shape {
  const root = emptyShape();
  walk(template, root, root);
  return root;
}

const capitalised = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);

/**
 * Data in a template's shape. Two times in three every field is there with a value (of any type); otherwise
 * fields may be missing, undefined or null, and keys may come in another case (the library matches keys
 * ignoring case, the first one winning).
 */
export function dataFor(shape: Shape): fc.Arbitrary<Record<string, unknown>> {
  return fc.oneof({ weight: 2, arbitrary: scopeFor(shape, false) }, { weight: 1, arbitrary: scopeFor(shape, true) });
}

function scopeFor(shape: Shape, sparse: boolean): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, inner] of shape.fields) {
    fields[key] = inner.fields.size === 0 ? (sparse ? cardValue : presentValue) : nested(inner, sparse);
    if (sparse && capitalised(key) !== key) fields[capitalised(key)] = fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: cardValue });
  }
  // Only sparse data may hold objects without a prototype: the library cannot print those (nor can we).
  return fc.record(fields, sparse ? { requiredKeys: [] } : { noNullPrototype: true });
}

/** A field the template repeats over is mostly a list of scopes, sometimes one scope or a plain value. */
function nested(inner: Shape, sparse: boolean): fc.Arbitrary<unknown> {
  const scope = scopeFor(inner, sparse);
  const item = sparse ? fc.oneof({ weight: 8, arbitrary: scope }, { weight: 1, arbitrary: fc.constantFrom(undefined, null) }) : scope;
  const list = fc.array(item, { maxLength: 4 });
  const value = sparse ? cardValue : presentValue;
  return inner.list
    ? fc.oneof({ weight: 8, arbitrary: list }, { weight: 1, arbitrary: scope }, { weight: 1, arbitrary: value })
    : fc.oneof({ weight: 8, arbitrary: scope }, { weight: 1, arbitrary: list }, { weight: 1, arbitrary: value });
}

const DROP = Symbol('drop');

/** A builder's real data with random changes: fields dropped or replaced, lists cut short, leaves swapped. */
export function mutantOf(value: unknown): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 12, arbitrary: similar(value) }, { weight: 1, arbitrary: cardValue });
}

function similar(value: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(value)) {
    const keep = fc.oneof({ weight: 3, arbitrary: fc.constant(value.length) }, { weight: 1, arbitrary: fc.nat({ max: value.length }) });
    return fc.tuple(fc.tuple(...value.map(mutantOf)), keep).map(([items, n]) => items.slice(0, n));
  }
  if (typeof value === 'object' && value !== null) {
    const fields = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fc.oneof({ weight: 10, arbitrary: mutantOf(v) }, { weight: 1, arbitrary: fc.constant(DROP) })]));
    return fc.record(fields).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== DROP)));
  }
  return fc.oneof({ weight: 6, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: cardValue });
}
