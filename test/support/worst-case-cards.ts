import { loadCatalogues } from '../../src/adapters/catalogue/load-catalogues';
import type { RenderOptions } from '../../src/adapters/teams/cards/render';
import { errorView } from '../../src/conversation/dispatch';
import { CASE_EVENTS, words } from '../../src/conversation/notify/case-events';
import { networkHelp, SHARED_RULES } from '../../src/conversation/shared';
import { caseView, timesView, triageView } from '../../src/conversation/views/booking';
import { reviewView, stepView } from '../../src/conversation/views/journey';
import { deadLettersView, networkCaseView } from '../../src/conversation/views/network';
import { episodeOffer, episodeOpenView, episodeView } from '../../src/conversation/views/episode';
import { exportLinkView } from '../../src/conversation/views/governance';
import { networkMembersView } from '../../src/conversation/views/network-members';
import { outcomeView } from '../../src/conversation/views/outcome';
import { planWeeklySeries } from '../../src/domain/episode/series';
import { logGpContact, newEpisode, recordMeasure, referToAdultMentalHealth, requestMeeting } from '../../src/domain/episode/transitions';
import { PAGE_SIZE } from '../../src/conversation/views/paging';
import { myRequests, notice, welcome } from '../../src/conversation/views/simple';
import { availabilityView, reviewsView, rosterView } from '../../src/conversation/views/team';
import type { View } from '../../src/conversation/views/view';
import { ERROR_TEXT } from '../../src/conversation/wording/error-text';
import { AvailabilitySchema, type Availability } from '../../src/domain/booking/availability';
import type { RosterMember } from '../../src/domain/booking/roster';
import { BookingDefaultsSchema, type Catalogue } from '../../src/domain/catalogue/catalogue';
import type { ErrorCode, FieldIssue } from '../../src/domain/errors';
import { CASE_EVENTS as EVENT_NAMES, notification } from '../../src/domain/network/notification';
import { networkView } from '../../src/domain/network/privacy';
import type { Answers } from '../../src/domain/referral/answers';
import { FIELDS, isMultiField, maxAnswerLength, type FieldId } from '../../src/domain/referral/fields';
import { journeyOf } from '../../src/domain/referral/steps';
import { toScreeningInput } from '../../src/domain/referral/to-screening-input';
import { MAX_JUSTIFICATION } from '../../src/domain/request/request-review';
import type { ConsultationRequest } from '../../src/domain/request/consultation-request';
import { screen } from '../../src/domain/screening/screen';
import type { DeadLetter } from '../../src/ports/outbox';
import { MAX_REASON } from '../../src/app/required-text';
import { MAX_INPUT } from '../../src/conversation/verbs/verb';
import { buildDraft, buildRequest } from './builders';

/**
 * The worst case the validation rules allow, for every design in cards/: the longest texts, written in
 * characters JSON doubles (a quote or a backslash takes two UTF-16 units; control characters, which take six,
 * are cleaned out at the edge), the most rows, the most pending items, long names and ids. The worst-case
 * card test draws each design from these and holds it to Teams' size limit, Adaptive Cards 1.5 and labelled
 * inputs. A design with no entry here fails that test.
 *
 * To add a design: add an entry keyed by its name in cards/ (the path without `.json`, as
 * `cardTemplateNames()` gives it) returning the views drawn with it at their longest (`designsOf(view)` must
 * name the design), built from the limits the validation rules set, not from typical data.
 */
export interface WorstCase {
  label: string;
  view: View;
  options?: RenderOptions;
}

const catalogues = [...loadCatalogues().values()];
const fass = catalogues.find((c) => c.service === 'fass')!;

