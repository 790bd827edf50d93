import type { Availability } from '../../domain/booking/availability';
import type { OfferableTime } from '../../domain/booking/free-times';
import type { RosterMember } from '../../domain/booking/roster';
import { labelOf, type Catalogue } from '../../domain/catalogue/catalogue';
import type { FieldIssue } from '../../domain/errors';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { formatDay, formatLondon, formatLondonTime, londonDate } from '../../domain/time/london';
import { NEXT_STEPS, nextStepLabel, STATUS_LABELS } from '../wording/labels';
import { choices, errorRows, type Choice, type ErrorRow, type Fact, type NameOf } from './common';
import { answerSections } from './journey';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The referrer chooses the times they could do. */
export interface TimesView {
  kind: 'times';
  service: string;
  reference: string;
  headline: string;
  errors: ErrorRow[];
  maxPreferences: number;
  minutes: number;
  horizonDays: number;
  times: { start: string; label: string }[];
}

export function timesView(request: ConsultationRequest, catalogue: Catalogue, times: readonly OfferableTime[], options: { errors?: readonly FieldIssue[]; headline?: string } = {}): TimesView {
  const { booking } = catalogue;
  return {
    kind: 'times',
    service: request.service, reference: request.reference, headline: options.headline ?? '', errors: errorRows(options.errors),
    maxPreferences: booking.maxPreferences, minutes: booking.consultationMinutes, horizonDays: booking.horizonDays,
    times: times.map((t) => ({ start: t.start, label: `${formatLondon(t.start)}${t.clinicians > 1 ? ` (${t.clinicians} clinicians free)` : ''}` })),
  };
}

/** A request after screening as one of its parties sees it, in personal chat only. */
export interface CaseView {
  kind: 'case';
  service: string;
  reference: string;
  headline: string;
  statusLabel: string;
  nextStep: string;
  facts: Fact[];
  errors: ErrorRow[];
  booked: boolean;
  meetingUrl: string;
  calendarUrl: string;
  bookingId: string;
  canChange: boolean;
  canRecordNoShow: boolean;
  canComplete: boolean;
  canPostNextSteps: boolean;
  canPickTimes: boolean;
  outcomes: Choice[];
  steps: Choice[];
  /** The referrer's answers: for the referrer, the consultation's clinician and coordinators. */
  details: Fact[];
  /** How many conversations and people follow the case (its leads may review and revoke them), and whether any do. */
  networkSize: number;
  hasNetwork: boolean;
  /** Coordinators: a subject-access export, and erasure. */
  canGovern: boolean;
}

export interface Viewer {
  id: string;
  coordinator: boolean;
}

/**
 * What the viewer sees of a case: times, meeting, what next, what they may change, and the case
 * details. Which of these a person may see and do is decided here, from who they are to the case.
 */
export function caseView(
  request: ConsultationRequest, viewer: Viewer, nameOf: NameOf, catalogue: Catalogue,
  options: { headline?: string; errors?: readonly FieldIssue[]; calendarUrl?: string; now: Date },
): CaseView {
  const { booking, offer } = request;
  const facts: Fact[] = [];
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
  if (request.completion) {
    const outcome = labelOf(catalogue.completion.outcomes, request.completion.outcome) ?? request.completion.outcome;
    facts.push({ title: 'Outcome', value: `${outcome} (recorded ${formatLondon(request.completion.at)})` });
  }
  if (request.nextSteps) {
    facts.push({ title: 'Next step (the network sees this)', value: nextStepLabel(catalogue, request.nextSteps.step) });
    facts.push({ title: 'Next steps', value: request.nextSteps.text });
  }
  const last = request.changes?.at(-1);
  if (last && !booking) facts.push({ title: `Last booking ${last.kind.replace('_', '-')}`, value: `${formatLondon(last.start)}: ${last.reason}` });
  const isClinician = booking?.clinicianId === viewer.id || request.completion?.by === viewer.id;
  const leads = isClinician || viewer.coordinator;
  const started = booking !== undefined && options.now.getTime() >= Date.parse(booking.start);
  const referrer = request.ownerId === viewer.id;
  return {
    kind: 'case',
    service: request.service, reference: request.reference, headline: options.headline ?? `Request ${request.reference}`,
    statusLabel: STATUS_LABELS[request.status], nextStep: NEXT_STEPS[request.status], facts, errors: errorRows(options.errors),
    booked: request.status === 'booked', meetingUrl: booking?.meetingUrl ?? '', calendarUrl: options.calendarUrl ?? '', bookingId: booking?.id ?? '',
    canChange: request.status === 'booked', canRecordNoShow: request.status === 'booked' && leads && started,
    canComplete: request.status === 'booked' && leads && started, canPostNextSteps: request.status === 'completed' && leads,
    outcomes: choices(catalogue.completion.outcomes),
    steps: choices(catalogue.completion.nextSteps),
    canPickTimes: referrer && ['awaiting_booking', 'waitlisted'].includes(request.status),
    details: [
      ...(referrer ? [] : [{ title: 'Referrer', value: nameOf(request.ownerId) }]),
      ...answerSections(request.answers, catalogue, referrer ? 'referrer' : 'colleague').flatMap((s) => s.facts),
    ],
    networkSize: (request.links?.length ?? 0) + (request.followers?.length ?? 0),
    hasNetwork: (request.links?.length ?? 0) + (request.followers?.length ?? 0) > 0,
    canGovern: viewer.coordinator,
  };
}

