import { reasonFor, type Rule } from '../rule';

/** Only the family's allocated social worker or mental health practitioner may refer. */
export const checkReferrerRole: Rule = (input, catalogue) =>
  catalogue.referrerRoles.allowed.includes(input.referrer.role) ? [] : [reasonFor(catalogue, 'referrer_role', 'cannot_proceed')];
