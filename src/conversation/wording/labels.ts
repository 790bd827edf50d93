import type { Catalogue } from '../../domain/catalogue/catalogue';
import { INSTRUMENT_IDS, INSTRUMENTS } from '../../domain/measures/instruments';
import { STATUS_NEXT_STEPS, type StatusNextStep } from '../../domain/network/privacy';
import type { ConsentStatus } from '../../domain/referral/answers';
import type { StepId } from '../../domain/referral/steps';
import type { RequestStatus } from '../../domain/request/consultation-request';
import type { Effect, Outcome } from '../../domain/screening/outcome';
import type { RiskToSelf, Severity } from '../../domain/screening/screening-input';

/** Every word the screens use for a code, in one place. A service's own words come from its catalogue. */

export const STEP_TITLES: Record<StepId, string> = {
  about: 'About you and the family',
  exclusions: 'Who not to refer',
  concerns: 'Concerns',
  parent: 'The parent\'s mental health',
  consent: 'Consent',
  details: 'What you need',
  review: 'Review',
};

export const EFFECT_LABELS: Record<Effect, string> = {
  cannot_proceed: 'Cannot proceed',
  not_recommended: 'Not recommended',
  clinical_review: 'Goes to a duty clinician',
  supports: 'Fits the service',
};

export type Tone = 'good' | 'accent' | 'warning' | 'attention';

export const OUTCOMES: Record<Outcome, { title: string; summary: string; style: Tone }> = {
  eligible: {
    title: 'This request fits the service',
    summary: 'The concerns you described are ones the service works with, and nothing stands in the way.',
    style: 'good',
  },
  clinical_review: {
    title: 'A duty clinician will review this request',
    summary: 'Part of this request is for a clinician to weigh, not for the criteria alone: a duty clinician will look at it before a consultation is booked.',
    style: 'accent',
  },
  not_recommended: {
    title: 'A referral is not recommended',
    summary: 'The service would not usually accept this request, for the reasons below. Criteria are guidance: you can ask a duty clinician to consider it.',
    style: 'warning',
  },
  cannot_proceed: {
    title: 'This request cannot go ahead as it stands',
    summary: 'Something the service needs before it can consult is missing. The reasons below say what, and where else to turn.',
    style: 'attention',
  },
};

export const STATUS_LABELS: Record<RequestStatus, string> = {
  awaiting_booking: 'Fits the service: awaiting a consultation time',
  awaiting_review: 'Waiting for duty clinician review',
  not_recommended: 'Not recommended',
  cannot_proceed: 'Cannot proceed',
  review_declined: 'Reviewed: not taken forward',
  waitlisted: 'On the waitlist for the next free time',
  offered: 'Times sent to clinicians: awaiting acceptance',
  booked: 'Consultation booked',
  cancelled: 'Consultation cancelled',
  no_show: 'Consultation missed',
  completed: 'Consultation completed',
};

export const NEXT_STEPS: Record<RequestStatus, string> = {
  awaiting_booking: 'the service will offer consultation times with a clinician; you will be told here.',
  awaiting_review: 'a duty clinician reviews the request and you will be told the decision here.',
  not_recommended: 'consider the signposting below, or ask a duty clinician to review the request.',
  cannot_proceed: 'see what you can do instead below; you can start a new request once that is in place.',
  review_declined: 'the duty clinician\'s reason is below; consider the signposting, or start a new request if things change.',
  waitlisted: 'you will be offered the next time that frees up, before anyone else.',
  offered: 'a clinician accepts one of your preferred times and you will be told here, with an invite.',
  booked: 'join the consultation at the time shown above; you will get a reminder beforehand.',
  cancelled: 'nothing more is planned for this request; start a new one if you need to.',
  no_show: 'the clinician recorded that the consultation did not take place; ask to reschedule by starting a new request.',
  completed: 'the outcome and next steps are shown above.',
};

/** Next steps that follow from the status, as the family's network reads them: no names, no clinical detail. */
const STATUS_NEXT_STEP_LABELS: Record<StatusNextStep, string> = {
  duty_clinician_review: 'A duty clinician is reviewing the request',
  consultation_being_arranged: 'A consultation is being arranged',
  consultation_booked: 'The consultation takes place on the date shown',
  consultation_to_rebook: 'The consultation is to be rearranged',
  closed: 'Closed',
  none: 'None at present',
  work_under_way: 'Further work with the family is under way',
  work_ended: 'The further work with the family has ended',
};

/** Where work after the consultation stands, as the family's network reads it: nothing of what the work is. */
export const WORK_LABELS: Record<'under_way' | 'ended', string> = { under_way: 'Further work under way', ended: 'Further work ended' };

