import { labelOf, type Catalogue } from '../../domain/catalogue/catalogue';
import type { FieldIssue } from '../../domain/errors';
import type { Answers } from '../../domain/referral/answers';
import type { Draft } from '../../domain/referral/draft';
import { FIELDS, type FieldId } from '../../domain/referral/fields';
import { journeyOf, previousStep, type AnswerStep } from '../../domain/referral/steps';
import type { ScreeningResult } from '../../domain/screening/outcome';
import { formatDay } from '../../domain/time/london';
import { CONSENT_LABELS, STEP_TITLES, YES_NO } from '../wording/labels';
import { screeningView, type ScreeningView } from '../wording/screening-view';
import { choices, errorRows, inputValues, type Choice, type ErrorRow, type Fact } from './common';

/** One step of the journey: the service's wording, the questions it asks, prefilled, and Next/Back/Cancel. */
export interface StepView {
  kind: 'step';
  service: string;
  draftId: string;
  version: number;
  step: AnswerStep;
  serviceShortName: string;
  stepNumber: number;
  stepCount: number;
  stepTitle: string;
  previousStep: string;
  nextTitle: string;
  notice: string;
  errors: ErrorRow[];
  today: string;
  /** Which of the step's questions this service asks. */
  ask: Record<FieldId, boolean>;
  values: Record<string, string>;
  careProceedingsText: string;
  inclusionText: string;
  consentText: string;
  /** The service's own words for this step (for example, that it is not a crisis service). */
  note: string;
  choices: {
    roles: Choice[]; localAuthorities: Choice[]; exclusions: Choice[]; concerns: Choice[];
    lawfulBases: Choice[]; legalStatuses: Choice[]; urgencies: Choice[];
  };
}

export interface StepOptions {
  today: string;
  errors?: readonly FieldIssue[];
  /** What the referrer typed, shown again when it could not be saved. */
  values?: Record<string, string>;
  notice?: string;
}

export function stepView(draft: Draft, step: AnswerStep, catalogue: Catalogue, options: StepOptions): StepView {
  const journey = journeyOf(catalogue);
  const asked = journey.fields[step] ?? [];
  const saved = inputValues(draft.answers[step]);
  return {
    kind: 'step',
    service: draft.service, draftId: draft.id, version: draft.version, step,
    serviceShortName: catalogue.referencePrefix, stepNumber: journey.steps.indexOf(step) + 1, stepCount: journey.steps.length, stepTitle: STEP_TITLES[step],
    previousStep: journey.steps.indexOf(step) === 0 ? '' : previousStep(journey, step),
    nextTitle: draft.reachedReview ? 'Save and review' : 'Next',
    notice: options.notice ?? '', errors: errorRows(options.errors), today: options.today,
    ask: Object.fromEntries((Object.keys(FIELDS) as FieldId[]).map((f) => [f, asked.includes(f)])) as Record<FieldId, boolean>,
    values: Object.fromEntries(asked.map((id) => [id, options.values?.[id] ?? saved[id] ?? ''])),
    careProceedingsText: catalogue.criteria.care_proceedings?.text ?? '',
    inclusionText: catalogue.criteria.no_inclusion_concern?.text ?? '',
    consentText: catalogue.criteria.consent_not_obtained?.text ?? '',
    note: catalogue.notes[step] ?? '',
    choices: {
      roles: choices(catalogue.referrerRoles),
      localAuthorities: choices(catalogue.catchment.localAuthorities),
      exclusions: catalogue.exclusions.map((e) => ({ value: e.id, title: e.text })),
      concerns: catalogue.inclusionConcerns.map((c) => ({ value: c.id, title: c.text })),
      lawfulBases: choices(catalogue.consent?.lawfulBases ?? []),
      legalStatuses: choices(catalogue.legalStatuses),
      urgencies: choices(catalogue.urgencies),
    },
  };
}

const fact = (title: string, value: string | undefined): Fact => ({ title, value: value && value.length > 0 ? value : '-' });
const yesNo = (v: 'yes' | 'no' | undefined) => v && YES_NO[v];

export interface AnswerSection {
  step: AnswerStep;
  title: string;
  facts: Fact[];
}

