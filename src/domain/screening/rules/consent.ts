import { reasonFor, type ScreeningRule } from '../rule';
import { ConsentSchema } from '../screening-input';

/** Consent to consult is sought from the family; a safeguarding override always goes to a clinician's review. */
export const consent: ScreeningRule = {
  wording: ['consent_not_obtained', 'safeguarding_override'],
  needs: (c) => (c.consent ? undefined : 'consent.lawfulBases: the consent rule needs the lawful bases an override may rest on'),
  input: () => ({ consent: ConsentSchema }),
  asks: ['consentStatus', 'justification', 'lawfulBasis', 'approvedBy', 'familyInformed', 'familyNotInformedReason', 'reviewDate'],
  fromAnswers: ({ consent: c }) => ({
    consent: c.consentStatus === 'safeguarding_override'
      ? {
        status: 'safeguarding_override', justification: c.justification ?? '', lawfulBasis: c.lawfulBasis, approvedBy: c.approvedBy,
        familyInformed: c.familyInformed === 'yes', familyNotInformedReason: c.familyNotInformedReason, reviewDate: c.reviewDate,
      }
      : { status: c.consentStatus! },
  }),
  check: (input, catalogue) => {
    switch (input.consent!.status) {
      case 'obtained':
        return [];
      case 'not_obtained':
        return [reasonFor(catalogue, 'consent_not_obtained', 'cannot_proceed')];
      case 'safeguarding_override':
        return [reasonFor(catalogue, 'safeguarding_override', 'clinical_review')];
    }
  },
};
