import { isDomainError, type FieldIssue } from '../../../../src/domain/errors';
import { itemsSchema, parseMeasureInput } from '../../../../src/domain/measures/parse-measure-input';

/** The issues a document is refused with, or a failure if it was accepted. */
function refusal(raw: unknown): FieldIssue[] {
  try {
    parseMeasureInput(raw);
  } catch (e) {
    if (isDomainError(e) && e.code === 'invalid_input') return [...e.issues];
    throw e;
  }
  throw new Error(`accepted ${JSON.stringify(raw)}`);
}
const fields = (raw: unknown) => refusal(raw).map((i) => i.field);

const PHQ9 = [1, 2, 3, 0, 1, 2, 0, 1, 1];
const GAD7 = [2, 2, 2, 2, 1, 1, 1];

describe('parseMeasureInput', () => {
  it('accepts one questionnaire and a pair', () => {
    expect(parseMeasureInput({ instrument: 'phq9', items: PHQ9 })).toEqual({ instrument: 'phq9', items: PHQ9 });
    expect(parseMeasureInput({ instrument: 'gad7', before: GAD7, after: [0, 0, 0, 0, 0, 0, 0] }))
      .toEqual({ instrument: 'gad7', before: GAD7, after: [0, 0, 0, 0, 0, 0, 0] });
  });

  it('names `items` when the count is wrong, with the count expected and given', () => {
    expect(refusal({ instrument: 'phq9', items: PHQ9.slice(0, 8) })).toEqual([{ field: 'items', message: 'PHQ-9 has exactly 9 items, got 8' }]);
    expect(refusal({ instrument: 'gad7', items: PHQ9 })).toEqual([{ field: 'items', message: 'GAD-7 has exactly 7 items, got 9' }]);
    expect(fields({ instrument: 'gad7', items: [] })).toEqual(['items']);
  });

  it.each([[4], [-1], [1.5], ['2'], [null], [true]])('names `items[4]` for an answer of %p', (answer) => {
    const items = [...PHQ9];
    items[4] = answer as number;
    const [issue, ...rest] = refusal({ instrument: 'phq9', items });
    expect(rest).toEqual([]);
    expect(issue).toEqual({ field: 'items[4]', message: `${JSON.stringify(answer)} is not an answer: each item is a whole number from 0 to 3` });
  });

  it('names every offending answer', () => {
    expect(fields({ instrument: 'gad7', items: [9, 0, 0, 0, 0, 0, -2] })).toEqual(['items[0]', 'items[6]']);
  });

  it('names `before[2]` and `after` in a pair', () => {
    expect(fields({ instrument: 'gad7', before: [0, 0, 4, 0, 0, 0, 0], after: GAD7 })).toEqual(['before[2]']);
    expect(fields({ instrument: 'gad7', before: GAD7 })).toEqual(['after']);
    expect(fields({ instrument: 'phq9', before: PHQ9, after: GAD7 })).toEqual(['after']);
  });

  it('names `items` when neither shape is given, or both', () => {
    expect(fields({ instrument: 'phq9' })).toEqual(['items']);
    expect(fields({ instrument: 'phq9', items: PHQ9, before: PHQ9 })).toEqual(['items']);
    expect(fields({ instrument: 'phq9', items: 'all of them' })).toEqual(['items']);
  });

  it('names `instrument` when it is unknown or missing', () => {
    expect(refusal({ instrument: 'phq8', items: PHQ9 })).toEqual([{ field: 'instrument', message: 'unknown instrument "phq8": expected "phq9" or "gad7"' }]);
    expect(refusal({ items: PHQ9 })).toEqual([{ field: 'instrument', message: 'required: expected "phq9" or "gad7"' }]);
    expect(fields({ instrument: 'PHQ9', items: PHQ9 })).toEqual(['instrument']);
  });

  it('refuses a document that is not an object', () => {
    expect(fields([PHQ9])).toEqual(['(document)']);
    expect(fields(7)).toEqual(['(document)']);
  });
});

describe('itemsSchema', () => {
  it('is the one check of answers, for cards and APIs as for the command', () => {
    expect(itemsSchema('gad7').safeParse(GAD7).success).toBe(true);
    expect(itemsSchema('gad7').safeParse(PHQ9).success).toBe(false);
    expect(itemsSchema('phq9').safeParse([...PHQ9.slice(0, 8), 3.5]).success).toBe(false);
  });
});
