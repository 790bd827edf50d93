import type { Rule } from '../rule';

/** Each circumstance the service does not recommend referring, in its own words and with somewhere else to go. */
export const checkExclusions: Rule = (input, catalogue) =>
  catalogue.exclusions
    .filter((exclusion) => input.exclusions.includes(exclusion.id))
    .map((exclusion) => ({
      criterion: exclusion.id,
      effect: 'not_recommended' as const,
      text: exclusion.text,
      ...(exclusion.signposting ? { signposting: exclusion.signposting } : {}),
    }));
