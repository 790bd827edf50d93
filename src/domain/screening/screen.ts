import type { Catalogue } from '../catalogue/catalogue';
import type { Answers } from '../referral/answers';
import { outcomeOf, type ScreeningResult } from './outcome';
import type { ScreeningRule } from './rule';
import { isRuleId, RULES } from './rules';
import type { ScreeningInput } from './screening-input';

/** The rules a catalogue applies, in its order. The catalogue was checked at load ({@link checkCatalogue}). */
export const rulesOf = (catalogue: Catalogue): ScreeningRule[] => catalogue.screening.rules.filter(isRuleId).map((id) => RULES[id]);

/**
 * Screens a referral against one catalogue. Pure and explained: every criterion the referral triggers
 * is listed in the service's words, and the outcome is the most severe of their effects. Another service
 * is pointed to only while its catalogue is in force (`inForce`, the services' ids).
 * The input must already have been checked with {@link parseScreeningInput}.
 */
export function screen(input: ScreeningInput, catalogue: Catalogue, inForce: ReadonlySet<string> = new Set()): ScreeningResult {
  const found = rulesOf(catalogue).flatMap((rule) => rule.check(input, catalogue)).map((r) => {
    if (!r.signpostServices) return r;
    const { signpostServices, ...rest } = r;
    const available = signpostServices.filter((s) => inForce.has(s.service));
    return available.length > 0 ? { ...rest, signpostServices: available } : rest;
  });
  const outcome = outcomeOf(found);
  const forward = outcome === 'eligible' || outcome === 'clinical_review';
  const reasons = found.filter((r) => forward || !r.onlyIfForward).map(({ onlyIfForward: _internal, ...r }) => r);
  return { outcome, reasons, catalogueVersion: catalogue.version };
}

/** Urgent advice the answers so far call for at once (the caveats of criteria they already trigger). */
export function urgentAdvice(catalogue: Catalogue, answers: Answers): string[] {
  return rulesOf(catalogue).flatMap((rule) => {
    const criterion = rule.alertsOn?.(answers);
    const caveat = criterion ? catalogue.criteria[criterion]?.caveat : undefined;
    return caveat ? [caveat] : [];
  });
}

/**
 * What a catalogue's rules need of it: every rule it names exists, and has its wording and whatever else
 * it reads. A list of problems, empty when the catalogue can be put in force.
 */
export function checkCatalogue(catalogue: Catalogue): string[] {
  return catalogue.screening.rules.flatMap((id) => {
    if (!isRuleId(id)) return [`screening.rules: no rule "${id}" (known: ${Object.keys(RULES).join(', ')})`];
    const rule: ScreeningRule = RULES[id];
    const missing = rule.wording.filter((c) => !catalogue.criteria[c]).map((c) => `criteria.${c}: the ${id} rule needs its wording`);
    const need = rule.needs?.(catalogue);
    return need ? [...missing, need] : missing;
  });
}
