import type { ScreeningRule } from '../rule';
import { careProceedings } from './care-proceedings';
import { catchment } from './catchment';
import { consent } from './consent';
import { exclusions } from './exclusions';
import { inclusionConcerns } from './inclusion-concerns';
import { openToSocialCare } from './open-to-social-care';
import { parentDifficulties } from './parent-difficulties';
import { parentSeverity } from './parent-severity';
import { riskToSelf } from './risk-to-self';
import { specialistCare } from './specialist-care';
import { population } from './population';
import { referrerRole } from './referrer-role';

/** Every screening rule a catalogue may name, by id. A catalogue lists the ones that apply, in the order their reasons are shown. */
export const RULES = {
  referrer_role: referrerRole,
  open_to_social_care: openToSocialCare,
  population,
  catchment,
  consent,
  exclusions,
  care_proceedings: careProceedings,
  inclusion_concerns: inclusionConcerns,
  parent_difficulties: parentDifficulties,
  parent_severity: parentSeverity,
  specialist_care: specialistCare,
  risk_to_self: riskToSelf,
} as const satisfies Record<string, ScreeningRule>;

export type RuleId = keyof typeof RULES;

export const isRuleId = (id: string): id is RuleId => Object.prototype.hasOwnProperty.call(RULES, id);
