import { reasonFor, type ScreeningRule } from '../rule';
import { ConsentSchema } from '../screening-input';

/**
 * Consent to consult is sought from the family. Not yet sought and refused both stop the request, each
 * with its own words on what to do next; a safeguarding override always goes to a clinician's review.
 */
export const consent: ScreeningRule = {
  wording: ['consent_not_obtained', 'consent_refused', 'safeguarding_override'],
  needs: (c) => (c.consent ? undefined : 'consent.override: the consent rule needs the choices an override records'),
  input: () => ({ consent: ConsentSchema }),
  asks: ['consentStatus', 'consentFrom', 'justification', 'statutoryPower', 'gdprConditions', 'confidentialityBasis', 'approvedBy', 'familyInformed', 'familyNotInformedReason', 'reviewDate'],
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
        return [reasonFor(catalogue, 'safeguarding_override', 'clinical_review')];
    }
  },
};
