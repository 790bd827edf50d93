import { z } from 'zod';
import { reasonFor, unknownIds, type ScreeningRule } from '../rule';

/**
 * The parent's presenting difficulties, from the service's list. None at all is not a referral for a
 * therapy service; each one named supports the referral, and is listed when the referral goes forward.
 */
export const parentDifficulties: ScreeningRule = {
  wording: ['no_presenting_difficulty'],
  needs: (c) => (c.parentDifficulties.length > 0 ? undefined : 'parentDifficulties: the parent difficulties rule needs the service\'s list'),
  input: () => ({ parent: { difficulties: z.array(z.string()).max(20) } }),
  knownIds: (input, catalogue) => unknownIds('parent.difficulties', input.parent!.difficulties!, catalogue.parentDifficulties),
  asks: ['parentDifficulties'],
  fromAnswers: (a) => ({ parent: { difficulties: a.parent.parentDifficulties ?? [] } }),
  check: (input, catalogue) => {
    const named = catalogue.parentDifficulties.filter((d) => input.parent!.difficulties!.includes(d.id));
    if (named.length === 0) return [reasonFor(catalogue, 'no_presenting_difficulty', 'not_recommended')];
    return named.map((d) => ({ criterion: d.id, effect: 'supports' as const, text: d.text, onlyIfForward: true as const }));
  },
};
