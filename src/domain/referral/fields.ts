import { z } from 'zod';
import type { Catalogue } from '../catalogue/catalogue';
import type { ScreeningRule } from '../screening/rule';
import { RULES, isRuleId } from '../screening/rules';
import { RISKS_TO_SELF, SEVERITIES } from '../screening/screening-input';
import { CONSENT_STATUSES } from './answers';
import type { AnswerStep } from './steps';

/** Trimmed text with a bound, so that no card can store an essay where a name belongs. */
const text = (min: number, max: number, label: string) =>
  z.string({ error: `${label} is required` }).trim().min(min, min <= 1 ? `${label} is required` : `${label} needs at least ${min} characters`)
    .max(max, `${label} must be at most ${max} characters`);
const yesNo = (label: string) => z.enum(['yes', 'no'], { error: `choose yes or no for ${label}` });
const isoDate = (label: string) => z.iso.date({ error: `${label} must be a date (YYYY-MM-DD)` });
const oneOf = (list: readonly { id: string }[], error: string) => z.enum(list.map((x) => x.id) as [string, ...string[]], { error });
/** The most a choice's answer can hold: one id, or a multi-select's list of them, as a card sends it. */
const CHOICE_CHARS = 60;
const MAX_CHOICES = 20;
const CHOICES_CHARS = MAX_CHOICES * (CHOICE_CHARS + 1);
const ids = () => z.array(z.string().max(CHOICE_CHARS)).max(MAX_CHOICES);
type Override = NonNullable<NonNullable<Catalogue['consent']>['override']>;
const overrideChoice = (pick: (o: Override) => readonly { id: string }[], error: string) => (c: Catalogue) =>
  (c.consent?.override ? oneOf(pick(c.consent.override), error) : z.string()).optional();

interface Field {
  step: AnswerStep;
  schema: (catalogue: Catalogue) => z.ZodType;
  /** Several choices, sent as one comma-separated string. */
  multi?: true;
}

/**
 * Every question the journey can ask, the step it belongs to, and how its answer is checked for a
 * service. Which are asked is the service's: the ones every referral needs, and those its rules read.
 */
