import { reasonFor, type Rule } from '../rule';

/** Consent to consult is sought from the family; a safeguarding override always goes to a clinician's review. */
export const checkConsent: Rule = (input, catalogue) => {
  switch (input.consent.status) {
    case 'obtained':
      return [];
    case 'not_obtained':
      return [reasonFor(catalogue, 'consent_not_obtained', 'cannot_proceed')];
    case 'safeguarding_override':
      return [reasonFor(catalogue, 'safeguarding_override', 'clinical_review')];
  }
};
