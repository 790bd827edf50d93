/**
 * Each parsed expression becomes a function of the scope, in the three places a template uses one:
 * a whole value ("${times}"), a piece of a longer string ("Request ${reference}"), and a `$when`.
 * The library evaluates these three differently; the differences are reproduced here.
 */
import type { CompareOp, Expression, Path } from './template-expression';
import { asText, boundOrLeft, countOf, reader, type Read, type Scope } from './template-runtime';

/** Thrown while rendering where the library throws too (a whole-value count of a number, say). */
export class TemplateRenderError extends Error {}

const COMPARE: Record<CompareOp, (a: number, b: number) => boolean> = {
  '==': (a, b) => a === b, '!=': (a, b) => a !== b, '>': (a, b) => a > b, '>=': (a, b) => a >= b, '<': (a, b) => a < b, '<=': (a, b) => a <= b,
};

/**
 * A comparison, as ComparisonEvaluator runs one: its operands are read without the `${x}` stand-in for a
 * missing value, and an operand that fails (a count of a missing value, of a number or of null) makes it false.
 */
function comparison(expression: Extract<Expression, { kind: 'compareCount' | 'compareText' }>): (scope: Scope) => boolean {
  const read = reader(expression.path);
  if (expression.kind === 'compareText') {
    const { value } = expression;
    return expression.op === '==' ? (scope) => read(scope) === value : (scope) => read(scope) !== value;
  }
  const { value } = expression;
  const compare = COMPARE[expression.op];
  return (scope) => {
    const count = countOf(read(scope));
    return count !== undefined && compare(count, value);
  };
}

/** The count of a path as a value; a missing path counts its `${x}` stand-in, as the library does. */
function counted(path: Path): (scope: Scope) => number | undefined {
  const read = boundOrLeft(reader(path), path);
  return (scope) => countOf(read(scope));
}

/** The expression as a whole value: the value keeps its type; an unbound path stays `${path}`. */
export function valueOf(expression: Expression): Read {
  switch (expression.kind) {
    case 'path': return boundOrLeft(reader(expression.path), expression.path);
    case 'count': {
      const count = counted(expression.path);
      const { text } = expression.path;
      return (scope) => {
        const n = count(scope);
        if (n === undefined) throw new TemplateRenderError(`count(${text}): ${text} is not a list, a text or an object`);
        return n;
      };
    }
    default: return comparison(expression);
  }
}

/** The expression as part of a longer string: a count that fails is left as `${count(path)}` in the text. */
export function textOf(expression: Expression): (scope: Scope) => string {
  switch (expression.kind) {
    case 'path': {
      const read = valueOf(expression);
      return (scope) => asText(read(scope));
    }
    case 'count': {
      const count = counted(expression.path);
      const failed = `\${count(${expression.path.text})}`;
      return (scope) => {
        const n = count(scope);
        return n === undefined ? failed : String(n);
      };
    }
    default: {
      const test = comparison(expression);
      return (scope) => String(test(scope));
    }
  }
}

/**
 * The expression as a `$when`: evaluated without the `${x}` stand-in, and only `true` keeps the element
 * (a "true" text or a 1 drops it). A bare count is never true, so it is refused.
 */
export function conditionOf(expression: Expression): ((scope: Scope) => boolean) | undefined {
  switch (expression.kind) {
    case 'path': {
      const read = reader(expression.path);
      return (scope) => read(scope) === true;
    }
    case 'count': return undefined;
    default: return comparison(expression);
  }
}
