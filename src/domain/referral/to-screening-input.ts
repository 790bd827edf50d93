import type { Catalogue } from '../catalogue/catalogue';
import { DomainError } from '../errors';
import { rulesOf } from '../screening/screen';
import { mergeParts, type ScreeningInput } from '../screening/screening-input';
import type { Answers } from './answers';
import { journeyOf } from './steps';

/** The steps still to answer before a draft can be screened or submitted. */
export const missingSteps = (catalogue: Catalogue, answers: Answers) => journeyOf(catalogue).answerSteps.filter((s) => !answers[s]);

/** Maps a complete draft onto the screening contract, so the cards and `npm run screen` share one decision. */
export function toScreeningInput(catalogue: Catalogue, answers: Answers): ScreeningInput {
  const missing = missingSteps(catalogue, answers);
  if (missing.length > 0) throw new DomainError('draft_incomplete', missing.map((s) => ({ field: s, message: 'not answered yet' })));
  const complete = { about: {}, exclusions: {}, concerns: {}, consent: {}, details: {}, ...answers } as Required<Answers>;
  return { service: catalogue.service, ...mergeParts(rulesOf(catalogue).map((rule) => rule.fromAnswers(complete))) };
}
