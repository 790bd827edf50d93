import type { Catalogue } from '../../../domain/catalogue/catalogue';
import type { FieldIssue } from '../../../domain/errors';
import type { Draft } from '../../../domain/referral/draft';
import { previousStep, STEPS, type AnswerStep } from '../../../domain/referral/steps';
import { choices, errorRows, inputValues } from './common';
import { LEGAL_STATUS_LABELS, LOCAL_AUTHORITIES, STEP_TITLES, URGENCY_LABELS } from './labels';
import { expand, type Card } from './templates';

/** Every input id on each step, so that an unanswered input still binds to an empty value. */
const STEP_INPUTS: Record<AnswerStep, readonly string[]> = {
  about: ['referrerRole', 'referrerTeam', 'familyName', 'caseNumber', 'youngestChildDob', 'openToChildrensSocialCare', 'localAuthority'],
  exclusions: ['exclusions', 'inCareProceedings', 'courtSupportsReunification', 'evidenceOfEngagement'],
  concerns: ['concerns'],
  consent: ['consentStatus', 'justification', 'lawfulBasis', 'approvedBy', 'familyInformed', 'familyNotInformedReason', 'reviewDate'],
  details: ['helpWith', 'legalStatus', 'urgency'],
};

export const inputsOf = (step: AnswerStep) => STEP_INPUTS[step];

export interface StepCardOptions {
  today: string;
  errors?: readonly FieldIssue[];
  /** What the referrer typed, shown again when it could not be saved. */
  values?: Record<string, string>;
  notice?: string;
}

/** One step of the journey: the service's wording, the inputs prefilled from the draft, and Next/Back/Cancel. */
export function stepCard(draft: Draft, step: AnswerStep, catalogue: Catalogue, options: StepCardOptions): Card {
  const saved = inputValues(draft.answers[step]);
  const values = Object.fromEntries(STEP_INPUTS[step].map((id) => [id, options.values?.[id] ?? saved[id] ?? '']));
  const data = {
    service: draft.service, draftId: draft.id, version: draft.version, step,
    serviceShortName: catalogue.referencePrefix, stepNumber: STEPS.indexOf(step) + 1, stepCount: STEPS.length, stepTitle: STEP_TITLES[step],
    previousStep: step === 'about' ? '' : previousStep(step),
    nextTitle: draft.reachedReview ? 'Save and review' : 'Next',
    notice: options.notice ?? '', errors: errorRows(options.errors), today: options.today, values,
    careProceedingsText: catalogue.criteria.care_proceedings?.text ?? '',
    inclusionText: catalogue.criteria.no_inclusion_concern?.text ?? '',
    consentText: catalogue.criteria.consent_not_obtained?.text ?? '',
    choices: {
      roles: choices(catalogue.referrerRoles.labels),
      localAuthorities: LOCAL_AUTHORITIES,
      exclusions: catalogue.exclusions.map((e) => ({ value: e.id, title: e.text })),
      concerns: catalogue.inclusionConcerns.map((c) => ({ value: c.id, title: c.text })),
      lawfulBases: catalogue.consent.lawfulBases.map((b) => ({ value: b.id, title: b.label })),
      legalStatuses: choices(LEGAL_STATUS_LABELS),
      urgencies: choices(URGENCY_LABELS),
    },
  };
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [...expand<unknown[]>('parts/step-header', data), ...expand<unknown[]>(`steps/${step}`, data)],
    actions: expand<unknown[]>('parts/step-actions', data),
  };
}
