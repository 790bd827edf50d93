import { z } from 'zod';
import { reasonFor, unknownIds, type ScreeningRule } from '../rule';

/** At least one concern must fit the service's framework; each one that does is listed in support. */
export const inclusionConcerns: ScreeningRule = {
  wording: ['no_inclusion_concern'],
  needs: (c) => (c.inclusionConcerns.length > 0 ? undefined : 'inclusionConcerns: the inclusion rule needs at least one concern'),
  input: () => ({ concerns: z.array(z.string()).max(50) }),
  knownIds: (input, catalogue) => unknownIds('concerns', input.concerns!, catalogue.inclusionConcerns),
  asks: ['concerns'],
  fromAnswers: (a) => ({ concerns: a.concerns.concerns ?? [] }),
  check: (input, catalogue) => {
    const supporting = catalogue.inclusionConcerns
      .filter((concern) => input.concerns!.includes(concern.id))
      .map((concern) => ({ criterion: concern.id, effect: 'supports' as const, text: concern.text }));
    return supporting.length > 0 ? supporting : [reasonFor(catalogue, 'no_inclusion_concern', 'not_recommended')];
  },
};
