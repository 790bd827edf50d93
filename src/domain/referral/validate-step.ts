import { z } from 'zod';
import type { Catalogue } from '../catalogue/catalogue';
import { DomainError, fieldIssues, type FieldIssue } from '../errors';
import type { Answers, ConsentAnswers, Details, ExclusionsAnswers, ConcernsAnswers, About, ParentAnswers } from './answers';
import { FIELDS } from './fields';
import { journeyOf, type AnswerStep } from './steps';

type StepValue = { about: About; exclusions: ExclusionsAnswers; concerns: ConcernsAnswers; parent: ParentAnswers; consent: ConsentAnswers; details: Details };
type Checks<S extends AnswerStep> = (value: StepValue[S], ctx: StepContext) => FieldIssue[];

/** What a step's cross-field checks may consult besides its own answers. */
export interface StepContext {
  catalogue: Catalogue;
  /** Today in Europe/London, YYYY-MM-DD: dates compare as strings. */
  today: string;
  answers: Answers;
}

const unknownIds = (field: string, ids: readonly string[] | undefined, known: readonly { id: string }[]): FieldIssue[] =>
  (ids ?? []).filter((id) => !known.some((k) => k.id === id)).map((id) => ({ field, message: `"${id}" is not one of the choices` }));

/** Checks that span fields; each looks only at questions the service asks (a question not asked is absent). */
const CHECKS: { [S in AnswerStep]: Checks<S> } = {
  about: (v, { today }) => [
    ...(!v.youngestChildDob && !v.unbornDueDate ? [{ field: 'youngestChildDob', message: 'give the youngest child\'s date of birth, or the expected date if the child is not yet born' }] : []),
    ...(v.youngestChildDob && v.youngestChildDob > today ? [{ field: 'youngestChildDob', message: 'date of birth cannot be in the future' }] : []),
    ...(v.unbornDueDate && v.unbornDueDate < today ? [{ field: 'unbornDueDate', message: 'the expected date of birth is in the past: give the date of birth instead' }] : []),
  ],
  exclusions: (v, { catalogue }) => [
    ...unknownIds('exclusions', v.exclusions, catalogue.exclusions),
    ...(v.inCareProceedings === 'yes' && !v.courtSupportsReunification
      ? [{ field: 'courtSupportsReunification', message: 'say whether the court supports reunification' }] : []),
    ...(v.inCareProceedings === 'yes' && !v.evidenceOfEngagement
      ? [{ field: 'evidenceOfEngagement', message: 'say whether there is evidence of meaningful engagement' }] : []),
  ],
  concerns: (v, { catalogue }) => {
    const other = catalogue.inclusionConcerns.filter((c) => c.other).some((c) => v.concerns?.includes(c.id));
    return [
      ...unknownIds('concerns', v.concerns, catalogue.inclusionConcerns),
      ...(other && (v.otherConcern ?? '').length < 10 ? [{ field: 'otherConcern', message: 'describe the other concern in a few words (at least 10 characters)' }] : []),
    ];
  },
  parent: (v, { catalogue }) => unknownIds('parentDifficulties', v.parentDifficulties, catalogue.parentDifficulties),
  consent: (v, { today }) => {
    const issues: FieldIssue[] = [];
    const need = (ok: unknown, field: string, message: string) => { if (!ok) issues.push({ field, message }); };
    if (v.consentStatus === 'obtained' || v.consentStatus === 'refused') {
      need(v.consentFrom, 'consentFrom', `say which parent or carer ${v.consentStatus === 'obtained' ? 'gave' : 'refused'} consent (their relationship to the child, not their name)`);
    }
    if (v.consentStatus !== 'safeguarding_override') return issues;
    need(v.justification && v.justification.length >= 20, 'justification', 'explain the safeguarding grounds (at least 20 characters)');
    need(v.statutoryPower, 'statutoryPower', 'choose the statutory power the referral rests on');
    need(v.gdprConditions, 'gdprConditions', 'choose the UK GDPR conditions for sharing without consent');
    need(v.confidentialityBasis, 'confidentialityBasis', 'choose why the duty of confidentiality may be set aside');
    need(v.approvedBy, 'approvedBy', 'name the manager who approved the override');
    need(v.familyInformed, 'familyInformed', 'say whether the family was told');
    need(v.familyInformed !== 'no' || v.familyNotInformedReason, 'familyNotInformedReason', 'say why the family was not told');
    need(v.reviewDate && v.reviewDate >= today, 'reviewDate', 'set a review date from today onwards');
    return issues;
  },
  details: (v, { answers, catalogue }) => {
    const asked = answers.exclusions?.inCareProceedings;
    if (asked === undefined) return [];
    const inProceedings = asked === 'yes';
    const statusSays = (v.legalStatuses ?? []).some((id) => catalogue.legalStatuses.find((s) => s.id === id)?.careProceedings === true);
    const proceedings = catalogue.legalStatuses.filter((s) => s.careProceedings).map((s) => `"${s.label}"`).join(' or ');
    return inProceedings === statusSays ? [] : [{
      field: 'legalStatuses',
      message: inProceedings
        ? `you said the family is in care proceedings: include ${proceedings}, or go back and change that answer`
        : `you said the family is not in care proceedings: leave out ${proceedings}, or go back and change that answer`,
    }];
  },
};

const schemas = new WeakMap<Catalogue, Partial<Record<AnswerStep, z.ZodType>>>();

/** One step's questions for a service, as one schema (built once per catalogue). */
function stepSchema(catalogue: Catalogue, step: AnswerStep): z.ZodType {
  let byStep = schemas.get(catalogue);
  if (!byStep) schemas.set(catalogue, (byStep = {}));
  return (byStep[step] ??= z.object(Object.fromEntries((journeyOf(catalogue).fields[step] ?? []).map((f) => [f, FIELDS[f].schema(catalogue)]))));
}

/**
 * Checks one step's answers: their shape, then the rules that span fields. Throws `invalid_input`
 * naming every field that needs attention, so the card can say all of it at once.
 */
export function validateStep<S extends AnswerStep>(step: S, raw: unknown, ctx: StepContext): StepValue[S] {
  const parsed = stepSchema(ctx.catalogue, step).safeParse(raw);
  if (!parsed.success) throw new DomainError('invalid_input', fieldIssues(parsed.error));
  const value = parsed.data as StepValue[S];
  const issues = (CHECKS[step] as Checks<S>)(value, ctx);
  if (issues.length > 0) throw new DomainError('invalid_input', issues);
  return value;
}
