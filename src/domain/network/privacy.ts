import type { Catalogue } from '../catalogue/catalogue';
import type { ConsultationRequest, RequestStatus } from '../request/consultation-request';

/**
 * Least disclosure. Who may learn what about a case:
 * - the network (linked channels and group chats, and followers): the reference, the status, dates and
 *   the next step. Never names, dates of birth or any clinical free text.
 * - the referrer, the assigned clinician and coordinators: the detail, in personal chat only.
 * What the network may see is decided here; which events reach whom is declared once per event in the
 * conversation layer's case-event map.
 */
export type Audience = 'network' | 'referrer' | 'clinician' | 'coordinators';

/** The only fields a network post may carry, as the audit trail records them. */
export const NETWORK_FIELDS = ['reference', 'status', 'dates', 'next_step'] as const;

/** Next steps that follow from a request's status alone, whatever the service; a service's own come from its catalogue. */
export const STATUS_NEXT_STEPS = ['duty_clinician_review', 'consultation_being_arranged', 'consultation_booked', 'consultation_to_rebook', 'closed', 'none', 'work_under_way', 'work_ended'] as const;
export type StatusNextStep = (typeof STATUS_NEXT_STEPS)[number];

const STATUS_NEXT: Record<RequestStatus, StatusNextStep> = {
  cannot_proceed: 'closed', not_recommended: 'none', awaiting_review: 'duty_clinician_review', review_declined: 'closed',
  awaiting_booking: 'consultation_being_arranged', waitlisted: 'consultation_being_arranged', offered: 'consultation_being_arranged',
  booked: 'consultation_booked', cancelled: 'closed', no_show: 'consultation_to_rebook', completed: 'none',
};

/** What the network may see of a request: nothing else is ever put in a network post. */
export interface NetworkView {
  reference: string;
  status: RequestStatus;
  submittedOn: string;
  consultationAt?: string;
  updatedAt: string;
  /** A status next step, or one of the service's own (its catalogue's completion.nextSteps). */
  nextStep: string;
  /** Once work after the consultation has started: that it is under way, or has ended. Nothing more about it. */
  work?: 'under_way' | 'ended';
}

/**
 * While a safeguarding override records that the family has not been told of the referral, nothing about
 * it goes to the family's network: a GP or school would learn what the family does not know.
 */
export function networkWithheld(request: ConsultationRequest): boolean {
  const consent = request.answers.consent;
  return consent?.consentStatus === 'safeguarding_override' && consent.familyInformed === 'no';
}

export function networkView(request: ConsultationRequest, catalogue: Catalogue): NetworkView {
  const completed = request.completion && catalogue.completion.outcomes.find((o) => o.id === request.completion!.outcome)?.nextStep;
  if (request.episode) {
    const work = request.episode.closure ? 'ended' : 'under_way';
    return {
      reference: request.reference, status: request.status, submittedOn: request.submittedAt, updatedAt: request.updatedAt,
      ...(request.completion ? { consultationAt: request.completion.consultationAt } : {}),
      nextStep: work === 'ended' ? 'work_ended' : 'work_under_way', work,
    };
  }
  return {
    reference: request.reference,
    status: request.status,
    submittedOn: request.submittedAt,
    ...(request.booking ? { consultationAt: request.booking.start } : request.completion ? { consultationAt: request.completion.consultationAt } : {}),
    updatedAt: request.updatedAt,
    nextStep: request.nextSteps?.step ?? completed ?? STATUS_NEXT[request.status],
  };
}