/** `n` characters that JSON writes as two each. */
export const worstText = (n: number): string => '"\\'.repeat(Math.ceil(n / 2)).slice(0, n);
/** A display name as long as the directory keeps (120 characters), or an id as long as one may be (200) when no name is known. */
const NAME_CHARS = 120;
const ID_CHARS = 200;
const worstName = (id: string) => worstText(NAME_CHARS) + id.slice(-4);
const worstId = (n: number) => `${'i'.repeat(ID_CHARS - 6)}${String(n).padStart(6, '0')}`;
/** A choice the service does not offer, as long as a choice may be: refused, and named in the problem shown. */
const unknownChoice = (i: number) => worstText(60 - 2) + String(i).padStart(2, '0');
const maxOf = (schema: { unwrap?: () => unknown; maxValue?: number | null }): number => {
  const inner = (schema.unwrap ? schema.unwrap() : schema) as { maxValue?: number | null };
  return inner.maxValue!;
};
const maxLen = (id: FieldId, catalogue: Catalogue) => maxAnswerLength(id, catalogue);
const iso = (day: number, hour = 9) => new Date(Date.UTC(2026, 3, 1 + day, hour)).toISOString();
const NOW = new Date('2026-03-30T12:00:00Z');

/** Every answer at its longest: every text at its bound, every list of choices full. */
function worstAnswers(c: Catalogue): Required<Answers> {
  const override = c.consent?.override;
  return {
    about: {
      referrerRole: c.referrerRoles[0]!.id, referrerTeam: worstText(maxLen('referrerTeam', c)), familyName: worstText(maxLen('familyName', c)),
      caseNumber: 'A'.repeat(maxLen('caseNumber', c)), youngestChildDob: '2019-02-28', unbornDueDate: '2026-09-01', openToChildrensSocialCare: 'yes',
      significantConcerns: 'yes', childrenInParentsCare: 'yes', localAuthority: worstText(maxLen('localAuthority', c)),
    },
    exclusions: { exclusions: c.exclusions.map((e) => e.id), inCareProceedings: 'yes', courtSupportsReunification: 'yes', evidenceOfEngagement: 'yes' },
    concerns: { concerns: c.inclusionConcerns.map((x) => x.id), otherConcern: worstText(maxLen('otherConcern', c)) },
    parent: { parentDifficulties: c.parentDifficulties.map((d) => d.id), parentSeverity: 'severe', inSecondaryMentalHealthCare: 'yes', riskToSelf: 'current' },
    consent: {
      consentStatus: 'safeguarding_override', consentFrom: worstText(maxLen('consentFrom', c)), justification: worstText(maxLen('justification', c)),
      statutoryPower: override?.statutoryPowers[0]?.id, gdprConditions: override?.gdprConditions[0]?.id, confidentialityBasis: override?.confidentialityBases[0]?.id,
      approvedBy: worstText(maxLen('approvedBy', c)), familyInformed: 'no', familyNotInformedReason: worstText(maxLen('familyNotInformedReason', c)), reviewDate: '2099-01-31',
    },
    details: { helpWith: worstText(maxLen('helpWith', c)), legalStatuses: c.legalStatuses.map((l) => l.id), urgency: c.urgencies.find((u) => u.urgent)?.id ?? c.urgencies[0]!.id },
  };
}

/** A problem on every field a screen can list, each with the longest message the rules give. */
const worstErrors = (fields: readonly string[]): FieldIssue[] => fields.map((field) => ({ field, message: `is too long (at most ${MAX_INPUT} characters)` }));

/** Screening at its wordiest: every exclusion ticked, no concern, an override, care proceedings, a role that may not refer, outside the area. */
const worstScreening = (c: Catalogue) => {
  const a = worstAnswers(c);
  return screen(toScreeningInput(c, {
    ...a, about: { ...a.about, referrerRole: c.referrerRoles.find((r) => !r.mayRefer)?.id ?? a.about.referrerRole, openToChildrensSocialCare: 'no', significantConcerns: 'no', childrenInParentsCare: 'no' },
    exclusions: { ...a.exclusions, exclusions: c.exclusions.map((e) => e.id), courtSupportsReunification: 'no', evidenceOfEngagement: 'no' },
    concerns: { concerns: [] }, parent: { ...a.parent, parentDifficulties: [] },
  }), c);
};

