import { z } from 'zod';
import { DomainError, fieldIssues } from '../errors';
import { INSTRUMENT_IDS, INSTRUMENTS, ITEM_MAX, type Instrument } from './instruments';

/** One questionnaire to score, or the same questionnaire given twice to compare. */
export type MeasureInput =
  | { instrument: Instrument; items: number[] }
  | { instrument: Instrument; before: number[]; after: number[] };

const shown = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

const notAnAnswer = (iss: { input?: unknown }) =>
  `${shown(iss.input)} is not an answer: each item is a whole number from 0 to ${ITEM_MAX}`;

/** One answer: 0 (not at all) to 3 (nearly every day), nothing else. */
export const answerSchema = z
  .number({ error: notAnAnswer })
  .int({ error: notAnAnswer })
  .min(0, { error: notAnAnswer })
  .max(ITEM_MAX, { error: notAnAnswer });

/** An instrument's answers, in the order printed on the form; reusable by any card or API that takes them. */
export function itemsSchema(instrument: Instrument) {
  const { label, items } = INSTRUMENTS[instrument];
  const count = `${label} has exactly ${items} items`;
  return z.array(answerSchema, { error: `expected a list of the ${items} answers (${count})` }).superRefine((answers, ctx) => {
    if (answers.length !== items) ctx.addIssue({ code: 'custom', message: `${count}, got ${answers.length}` });
  });
}

const InstrumentSchema = z.object(
  {
  instrument: z.enum(INSTRUMENT_IDS, {
    error: (iss) => `${iss.input === undefined ? 'required' : `unknown instrument ${shown(iss.input)}`}: expected "phq9" or "gad7"`,
  }),
  },
  { error: 'expected a JSON object: {"instrument", "items"} or {"instrument", "before", "after"}' },
);

const single = (instrument: Instrument) => z.object({ instrument: z.literal(instrument), items: itemsSchema(instrument) });
const paired = (instrument: Instrument) =>
  z.object({ instrument: z.literal(instrument), before: itemsSchema(instrument), after: itemsSchema(instrument) });

const invalid = (field: string, message: string) => new DomainError('invalid_input', [{ field, message }]);

/**
 * Checks a measure document: `{instrument, items}` to score one questionnaire, or `{instrument, before, after}` to
 * compare two. Throws `invalid_input` naming each offending field (`instrument`, `items`, `items[4]`, `before[2]`).
 */
export function parseMeasureInput(raw: unknown): MeasureInput {
  const head = InstrumentSchema.safeParse(raw);
  if (!head.success) throw new DomainError('invalid_input', fieldIssues(head.error));
  const { instrument } = head.data;
  const doc = raw as Record<string, unknown>;
  const hasItems = 'items' in doc;
  const hasPair = 'before' in doc || 'after' in doc;
  if (hasItems && hasPair) throw invalid('items', 'give either "items" to score, or "before" and "after" to compare, not both');
  if (!hasItems && !hasPair) throw invalid('items', `required: the ${INSTRUMENTS[instrument].items} answers (or "before" and "after" to compare two)`);
  const parsed = (hasItems ? single(instrument) : paired(instrument)).safeParse(raw);
  if (!parsed.success) throw new DomainError('invalid_input', fieldIssues(parsed.error));
  return parsed.data;
}
