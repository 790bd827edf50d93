import { z } from 'zod';
import { unknownIds, type ScreeningRule } from '../rule';

/** Each circumstance the service does not recommend referring, in its own words and with somewhere else to go. */
export const exclusions: ScreeningRule = {
  wording: [],
  needs: (c) => (c.exclusions.length > 0 ? undefined : 'exclusions: the exclusions rule needs at least one exclusion'),
  input: () => ({ exclusions: z.array(z.string()).max(50) }),
  knownIds: (input, catalogue) => unknownIds('exclusions', input.exclusions!, catalogue.exclusions),
  asks: ['exclusions'],
  fromAnswers: (a) => ({ exclusions: a.exclusions.exclusions ?? [] }),
  check: (input, catalogue) =>
    catalogue.exclusions
      .filter((exclusion) => input.exclusions!.includes(exclusion.id))
      .map((exclusion) => ({
        criterion: exclusion.id,
        effect: 'not_recommended' as const,
        text: exclusion.text,
        ...(exclusion.signposting ? { signposting: exclusion.signposting } : {}),
      })),
};
