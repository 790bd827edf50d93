import { z } from 'zod';
import { reasonFor, type ScreeningRule } from '../rule';

/** A parent already under a community mental health team: the team weighs whether its work would help or duplicate. */
export const specialistCare: ScreeningRule = {
  wording: ['already_in_specialist_care'],
  input: () => ({ parent: { inSecondaryMentalHealthCare: z.boolean() } }),
  asks: ['inSecondaryMentalHealthCare'],
  fromAnswers: (a) => ({ parent: { inSecondaryMentalHealthCare: a.parent.inSecondaryMentalHealthCare === 'yes' } }),
  check: (input, catalogue) => (input.parent!.inSecondaryMentalHealthCare ? [reasonFor(catalogue, 'already_in_specialist_care', 'clinical_review')] : []),
};
