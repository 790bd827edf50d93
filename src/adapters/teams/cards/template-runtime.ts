/**
 * How a compiled template reads its data, as adaptivecards-templating 2.3 over adaptive-expressions 4.23
 * does (their sources are cited by function name), so that a compiled card is the library's card.
 * Card data is JSON-shaped (plain objects, arrays, text, numbers, booleans, null); the library's extra
 * handling of Map instances is not reproduced.
 */
import type { Path } from './template-expression';

/** What an expression sees: the data passed in, the current `$data` and the current `$index`. */
export interface Scope {
  readonly root: unknown;
  readonly data: unknown;
  readonly index: number | undefined;
}

/** Reads one value from the scope; `undefined` when it is missing. */
export type Read = (scope: Scope) => unknown;

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * One step of a path, as InternalFunctionUtils.accessProperty takes it: nothing from a falsy value, and
 * otherwise the first own enumerable key, in Object.keys order, that matches ignoring case ({ Label, label }
 * gives Label's value). The length test is only a shortcut: names are ASCII, and the one character whose
 * lower case is ASCII (the Kelvin sign, to "k") keeps its length.
 */
export function property(owner: unknown, name: string, lower: string): unknown {
  if (!owner) return undefined;
  for (const key in owner as object) {
    if (key.length === name.length && hasOwn.call(owner, key) && key.toLowerCase() === lower) return (owner as Record<string, unknown>)[key];
  }
  return undefined;
}

const start = {
  data: (scope: Scope) => scope.data,
  root: (scope: Scope) => scope.root,
  index: (scope: Scope) => scope.index,
};

/** Compiles a path into a reader: its start, then each name in turn. */
export function reader(path: Path): Read {
  const first = start[path.start];
  const names = path.names;
  const lowers = names.map((n) => n.toLowerCase());
  if (names.length === 1) {
    const name = names[0]!;
    const lower = lowers[0]!;
    return (scope) => property(first(scope), name, lower);
  }
  return (scope) => {
    let value = first(scope);
    for (let i = 0; i < names.length; i++) value = property(value, names[i]!, lowers[i]!);
    return value;
  };
}

/**
 * The library's default for a missing value (GlobalSettings.getUndefinedFieldValueSubstitutionString is
 * never set here): the binding itself, so `${x}` stays `${x}` in the card. Only `undefined` counts as
 * missing; a `null` is a value.
 */
export function boundOrLeft(read: Read, path: Path): Read {
  const unbound = `\${${path.text}}`;
  return (scope) => {
    const value = read(scope);
    return value === undefined ? unbound : value;
  };
}

/** count(x), as the Count evaluator: text and lists by length, objects by keys; anything else (null too) is an error: undefined. */
export function countOf(value: unknown): number | undefined {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length;
  return undefined;
}

/**
 * A value inside a longer string: the library calls `value.toString()` on it, so numbers print as JavaScript
 * prints them, lists as "a,b", objects as "[object Object]", and a null throws as it does in the library.
 */
export function asText(value: unknown): string {
  return (value as { toString(): string }).toString();
}
