import type { Availability } from '../../domain/booking/availability';
import type { RosterMember } from '../../domain/booking/roster';
import type { Catalogue } from '../../domain/catalogue/catalogue';
import type { FieldIssue } from '../../domain/errors';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { formatDay, formatLondon, formatLondonTime, londonDate } from '../../domain/time/london';
import { errorRows, type Choice, type ErrorRow, type NameOf } from './common';
import { newestFirst, ONE_PAGE, PAGE_SIZE, pageInfo, pageOf, type PageInfo } from './paging';
import { shorten } from './shorten';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** Positions in a list as keys sort them (a list holds at most a few hundred). */
const pad = (n: number) => String(n).padStart(4, '0');

interface ListItem {
  label: string;
  index: number;
  service: string;
  version: number;
}

/** One of the clinician's lists, a page at a time, with its buttons' titles (each says which list, for screen readers). */
export interface AvailabilityList extends PageInfo {
  items: ListItem[];
  moreTitle: string;
  startTitle: string;
}

export type AvailabilityListName = 'weekly' | 'extras' | 'blackouts';
export type AvailabilityCursors = Record<AvailabilityListName, string>;

/** A clinician's published times, in UK time; each list a page at a time, soonest (or earliest in the week) first. */
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
  weekly: AvailabilityList;
  extras: AvailabilityList;
  blackouts: AvailabilityList;
  /** Where each list's page begins: every button carries them, so the card comes back where it was. */
  at: AvailabilityCursors;
}

export function availabilityView(
  availability: Availability, catalogue: Catalogue, now: Date,
  options: { errors?: readonly FieldIssue[]; notice?: string; at?: Partial<AvailabilityCursors>; /** Every item on one page (the workspace, which has no card size to keep to). */ whole?: boolean } = {},
): AvailabilityView {
  const { service, booking } = catalogue;
  const item = (label: string, index: number): ListItem => ({ label, index, service, version: availability.version });
  const list = <T>(entries: readonly T[], key: (e: T, i: number) => string, label: (e: T) => string, after: string | undefined, what: string): AvailabilityList => {
    const page = pageOf(entries.map((e, i) => ({ e, i })), ({ e, i }) => `${key(e, i)}|${pad(i)}`, after, options.whole ? entries.length + 1 : PAGE_SIZE.availability);
    return { ...pageInfo(page), items: page.items.map(({ e, i }) => item(label(e), i)), moreTitle: `Show more ${what}`, startTitle: `Back to the first ${what}` };
  };
  const weekly = list(availability.weekly, (w) => `${w.weekday}|${w.start}|${w.end}`, (w) => `${WEEKDAYS[w.weekday - 1]}s ${w.start} to ${w.end}`, options.at?.weekly, 'weekly windows');
  const extras = list(availability.extras, (e) => `${e.start}|${e.end}`, (e) => `${formatLondon(e.start)} to ${formatLondonTime(e.end)}`, options.at?.extras, 'one-off times');
  const blackouts = list(availability.blackouts, (b) => `${b.start}|${b.end}`,
    (b) => `${formatDay(londonDate(new Date(b.start)))} to ${formatDay(londonDate(new Date(Date.parse(b.end) - 1)))}`, options.at?.blackouts, 'blackouts');
  return {
    kind: 'availability',
    service, serviceName: catalogue.name, version: availability.version, today: londonDate(now), notice: options.notice ?? '', errors: errorRows(options.errors),
    minutes: booking.consultationMinutes, buffer: booking.bufferMinutes, leadHours: booking.leadTimeHours, horizonDays: booking.horizonDays,
    weekdays: WEEKDAYS.map((title, i) => ({ title, value: String(i + 1) })),
    weekly, extras, blackouts, at: { weekly: weekly.after, extras: extras.after, blackouts: blackouts.after },
  };
}

/** Who is a clinician or coordinator of a service, the most recently added first. */
export interface RosterView extends PageInfo {
  kind: 'roster';
  service: string;
  serviceName: string;
  notice: string;
  errors: ErrorRow[];
  /** How many people hold each role: the roster at a glance. */
  summary: string;
  members: { service: string; id: string; label: string; roles: string }[];
}

