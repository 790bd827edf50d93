/**
 * What happened to a case that someone should be told about. Written to the outbox in the same atomic
 * step as the change; the notifier decides, through the privacy policy, who learns what.
 */
export const CASE_EVENTS = [
  'submitted', 'review_requested', 'reviewed', 'offered', 'declined', 'booked', 'rescheduled', 'cancelled', 'no_show',
  'escalated', 'no_times', 'waitlist_offer', 'reminder', 'completed', 'next_steps', 'linked', 'followed',
  'episode_opened', 'non_attendance', 'measure_alert', 'meeting_requested', 'amh_referred', 'episode_closed',
] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

export interface Notification {
  /** Unique per event: the request version and the event, so the same change never makes two. */
  id: string;
  service: string;
  reference: string;
  event: CaseEvent;
  at: string;
  data: Record<string, string>;
}

export function notification(request: { service: string; reference: string; version: number }, event: CaseEvent, at: Date, data: Record<string, string> = {}, suffix = ''): Notification {
  return { id: `${request.reference}:${request.version}:${event}${suffix}`, service: request.service, reference: request.reference, event, at: at.toISOString(), data };
}