/** The referrer's answers as titled groups of facts, in the words of the screens that asked; only what the service asks. */
export function answerSections(answers: Answers, catalogue: Catalogue, reader: 'referrer' | 'colleague' = 'referrer'): AnswerSection[] {
  const journey = journeyOf(catalogue);
  const asks = (f: FieldId) => Object.values(journey.fields).some((list) => list?.includes(f));
  const your = reader === 'referrer' ? 'Your' : "Referrer's";
  const titles = (list: readonly { id: string; label: string }[], ids: readonly string[] | undefined) => (ids ?? []).map((id) => labelOf(list, id) ?? id).join('; ') || 'None';
  const { about, exclusions: ex, concerns, consent, details } = answers;
  const when = <T>(ok: boolean, facts: () => T[]): T[] => (ok ? facts() : []);
  const sections: Record<AnswerStep, () => Fact[]> = {
    about: () => [
      fact(`${your} role`, labelOf(catalogue.referrerRoles, about?.referrerRole)), fact(`${your} team`, about?.referrerTeam),
      fact('Family name', about?.familyName), fact('Case number', about?.caseNumber),
      fact("Youngest child's date of birth", about && formatDay(about.youngestChildDob)),
      ...when(asks('openToChildrensSocialCare'), () => [fact('Open to a safeguarding team', yesNo(about?.openToChildrensSocialCare))]),
      ...when(asks('localAuthority'), () => [fact('Local authority', labelOf(catalogue.catchment.localAuthorities, about?.localAuthority) ?? about?.localAuthority)]),
    ],
    exclusions: () => [
      ...when(asks('exclusions'), () => [fact('Exclusions that apply', titles(catalogue.exclusions, ex?.exclusions))]),
      ...when(asks('inCareProceedings'), () => [
        fact('In care proceedings', yesNo(ex?.inCareProceedings)),
        ...when(ex?.inCareProceedings === 'yes', () => [
          fact('Court supports reunification', yesNo(ex?.courtSupportsReunification)),
          fact('Evidence of engagement', yesNo(ex?.evidenceOfEngagement)),
        ]),
      ]),
    ],
    concerns: () => [fact('Concerns', titles(catalogue.inclusionConcerns, concerns?.concerns))],
    consent: () => [
      fact('Consent', consent?.consentStatus && CONSENT_LABELS[consent.consentStatus]),
      ...when(consent?.consentStatus === 'safeguarding_override', () => [
        fact('Grounds', consent?.justification), fact('Lawful basis', labelOf(catalogue.consent?.lawfulBases ?? [], consent?.lawfulBasis)),
        fact('Approved by', consent?.approvedBy), fact('Family told', yesNo(consent?.familyInformed)),
        ...when(consent?.familyInformed === 'no', () => [fact('Why not', consent?.familyNotInformedReason)]),
        fact('Review date', consent?.reviewDate && formatDay(consent.reviewDate)),
      ]),
    ],
    details: () => [
      fact('Help with', details?.helpWith), fact('Legal status', labelOf(catalogue.legalStatuses, details?.legalStatus)),
      fact('Urgency', labelOf(catalogue.urgencies, details?.urgency)),
    ],
  };
  return journey.answerSteps.map((step) => ({
    step,
    title: step === 'about' && reader === 'colleague' ? 'About the referrer and the family' : STEP_TITLES[step],
    facts: sections[step](),
  }));
}

/** Everything the referrer answered, with an Edit for each part, and what screening would say if sent now. */
export interface ReviewView {
  kind: 'review';
  service: string;
  draftId: string;
  version: number;
  serviceShortName: string;
  stepNumber: number;
  stepCount: number;
  /** The step Back returns to. */
  backStep: string;
  notice: string;
  errors: ErrorRow[];
  preview: ScreeningView;
  sections: AnswerSection[];
}

export function reviewView(draft: Draft, preview: ScreeningResult, catalogue: Catalogue, options: { errors?: readonly FieldIssue[]; notice?: string } = {}): ReviewView {
  const journey = journeyOf(catalogue);
  return {
    kind: 'review',
    service: draft.service, draftId: draft.id, version: draft.version,
    serviceShortName: catalogue.referencePrefix, stepNumber: journey.steps.length, stepCount: journey.steps.length,
    backStep: journey.answerSteps.at(-1)!,
    notice: options.notice ?? '', errors: errorRows(options.errors),
    preview: screeningView(preview),
    sections: answerSections(draft.answers, catalogue),
  };
}
