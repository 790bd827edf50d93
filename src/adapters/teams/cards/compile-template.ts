/**
 * Compiles a card design from cards/ into a plain render function, once, so that rendering a card does
 * no expression work at all.
 *
 * Why hand-written: adaptivecards-templating, the official SDK, has no compile step. A Template parses its
 * `${...}` once (ANTLR, in the constructor), but every expand() walks the whole design again and evaluates
 * every expression through adaptive-expressions' general interpreter: the path rebuilt as a string and split
 * again by regular expressions, the data's keys scanned, a memory and an options object made per
 * expression. The profile shows that cost. The designs use a small subset of the templating language, so
 * this compiler knows exactly that subset (see template-expression.ts), refuses anything else when the
 * template is compiled, naming the template, the place and the expression, and otherwise produces what the
 * library produces, odd corners included: an unbound `${x}` is left in the card, a `$data` bound to an
 * empty list drops its element, a `$data` list of one gives an object rather than a list.
 *
 * The library stays as the oracle: the tests render every design both ways, on the builders' data and on
 * generated data, and require the same JSON. Designers keep editing the JSON in the Adaptive Cards Designer.
 */
import { ExpressionError, parseExpression, type Expression } from './template-expression';
import { conditionOf, textOf, valueOf } from './template-evaluators';
import type { Read, Scope } from './template-runtime';

/** A compiled design: the data in, the card (or the list of elements, for a part) out. */
export type RenderTemplate = (data: object) => unknown;

type Render = (scope: Scope) => unknown;

export class TemplateCompileError extends Error {}

/** Which template, and where in it, for an error a designer can act on. */
interface Place {
  readonly template: string;
  readonly at: string;
}

const inside = (place: Place, key: string | number): Place =>
  ({ template: place.template, at: typeof key === 'number' ? `${place.at}[${key}]` : place.at ? `${place.at}.${key}` : key });

function fail(place: Place, source: string, reason: string): never {
  throw new TemplateCompileError(`${place.template} at ${place.at || 'the top'}: ${JSON.stringify(source)} is not supported: ${reason}`);
}

/** Keys the library reserves besides `$data` and `$when`; it drops them from the card without a word. */
const RESERVED = new Set(['$root', '$index', '$host', '$_acTemplateVersion']);

type Piece = string | Expression;

function parse(source: string, text: string, place: Place): Expression {
  try {
    return parseExpression(source);
  } catch (e) {
    if (e instanceof ExpressionError) fail(place, text, e.message);
    throw e;
  }
}

/** "Request ${reference} · ${statusLabel}" as its literal texts and its expressions, in order. */
function pieces(text: string, place: Place): Piece[] {
  if (/[\\`]/.test(text)) fail(place, text, 'the library reads backslashes and backticks as escapes here: leave them out of a string with ${...}');
  const out: Piece[] = [];
  let at = 0;
  for (let open = text.indexOf('${'); open >= 0; open = text.indexOf('${', at)) {
    const close = text.indexOf('}', open + 2);
    if (close < 0) fail(place, text, 'a "${" is not closed');
    if (open > at) out.push(text.slice(at, open));
    out.push(parse(text.slice(open + 2, close), text, place));
    at = close + 1;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** A string that is one `${...}` and nothing else: `$data` and `$when` must be one. */
function single(source: unknown, place: Place, what: string): Expression {
  const text = typeof source === 'string' ? source : JSON.stringify(source);
  const parts = typeof source === 'string' && source.includes('${') ? pieces(source, place) : [];
  const [only] = parts;
  if (parts.length !== 1 || only === undefined || typeof only === 'string') fail(place, text, `${what} must be a single \${...} and nothing else`);
  return only;
}

/** Text without `${` is kept as it is; one `${...}` alone keeps its value's type; anything longer is text. */
function compileString(text: string, place: Place): Render {
  if (!text.includes('${')) return () => text;
  const parts = pieces(text, place);
  const [only] = parts;
  if (parts.length === 1 && only !== undefined && typeof only !== 'string') return valueOf(only);
  const renders = parts.map((p) => (typeof p === 'string' ? () => p : textOf(p)));
  return (scope) => {
    let out = '';
    for (const render of renders) out += render(scope);
    return out;
  };
}

/** Elements that render to null (dropped by `$when`, or an empty `$data`) go; lists are spliced in. */
function compileArray(nodes: readonly unknown[], place: Place): Render {
  const renders = nodes.map((node, i) => compileNode(node, inside(place, i)));
  return (scope) => {
    let out: unknown[] = [];
    for (const render of renders) {
      const value = render(scope);
      if (value === null) continue;
      if (Array.isArray(value)) out = out.concat(value);
      else out.push(value);
    }
    return out;
  };
}

/** Every key but the directives, in order; a value that renders to undefined is left out (null stays). */
function compileFields(node: Record<string, unknown>, place: Place): Render {
  const keys = Object.keys(node).filter((key) => key !== '$data' && key !== '$when');
  for (const key of keys) if (RESERVED.has(key)) fail(inside(place, key), key, `${key} is reserved by the templating language, which drops it`);
  const renders = keys.map((key) => compileNode(node[key], inside(place, key)));
  return (scope) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const value = renders[i]!(scope);
      if (value !== undefined) out[keys[i]!] = value;
    }
    return out;
  };
}

function compileWhen(source: unknown, place: Place): (scope: Scope) => boolean {
  const condition = conditionOf(single(source, place, '$when'));
  if (!condition) fail(place, String(source), 'a count alone is never true: compare it, as in ${count(items) > 0}');
  return condition;
}

function compileData(source: unknown, place: Place): Read {
  const expression = single(source, place, '$data');
  if (expression.kind !== 'path') fail(place, String(source), '$data must be a path, as in ${items}');
  return valueOf(expression);
}

/**
 * The element once per item of a list, each item its `$data` and its position `$index`; once, in the
 * value's scope, for anything else (a missing path's `${x}` stand-in included). None left gives null,
 * one gives the element itself, more give a list. An undefined item keeps the previous item's scope,
 * as the library's loop does.
 */
function repeat(one: Render, data: Read): Render {
  return (scope) => {
    const value = data(scope);
    if (!Array.isArray(value)) return one(value === undefined ? scope : { root: scope.root, data: value, index: scope.index });
    const out: unknown[] = [];
    let current = scope.data;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item !== undefined) current = item;
      const element = one({ root: scope.root, data: current, index: i });
      if (element !== null) out.push(element);
    }
    return out.length === 0 ? null : out.length === 1 ? out[0] : out;
  };
}

function compileObject(node: Record<string, unknown>, place: Place): Render {
  const build = compileFields(node, place);
  const when = node.$when === undefined ? undefined : compileWhen(node.$when, inside(place, '$when'));
  const one: Render = when ? (scope) => (when(scope) ? build(scope) : null) : build;
  return node.$data === undefined ? one : repeat(one, compileData(node.$data, inside(place, '$data')));
}

function compileNode(node: unknown, place: Place): Render {
  if (typeof node === 'string') return compileString(node, place);
  if (Array.isArray(node)) return compileArray(node, place);
  if (typeof node === 'object' && node !== null) return compileObject(node as Record<string, unknown>, place);
  return () => node;
}

/** Compiles a parsed design; `name` (e.g. "cards/booking/case.json") is only for error messages. */
export function compileTemplate(name: string, template: unknown): RenderTemplate {
  const render = compileNode(template, { template: name, at: '' });
  return (data) => render({ root: data, data, index: undefined });
}
