import type { Availability } from '../../../domain/booking/availability';
import type { OfferableTime } from '../../../domain/booking/free-times';
import type { RosterMember } from '../../../domain/booking/roster';
import type { Catalogue } from '../../../domain/catalogue/catalogue';
import type { FieldIssue } from '../../../domain/errors';
import type { ConsultationRequest } from '../../../domain/request/consultation-request';
import { formatDay, formatLondon, formatLondonTime, londonDate } from '../../../domain/time/london';
import { errorRows } from './common';
import { answerSections } from './review-card';
import { NETWORK_EVENT_LABELS, NEXT_STEP_LABELS, NEXT_STEPS, OUTCOME_LABELS, STATUS_LABELS } from './labels';
import type { NetworkView } from '../../../domain/network/privacy';
import type { DeadLetter } from '../../../ports/outbox';
import type { CaseEvent } from '../../../domain/network/notification';
import { expand, type Card } from './templates';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** People are shown by the name Teams gave the bot, or by their id when it never saw one. */
export type NameOf = (id: string) => string;

export function timesCard(request: ConsultationRequest, catalogue: Catalogue, times: readonly OfferableTime[], options: { errors?: readonly FieldIssue[]; headline?: string } = {}): Card {
  const { booking } = catalogue;
  return expand('booking/times', {
    service: request.service, reference: request.reference, headline: options.headline ?? '', errors: errorRows(options.errors),
    maxPreferences: booking.maxPreferences, minutes: booking.consultationMinutes, horizonDays: booking.horizonDays,
    times: times.map((t) => ({ start: t.start, label: `${formatLondon(t.start)}${t.clinicians > 1 ? ` (${t.clinicians} clinicians free)` : ''}` })),
  });
}

/**
 * A request after screening, as one of its parties sees it in personal chat: times, meeting, what next,
 * what they may change, and (given the catalogue) the case details. Only ever sent to a personal chat.
 */
export function caseCard(
  request: ConsultationRequest, viewer: { id: string; coordinator: boolean }, nameOf: NameOf,
  options: { headline?: string; errors?: readonly FieldIssue[]; calendarUrl?: string; catalogue?: Catalogue; now?: Date } = {},
): Card {
  const { booking, offer } = request;
  const facts: { title: string; value: string }[] = [];
  if (booking) {
    facts.push({ title: 'When', value: `${formatLondon(booking.start)} to ${formatLondonTime(booking.end)} (UK time)` });
    facts.push({ title: 'Clinician', value: nameOf(booking.clinicianId) });
  }
  if (offer) {
    facts.push({ title: 'Your preferred times', value: offer.preferences.map(formatLondon).join('; ') });
    if (viewer.coordinator) {
      for (const d of offer.declines) facts.push({ title: `Declined by ${nameOf(d.clinicianId)}`, value: d.reason });
    }
    if (offer.escalatedAt) facts.push({ title: 'Escalated', value: `No clinician had accepted by ${formatLondon(offer.escalatedAt)}; coordinators are on it.` });
  }
  if (request.waitlistedAt) facts.push({ title: 'On the waitlist since', value: formatLondon(request.waitlistedAt) });
  if (request.decision) facts.push({ title: request.decision.approved ? 'Review: approved' : 'Review: not taken forward', value: request.decision.reason });
  if (request.completion) facts.push({ title: 'Outcome', value: `${OUTCOME_LABELS[request.completion.outcome]} (recorded ${formatLondon(request.completion.at)})` });
  if (request.nextSteps) {
    facts.push({ title: 'Next step (the network sees this)', value: NEXT_STEP_LABELS[request.nextSteps.step] });
    facts.push({ title: 'Next steps', value: request.nextSteps.text });
  }
  const last = request.changes?.at(-1);
  if (last && !booking) facts.push({ title: `Last booking ${last.kind.replace('_', '-')}`, value: `${formatLondon(last.start)}: ${last.reason}` });
  const isClinician = booking?.clinicianId === viewer.id || request.completion?.by === viewer.id;
  const leads = isClinician || viewer.coordinator;
  return expand('booking/case', {
    service: request.service, reference: request.reference, headline: options.headline ?? `Request ${request.reference}`,
    statusLabel: STATUS_LABELS[request.status], nextStep: NEXT_STEPS[request.status], facts, errors: errorRows(options.errors),
    booked: request.status === 'booked', meetingUrl: booking?.meetingUrl ?? '', calendarUrl: options.calendarUrl ?? '', bookingId: booking?.id ?? '',
    canChange: request.status === 'booked', canRecordNoShow: request.status === 'booked' && leads && (options.now ?? new Date()).getTime() >= Date.parse(booking!.start),
    canComplete: request.status === 'booked' && leads && (options.now ?? new Date()).getTime() >= Date.parse(booking!.start), canPostNextSteps: request.status === 'completed' && leads,
    outcomes: Object.entries(OUTCOME_LABELS).map(([value, title]) => ({ value, title })),
    steps: (['fass_assessment', 'vig_or_mbt', 'parental_psychology_service', 'advice_given', 'signposted', 'closed'] as const).map((value) => ({ value, title: NEXT_STEP_LABELS[value] })),
    canPickTimes: request.ownerId === viewer.id && ['awaiting_booking', 'waitlisted'].includes(request.status),
    details: options.catalogue ? [
      ...(request.ownerId === viewer.id ? [] : [{ title: 'Referrer', value: nameOf(request.ownerId) }]),
      ...answerSections(request.answers, options.catalogue, request.ownerId === viewer.id ? 'referrer' : 'colleague').flatMap((s) => s.facts),
    ] : [],
  });
}

