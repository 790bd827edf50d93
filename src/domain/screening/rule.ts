import type { Catalogue, CriterionId } from '../catalogue/catalogue';
import type { Effect, Reason } from './outcome';
import type { ScreeningInput } from './screening-input';

/** One screening rule: looks at a referral and names the criteria it triggers, if any. */
export type Rule = (input: ScreeningInput, catalogue: Catalogue) => Reason[];

/** A reason for one of the catalogue's named criteria, worded as the service words it. */
export function reasonFor(catalogue: Catalogue, criterion: CriterionId, effect: Effect): Reason {
  const wording = catalogue.criteria[criterion];
  if (!wording) throw new Error(`catalogue ${catalogue.version} has no wording for ${criterion}`);
  return { criterion, effect, text: wording.text, ...(wording.signposting ? { signposting: wording.signposting } : {}) };
}
