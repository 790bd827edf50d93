import { z } from 'zod';
import { reasonFor, type ScreeningRule } from '../rule';
import { SEVERITIES } from '../screening-input';

/**
 * The service is for moderate difficulties. Mild ones are better met by NHS Talking Therapies; severe ones
 * are for the team to screen, and may need the Adult Mental Health pathway: never simply turned away.
 */
export const parentSeverity: ScreeningRule = {
  wording: ['severity_below_threshold', 'severity_above_threshold'],
  input: () => ({ parent: { severity: z.enum(SEVERITIES) } }),
  asks: ['parentSeverity'],
  fromAnswers: (a) => ({ parent: { severity: a.parent.parentSeverity } }),
  check: (input, catalogue) => {
    switch (input.parent!.severity) {
      case 'mild': return [reasonFor(catalogue, 'severity_below_threshold', 'not_recommended')];
      case 'severe': return [reasonFor(catalogue, 'severity_above_threshold', 'clinical_review')];
      default: return [];
    }
  },
};