/** The triage channel's card: reference, status, dates and the next step only (least disclosure). */
export function triageCard(request: ConsultationRequest, nameOf: NameOf, refreshUserIds: readonly string[], notice = ''): Card {
  const open = request.status === 'offered';
  const accepted = request.booking ? `Accepted by ${nameOf(request.booking.clinicianId)} for ${formatLondon(request.booking.start)}` : '';
  return expand('booking/triage', {
    service: request.service, reference: request.reference, statusLabel: STATUS_LABELS[request.status], open,
    notice,
    headline: accepted || (request.offer?.escalatedAt ? 'Nobody has accepted yet: coordinators, please find a clinician.' : ''),
    headlineStyle: request.booking ? 'good' : 'warning',
    times: open ? request.offer!.preferences.map((start) => ({ service: request.service, reference: request.reference, start, label: formatLondon(start) })) : [],
    declines: request.offer?.declines ?? [],
    refreshUserIds: refreshUserIds.slice(0, 60),
  });
}

export function availabilityCard(availability: Availability, catalogue: Catalogue, now: Date, options: { errors?: readonly FieldIssue[]; notice?: string } = {}): Card {
  const { service, booking } = catalogue;
  const item = (label: string, index: number) => ({ label, index, service, version: availability.version });
  return expand('booking/availability', {
    service, version: availability.version, today: londonDate(now), notice: options.notice ?? '', errors: errorRows(options.errors),
    minutes: booking.consultationMinutes, buffer: booking.bufferMinutes, leadHours: booking.leadTimeHours, horizonDays: booking.horizonDays,
    weekdays: WEEKDAYS.map((title, i) => ({ title, value: String(i + 1) })),
    weekly: availability.weekly.map((w, i) => item(`${WEEKDAYS[w.weekday - 1]}s ${w.start} to ${w.end}`, i)),
    extras: availability.extras.map((e, i) => item(`${formatLondon(e.start)} to ${formatLondonTime(e.end)}`, i)),
    blackouts: availability.blackouts.map((b, i) => item(`${formatDay(londonDate(new Date(b.start)))} to ${formatDay(londonDate(new Date(Date.parse(b.end) - 1)))}`, i)),
  });
}

export function rosterCard(service: string, members: readonly RosterMember[], nameOf: NameOf, options: { errors?: readonly FieldIssue[]; notice?: string } = {}): Card {
  return expand('booking/roster', {
    service, notice: options.notice ?? '', errors: errorRows(options.errors),
    members: members.map((m) => ({ service, id: m.id, label: nameOf(m.id), roles: m.roles.join(', ') })),
  });
}

const REVIEW_WHY: Record<string, string> = {
  safeguarding_override: 'consent recorded as a safeguarding override',
  special_circumstances: 'care proceedings with special circumstances',
  referrer_request: 'the referrer asked for a review of a "not recommended" outcome',
};

/** A coordinator's review queue, in personal chat: here the detail the decision needs may be shown. */
export function reviewsCard(service: string, requests: readonly ConsultationRequest[], options: { errors?: readonly FieldIssue[]; notice?: string } = {}): Card {
  return expand('booking/reviews', {
    service, notice: options.notice ?? '', errors: errorRows(options.errors),
    requests: requests.map((r, index) => ({
      service, index, reference: r.reference, submittedAt: formatLondon(r.submittedAt),
      why: (r.review?.reasons ?? []).map((x) => REVIEW_WHY[x] ?? x).join('; ') || 'flagged by screening',
      justification: r.review?.justification ?? '', helpWith: r.answers.details.helpWith,
    })),
  });
}

/** The network's case card: only what the privacy policy's network view holds. */
export function networkCaseCard(view: NetworkView, serviceName: string, service: string, place: 'conversation' | 'follower'): Card {
  return expand('network/case', {
    service, serviceName, reference: view.reference, statusLabel: STATUS_LABELS[view.status],
    submittedOn: formatDay(londonDate(new Date(view.submittedOn))), consultationAt: view.consultationAt ? formatLondon(view.consultationAt) : '',
    nextStep: NEXT_STEP_LABELS[view.nextStep], updatedAt: formatLondon(view.updatedAt),
    canFollow: place === 'conversation', canUnfollow: place === 'follower',
  });
}

/** The short line added to the network's thread for an event. */
export function networkEntryText(view: NetworkView, event: CaseEvent): string {
  const what = NETWORK_EVENT_LABELS[event] ?? STATUS_LABELS[view.status];
  const when = view.consultationAt && ['booked', 'rescheduled', 'completed'].includes(event) ? ` (${formatLondon(view.consultationAt)})` : '';
  return `${view.reference}: ${what}${when}. Next step: ${NEXT_STEP_LABELS[view.nextStep]}.`;
}

const DEAD_WHY: Record<string, string> = {
  throttled: 'Teams kept asking to slow down', unreachable: 'Teams could not be reached', crashed_repeatedly: 'the notifier stopped while sending it, repeatedly',
};

/** Coordinators' list of undelivered notifications: references and error codes only. */
export function deadLettersCard(service: string, letters: readonly DeadLetter[], notice = ''): Card {
  return expand('network/dead-letters', {
    service, notice,
    letters: letters.map((d) => ({
      service, deadId: d.deadId, reference: d.notification.reference, event: d.notification.event, attempts: d.attempts, at: formatLondon(d.at),
      why: DEAD_WHY[d.code] ?? (d.code.startsWith('rejected_') ? `Teams refused it (${d.code.slice(9)}): the bot may have been removed there` : d.code),
    })),
  });
}
