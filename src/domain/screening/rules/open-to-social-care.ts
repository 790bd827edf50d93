import { reasonFor, type Rule } from '../rule';

/** The family must be open to the county's children's safeguarding teams. */
export const checkOpenToSocialCare: Rule = (input, catalogue) =>
  input.family.openToChildrensSocialCare ? [] : [reasonFor(catalogue, 'not_open_to_social_care', 'cannot_proceed')];
