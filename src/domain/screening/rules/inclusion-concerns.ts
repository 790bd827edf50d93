import { z } from 'zod';
import { reasonFor, unknownIds, type ScreeningRule } from '../rule';

/**
 * At least one concern must fit the service's framework; each one that does is listed in support. The
 * guide's list is introduced by "for example": a concern that is none of them ("another relational
 * concern") alone is for a duty clinician to weigh, not a reason to turn the referral away.
 */
export const inclusionConcerns: ScreeningRule = {
  wording: ['no_inclusion_concern'],
  needs: (c) => {
    if (!c.inclusionConcerns.some((x) => !x.other)) return 'inclusionConcerns: the inclusion rule needs at least one concern';
    return c.inclusionConcerns.some((x) => x.other) && !c.criteria.other_concern ? 'criteria.other_concern: an "other" concern needs its wording' : undefined;
  },
  input: () => ({ concerns: z.array(z.string()).max(50), otherConcern: z.string().trim().max(500).optional() }),
  knownIds: (input, catalogue) => unknownIds('concerns', input.concerns!, catalogue.inclusionConcerns),
  asks: ['concerns', 'otherConcern'],
  fromAnswers: (a) => ({ concerns: a.concerns.concerns ?? [], ...(a.concerns.otherConcern ? { otherConcern: a.concerns.otherConcern } : {}) }),
  check: (input, catalogue) => {
    const chosen = catalogue.inclusionConcerns.filter((concern) => input.concerns!.includes(concern.id));
    const named = chosen.filter((c) => !c.other);
    if (named.length === 0 && chosen.length > 0) return [reasonFor(catalogue, 'other_concern', 'clinical_review')];
    const supporting = chosen.map((concern) => ({ criterion: concern.id, effect: 'supports' as const, text: concern.text }));
    return supporting.length > 0 ? supporting : [reasonFor(catalogue, 'no_inclusion_concern', 'not_recommended')];
  },
};
