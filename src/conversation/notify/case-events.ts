import type { CaseEvent, Notification } from '../../domain/network/notification';
import type { Audience } from '../../domain/network/privacy';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { formatDay, formatLondon } from '../../domain/time/london';

type Words = string | ((request: ConsultationRequest, n: Notification) => string);
/** A notification's preview: made from the notification alone (never the request), so it cannot carry a name or free text. */
type Summary = string | ((n: Notification) => string);

/**
 * What one case event does: who is told, with which words. An audience left out is not told.
 * - referrer / clinician: the headline above their own screen of the case, in personal chat;
 * - triage: the triage card posted or updated in the service's triage channel, or a note for coordinators;
 * - network: the line in the network's thread (milestones only; the case card itself carries the network
 *   view), to every linked conversation and follower, or only to the one the event is about.
 * - summary: what happened, in a few words, for the notification preview of every message the event sends
 *   (Teams shows it on lock screens and in the activity feed): after the case reference, and nothing else.
 */
export interface CaseEventDeclaration {
  summary: Summary;
  referrer?: Words;
  clinician?: Words;
  triage?: 'post' | 'update' | Words;
  /** Every coordinator of the service, each in personal chat with their own screen of the case (an alert that cannot wait for the triage channel). */
  coordinators?: Words;
  network?: { line: string; withTime?: true; only?: 'linked_conversation' | 'follower' };
}

const consultationIn = (n: Notification) => {
  const hours = Number(n.data.hours);
  return `consultation ${hours >= 24 ? `in ${hours / 24 === 1 ? '24 hours' : `${hours / 24} days`}` : `in ${hours} hour${hours === 1 ? '' : 's'}`}`;
};
const reminder: Words = (_r, n) => `Reminder: ${consultationIn(n)}`;

/** Every case event, declared once: the compiler refuses a map that leaves one out. */
export const CASE_EVENTS: { readonly [E in CaseEvent]: CaseEventDeclaration } = {
  submitted: { summary: 'request received', network: { line: 'Request received' } },
  review_requested: {
    summary: 'waiting for duty clinician review',
    triage: (r) => `${r.reference}: waiting for duty clinician review. Coordinators: type "reviews" in a personal chat with me.`,
    network: { line: 'Sent for duty clinician review' },
  },
  reviewed: {
    summary: 'review decided',
    referrer: (r) => (r.status === 'awaiting_booking' ? 'A duty clinician approved your request: choose consultation times' : 'A duty clinician reviewed your request'),
    network: { line: 'Review decided' },
  },
  offered: { summary: 'new request for a clinician', triage: 'post' },
  declined: { summary: 'a clinician declined', triage: 'update' },
  booked: {
    summary: 'consultation booked',
    referrer: 'Consultation booked', clinician: 'You accepted this consultation', triage: 'update',
    network: { line: 'Consultation booked', withTime: true },
  },
  rescheduled: {
    summary: 'consultation to be rearranged',
    referrer: 'Your consultation needs a new time: please choose again', clinician: 'Consultation released for rescheduling', triage: 'update',
    network: { line: 'Consultation to be rearranged', withTime: true },
  },
  cancelled: { summary: 'consultation cancelled', referrer: 'Consultation cancelled', clinician: 'Consultation cancelled', triage: 'update', network: { line: 'Consultation cancelled' } },
  no_show: { summary: 'consultation did not take place', referrer: 'The consultation was recorded as not taken place', network: { line: 'Consultation did not take place' } },
  escalated: {
    summary: 'no clinician has accepted yet',
    referrer: 'No clinician has accepted your times yet: coordinators have been alerted. You can choose other times or join the waitlist.',
    triage: (r) => `${r.reference}: no clinician has accepted yet. Coordinators, please find someone.`,
  },
  no_times: { summary: 'no consultation time is free', triage: (r) => `${r.reference}: no consultation time is free within the booking horizon. Coordinators, please add availability.` },
  waitlist_offer: { summary: 'a consultation time has come free', referrer: (_r, n) => `A consultation time has come free (${formatLondon(n.data.start ?? '')}): you are first on the waitlist.` },
  reminder: { summary: consultationIn, referrer: reminder, clinician: reminder },
  completed: { summary: 'consultation completed', referrer: 'The consultation is complete: outcome and next steps', network: { line: 'Consultation completed', withTime: true } },
  next_steps: { summary: 'next steps updated', referrer: 'Next steps updated', network: { line: 'Next steps updated' } },
  linked: { summary: 'this conversation now follows the case', network: { line: 'This conversation now follows the case', only: 'linked_conversation' } },
  followed: { summary: 'you now follow this case', network: { line: '', only: 'follower' } },
  // Care after the consultation. The network hears only that work is under way or has ended: never the therapy, scores or attendance.
  episode_opened: {
    summary: 'further work under way', referrer: 'Work with the family has started', clinician: 'Episode opened: the sessions are booked',
    network: { line: 'Further work under way' },
  },
  non_attendance: { summary: 'sessions not attended', referrer: (_r, n) => `${n.data.missed ?? 'Several'} sessions in a row were not attended` },
  measure_alert: {
    summary: 'urgent, a measure needs attention now',
    clinician: 'Urgent: a measure needs your attention now',
    coordinators: (r) => `Urgent: a measure for ${r.reference} needs a clinician's attention now`,
  },
  meeting_requested: {
    summary: 'asked to attend a meeting', clinician: (_r, n) => `The referrer asks you to attend a meeting${n.data.date ? ` on ${formatDay(n.data.date)}` : ''}`,
  },
  amh_referred: { summary: 'referred to adult mental health services', referrer: 'Referred to Adult Mental Health services' },
  episode_closed: { summary: 'further work ended', referrer: 'The episode of work has ended', network: { line: 'Further work ended' } },
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

/** The preview of every message a notification sends: its reference and what happened, nothing more (least disclosure). */
export function summaryOf(n: Notification): string {
  const s: Summary = CASE_EVENTS[n.event].summary;
  return `${n.reference}: ${typeof s === 'function' ? s(n) : s}`;
}
