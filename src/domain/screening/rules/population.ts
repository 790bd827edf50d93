import { z } from 'zod';
import { reasonFor, type ScreeningRule } from '../rule';

/**
 * Who the service is for: families where there are significant safeguarding concerns for the children in
 * the parents' care. Both are optional in a screening document (absent: not asked, no effect); the journey
 * asks both. Children not in their parents' care are for the care-proceedings rule when the family is in
 * proceedings.
 */
export const population: ScreeningRule = {
  wording: ['no_significant_concerns', 'children_not_in_parents_care'],
  input: () => ({ family: { significantConcerns: z.boolean().optional(), childrenInParentsCare: z.boolean().optional() } }),
  asks: ['significantConcerns', 'childrenInParentsCare'],
  fromAnswers: ({ about }) => ({
    family: {
      ...(about.significantConcerns ? { significantConcerns: about.significantConcerns === 'yes' } : {}),
      ...(about.childrenInParentsCare ? { childrenInParentsCare: about.childrenInParentsCare === 'yes' } : {}),
    },
  }),
  check: (input, catalogue) => [
    ...(input.family?.significantConcerns === false ? [reasonFor(catalogue, 'no_significant_concerns', 'not_recommended')] : []),
    ...(input.family?.childrenInParentsCare === false && !input.careProceedings?.inProceedings
      ? [reasonFor(catalogue, 'children_not_in_parents_care', 'not_recommended')] : []),
  ],
};
