import { z } from 'zod';
import { reasonFor, type ScreeningRule } from '../rule';

/** The family must be open to the local authority's children's safeguarding teams. */
export const openToSocialCare: ScreeningRule = {
  wording: ['not_open_to_social_care'],
  input: () => ({ family: { openToChildrensSocialCare: z.boolean() } }),
  asks: ['openToChildrensSocialCare'],
  fromAnswers: (a) => ({ family: { openToChildrensSocialCare: a.about.openToChildrensSocialCare === 'yes' } }),
  check: (input, catalogue) => (input.family!.openToChildrensSocialCare ? [] : [reasonFor(catalogue, 'not_open_to_social_care', 'cannot_proceed')]),
};
