import type { Catalogue } from '../catalogue/catalogue';
import { outcomeOf, type ScreeningResult } from './outcome';
import type { Rule } from './rule';
import type { ScreeningInput } from './screening-input';
import { checkCareProceedings } from './rules/care-proceedings';
import { checkCatchment } from './rules/catchment';
import { checkConsent } from './rules/consent';
import { checkExclusions } from './rules/exclusions';
import { checkInclusionConcerns } from './rules/inclusion-concerns';
import { checkOpenToSocialCare } from './rules/open-to-social-care';
import { checkReferrerRole } from './rules/referrer-role';

/** Rules in the order their reasons are shown: who may refer, then the family, consent, exclusions, concerns. */
const RULES: readonly Rule[] = [
  checkReferrerRole,
  checkOpenToSocialCare,
  checkCatchment,
  checkConsent,
  checkExclusions,
  checkCareProceedings,
  checkInclusionConcerns,
];

/**
 * Screens a referral against one catalogue. Pure and explained: every criterion the referral triggers
 * is listed in the service's words, and the outcome is the most severe of their effects.
 * The input must already have been checked with {@link parseScreeningInput}.
 */
export function screen(input: ScreeningInput, catalogue: Catalogue): ScreeningResult {
  const reasons = RULES.flatMap((rule) => rule(input, catalogue));
  return { outcome: outcomeOf(reasons), reasons, catalogueVersion: catalogue.version };
}
