import { z } from 'zod';
import type { Catalogue } from '../../catalogue/catalogue';
import { reasonFor, type ScreeningRule } from '../rule';
import { ConsentSchema } from '../screening-input';

const overrides = (c: Catalogue) => c.consent?.override !== undefined;
const NOT_GIVEN = ['refused', 'not_yet_sought', 'not_obtained'] as const;

/**
 * Consent is sought from the family. Not yet sought and refused both stop the request, each with its
 * own words on what to do next. Where the service takes a safeguarding override, it always goes to a
 * clinician's review; where it takes none (therapy needs the person's own agreement), it cannot proceed.
 */
export const consent: ScreeningRule = {
  wording: ['consent_not_obtained', 'consent_refused'],
  needs: (c) => {
    if (!c.consent) return 'consent: the consent rule needs a consent section (with `override` if the service takes safeguarding overrides)';
    const word = overrides(c) ? 'safeguarding_override' : 'therapy_needs_consent';
    return c.criteria[word] ? undefined : `criteria.${word}: the consent rule needs its wording`;
  },
  input: (c) => ({
    consent: overrides(c) ? ConsentSchema : z.object({ status: z.enum(['obtained', ...NOT_GIVEN, 'safeguarding_override']) }),
  }),
  asks: (c) => [
    'consentStatus', 'consentFrom',
    ...(overrides(c) ? ['justification', 'statutoryPower', 'gdprConditions', 'confidentialityBasis', 'approvedBy', 'familyInformed', 'familyNotInformedReason', 'reviewDate'] as const : []),
  ],
  fromAnswers: ({ consent: c }) => ({
    consent: c.consentStatus === 'safeguarding_override'
      ? {
        status: 'safeguarding_override', justification: c.justification ?? '', statutoryPower: c.statutoryPower, gdprConditions: c.gdprConditions,
        confidentialityBasis: c.confidentialityBasis, approvedBy: c.approvedBy, familyInformed: c.familyInformed === 'yes',
        familyNotInformedReason: c.familyNotInformedReason, reviewDate: c.reviewDate,
      }
      : { status: c.consentStatus === 'not_obtained' ? 'not_yet_sought' : c.consentStatus! },
  }),
  check: (input, catalogue) => {
    switch (input.consent!.status) {
      case 'obtained':
        return [];
      case 'not_obtained':
      case 'not_yet_sought':
        return [reasonFor(catalogue, 'consent_not_obtained', 'cannot_proceed')];
      case 'refused':
        return [reasonFor(catalogue, 'consent_not_obtained', 'cannot_proceed', 'consent_refused')];
      case 'safeguarding_override':
        return overrides(catalogue)
          ? [reasonFor(catalogue, 'safeguarding_override', 'clinical_review')]
          : [reasonFor(catalogue, 'therapy_needs_consent', 'cannot_proceed')];
    }
  },
};
