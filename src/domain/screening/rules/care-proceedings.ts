import { reasonFor, type Rule } from '../rule';

/**
 * Families in care proceedings are not routinely accepted; special circumstances (the court supports
 * reunification and there is evidence of engagement) are for a clinician to weigh, never automatic.
 */
export const checkCareProceedings: Rule = (input, catalogue) => {
  const { inProceedings, courtSupportsReunification, evidenceOfEngagement } = input.careProceedings;
  if (!inProceedings) return [];
  return courtSupportsReunification && evidenceOfEngagement
    ? [reasonFor(catalogue, 'care_proceedings_special_circumstances', 'clinical_review')]
    : [reasonFor(catalogue, 'care_proceedings', 'not_recommended')];
};
