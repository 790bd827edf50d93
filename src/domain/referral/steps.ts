import type { Catalogue } from '../catalogue/catalogue';
import { FIELDS, fieldsFor, type FieldId } from './fields';

/** The journey's cards, in order; `review` shows everything and submits. A service asks only the steps it has questions for. */
export const STEPS = ['about', 'exclusions', 'concerns', 'parent', 'consent', 'details', 'review'] as const;
export type StepId = (typeof STEPS)[number];
export type AnswerStep = Exclude<StepId, 'review'>;
export const ANSWER_STEPS: readonly AnswerStep[] = ['about', 'exclusions', 'concerns', 'parent', 'consent', 'details'];

export const isStep = (s: unknown): s is StepId => typeof s === 'string' && (STEPS as readonly string[]).includes(s);

/** A service's journey: its answer steps and their questions, then the review. */
export interface Journey {
  steps: readonly StepId[];
  answerSteps: readonly AnswerStep[];
  fields: Readonly<Partial<Record<AnswerStep, readonly FieldId[]>>>;
}

const journeys = new WeakMap<Catalogue, Journey>();

export function journeyOf(catalogue: Catalogue): Journey {
  let journey = journeys.get(catalogue);
  if (!journey) {
    const asked = fieldsFor(catalogue);
    const fields: Partial<Record<AnswerStep, FieldId[]>> = {};
    for (const f of asked) (fields[FIELDS[f].step] ??= []).push(f);
    const answerSteps = ANSWER_STEPS.filter((s) => fields[s]);
    journey = { steps: [...answerSteps, 'review'], answerSteps, fields };
    journeys.set(catalogue, journey);
  }
  return journey;
}

export function nextStep(journey: Journey, step: StepId): StepId {
  const i = journey.steps.indexOf(step);
  return journey.steps[Math.min(i + 1, journey.steps.length - 1)]!;
}

export function previousStep(journey: Journey, step: StepId): StepId {
  const i = journey.steps.indexOf(step);
  return journey.steps[Math.max(i - 1, 0)]!;
}