/** Not recommended, but only for reasons a duty clinician may look at again. */
const reviewable = (c: Catalogue) => {
  const a = worstAnswers(c);
  return screen(toScreeningInput(c, {
    ...a, exclusions: { exclusions: c.exclusions.filter((e) => e.reviewable).map((e) => e.id), inCareProceedings: 'no' }, consent: { consentStatus: 'obtained' },
  }), c);
};

/** A request that has been through everything a request can: review, offers declined, bookings changed, completed. */
function worstRequest(c: Catalogue, n = 1, overrides: Partial<ConsultationRequest> = {}): ConsultationRequest {
  const maxPreferences = maxOf(BookingDefaultsSchema.shape.maxPreferences);
  return buildRequest({
    service: c.service, reference: `${c.referencePrefix}-2026-${String(n).padStart(6, '0')}`, ownerId: worstId(0), answers: worstAnswers(c),
    screening: worstScreening(c), submittedAt: iso(-n % 300, 10),
    review: { reasons: ['safeguarding_override', 'special_circumstances', 'referrer_request'], justification: worstText(MAX_JUSTIFICATION), requestedAt: iso(0) },
    decision: { approved: true, by: worstId(1), reason: worstText(MAX_REASON), at: iso(0) },
    offer: {
      id: 'o-1', preferences: Array.from({ length: maxPreferences }, (_, i) => iso(i + 1)), offeredAt: iso(0), escalatedAt: iso(1),
      declines: Array.from({ length: 60 }, (_, i) => ({ clinicianId: worstId(i + 10), reason: worstText(MAX_REASON), at: iso(0) })),
    },
    waitlistedAt: iso(0),
    changes: [{ kind: 'rescheduled', bookingId: 'b-0', clinicianId: worstId(2), start: iso(0), by: worstId(2), reason: worstText(MAX_REASON), at: iso(0) }],
    completion: { outcome: c.completion.outcomes[0]!.id, notes: worstText(MAX_REASON * 4), by: worstId(2), at: iso(1), consultationAt: iso(1) },
    nextSteps: { step: c.completion.nextSteps[0]!.id, text: worstText(MAX_REASON * 4), by: worstId(2), at: iso(1) },
    links: [{ conversationId: 'c', kind: 'channel', by: 'x', at: iso(0) }],
    ...overrides,
  });
}

/** As many clinicians as the case card offers a coordinator to open an episode for. */
const MAX_THERAPISTS = 25;

/**
 * An episode at its fullest: the longest course the catalogue allows, every session moved and its time come, measures
 * without end (every one alerting), every meeting asked for, GP letters and an AMH referral at their longest.
 */
function worstEpisodeRequest(c: Catalogue): ConsultationRequest {
  const config = c.episodes!;
  const longest = Math.max(...config.interventions.map((i) => i.sessions.max));
  const intervention = config.interventions.find((i) => i.sessions.max === longest)!;
  const completed = worstRequest(c, 1, { status: 'completed', completion: { outcome: c.completion.outcomes.find((o) => o.opensEpisode?.includes(intervention.id))!.id, notes: '', by: worstId(2), at: iso(-60), consultationAt: iso(-60) } });
  const plan = planWeeklySeries({ firstDate: '2026-01-05', time: '10:00', count: longest, minutes: config.sessionMinutes, maxWeeksMoved: 0, blocked: () => undefined, notBefore: 0 });
  let e = newEpisode(completed, c, { intervention: intervention.id, plannedSessions: longest, therapistId: worstId(2), time: '10:00', location: config.defaultLocation, meetingUrl: `https://meet.example.org/${'m'.repeat(470)}`, gpPractice: worstText(200) },
    plan, () => 'e-1', worstId(2), new Date('2026-01-01T00:00:00Z'));
  e = { ...e, sessions: e.sessions.map((s) => ({ ...s, moves: [{ from: s.start, why: 'cancelled_by_service' as const, by: worstId(2), at: iso(-70) }] })) };
  for (let i = 0; i < 40; i += 1) e = recordMeasure(e, config, { instrument: config.measures.instruments[i % config.measures.instruments.length]!, point: 'review', items: Array.from({ length: i % 2 ? 7 : 9 }, () => 3) }, `m${i}`, worstId(2), new Date(NOW.getTime() - i * 60_000)).episode;
  for (let i = 0; i < 40; i += 1) e = requestMeeting(e, config, { type: config.meetingTypes[i % config.meetingTypes.length]!.id, date: iso(i).slice(0, 10) }, `mt${i}`, worstId(0), NOW).episode;
  for (let i = 0; i < 40; i += 1) e = logGpContact(e, { practice: worstText(200), kind: 'letter', date: iso(-i).slice(0, 10), purpose: worstText(1000) }, `g${i}`, worstId(2), NOW);
  if (config.adultMentalHealth) e = referToAdultMentalHealth(e, config, { date: iso(0).slice(0, 10), service: worstText(200), reason: worstText(1000), then: 'liaison' }, worstId(2), NOW);
  return { ...completed, episode: e };
}