/** The triage channel's card: reference, status, dates and the next step only (least disclosure). */
export interface TriageView {
  kind: 'triage';
  service: string;
  reference: string;
  statusLabel: string;
  open: boolean;
  notice: string;
  headline: string;
  headlineStyle: 'good' | 'warning';
  times: { service: string; reference: string; start: string; label: string }[];
  declines: unknown[];
  /** People whose copy of the card brings itself up to date when they look at it (clinicians and coordinators). */
  refreshFor: string[];
}

export function triageView(request: ConsultationRequest, nameOf: NameOf, refreshFor: readonly string[], notice = ''): TriageView {
  const open = request.status === 'offered';
  const accepted = request.booking ? `Accepted by ${nameOf(request.booking.clinicianId)} for ${formatLondon(request.booking.start)}` : '';
  return {
    kind: 'triage',
    service: request.service, reference: request.reference, statusLabel: STATUS_LABELS[request.status], open,
    notice,
    headline: accepted || (request.offer?.escalatedAt ? 'Nobody has accepted yet: coordinators, please find a clinician.' : ''),
    headlineStyle: request.booking ? 'good' : 'warning',
    times: open ? request.offer!.preferences.map((start) => ({ service: request.service, reference: request.reference, start, label: formatLondon(start) })) : [],
    declines: request.offer?.declines ?? [],
    refreshFor: [...refreshFor],
  };
}

interface ListItem {
  label: string;
  index: number;
  service: string;
  version: number;
}

/** A clinician's published times, in UK time. */
export interface AvailabilityView {
  kind: 'availability';
  service: string;
  serviceName: string;
  version: number;
  today: string;
  notice: string;
  errors: ErrorRow[];
  minutes: number;
  buffer: number;
  leadHours: number;
  horizonDays: number;
  weekdays: Choice[];
  weekly: ListItem[];
  extras: ListItem[];
  blackouts: ListItem[];
}

export function availabilityView(availability: Availability, catalogue: Catalogue, now: Date, options: { errors?: readonly FieldIssue[]; notice?: string } = {}): AvailabilityView {
  const { service, booking } = catalogue;
  const item = (label: string, index: number) => ({ label, index, service, version: availability.version });
  return {
    kind: 'availability',
    service, serviceName: catalogue.name, version: availability.version, today: londonDate(now), notice: options.notice ?? '', errors: errorRows(options.errors),
    minutes: booking.consultationMinutes, buffer: booking.bufferMinutes, leadHours: booking.leadTimeHours, horizonDays: booking.horizonDays,
    weekdays: WEEKDAYS.map((title, i) => ({ title, value: String(i + 1) })),
    weekly: availability.weekly.map((w, i) => item(`${WEEKDAYS[w.weekday - 1]}s ${w.start} to ${w.end}`, i)),
    extras: availability.extras.map((e, i) => item(`${formatLondon(e.start)} to ${formatLondonTime(e.end)}`, i)),
    blackouts: availability.blackouts.map((b, i) => item(`${formatDay(londonDate(new Date(b.start)))} to ${formatDay(londonDate(new Date(Date.parse(b.end) - 1)))}`, i)),
  };
}

/** Who is a clinician or coordinator of a service. */
export interface RosterView {
  kind: 'roster';
  service: string;
  serviceName: string;
  notice: string;
  errors: ErrorRow[];
  members: { service: string; id: string; label: string; roles: string }[];
}

export function rosterView(catalogue: Catalogue, members: readonly RosterMember[], nameOf: NameOf, options: { errors?: readonly FieldIssue[]; notice?: string } = {}): RosterView {
  const { service } = catalogue;
  return {
    kind: 'roster',
    service, serviceName: catalogue.name, notice: options.notice ?? '', errors: errorRows(options.errors),
    members: members.map((m) => ({ service, id: m.id, label: nameOf(m.id), roles: m.roles.join(', ') })),
  };
}

const REVIEW_WHY: Record<string, string> = {
  safeguarding_override: 'consent recorded as a safeguarding override',
  special_circumstances: 'care proceedings with special circumstances',
  referrer_request: 'the referrer asked for a review of a "not recommended" outcome',
};

/** A coordinator's review queue, in personal chat: here the detail the decision needs may be shown. */
export interface ReviewsView {
  kind: 'reviews';
  service: string;
  serviceName: string;
  notice: string;
  errors: ErrorRow[];
  requests: { service: string; index: number; reference: string; submittedAt: string; why: string; justification: string; helpWith: string }[];
}

export function reviewsView(catalogue: Catalogue, requests: readonly ConsultationRequest[], options: { errors?: readonly FieldIssue[]; notice?: string } = {}): ReviewsView {
  const { service } = catalogue;
  return {
    kind: 'reviews',
    service, serviceName: catalogue.name, notice: options.notice ?? '', errors: errorRows(options.errors),
    requests: requests.map((r, index) => ({
      service, index, reference: r.reference, submittedAt: formatLondon(r.submittedAt),
      why: (r.review?.reasons ?? []).map((x) => REVIEW_WHY[x] ?? x).join('; ') || 'flagged by screening',
      justification: r.review?.justification ?? '', helpWith: r.answers.details?.helpWith ?? '',
    })),
  };
}