export const FIELDS = {
  referrerRole: { step: 'about', schema: (c) => oneOf(c.referrerRoles, 'choose your role') },
  referrerTeam: { step: 'about', schema: () => text(1, 100, 'Your team') },
  familyName: { step: 'about', schema: () => text(1, 80, 'Family name') },
  caseNumber: { step: 'about', schema: () => text(1, 30, 'Case number').regex(/^[A-Za-z0-9/-]+$/, 'Case number may hold letters, digits, / and - only') },
  youngestChildDob: { step: 'about', schema: () => isoDate("Youngest child's date of birth").optional() },
  unbornDueDate: { step: 'about', schema: () => isoDate('Expected date of birth').optional() },
  openToChildrensSocialCare: { step: 'about', schema: () => yesNo("open to children's social care") },
  significantConcerns: { step: 'about', schema: () => yesNo('significant safeguarding concerns') },
  childrenInParentsCare: { step: 'about', schema: () => yesNo("whether the children are in the parents' care") },
  localAuthority: { step: 'about', schema: () => text(1, 60, 'Local authority') },
  exclusions: { step: 'exclusions', schema: ids, multi: true },
  inCareProceedings: { step: 'exclusions', schema: () => yesNo('care proceedings') },
  courtSupportsReunification: { step: 'exclusions', schema: () => yesNo('court support for reunification').optional() },
  evidenceOfEngagement: { step: 'exclusions', schema: () => yesNo('evidence of engagement').optional() },
  concerns: { step: 'concerns', schema: ids, multi: true },
  otherConcern: { step: 'concerns', schema: () => text(0, 500, 'The other concern').optional() },
  parentDifficulties: { step: 'parent', schema: ids, multi: true },
  parentSeverity: { step: 'parent', schema: () => z.enum(SEVERITIES, { error: 'choose how severe the difficulties seem' }) },
  inSecondaryMentalHealthCare: { step: 'parent', schema: () => yesNo('whether a community mental health team already sees the parent') },
  riskToSelf: { step: 'parent', schema: () => z.enum(RISKS_TO_SELF, { error: 'choose whether there is a risk to the parent\'s own safety' }) },
  consentStatus: { step: 'consent', schema: () => z.enum(CONSENT_STATUSES, { error: 'choose where consent stands' }) },
  consentFrom: { step: 'consent', schema: () => text(0, 80, 'Which parent or carer').optional() },
  justification: { step: 'consent', schema: () => text(0, 2000, 'Justification').optional() },
  statutoryPower: { step: 'consent', schema: overrideChoice((o) => o.statutoryPowers, 'choose the statutory power') },
  gdprConditions: { step: 'consent', schema: overrideChoice((o) => o.gdprConditions, 'choose the UK GDPR conditions') },
  confidentialityBasis: { step: 'consent', schema: overrideChoice((o) => o.confidentialityBases, 'choose the basis for setting aside confidentiality') },
  approvedBy: { step: 'consent', schema: () => text(0, 120, 'Approved by').optional() },
  familyInformed: { step: 'consent', schema: () => yesNo('whether the family was told').optional() },
  familyNotInformedReason: { step: 'consent', schema: () => text(0, 1000, 'Reason the family was not told').optional() },
  reviewDate: { step: 'consent', schema: () => isoDate('Review date').optional() },
  helpWith: { step: 'details', schema: () => text(10, 2000, 'What the consultation should help with') },
  legalStatuses: { step: 'details', schema: (c) => z.array(oneOf(c.legalStatuses, 'not one of the legal statuses')).min(1, 'choose every legal status that applies').max(11), multi: true },
  urgency: { step: 'details', schema: (c) => oneOf(c.urgencies, 'choose how urgent this is') },
} as const satisfies Record<string, Field>;

export type FieldId = keyof typeof FIELDS;

/** Asked of every referral, whatever the service's rules. */
const ALWAYS: readonly FieldId[] = ['referrerRole', 'referrerTeam', 'familyName', 'caseNumber', 'youngestChildDob', 'unbornDueDate', 'helpWith', 'legalStatuses', 'urgency'];

/** The questions a service asks, in the journey's order. */
export function fieldsFor(catalogue: Catalogue): FieldId[] {
  const asks = (rule: ScreeningRule) => (typeof rule.asks === 'function' ? rule.asks(catalogue) : rule.asks);
  const asked = new Set<FieldId>([...ALWAYS, ...catalogue.screening.rules.filter(isRuleId).flatMap((id) => asks(RULES[id]))]);
  return (Object.keys(FIELDS) as FieldId[]).filter((f) => asked.has(f));
}

export const isMultiField = (id: string): boolean => (FIELDS as Record<string, Field>)[id]?.multi === true;

/**
 * The longest answer a field can take, in characters: a text's own bound, or what the longest valid choice
 * (or list of them) comes to. A card that shows an answer back shows no more than this.
 */
export function maxAnswerLength(id: FieldId, catalogue: Catalogue): number {
  let known = maxLengths.get(catalogue);
  if (!known) maxLengths.set(catalogue, (known = new Map()));
  let max = known.get(id);
  if (max === undefined) known.set(id, (max = readMaxLength(id, catalogue)));
  return max;
}

/** Every card showing answers asks, for every field: building the field's schema each time was a tenth of drawing a step. */
const maxLengths = new WeakMap<Catalogue, Map<FieldId, number>>();

function readMaxLength(id: FieldId, catalogue: Catalogue): number {
  const declared: z.ZodType = FIELDS[id].schema(catalogue);
  const schema = declared instanceof z.ZodOptional ? declared.unwrap() : declared;
  if (schema instanceof z.ZodString && schema.maxLength !== null) return schema.maxLength;
  return isMultiField(id) ? CHOICES_CHARS : CHOICE_CHARS;
}