export function rosterView(
  catalogue: Catalogue, members: readonly RosterMember[], nameOf: NameOf, options: { errors?: readonly FieldIssue[]; notice?: string; after?: string } = {},
): RosterView {
  const { service } = catalogue;
  const page = pageOf(members, (m) => `${newestFirst(m.addedAt)}|${m.id}`, options.after, PAGE_SIZE.roster);
  const holding = (role: string) => members.filter((m) => (m.roles as readonly string[]).includes(role)).length;
  return {
    kind: 'roster',
    service, serviceName: catalogue.name, notice: options.notice ?? '', errors: errorRows(options.errors),
    summary: `${members.length} ${members.length === 1 ? 'person' : 'people'}: ${holding('clinician')} clinician(s), ${holding('coordinator')} coordinator(s).`,
    ...pageInfo(page),
    members: page.items.map((m) => ({ service, id: m.id, label: nameOf(m.id), roles: m.roles.join(', ') })),
  };
}

const REVIEW_WHY: Record<string, string> = {
  safeguarding_override: 'consent recorded as a safeguarding override',
  special_circumstances: 'care proceedings with special circumstances',
  referrer_request: 'the referrer asked for a review of a "not recommended" outcome',
};

/** A request in the review queue: its free text shortened in the list, whole when opened. */
export interface ReviewItem {
  service: string;
  index: number;
  reference: string;
  submittedAt: string;
  /** The urgency's label when it is urgent; '' otherwise. */
  urgency: string;
  why: string;
  justification: string;
  helpWith: string;
  /** Some of its text was cut: offer "Open" for the whole. */
  shortened: boolean;
}

/**
 * A coordinator's review queue, in personal chat, where the detail the decision needs may be shown: urgent
 * first, then the oldest, a page at a time; or one request opened with all its text (`single`).
 */
export interface ReviewsView extends PageInfo {
  kind: 'reviews';
  service: string;
  serviceName: string;
  notice: string;
  errors: ErrorRow[];
  /** How many wait, and how many of those are urgent. */
  summary: string;
  requests: ReviewItem[];
  single: boolean;
  /** The request shown alone ('' for a page): a decision that needs another look comes back to it. */
  opened: string;
}

export interface ReviewsOptions {
  errors?: readonly FieldIssue[];
  notice?: string;
  /** The page: the cursor it starts after. */
  after?: string;
  /** Show this request alone, with all its text; `after` is then the page to go back to. */
  open?: string;
  /** Every request, with all its text, on one page (the workspace, which has no card size to keep to). */
  whole?: boolean;
}

export function reviewsView(catalogue: Catalogue, requests: readonly ConsultationRequest[], options: ReviewsOptions = {}): ReviewsView {
  const { service } = catalogue;
  const urgencyOf = (r: ConsultationRequest) => catalogue.urgencies.find((u) => u.id === r.answers.details?.urgency && u.urgent);
  const item = (r: ConsultationRequest, index: number, whole: boolean): ReviewItem => {
    const justification = whole ? { text: r.review?.justification ?? '', cut: false } : shorten(r.review?.justification ?? '');
    const helpWith = whole ? { text: r.answers.details?.helpWith ?? '', cut: false } : shorten(r.answers.details?.helpWith ?? '');
    return {
      service, index, reference: r.reference, submittedAt: formatLondon(r.submittedAt), urgency: urgencyOf(r)?.label ?? '',
      why: (r.review?.reasons ?? []).map((x) => REVIEW_WHY[x] ?? x).join('; ') || 'flagged by screening',
      justification: justification.text, helpWith: helpWith.text, shortened: justification.cut || helpWith.cut,
    };
  };
  const urgent = requests.filter((r) => urgencyOf(r)).length;
  const base = {
    kind: 'reviews' as const, service, serviceName: catalogue.name, notice: options.notice ?? '', errors: errorRows(options.errors),
    summary: requests.length === 0 ? '' : `${requests.length} waiting${urgent > 0 ? `, ${urgent} of them urgent` : ''}.`,
  };
  const opened = options.open ? requests.find((r) => r.reference === options.open) : undefined;
  if (opened) return { ...base, ...ONE_PAGE, total: requests.length, after: options.after ?? '', requests: [item(opened, 0, true)], single: true, opened: opened.reference };
  // Urgent first, then the oldest: the order coordinators work through the queue.
  const page = pageOf(requests, (r) => `${urgencyOf(r) ? 0 : 1}|${r.submittedAt}|${r.reference}`, options.after, options.whole ? requests.length + 1 : PAGE_SIZE.reviews);
  return { ...base, ...pageInfo(page), requests: page.items.map((r, i) => item(r, i, options.whole === true)), single: false, opened: '' };
}
