/** The journey's cards, in order; `review` shows everything and submits. */
export const STEPS = ['about', 'exclusions', 'concerns', 'consent', 'details', 'review'] as const;
export type StepId = (typeof STEPS)[number];
export type AnswerStep = Exclude<StepId, 'review'>;
export const ANSWER_STEPS: readonly AnswerStep[] = ['about', 'exclusions', 'concerns', 'consent', 'details'];

export const isStep = (s: unknown): s is StepId => typeof s === 'string' && (STEPS as readonly string[]).includes(s);

export function nextStep(step: StepId): StepId {
  return STEPS[Math.min(STEPS.indexOf(step) + 1, STEPS.length - 1)]!;
}

export function previousStep(step: StepId): StepId {
  return STEPS[Math.max(STEPS.indexOf(step) - 1, 0)]!;
}
