import { reasonFor, type ScreeningRule } from '../rule';
import { CareProceedingsSchema } from '../screening-input';

/**
 * Families in care proceedings are not routinely accepted; special circumstances (the court supports
 * reunification and there is evidence of engagement) are for a clinician to weigh, never automatic.
 */
export const careProceedings: ScreeningRule = {
  wording: ['care_proceedings', 'care_proceedings_special_circumstances'],
  needs: (c) => (c.legalStatuses.some((s) => s.careProceedings) ? undefined : 'legalStatuses: the care proceedings rule needs a legal status marked careProceedings'),
  input: () => ({ careProceedings: CareProceedingsSchema }),
  asks: ['inCareProceedings', 'courtSupportsReunification', 'evidenceOfEngagement'],
  fromAnswers: ({ exclusions: e }) => ({
    careProceedings: {
      inProceedings: e.inCareProceedings === 'yes',
      courtSupportsReunification: e.courtSupportsReunification === 'yes',
      evidenceOfEngagement: e.evidenceOfEngagement === 'yes',
    },
  }),
  check: (input, catalogue) => {
    const { inProceedings, courtSupportsReunification, evidenceOfEngagement } = input.careProceedings!;
    if (!inProceedings) return [];
    return courtSupportsReunification && evidenceOfEngagement
      ? [reasonFor(catalogue, 'care_proceedings_special_circumstances', 'clinical_review')]
      : [reasonFor(catalogue, 'care_proceedings', 'not_recommended')];
  },
};
