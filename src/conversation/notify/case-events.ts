import type { CaseEvent, Notification } from '../../domain/network/notification';
import type { Audience } from '../../domain/network/privacy';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { formatDay, formatLondon } from '../../domain/time/london';

type Words = string | ((request: ConsultationRequest, n: Notification) => string);

/**
 * What one case event does: who is told, with which words. An audience left out is not told.
 * - referrer / clinician: the headline above their own screen of the case, in personal chat;
 * - triage: the triage card posted or updated in the service's triage channel, or a note for coordinators;
 * - network: the line in the network's thread (milestones only; the case card itself carries the network
 *   view), to every linked conversation and follower, or only to the one the event is about.
 */
export interface CaseEventDeclaration {
  referrer?: Words;
  clinician?: Words;
  triage?: 'post' | 'update' | Words;
  /** Every coordinator of the service, each in personal chat with their own screen of the case (an alert that cannot wait for the triage channel). */
  coordinators?: Words;
  network?: { line: string; withTime?: true; only?: 'linked_conversation' | 'follower' };
}

const reminder: Words = (_r, n) => {
  const hours = Number(n.data.hours);
  return `Reminder: consultation ${hours >= 24 ? `in ${hours / 24 === 1 ? '24 hours' : `${hours / 24} days`}` : `in ${hours} hour${hours === 1 ? '' : 's'}`}`;
};

/** Every case event, declared once: the compiler refuses a map that leaves one out. */
export const CASE_EVENTS: { readonly [E in CaseEvent]: CaseEventDeclaration } = {
  submitted: { network: { line: 'Request received' } },
  review_requested: {
    triage: (r) => `${r.reference}: waiting for duty clinician review. Coordinators: type "reviews" in a personal chat with me.`,
    network: { line: 'Sent for duty clinician review' },
  },
  reviewed: {
    referrer: (r) => (r.status === 'awaiting_booking' ? 'A duty clinician approved your request: choose consultation times' : 'A duty clinician reviewed your request'),
    network: { line: 'Review decided' },
  },
  offered: { triage: 'post' },
  declined: { triage: 'update' },
  booked: {
    referrer: 'Consultation booked', clinician: 'You accepted this consultation', triage: 'update',
    network: { line: 'Consultation booked', withTime: true },
  },
  rescheduled: {
    referrer: 'Your consultation needs a new time: please choose again', clinician: 'Consultation released for rescheduling', triage: 'update',
    network: { line: 'Consultation to be rearranged', withTime: true },
  },
  cancelled: { referrer: 'Consultation cancelled', clinician: 'Consultation cancelled', triage: 'update', network: { line: 'Consultation cancelled' } },
  no_show: { referrer: 'The consultation was recorded as not taken place', network: { line: 'Consultation did not take place' } },
  escalated: {
    referrer: 'No clinician has accepted your times yet: coordinators have been alerted. You can choose other times or join the waitlist.',
    triage: (r) => `${r.reference}: no clinician has accepted yet. Coordinators, please find someone.`,
  },
  no_times: { triage: (r) => `${r.reference}: no consultation time is free within the booking horizon. Coordinators, please add availability.` },
  waitlist_offer: { referrer: (_r, n) => `A consultation time has come free (${formatLondon(n.data.start ?? '')}): you are first on the waitlist.` },
  reminder: { referrer: reminder, clinician: reminder },
  completed: { referrer: 'The consultation is complete: outcome and next steps', network: { line: 'Consultation completed', withTime: true } },
  next_steps: { referrer: 'Next steps updated', network: { line: 'Next steps updated' } },
  linked: { network: { line: 'This conversation now follows the case', only: 'linked_conversation' } },
  followed: { network: { line: '', only: 'follower' } },
  // Care after the consultation. The network hears only that work is under way or has ended: never the therapy, scores or attendance.
  episode_opened: { referrer: 'Work with the family has started', clinician: 'Episode opened: the sessions are booked', network: { line: 'Further work under way' } },
  non_attendance: { referrer: (_r, n) => `${n.data.missed ?? 'Several'} sessions in a row were not attended` },
  measure_alert: {
    clinician: 'Urgent: a measure needs your attention now',
    coordinators: (r) => `Urgent: a measure for ${r.reference} needs a clinician's attention now`,
  },
  meeting_requested: { clinician: (_r, n) => `The referrer asks you to attend a meeting on ${formatDay(n.data.date ?? '')}` },
  amh_referred: { referrer: 'Referred to Adult Mental Health services' },
  episode_closed: { referrer: 'The episode of work has ended', network: { line: 'Further work ended' } },
};

/** Who hears of an event, as the privacy tests read it. */
export function audiencesOf(event: CaseEvent): ReadonlySet<Audience> {
  const d: CaseEventDeclaration = CASE_EVENTS[event];
  const to = new Set<Audience>();
  if (d.network && !d.network.only) to.add('network');
  if (d.referrer) to.add('referrer');
  if (d.clinician) to.add('clinician');
  if (d.triage || d.coordinators) to.add('coordinators');
  return to;
}

export const words = (w: Words, request: ConsultationRequest, n: Notification): string => (typeof w === 'function' ? w(request, n) : w);
