import { z } from 'zod';
import { DomainError, fieldIssues } from '../../domain/errors';
import { STEPS, ANSWER_STEPS, type AnswerStep } from '../../domain/referral/steps';

/**
 * Card actions arrive from a client we do not control: everything is parsed here, at the edge, and
 * the rest of the code trusts the types. Inputs are strings on the wire; empty means unanswered.
 */
const MAX_INPUT = 5000;
const Id = z.string().min(1).max(80).regex(/^[A-Za-z0-9_.:-]+$/, 'not a valid identifier');
const Version = z.coerce.number().int().positive().max(1_000_000);
const Service = z.string().min(1).max(40).regex(/^[a-z][a-z0-9_]*$/, 'not a valid service');
const Reference = z.string().max(40).regex(/^[A-Z]{2,8}-\d{4}-\d{4,}$/, 'not a valid reference');

export const InvokeValueSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(64),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  trigger: z.string().optional(),
});

export const VERB_DATA = {
  'request.start': z.object({ service: Service, fresh: z.union([z.boolean(), z.enum(['true', 'false'])]).optional() }),
  'draft.save': z.object({ service: Service, draftId: Id, version: Version, step: z.enum(ANSWER_STEPS as [AnswerStep, ...AnswerStep[]]) }),
  'draft.goto': z.object({ service: Service, draftId: Id, version: Version, step: z.enum(STEPS) }),
  'draft.cancel': z.object({ service: Service, draftId: Id.optional() }),
  'draft.resume': z.object({ service: Service }),
  'request.submit': z.object({ service: Service, draftId: Id }),
  'request.review': z.object({ service: Service, reference: Reference, justification: z.string().max(MAX_INPUT).optional() }),
  'request.open': z.object({ service: Service, reference: Reference }),
  'requests.mine': z.object({}),
} as const;

export type Verb = keyof typeof VERB_DATA;
export type VerbData<V extends Verb> = z.infer<(typeof VERB_DATA)[V]>;

export const isVerb = (v: string): v is Verb => Object.prototype.hasOwnProperty.call(VERB_DATA, v);

/** Parses one action's data for its verb; throws `unknown_action` or `invalid_input` naming the fields. */
export function parseVerbData<V extends Verb>(verb: V, data: unknown): VerbData<V> {
  const parsed = VERB_DATA[verb].safeParse(data ?? {});
  if (!parsed.success) throw new DomainError('invalid_input', fieldIssues(parsed.error));
  return parsed.data as VerbData<V>;
}

const MULTI_SELECT = new Set(['exclusions', 'concerns']);

/**
 * Picks one step's inputs out of an action's data and turns wire strings into answers: empty strings
 * become absent, multi-selects become lists. A value that is not a string, or is too long, is refused.
 */
export function stepInputs(data: Record<string, unknown>, inputs: readonly string[]): { values: Record<string, unknown>; raw: Record<string, string> } {
  const values: Record<string, unknown> = {};
  const raw: Record<string, string> = {};
  const issues: { field: string; message: string }[] = [];
  for (const id of inputs) {
    const v = data[id];
    if (v === undefined) continue;
    if (typeof v !== 'string') { issues.push({ field: id, message: 'is not a value this card can send' }); continue; }
    if (v.length > MAX_INPUT) { issues.push({ field: id, message: `is too long (at most ${MAX_INPUT} characters)` }); continue; }
    raw[id] = v;
    const trimmed = v.trim();
    if (MULTI_SELECT.has(id)) values[id] = trimmed === '' ? [] : trimmed.split(',').map((s) => s.trim()).filter(Boolean);
    else if (trimmed !== '') values[id] = trimmed;
  }
  for (const id of MULTI_SELECT) if (inputs.includes(id) && values[id] === undefined && !issues.some((i) => i.field === id)) values[id] = [];
  if (issues.length > 0) throw new DomainError('invalid_input', issues);
  return { values, raw };
}
