import { labelOf, type Catalogue } from '../../domain/catalogue/catalogue';
import type { FieldIssue } from '../../domain/errors';
import type { Answers } from '../../domain/referral/answers';
import type { Draft } from '../../domain/referral/draft';
import { FIELDS, maxAnswerLength, type FieldId } from '../../domain/referral/fields';
import { journeyOf, previousStep, type AnswerStep } from '../../domain/referral/steps';
import type { ScreeningResult } from '../../domain/screening/outcome';
import { formatDay } from '../../domain/time/london';
import { CONSENT_LABELS, RISK_LABELS, SEVERITY_LABELS, STEP_TITLES, YES_NO } from '../wording/labels';
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
  populationText: string;
  /** What an override needs besides the service's own words, shown as local policy. */
  overridePolicy: string;
  /** The service's own words for this step (for example, that it is not a crisis service). */
  note: string;
  choices: {
    roles: Choice[]; localAuthorities: Choice[]; exclusions: Choice[]; concerns: Choice[]; difficulties: Choice[]; severities: Choice[]; risks: Choice[];
    statutoryPowers: Choice[]; gdprConditions: Choice[]; confidentialityBases: Choice[]; legalStatuses: Choice[]; urgencies: Choice[];
  };
  /** Each exclusion and concern in the service's own words, beside its short label. */
  exclusionNotes: { label: string; text: string }[];
  concernNotes: { label: string; text: string }[];
  difficultyNotes: { label: string; text: string }[];
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
    // What was typed comes back at most as long as the answer may be, so no step card outgrows Teams' limit.
    values: Object.fromEntries(asked.map((id) => [id, (options.values?.[id] ?? saved[id] ?? '').slice(0, maxAnswerLength(id, catalogue))])),
    careProceedingsText: catalogue.criteria.care_proceedings?.text ?? '',
    inclusionText: catalogue.criteria.no_inclusion_concern?.text ?? '',
    consentText: catalogue.criteria.consent_not_obtained?.text ?? '',
    populationText: catalogue.criteria.no_significant_concerns?.text ?? '',
    overridePolicy: catalogue.consent?.override?.localPolicy ?? '',
    note: catalogue.notes[step] ?? '',
    choices: {
      roles: choices(catalogue.referrerRoles),
      localAuthorities: choices(catalogue.catchment.localAuthorities),
      exclusions: choices(catalogue.exclusions),
      concerns: choices(catalogue.inclusionConcerns),
      difficulties: choices(catalogue.parentDifficulties),
      severities: Object.entries(SEVERITY_LABELS).map(([value, title]) => ({ value, title })),
      risks: Object.entries(RISK_LABELS).map(([value, title]) => ({ value, title })),
      statutoryPowers: choices(catalogue.consent?.override?.statutoryPowers ?? []),
      gdprConditions: choices(catalogue.consent?.override?.gdprConditions ?? []),
      confidentialityBases: choices(catalogue.consent?.override?.confidentialityBases ?? []),
      legalStatuses: choices(catalogue.legalStatuses),
      urgencies: choices(catalogue.urgencies),
    },
    exclusionNotes: catalogue.exclusions.map((e) => ({ label: e.label, text: e.text })),
    concernNotes: catalogue.inclusionConcerns.filter((c) => !c.other).map((c) => ({ label: c.label, text: c.text })),
    difficultyNotes: catalogue.parentDifficulties.map((d) => ({ label: d.label, text: d.text })),
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
  const { about, exclusions: ex, concerns, parent, consent, details } = answers;
  const when = <T>(ok: boolean, facts: () => T[]): T[] => (ok ? facts() : []);
  const override = catalogue.consent?.override;
  const sections: Record<AnswerStep, () => Fact[]> = {
    about: () => [
      fact(`${your} role`, labelOf(catalogue.referrerRoles, about?.referrerRole)), fact(`${your} team`, about?.referrerTeam),
      fact('Family name', about?.familyName), fact('Case number', about?.caseNumber),
      ...when(!about?.unbornDueDate || !!about?.youngestChildDob, () => [fact("Youngest child's date of birth", about?.youngestChildDob && formatDay(about.youngestChildDob))]),
      ...when(!!about?.unbornDueDate, () => [fact('Unborn child: expected date of birth', about?.unbornDueDate && formatDay(about.unbornDueDate))]),
      ...when(asks('openToChildrensSocialCare'), () => [fact('Open to a safeguarding team', yesNo(about?.openToChildrensSocialCare))]),
      ...when(asks('significantConcerns'), () => [
        fact('Significant safeguarding concerns', yesNo(about?.significantConcerns)), fact("Children in the parents' care", yesNo(about?.childrenInParentsCare)),
      ]),
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
    concerns: () => [
      fact('Concerns', titles(catalogue.inclusionConcerns, concerns?.concerns)),
      ...when(!!concerns?.otherConcern, () => [fact('The other concern', concerns?.otherConcern)]),
    ],
    parent: () => [
      fact('Difficulties', titles(catalogue.parentDifficulties, parent?.parentDifficulties)),
      fact('How severe they seem', parent?.parentSeverity && SEVERITY_LABELS[parent.parentSeverity]),
      fact('Already under a community mental health team', yesNo(parent?.inSecondaryMentalHealthCare)),
      fact('Risk to their own safety', parent?.riskToSelf && RISK_LABELS[parent.riskToSelf]),
    ],
    consent: () => [
      fact('Consent', consent?.consentStatus && CONSENT_LABELS[consent.consentStatus]),
      ...when(!!consent?.consentFrom, () => [fact(consent?.consentStatus === 'refused' ? 'Refused by' : 'Given by', consent?.consentFrom)]),
      ...when(consent?.consentStatus === 'safeguarding_override', () => [
        fact('Grounds', consent?.justification),
        ...(consent?.lawfulBasis && !consent.statutoryPower ? [fact('Lawful basis (as first recorded)', consent.lawfulBasis)] : [
          fact('Statutory power', labelOf(override?.statutoryPowers ?? [], consent?.statutoryPower) ?? consent?.statutoryPower),
          fact('UK GDPR conditions', labelOf(override?.gdprConditions ?? [], consent?.gdprConditions) ?? consent?.gdprConditions),
          fact('Confidentiality', labelOf(override?.confidentialityBases ?? [], consent?.confidentialityBasis) ?? consent?.confidentialityBasis),
        ]),
        fact('Approved by', consent?.approvedBy), fact('Family told', yesNo(consent?.familyInformed)),
        ...when(consent?.familyInformed === 'no', () => [fact('Why not', consent?.familyNotInformedReason)]),
        fact('Review date', consent?.reviewDate && formatDay(consent.reviewDate)),
      ]),
    ],
    details: () => [
      fact('Help with', details?.helpWith),
      fact('Legal status', titles(catalogue.legalStatuses, details?.legalStatuses ?? (details?.legalStatus ? [details.legalStatus] : []))),
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
