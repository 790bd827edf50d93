import { z } from 'zod';
import type { Catalogue } from '../catalogue/catalogue';
import { DomainError, fieldIssues, type FieldIssue } from '../errors';
import type { Answers, ConsentAnswers, Details, ExclusionsAnswers, ConcernsAnswers, About } from './answers';
import { FIELDS } from './fields';
import { journeyOf, type AnswerStep } from './steps';

type StepValue = { about: About; exclusions: ExclusionsAnswers; concerns: ConcernsAnswers; consent: ConsentAnswers; details: Details };
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
  about: (v, { today }) => (v.youngestChildDob > today ? [{ field: 'youngestChildDob', message: 'date of birth cannot be in the future' }] : []),
  exclusions: (v, { catalogue }) => [
    ...unknownIds('exclusions', v.exclusions, catalogue.exclusions),
    ...(v.inCareProceedings === 'yes' && !v.courtSupportsReunification
      ? [{ field: 'courtSupportsReunification', message: 'say whether the court supports reunification' }] : []),
    ...(v.inCareProceedings === 'yes' && !v.evidenceOfEngagement
      ? [{ field: 'evidenceOfEngagement', message: 'say whether there is evidence of meaningful engagement' }] : []),
  ],
  concerns: (v, { catalogue }) => unknownIds('concerns', v.concerns, catalogue.inclusionConcerns),
  consent: (v, { catalogue, today }) => {
    if (v.consentStatus !== 'safeguarding_override') return [];
    const issues: FieldIssue[] = [];
    const need = (ok: unknown, field: string, message: string) => { if (!ok) issues.push({ field, message }); };
    need(v.justification && v.justification.length >= 20, 'justification', 'explain the safeguarding grounds (at least 20 characters)');
    need(catalogue.consent?.lawfulBases.some((b) => b.id === v.lawfulBasis), 'lawfulBasis', 'choose the lawful basis');
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
    const statusSays = catalogue.legalStatuses.find((s) => s.id === v.legalStatus)?.careProceedings === true;
    const proceedings = catalogue.legalStatuses.filter((s) => s.careProceedings).map((s) => `"${s.label}"`).join(' or ');
    return inProceedings === statusSays ? [] : [{
      field: 'legalStatus',
      message: inProceedings
        ? `you said the family is in care proceedings: choose ${proceedings}, or go back and change that answer`
        : 'you said the family is not in care proceedings: choose another status, or go back and change that answer',
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