/** The longest headline any case event puts above a person's screen. */
const longestHeadline = (() => {
  const r = worstRequest(fass);
  const all = EVENT_NAMES.flatMap((e) => {
    const d = CASE_EVENTS[e];
    const n = notification(r, e, NOW, { hours: '24', start: iso(3), bookingId: 'b', date: '2026-12-20', missed: '10' });
    return [d.referrer, d.clinician, d.coordinators, typeof d.triage === 'function' ? d.triage : undefined].filter((w) => w !== undefined).map((w) => words(w, r, n));
  });
  return all.reduce((a, b) => (b.length > a.length ? b : a), '');
})();

/** The longest notice text the bot shows from an error code. */
const longestErrorText = (Object.keys(ERROR_TEXT) as ErrorCode[]).map((code) => `${ERROR_TEXT[code].title}. ${ERROR_TEXT[code].text}`).reduce((a, b) => (b.length > a.length ? b : a));

const names = (id: string) => worstName(id);
/** A problem on every field of a step, and on a list of choices one for each of the most choices a card may send, each unknown. */
const stepErrors = (c: Catalogue, step: string): FieldIssue[] => (journeyOf(c).fields[step as keyof ReturnType<typeof journeyOf>['fields']] ?? []).flatMap((field) => (isMultiField(field)
  ? Array.from({ length: 20 }, (_, i) => ({ field, message: `"${unknownChoice(i)}" is not one of the choices` }))
  : worstErrors([field])));

/** Each answer step of each service, with everything typed back at the most a card may send and a problem on every field. */
function worstSteps(): WorstCase[] {
  return catalogues.flatMap((c) => journeyOf(c).answerSteps.map((step) => {
    const values = Object.fromEntries((Object.keys(FIELDS) as FieldId[]).map((f) => [f, worstText(MAX_INPUT)]));
    const draft = buildDraft({ service: c.service, answers: worstAnswers(c), reachedReview: true });
    return { label: `${c.service} ${step}`, view: stepView(draft, step, c, { today: '2026-03-30', values, errors: stepErrors(c, step), notice: longestErrorText }) };
  }));
}

const availability = (): Availability => {
  const max = maxListOf;
  return {
    clinicianId: worstId(3), version: 999_999, updatedAt: iso(0),
    weekly: Array.from({ length: max('weekly') }, (_, i) => ({ weekday: 1 + (i % 7), start: '09:00', end: '17:30' })),
    extras: Array.from({ length: max('extras') }, (_, i) => ({ start: iso(i, 8), end: iso(i, 19) })),
    blackouts: Array.from({ length: max('blackouts') }, (_, i) => ({ start: iso(i, 0), end: iso(i + 30, 0) })),
  };
};
/** How many entries the availability rules allow in a list (availability.ts: 50 weekly, 200 one-offs, 200 blackouts). */
function maxListOf(list: 'weekly' | 'extras' | 'blackouts'): number {
  const probe = (n: number) => AvailabilitySchema.shape[list].safeParse(Array.from({ length: n }, () => (list === 'weekly' ? { weekday: 1, start: '09:00', end: '10:00' } : { start: iso(0), end: iso(1) }))).success;
  let n = 1;
  while (probe(n * 2)) n *= 2;
  let hi = n * 2;
  while (hi - n > 1) { const mid = Math.floor((n + hi) / 2); if (probe(mid)) n = mid; else hi = mid; }
  return n;
}

