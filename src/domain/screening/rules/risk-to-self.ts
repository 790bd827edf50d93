import { z } from 'zod';
import { reasonFor, type ScreeningRule } from '../rule';
import { RISKS_TO_SELF } from '../screening-input';

/**
 * A current risk to the parent's own safety goes to a clinician at once, and the urgent advice (crisis
 * team, NHS 111 option 2, 999) is shown whatever the outcome: it is the criterion's caveat in the catalogue.
 */
export const riskToSelf: ScreeningRule = {
  wording: ['current_risk_to_self'],
  needs: (c) => (c.criteria.current_risk_to_self?.caveat ? undefined : 'criteria.current_risk_to_self.caveat: the urgent advice to show at once'),
  input: () => ({ parent: { riskToSelf: z.enum(RISKS_TO_SELF) } }),
  asks: ['riskToSelf'],
  fromAnswers: (a) => ({ parent: { riskToSelf: a.parent.riskToSelf } }),
  check: (input, catalogue) => (input.parent!.riskToSelf === 'current' ? [reasonFor(catalogue, 'current_risk_to_self', 'clinical_review')] : []),
  alertsOn: (answers) => (answers.parent?.riskToSelf === 'current' ? 'current_risk_to_self' : undefined),
};
