import type { OfferableTime } from '../../domain/booking/free-times';
import { labelOf, type Catalogue } from '../../domain/catalogue/catalogue';
import type { FieldIssue } from '../../domain/errors';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { formatLondon, formatLondonTime } from '../../domain/time/london';
import { NEXT_STEPS, nextStepLabel, STATUS_LABELS } from '../wording/labels';
import { choices, errorRows, type Choice, type ErrorRow, type Fact, type NameOf } from './common';
import { answerSections } from './journey';
import { PAGE_SIZE } from './paging';
import { shorten } from './shorten';

/**
 * How much of a long free text (an answer, the next steps) the case card shows: the card holds the whole case within
 * Teams' size limit whatever was typed; the whole text is on the referrer's review and outcome cards and in the workspace.
 */
const CASE_TEXT_CHARS = 1000;

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
  /** The referrer's answers: for the referrer, the consultation's clinician and coordinators (long ones shortened). */
  details: Fact[];
  /** Some answer is shown shortened: the whole is on the referrer's own cards and in the workspace. */
  detailsShortened: boolean;
  /** The outcome offered work and the viewer may open its episode (on a form of its own). */
  canOpenEpisode: boolean;
  /** An episode is open: a way back to it from the referral's card. */
  hasEpisode: boolean;
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
  options: { headline?: string; errors?: readonly FieldIssue[]; calendarUrl?: string; now: Date; canOpenEpisode?: boolean },
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
      // However many clinicians declined: the count, and the latest few reasons, shortened as a list's are (the triage card counts them too).
      const latest = offer.declines.slice(-PAGE_SIZE.declines).reverse();
      if (offer.declines.length > latest.length) facts.push({ title: 'Declined', value: `by ${offer.declines.length} clinicians; the latest ${latest.length} below` });
      for (const d of latest) facts.push({ title: `Declined by ${nameOf(d.clinicianId)}`, value: shorten(d.reason).text });
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
    facts.push({ title: 'Next step', value: nextStepLabel(catalogue, request.nextSteps.step) });
    facts.push({ title: 'What the family\'s network reads', value: nextStepLabel(catalogue, request.nextSteps.step, 'network') });
    facts.push({ title: 'Next steps', value: shorten(request.nextSteps.text, CASE_TEXT_CHARS).text });
  }
  const last = request.changes?.at(-1);
  if (last && !booking) facts.push({ title: `Last booking ${last.kind.replace('_', '-')}`, value: `${formatLondon(last.start)}: ${last.reason}` });
  const isClinician = booking?.clinicianId === viewer.id || request.completion?.by === viewer.id;
  const leads = isClinician || viewer.coordinator;
  const started = booking !== undefined && options.now.getTime() >= Date.parse(booking.start);
  const referrer = request.ownerId === viewer.id;
  const allDetails = [
    ...(referrer ? [] : [{ title: 'Referrer', value: nameOf(request.ownerId) }]),
    ...answerSections(request.answers, catalogue, referrer ? 'referrer' : 'colleague').flatMap((s) => s.facts),
  ];
  const details = allDetails.map((d) => ({ ...d, value: shorten(d.value, CASE_TEXT_CHARS).text }));
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
    details,
    detailsShortened: details.some((d, i) => d.value !== allDetails[i]!.value),
    canOpenEpisode: options.canOpenEpisode === true, hasEpisode: request.episode !== undefined,
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
  /** How soon the referrer needs it, when that is urgent (so it is seen first); empty otherwise. */
  urgency: string;
}

export function triageView(request: ConsultationRequest, nameOf: NameOf, refreshFor: readonly string[], notice = '', urgency?: { label: string; urgent?: boolean }): TriageView {
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
    urgency: urgency?.urgent && open ? urgency.label : '',
  };
}