/** The second page of a list: its first page's `next`. */
const secondPage = (first: { next: string }) => first.next;

const members: RosterMember[] = Array.from({ length: 500 }, (_, i) => ({ id: worstId(i), roles: ['clinician', 'coordinator'], addedBy: worstId(0), addedAt: iso(-i) }));
const waiting = Array.from({ length: 1000 }, (_, i) => worstRequest(fass, i + 1, { status: 'awaiting_review' }));
const dead: DeadLetter[] = Array.from({ length: 1000 }, (_, i) => ({
  deadId: `${1_700_000_000_000 + i}-${i}`, code: 'rejected_403', attempts: 50, at: iso(i % 300),
  notification: { id: `n-${i}`, service: 'fass', reference: `FASS-2026-${String(i).padStart(6, '0')}`, event: 'waitlist_offer', at: iso(0), data: {} },
}));
const times = Array.from({ length: maxOf(BookingDefaultsSchema.shape.timesShown) }, (_, i) => ({ start: iso(i), end: iso(i, 10), clinicians: 999 }));
const listErrors = worstErrors(['reason', 'memberId', 'roles']);

export const WORST_CASES: Record<string, () => WorstCase[]> = {
  welcome: () => [{ label: 'every service in force', view: welcome(catalogues) }],
  notice: () => [
    ...(Object.keys(ERROR_TEXT) as ErrorCode[]).map((code) => ({ label: code, view: errorView(code, 'fass') })),
    { label: 'network help', view: networkHelp('FASS-2026-000001') },
    { label: 'shared rules', view: SHARED_RULES },
    { label: 'a service to choose, of every one in force', view: notice(longestErrorText, longestErrorText, catalogues.map((c) => ({ title: c.name, verb: 'request.start', data: { service: c.service } }))) },
  ],
  'my-requests': () => {
    const requests = catalogues.flatMap((c) => Array.from({ length: 100 }, (_, i) => worstRequest(c, i + 1, { status: 'awaiting_booking' })));
    const first = myRequests(catalogues, requests, catalogues.map((c) => c.service));
    return [{ label: 'first page of 200, drafts in every service', view: first }, { label: 'second page', view: myRequests(catalogues, requests, catalogues.map((c) => c.service), secondPage(first)) }];
  },
  review: () => catalogues.map((c) => ({
    label: c.service,
    // Its problems are the steps not answered yet (request.submit's draft_incomplete).
    view: reviewView(buildDraft({ service: c.service, answers: worstAnswers(c), reachedReview: true }), worstScreening(c), c, { errors: worstErrors(journeyOf(c).answerSteps), notice: longestErrorText }),
  })),
  outcome: () => catalogues.flatMap((c) => [
    { label: `${c.service} every reason`, view: outcomeView(worstRequest(c, 1, { status: 'not_recommended' }), c, { errors: worstErrors(['justification']), justification: worstText(MAX_INPUT) }) },
    { label: `${c.service} reviewable`, view: outcomeView(worstRequest(c, 1, { status: 'not_recommended', screening: reviewable(c) }), c, { errors: worstErrors(['justification']), justification: worstText(MAX_INPUT) }) },
  ]),
  'parts/step-header': worstSteps,
  'parts/step-actions': worstSteps,
  ...Object.fromEntries(['about', 'exclusions', 'concerns', 'parent', 'consent', 'details'].map((step) => [`steps/${step}`, () => worstSteps().filter((w) => w.view.kind === 'step' && w.view.step === step)])),
  'booking/times': () => catalogues.map((c) => ({
    label: c.service, view: timesView(worstRequest(c), c, times, { errors: worstErrors(['times']), headline: longestHeadline }),
  })),
  'booking/case': () => catalogues.flatMap((c) => {
    const request = worstRequest(c);
    const opts = { headline: longestHeadline, errors: worstErrors(['reason', 'notes', 'outcome', 'step']), calendarUrl: `https://bot.example.org/calendar/${'x'.repeat(200)}.ics`, now: NOW };
    const booking = { id: 'b-1', clinicianId: worstId(2), start: iso(-1), end: iso(-1, 10), meetingUrl: `https://meet.example.org/${'m'.repeat(300)}`, acceptedAt: iso(-2) };
    return [
      { label: `${c.service} offered, coordinator`, view: caseView({ ...request, status: 'offered' }, { id: worstId(5), coordinator: true }, names, c, opts) },
      { label: `${c.service} booked and started, coordinator`, view: caseView({ ...request, status: 'booked', booking }, { id: worstId(5), coordinator: true }, names, c, opts) },
      { label: `${c.service} completed, its clinician (a coordinator too)`, view: caseView({ ...request, status: 'completed' }, { id: worstId(2), coordinator: true }, names, c, opts) },
      { label: `${c.service} awaiting booking, referrer`, view: caseView({ ...request, status: 'awaiting_booking', offer: undefined }, { id: worstId(0), coordinator: false }, names, c, opts) },
      ...(c.episodes ? [{
        label: `${c.service} completed with work offered, its clinician (a coordinator too)`,
        view: caseView({ ...request, status: 'completed', completion: { ...request.completion!, outcome: c.completion.outcomes.find((o) => o.opensEpisode)!.id } },
          { id: worstId(2), coordinator: true }, names, c, { ...opts, canOpenEpisode: true }),
      }] : []),
    ];
  }),
  'network/members': () => {
    const links = Array.from({ length: 200 }, (_, i) => ({ conversationId: `19:${worstId(i)}@thread.tacv2`, kind: 'channel' as const, by: worstId(i), at: iso(i % 300), teamId: worstId(i) }));
    const followers = Array.from({ length: 500 }, (_, i) => ({ userId: worstId(1000 + i), at: iso(i % 300), via: links[i % links.length]!.conversationId }));
    const request = worstRequest(fass, 1, { links, followers });
    // A middle page of each list: both "Show more" and "Back" on the card, with cursors at their longest.
    const first = networkMembersView(request, fass, names, longestErrorText);
    return [
      { label: '200 linked conversations and 500 people following, every name and id at its longest', view: first },
      { label: 'the same, a middle page of each list', view: networkMembersView(request, fass, names, longestErrorText, { links: first.links.next, followers: first.followers.next }) },
    ];
  },
  'governance/export-link': () => [{
    label: 'the longest reference and link', view: exportLinkView(fass.service, `${fass.referencePrefix}-2026-${'9'.repeat(8)}`, `https://bot.example.org/export/${fass.service}/${'X'.repeat(40)}/${'t'.repeat(100)}`, NOW),
  }],
  'episode/open': () => catalogues.filter((c) => c.episodes).map((c) => {
    const request = worstRequest(c, 1, { status: 'completed', completion: { outcome: c.completion.outcomes.find((o) => o.opensEpisode)!.id, notes: '', by: worstId(2), at: iso(0), consultationAt: iso(0) } });
    const therapists = Array.from({ length: MAX_THERAPISTS }, (_, i) => ({ value: worstId(100 + i), title: worstName(worstId(100 + i)) }));
    return {
      label: `${c.service}: every intervention, a coordinator choosing among ${MAX_THERAPISTS} clinicians, every field wrong`,
      view: episodeOpenView(request, c, episodeOffer(c, c.episodes!.interventions, therapists, worstId(5))!, {
        headline: longestErrorText, errors: worstErrors(['intervention', 'plannedSessions', 'firstDate', 'time', 'location', 'meetingUrl', 'gpPractice', 'therapistId']),
      }),
    };
  }),
  'episode/episode': () => catalogues.filter((c) => c.episodes).flatMap((c) => {
    const request = worstEpisodeRequest(c);
    const opts = { headline: longestHeadline, errors: worstErrors(['moveDate', 'moveTime', 'gpPurpose', 'amhReason', 'closeReason', 'endMeasuresNotTaken', 'familyEndNotHeld']), now: NOW };
    return [
      { label: `${c.service}: the longest course, every session moved and due, every list full, a coordinator`, view: episodeView(request, c, { id: worstId(5), coordinator: true }, names, opts) },
      { label: `${c.service}: the same, the referrer`, view: episodeView(request, c, { id: worstId(0), coordinator: false }, names, opts) },
      {
        label: `${c.service}: closed with every reason at its longest`,
        view: episodeView({ ...request, episode: { ...request.episode!, closure: { reason: c.episodes!.closureReasons[0]!.id, endMeasuresNotTaken: worstText(1000), familyEndNotHeld: worstText(1000), by: worstId(2), at: iso(0) } } },
          c, { id: worstId(2), coordinator: false }, names, opts),
      },
    ];
  }),
  'booking/triage': () => {
    const refreshFor = Array.from({ length: 60 }, (_, i) => worstId(i));
    const request = worstRequest(fass, 1, { status: 'offered' });
    const urgent = fass.urgencies.find((u) => u.urgent)!;
    return [
      { label: 'open, urgent, every clinician refreshing', view: triageView(request, names, refreshFor, longestErrorText, urgent), options: { refreshUserIds: refreshFor } },
      { label: 'accepted', view: triageView({ ...request, status: 'booked', booking: { id: 'b', clinicianId: worstId(2), start: iso(1), end: iso(1, 10), meetingUrl: 'x', acceptedAt: iso(0) } }, names, refreshFor, longestErrorText, urgent), options: { refreshUserIds: refreshFor } },
    ];
  },
  'booking/availability': () => {
    const a = availability();
    const first = availabilityView(a, fass, NOW, { errors: worstErrors(['weekday', 'start', 'end', 'date', 'from', 'to']), notice: longestErrorText });
    const at = { weekly: first.weekly.next, extras: first.extras.next, blackouts: first.blackouts.next };
    return [
      { label: `first pages of ${a.weekly.length} weekly, ${a.extras.length} one-off and ${a.blackouts.length} blackouts`, view: first },
      { label: 'second pages', view: availabilityView(a, fass, NOW, { errors: worstErrors(['weekday', 'start', 'end']), notice: longestErrorText, at }) },
    ];
  },
  'booking/roster': () => {
    const first = rosterView(fass, members, names, { errors: listErrors, notice: longestErrorText });
    return [{ label: `first page of ${members.length}`, view: first }, { label: 'second page', view: rosterView(fass, members, names, { errors: listErrors, notice: longestErrorText, after: secondPage(first) }) }];
  },
  'booking/reviews': () => {
    const first = reviewsView(fass, waiting, { errors: listErrors, notice: longestErrorText });
    return [
      { label: `first page of ${waiting.length} waiting, every text at its longest`, view: first },
      { label: 'second page', view: reviewsView(fass, waiting, { errors: listErrors, notice: longestErrorText, after: secondPage(first) }) },
      { label: 'one opened in full', view: reviewsView(fass, waiting, { errors: listErrors, notice: longestErrorText, after: secondPage(first), open: waiting[500]!.reference }) },
    ];
  },
  'network/case': () => catalogues.flatMap((c) => (['conversation', 'follower'] as const).map((place) => ({
    label: `${c.service} ${place}`, view: networkCaseView(networkView({ ...worstRequest(c), status: 'booked', booking: { id: 'b', clinicianId: 'c', start: iso(1), end: iso(1, 10), meetingUrl: 'x', acceptedAt: iso(0) } }, c), c, place, true),
  }))),
  'network/dead-letters': () => {
    const first = deadLettersView('fass', dead, longestErrorText);
    return [{ label: `first page of ${dead.length}`, view: first }, { label: 'second page', view: deadLettersView('fass', dead, longestErrorText, secondPage(first)) }];
  },
};

/** Pages hold these many (for the README and the report). */
export const PAGE_SIZES = PAGE_SIZE;
