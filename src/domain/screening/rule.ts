import type { Catalogue } from '../catalogue/catalogue';
import type { FieldIssue } from '../errors';
import type { Answers } from '../referral/answers';
import type { FieldId } from '../referral/fields';
import type { Reason, Effect } from './outcome';
import type { InputShape, ScreeningInput } from './screening-input';

/**
 * One screening rule. A catalogue names the rules that apply to its service; each rule brings what it
 * needs: the criteria the catalogue must word, its part of the screening document, the journey's
 * questions that answer it, and the check itself, which names the criteria a referral triggers.
 */
export interface ScreeningRule {
  /** Criteria the catalogue must word when it uses this rule. */
  wording: readonly string[];
  /** Anything else the rule needs the catalogue to hold; a message when it is missing. */
  needs?: (catalogue: Catalogue) => string | undefined;
  /** Its part of the screening document, for this service. */
  input: (catalogue: Catalogue) => InputShape;
  /** Ids the document names that the catalogue must know (checked once the document's shape is right). */
  knownIds?: (input: ScreeningInput, catalogue: Catalogue) => FieldIssue[];
  /** The journey's questions it needs answered (for some rules, depending on what the service allows). */
  asks: readonly FieldId[] | ((catalogue: Catalogue) => readonly FieldId[]);
  /** Its part of the screening document, from a complete draft's answers. */
  fromAnswers: (answers: Required<Answers>) => Partial<ScreeningInput>;
  check: (input: ScreeningInput, catalogue: Catalogue) => Reason[];
  /**
   * A criterion whose caveat must be shown the moment the journey's answers trigger it, before the request
   * is complete (urgent advice about a risk to someone's safety).
   */
  alertsOn?: (answers: Answers) => string | undefined;
}

/**
 * A reason for one of the catalogue's named criteria, worded as the service words it. `wordingKey` is the
 * catalogue's entry when one criterion has more than one wording (a refusal of consent is worded apart from
 * consent not yet sought, both `consent_not_obtained`).
 */
export function reasonFor(catalogue: Catalogue, criterion: string, effect: Effect, wordingKey = criterion): Reason {
  const wording = catalogue.criteria[wordingKey];
  if (!wording) throw new Error(`catalogue ${catalogue.version} has no wording for ${wordingKey}`);
  return {
    criterion, effect, text: wording.text,
    ...(wording.signposting ? { signposting: wording.signposting } : {}),
    ...(wording.signpostServices?.length ? { signpostServices: wording.signpostServices } : {}),
    ...(wording.caveat ? { caveat: wording.caveat } : {}),
  };
}

/** Ids a document lists that the catalogue does not know, named by their place in the list. */
export function unknownIds(field: string, ids: readonly string[], known: readonly { id: string }[]): FieldIssue[] {
  return ids.flatMap((id, i) => (known.some((k) => k.id === id) ? [] : [{ field: `${field}[${i}]`, message: `unknown id "${id}"` }]));
}