/**
 * A next step in words: the service's own (its catalogue) first, then those every service shares. The
 * family's network reads the neutral words a catalogue gives for a step that names a treatment.
 */
export function nextStepLabel(catalogue: Catalogue, step: string, reader: 'case' | 'network' = 'case'): string {
  const own = catalogue.completion.nextSteps.find((s) => s.id === step);
  if (own) return reader === 'network' ? own.networkLabel ?? own.label : own.label;
  return (STATUS_NEXT_STEPS as readonly string[]).includes(step) ? STATUS_NEXT_STEP_LABELS[step as StatusNextStep] : step;
}

export const CONSENT_LABELS: Record<ConsentStatus, string> = {
  obtained: 'Consent given', refused: 'Consent refused', not_yet_sought: 'Consent not yet sought', not_obtained: 'Consent not yet sought',
  safeguarding_override: 'Safeguarding override (no consent)',
};

export const YES_NO = { yes: 'Yes', no: 'No' } as const;

/** The referrer's judgement of a parent's difficulties; the service screens properly. */
export const SEVERITY_LABELS: Record<Severity, string> = {
  mild: 'Mild: getting by day to day', moderate: 'Moderate: affecting daily life and parenting', severe: 'Severe: struggling to manage day to day',
};

export const RISK_LABELS: Record<RiskToSelf, string> = {
  none: 'No known risk', historic: 'A risk in the past, not now', current: 'A current risk',
};

/** Labels for field ids in error lists, as the cards show them. */
export const FIELD_LABELS: Record<string, string> = {
  referrerRole: 'Your role', referrerTeam: 'Your team', familyName: 'Family name', caseNumber: 'Case number',
  youngestChildDob: "Youngest child's date of birth", unbornDueDate: 'Expected date of birth', openToChildrensSocialCare: 'Open to a safeguarding team',
  significantConcerns: 'Significant safeguarding concerns', childrenInParentsCare: "Children in the parents' care", localAuthority: 'Local authority',
  otherConcern: 'The other concern', consentFrom: 'Which parent or carer', statutoryPower: 'Statutory power', gdprConditions: 'UK GDPR conditions',
  confidentialityBasis: 'Confidentiality', legalStatuses: 'Legal status', parentDifficulties: 'Difficulties', parentSeverity: 'How severe',
  inSecondaryMentalHealthCare: 'Community mental health team', riskToSelf: 'Risk to their own safety', parent: 'The parent\'s mental health',
  exclusions: 'Who not to refer', inCareProceedings: 'Care proceedings', courtSupportsReunification: 'Court supports reunification',
  evidenceOfEngagement: 'Evidence of engagement', concerns: 'Concerns', consentStatus: 'Consent', justification: 'Justification',
  lawfulBasis: 'Lawful basis', approvedBy: 'Approved by', familyInformed: 'Family told', familyNotInformedReason: 'Why the family was not told',
  reviewDate: 'Review date', helpWith: 'What the consultation should help with', legalStatus: 'Legal status', urgency: 'Urgency',
  about: 'About you and the family', consent: 'Consent', details: 'What you need',
  // Episodes of work after the consultation.
  intervention: 'Intervention', plannedSessions: 'Number of sessions', firstDate: 'First session', time: 'Time', location: 'Where',
  meetingUrl: 'Meeting link', gpPractice: 'GP practice', therapistId: 'Therapist', sessionId: 'Session', moveSession: 'Session to move',
  moveWhy: 'Why it moves', moveDate: 'New date', moveTime: 'New time', instrument: 'Measure', point: 'When in the course',
  meetingId: 'Asked-for meeting', meetingType: 'Meeting', meetingDate: 'Meeting date', meetingAttended: 'Attended', askType: 'Meeting', askDate: 'Meeting date',
  gpKind: 'Letter or call', gpDate: 'Date of the letter or call', gpPurpose: 'What it was for', amhDate: 'Date referred', amhService: 'Service referred to',
  amhReason: 'Why it meets their thresholds', amhThen: 'Then', amhEndMeasuresNotTaken: 'Why the end measures were not taken',
  amhFamilyEndNotHeld: 'Why the end family session did not happen', closeReason: 'Reason for closing', closureReason: 'Reason for closing',
  endMeasuresNotTaken: 'Why the end measures were not taken', familyEndNotHeld: 'Why the end family session did not happen',
  ...Object.fromEntries(INSTRUMENT_IDS.flatMap((i) => Array.from({ length: INSTRUMENTS[i].items }, (_, n) => [`${i}_${n + 1}`, `${INSTRUMENTS[i].label} question ${n + 1}`]))),
};
