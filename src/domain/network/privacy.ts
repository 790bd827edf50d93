import type { ConsultationRequest, RequestStatus } from '../request/consultation-request';
import type { CaseEvent } from './notification';

/**
 * Least disclosure. Who may learn what about a case:
 * - the network (linked channels and group chats, and followers): the reference, the status, dates and
 *   the next step. Never names, dates of birth or any clinical free text.
 * - the referrer, the assigned clinician and coordinators: the detail, in personal chat only.
 * The notifier asks this module; nothing else decides what leaves the service.
 */
export type Audience = 'network' | 'referrer' | 'clinician' | 'coordinators';

/** The only fields a network post may carry, as the audit trail records them. */
export const NETWORK_FIELDS = ['reference', 'status', 'dates', 'next_step'] as const;

export type NextStep =
  | 'duty_clinician_review' | 'consultation_being_arranged' | 'consultation_booked' | 'consultation_to_rebook'
  | 'fass_assessment' | 'vig_or_mbt' | 'parental_psychology_service' | 'advice_given' | 'signposted' | 'closed' | 'none';

export const COMPLETION_OUTCOMES = ['advice_given', 'fass_assessment_offered', 'vig_or_mbt_offered', 'referred_pps', 'signposted', 'closed'] as const;
export type CompletionOutcome = (typeof COMPLETION_OUTCOMES)[number];

/** The next step the network is told for each outcome the clinician records. */
export const OUTCOME_NEXT: Record<CompletionOutcome, NextStep> = {
  advice_given: 'advice_given', fass_assessment_offered: 'fass_assessment', vig_or_mbt_offered: 'vig_or_mbt',
  referred_pps: 'parental_psychology_service', signposted: 'signposted', closed: 'closed',
};

const STATUS_NEXT: Record<RequestStatus, NextStep> = {
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
  nextStep: NextStep;
}

export function networkView(request: ConsultationRequest): NetworkView {
  const completed = request.completion ? OUTCOME_NEXT[request.completion.outcome] : undefined;
  return {
    reference: request.reference,
    status: request.status,
    submittedOn: request.submittedAt,
    ...(request.booking ? { consultationAt: request.booking.start } : request.completion ? { consultationAt: request.completion.consultationAt } : {}),
    updatedAt: request.updatedAt,
    nextStep: request.nextSteps?.step ?? completed ?? STATUS_NEXT[request.status],
  };
}

/** Events the network is told about (the rest are the service's own business: offers, declines, reminders). */
const NETWORK_EVENTS: ReadonlySet<CaseEvent> = new Set<CaseEvent>([
  'submitted', 'review_requested', 'reviewed', 'booked', 'rescheduled', 'cancelled', 'no_show', 'completed', 'next_steps', 'linked',
]);

/** Who an event is for. Detail goes to people in personal chat; the network gets its view. */
export function audiencesFor(event: CaseEvent): ReadonlySet<Audience> {
  const to = new Set<Audience>();
  if (NETWORK_EVENTS.has(event)) to.add('network');
  if (['reviewed', 'booked', 'rescheduled', 'cancelled', 'no_show', 'escalated', 'waitlist_offer', 'reminder', 'completed', 'next_steps'].includes(event)) to.add('referrer');
  if (['booked', 'rescheduled', 'cancelled', 'reminder'].includes(event)) to.add('clinician');
  if (['offered', 'declined', 'booked', 'rescheduled', 'cancelled', 'escalated', 'no_times', 'review_requested'].includes(event)) to.add('coordinators');
  return to;
}
