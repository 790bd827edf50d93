/**
 * The expressions the card designs may put inside `${...}`, parsed once when a template is compiled.
 * The grammar is the subset of Adaptive Expressions that cards/ uses; anything else is refused here,
 * with the reason, so that compile-template can name the template and the place.
 */

/** Where a path starts: the current `$data` scope, `$root`, or the repeat index `$index`. */
export type PathStart = 'data' | 'root' | 'index';

/** `a.b.c`, `$root.a.b` or `$index`; `text` is how the library spells it in an unbound `${...}`. */
export interface Path {
  readonly start: PathStart;
  readonly names: readonly string[];
  readonly text: string;
}

export type CompareOp = '==' | '!=' | '>' | '>=' | '<' | '<=';

export type Expression =
  | { readonly kind: 'path'; readonly path: Path }
  | { readonly kind: 'count'; readonly path: Path }
  /** `count(x) > 0`: a count against a whole number. */
  | { readonly kind: 'compareCount'; readonly op: CompareOp; readonly path: Path; readonly value: number }
  /** `x != ''`: a path against a text literal. */
  | { readonly kind: 'compareText'; readonly op: '==' | '!='; readonly path: Path; readonly value: string };

export class ExpressionError extends Error {}

/** The whole subset, for error messages. */
export const SUPPORTED = "a.b.c, $root.a.b, $index, count(a), count(a) > 0 (or ==, !=, >=, <, <= a whole number), a != '' (or == a quoted text)";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Words Adaptive Expressions reads as constants, not as property names. */
const KEYWORDS = new Set(['true', 'false', 'null', 'undefined']);
const COMPARISON = /^(.*?)(==|!=|>=|<=|>|<)(.*)$/s;
const COUNT = /^count\s*\(\s*(.*?)\s*\)$/s;
const WHOLE_NUMBER = /^(0|[1-9][0-9]{0,8})$/;
/** A quoted text without quotes, escapes or anything the template-string lexer treats specially. */
const TEXT = /^'([^'"\\`${}]*)'$|^"([^'"\\`${}]*)"$/;

function parseName(name: string, text: string): string {
  if (!NAME.test(name)) throw new ExpressionError(`"${text}" is not a property path (names of letters, digits and _, joined by dots)`);
  if (KEYWORDS.has(name)) throw new ExpressionError(`"${name}" is a constant in Adaptive Expressions, not a property name`);
  return name;
}

/** `a.b.c`, `$root.a.b` or `$index`. */
export function parsePath(text: string): Path {
  if (!/^[$\w.]+$/.test(text)) throw new ExpressionError(`"${text}" is not an expression this compiler knows; it knows ${SUPPORTED}`);
  const [first = '', ...rest] = text.split('.');
  if (first === '$index') {
    if (rest.length > 0) throw new ExpressionError(`"${text}": $index is a number and has no properties`);
    return { start: 'index', names: [], text };
  }
  if (first === '$root') return { start: 'root', names: rest.map((n) => parseName(n, text)), text };
  if (first.startsWith('$')) throw new ExpressionError(`"${first}" is not supported: only $root and $index`);
  return { start: 'data', names: [first, ...rest].map((n) => parseName(n, text)), text };
}

function parseOperand(text: string): Expression {
  const count = COUNT.exec(text);
  if (count) return { kind: 'count', path: parsePath(count[1] ?? '') };
  if (/[()]/.test(text)) throw new ExpressionError(`"${text}" calls a function: count(a) is the only one this compiler knows`);
  return { kind: 'path', path: parsePath(text) };
}

function parseComparison(left: Expression, op: CompareOp, right: string): Expression {
  const number = WHOLE_NUMBER.exec(right);
  if (left.kind === 'count' && number) return { kind: 'compareCount', op, path: left.path, value: Number(number[1]) };
  const text = TEXT.exec(right);
  if (left.kind === 'path' && text && (op === '==' || op === '!=')) return { kind: 'compareText', op, path: left.path, value: text[1] ?? text[2] ?? '' };
  throw new ExpressionError(`a comparison must be count(a) with a whole number, or a path == or != a quoted text without quotes or escapes; this compiler knows ${SUPPORTED}`);
}

/** Parses what is between `${` and `}`. */
export function parseExpression(source: string): Expression {
  const comparison = COMPARISON.exec(source);
  if (!comparison) return parseOperand(source.trim());
  const [, left = '', op = '', right = ''] = comparison;
  return parseComparison(parseOperand(left.trim()), op as CompareOp, right.trim());
}
