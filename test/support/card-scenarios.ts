import { loadCatalogues } from '../../src/adapters/catalogue/load-catalogues';
import { renderCard } from '../../src/adapters/teams/cards/render';
import { caseView, timesView, triageView, type Viewer } from '../../src/conversation/views/booking';
import { availabilityView, reviewsView, rosterView } from '../../src/conversation/views/team';
import type { FieldIssue } from '../../src/domain/errors';
import { reviewView, stepView, type StepOptions } from '../../src/conversation/views/journey';
import { deadLettersView, networkCaseView } from '../../src/conversation/views/network';
import { networkMembersView } from '../../src/conversation/views/network-members';
import { exportLinkView } from '../../src/conversation/views/governance';
import { outcomeView } from '../../src/conversation/views/outcome';
import { myRequests, notice, welcome } from '../../src/conversation/views/simple';
import type { Catalogue } from '../../src/domain/catalogue/catalogue';
import type { Draft } from '../../src/domain/referral/draft';
import type { AnswerStep } from '../../src/domain/referral/steps';
import type { ConsultationRequest } from '../../src/domain/request/consultation-request';
import type { OfferableTime } from '../../src/domain/booking/free-times';
import type { Availability } from '../../src/domain/booking/availability';
import type { RosterMember } from '../../src/domain/booking/roster';
import type { DeadLetter } from '../../src/ports/outbox';
import type { ScreeningResult } from '../../src/domain/screening/outcome';
import { networkView } from '../../src/domain/network/privacy';
import { ANSWER_STEPS } from '../../src/domain/referral/steps';
import { screen } from '../../src/domain/screening/screen';
import { buildAnswers, buildAvailability, buildDraft, buildEpisodeRequest, buildRequest, buildRosterMember, buildScreeningInput, OVERRIDE_CONSENT } from './builders';
import { episodeOffer, episodeOpenView, episodeView } from '../../src/conversation/views/episode';
import { closeEpisode, logGpContact, moveSession, recordAttendance, recordMeasure, recordMeeting, referToAdultMentalHealth, requestMeeting } from '../../src/domain/episode/transitions';
import type { Episode } from '../../src/domain/episode/episode';

/**
 * Every screen, built the ways the bot builds it (errors and none, empty lists and full ones) and drawn
 * as a Teams card, so that a test or a benchmark can see the data each design is bound to. Synthetic data only.
 */
const catalogue = loadCatalogues().get('fass')!;
const nameOf = (id: string) => `Name of ${id}`;
type Opts = { errors?: readonly FieldIssue[]; notice?: string; headline?: string; calendarUrl?: string; catalogue?: Catalogue; now?: Date; justification?: string; after?: string; open?: string; at?: { weekly?: string; extras?: string } };
const welcomeCard = (c: Catalogue) => renderCard(welcome([c]));
const noticeCard = (title: string, text: string, actions: { title: string; verb: string; data: Record<string, unknown> }[] = []) => renderCard(notice(title, text, actions));
const stepCard = (draft: Draft, step: AnswerStep, c: Catalogue, o: StepOptions) => renderCard(stepView(draft, step, c, o));
const reviewCard = (draft: Draft, preview: ScreeningResult, c: Catalogue, o: Opts = {}) => renderCard(reviewView(draft, preview, c, o));
const outcomeCard = (r: ConsultationRequest, c: Catalogue, o: Opts = {}) => renderCard(outcomeView(r, c, o));
const myRequestsCard = (_s: string, requests: ConsultationRequest[], hasDraft: boolean) => renderCard(myRequests([catalogue], requests, hasDraft ? ['fass'] : []));
const timesCard = (r: ConsultationRequest, c: Catalogue, times: readonly OfferableTime[], o: Opts = {}) => renderCard(timesView(r, c, times, o));
const caseCard = (r: ConsultationRequest, viewer: Viewer, names: (id: string) => string, o: Opts = {}) =>
  renderCard(caseView(r, viewer, names, catalogue, { now: new Date('2026-03-01T00:00:00Z'), ...o }));
const triageCard = (r: ConsultationRequest, names: (id: string) => string, ids: string[], n = '') => renderCard(triageView(r, names, ids, n), { refreshUserIds: ids });
const availabilityCard = (a: Availability, c: Catalogue, now: Date, o: Opts = {}) => renderCard(availabilityView(a, c, now, o));
const rosterCard = (_s: string, members: RosterMember[], names: (id: string) => string, o: Opts = {}) => renderCard(rosterView(catalogue, members, names, o));
const reviewsCard = (_s: string, requests: ConsultationRequest[], o: Opts = {}) => renderCard(reviewsView(catalogue, requests, o));
const networkCaseCard = (view: ReturnType<typeof networkView>, _name: string, _s: string, place: 'conversation' | 'follower') => renderCard(networkCaseView(view, catalogue, place));
const deadLettersCard = (service: string, letters: DeadLetter[], n = '') => renderCard(deadLettersView(service, letters, n));
const networkMembersCard = (r: ConsultationRequest, n = '') => renderCard(networkMembersView(r, catalogue, nameOf, n));
const slot = { start: '2026-03-30T08:00:00.000Z', end: '2026-03-30T09:00:00.000Z' };
const followed = buildRequest({
  links: [{ conversationId: '19:net-group@thread.v2', kind: 'groupChat', by: 'user-sw-1', at: '2026-03-20T10:00:00.000Z' },
    { conversationId: '19:net-channel@thread.tacv2', kind: 'channel', by: 'clin-1', at: '2026-03-21T10:00:00.000Z', teamId: '19:team@thread.tacv2' }],
  followers: [{ userId: 'gp-1', at: '2026-03-22T10:00:00.000Z', via: '19:net-group@thread.v2' }, { userId: 'hv-1', at: '2026-03-22T11:00:00.000Z' }],
});
const booking = { id: 'b-1', clinicianId: 'clin-1', ...slot, meetingUrl: 'https://meet.example.org/b-1', acceptedAt: '2026-03-20T10:00:00.000Z' };
const offer = {
  id: 'o-1', preferences: [slot.start, '2026-03-27T10:00:00.000Z'], offeredAt: '2026-03-20T10:00:00.000Z',
  declines: [{ clinicianId: 'clin-2', reason: 'away', at: '2026-03-20T11:00:00.000Z' }], escalatedAt: '2026-03-21T10:00:00.000Z',
};
const completed = buildRequest({
  status: 'completed', completion: { outcome: 'fass_assessment_offered', notes: 'synthetic notes', by: 'clin-1', at: '2026-03-30T10:30:00.000Z', consultationAt: slot.start },
  nextSteps: { step: 'fass_assessment', text: 'synthetic next steps', by: 'clin-1', at: '2026-03-30T10:30:00.000Z' },
});
const errors = [{ field: 'familyName', message: 'Enter the family name' }, { field: 'times[0]', message: 'Choose a time' }];
const notRecommended = screen(buildScreeningInput({ exclusions: ['crisis_intervention'] }), catalogue);
const overrideDraft = buildDraft({ answers: buildAnswers({ consent: OVERRIDE_CONSENT }), reachedReview: true });

const pps = loadCatalogues().get('pps')!;
const episodeNow = new Date('2027-04-01T12:00:00Z');
/** An episode well under way: sessions attended and missed, one moved, measures (one alerting), meetings, GP letters, an AMH referral. */
function busyEpisode(): ConsultationRequest {
  const request = buildEpisodeRequest({ sessions: 24 });
  const config = pps.episodes!;
  let e: Episode = request.episode!;
  const at = (d: string) => new Date(d);
  for (const [i, outcome] of (['attended', 'attended', 'did_not_attend', 'did_not_attend'] as const).entries()) {
    e = recordAttendance(e, config, `s${i + 1}`, outcome, 'clinician-a', episodeNow).episode;
  }
  e = moveSession(e, 's9', { start: '2027-09-07T09:00:00.000Z', end: '2027-09-07T10:00:00.000Z' }, 'cancelled_by_family', 'clinician-a', episodeNow).episode;
  e = recordMeasure(e, config, { instrument: 'phq9', point: 'start', items: [3, 3, 3, 3, 2, 2, 2, 2, 1] }, 'm1', 'clinician-a', at('2027-03-02T11:00:00Z')).episode;
  e = recordMeasure(e, config, { instrument: 'gad7', point: 'start', items: [3, 3, 3, 2, 2, 2, 1] }, 'm2', 'clinician-a', at('2027-03-02T11:00:00Z')).episode;
  e = requestMeeting(e, config, { type: 'cp_conference', date: '2027-04-20' }, 'mt1', 'user-sw-1', episodeNow).episode;
  e = recordMeeting(e, config, { type: 'core_group', date: '2027-03-15', attended: true }, 'mt2', 'clinician-a', episodeNow);
  e = logGpContact(e, { practice: 'Synthetic Surgery', kind: 'letter', date: '2027-03-03', purpose: 'Letting the GP know therapy has started' }, 'g1', 'clinician-a', episodeNow);
  e = referToAdultMentalHealth(e, config, { date: '2027-03-30', service: 'Synthetic community mental health team', reason: 'Meets thresholds', then: 'liaison' }, 'clinician-a', episodeNow);
  return { ...request, episode: e };
}
const closedEpisode = (): ConsultationRequest => {
  const request = buildEpisodeRequest({ sessions: 12 });
  const e = closeEpisode(request.episode!, pps.episodes!, { reason: 'disengaged', endMeasuresNotTaken: 'Parent did not come back', familyEndNotHeld: 'Parent did not come back' }, 'clinician-a', episodeNow);
  return { ...request, episode: e };
};
const episodeCard = (r: ConsultationRequest, viewer: Viewer, o: Opts = {}) => renderCard(episodeView(r, pps, viewer, nameOf, { now: episodeNow, ...o }));
const ppsCompleted = { ...buildEpisodeRequest(), episode: undefined };
const offerCard = (viewer: Viewer) => renderCard(caseView(ppsCompleted, viewer, nameOf, pps, { now: episodeNow, canOpenEpisode: true }));
const openFormCard = (errors?: typeof errorsForForm) => renderCard(episodeOpenView(ppsCompleted, pps, episodeOffer(pps, pps.episodes!.interventions,
  [{ value: 'clinician-a', title: 'Name of clinician-a' }, { value: 'clinician-b', title: 'Name of clinician-b' }], 'clinician-a')!, errors ? { errors } : {}));
const errorsForForm = [{ field: 'plannedSessions', message: 'must be from 12 to 24' }];

/** Twelve offerable times over a fortnight, some with more than one clinician free. */
export const twelveTimes = Array.from({ length: 12 }, (_, i) => ({
  start: new Date(Date.UTC(2026, 2, 2 + i, 9 + (i % 3))).toISOString(), end: new Date(Date.UTC(2026, 2, 2 + i, 10 + (i % 3))).toISOString(), clinicians: 1 + (i % 3),
}));

/** Lists longer than a page, on a later page (Show more, Back to the start), and a review opened in full. */
const many = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));
const ref = (i: number) => `FASS-2026-${String(i + 1).padStart(4, '0')}`;
const longText = 'Synthetic text for testing only. '.repeat(12);
const waiting = many(20, (i) => buildRequest({
  reference: ref(i), status: 'awaiting_review', submittedAt: new Date(Date.UTC(2026, 2, 1, i)).toISOString(),
  review: { reasons: ['referrer_request'], justification: i % 2 ? longText : 'Please look', requestedAt: '2026-03-01T00:00:00.000Z' },
}));
const secondPage = <V extends { next: string }>(first: V) => first.next;
const PAGED_SCENARIOS: readonly (readonly [string, () => unknown])[] = [
  ['reviews (second page, some shortened)', () => reviewsCard('fass', waiting, { after: secondPage(reviewsView(catalogue, waiting)) })],
  ['reviews (one opened in full)', () => reviewsCard('fass', waiting, { open: ref(3), after: secondPage(reviewsView(catalogue, waiting)) })],
  ['my requests (second page)', () => {
    const requests = many(15, (i) => buildRequest({ reference: ref(i), submittedAt: new Date(Date.UTC(2026, 2, 1, i)).toISOString() }));
    return renderCard(myRequests([catalogue], requests, [], myRequests([catalogue], requests, []).next));
  }],
  ['roster (second page)', () => {
    const members = many(20, (i) => buildRosterMember({ id: `clin-${i}`, addedAt: new Date(Date.UTC(2026, 2, 1, i)).toISOString() }));
    return rosterCard('fass', members, nameOf, { after: secondPage(rosterView(catalogue, members, nameOf)) });
  }],
  ['availability (second pages)', () => {
    const a = buildAvailability({
      weekly: many(14, (i) => ({ weekday: 1 + (i % 7), start: i < 7 ? '09:00' : '13:00', end: i < 7 ? '12:00' : '17:00' })),
      extras: many(12, (i) => ({ start: new Date(Date.UTC(2026, 3, 1 + i, 9)).toISOString(), end: new Date(Date.UTC(2026, 3, 1 + i, 10)).toISOString() })),
    });
    const first = availabilityView(a, catalogue, new Date('2026-03-01T12:00:00Z'));
    return availabilityCard(a, catalogue, new Date('2026-03-01T12:00:00Z'), { at: { weekly: first.weekly.next, extras: first.extras.next } });
  }],
  ['dead letters (second page)', () => {
    const letters = many(15, (i): DeadLetter => ({
      deadId: `${i}-0`, notification: { id: `n${i}`, service: 'fass', reference: ref(i), event: 'booked', at: slot.start, data: {} }, code: 'throttled', attempts: 6,
      at: new Date(Date.UTC(2026, 2, 1, i)).toISOString(),
    }));
    return renderCard(deadLettersView('fass', letters, '', deadLettersView('fass', letters).next));
  }],
];

export const CARD_SCENARIOS: readonly (readonly [string, () => unknown])[] = [
  ['welcome', () => welcomeCard(catalogue)],
  ['notice', () => noticeCard('Title', 'Text')],
  ['notice with actions', () => noticeCard('Title', 'Text', [{ title: 'Go', verb: 'requests.mine', data: {} }, { title: 'Start', verb: 'request.start', data: { service: 'fass', n: 1 } }])],
  ...ANSWER_STEPS.map((step) => [`step ${step}`, () => stepCard(buildDraft({ answers: buildAnswers() }), step, catalogue, { today: '2026-11-23' })] as const),
  ...ANSWER_STEPS.map((step) => [`step ${step} (errors, notice, typed values)`, () => stepCard(overrideDraft, step, catalogue, {
    today: '2026-11-23', errors, notice: 'Saved.', values: { familyName: 'Typed ${name}', caseNumber: 'ÅÉÎ-1' },
  })] as const),
  ['step about (new draft)', () => stepCard(buildDraft(), 'about', catalogue, { today: '2026-11-23' })],
  ['review', () => reviewCard(overrideDraft, notRecommended, catalogue)],
  ['review (errors)', () => reviewCard(buildDraft({ answers: buildAnswers(), reachedReview: true }), screen(buildScreeningInput(), catalogue), catalogue, { errors, notice: 'Check it' })],
  ['outcome (not recommended)', () => outcomeCard(buildRequest({ status: 'not_recommended', screening: notRecommended }), catalogue, { errors, justification: 'Because' })],
  ['outcome (fits)', () => outcomeCard(buildRequest(), catalogue)],
  ['my requests', () => myRequestsCard('fass', [buildRequest(), buildRequest({ reference: 'FASS-2026-0002', status: 'booked' })], true)],
  ['my requests (one)', () => myRequestsCard('fass', [buildRequest()], false)],
  ['my requests (none)', () => myRequestsCard('fass', [], false)],
  ['times (twelve)', () => timesCard(buildRequest(), catalogue, twelveTimes)],
  ['times (one, errors)', () => timesCard(buildRequest(), catalogue, [{ ...slot, clinicians: 2 }], { errors, headline: 'That time has gone' })],
  ['times (none free)', () => timesCard(buildRequest(), catalogue, [])],
  ['case (booked, clinician)', () => caseCard(buildRequest({ status: 'booked', booking }), { id: 'clin-1', coordinator: false }, nameOf, { calendarUrl: 'http://127.0.0.1/c.ics', catalogue, now: new Date('2026-03-30T09:00:00Z') })],
  ['case (booked, referrer)', () => caseCard(buildRequest({ status: 'booked', booking }), { id: 'user-sw-1', coordinator: false }, nameOf, { now: new Date('2026-03-01T00:00:00Z') })],
  ['case (offered, coordinator)', () => caseCard(buildRequest({ status: 'offered', offer }), { id: 'coord-1', coordinator: true }, nameOf, { errors, headline: 'Escalated', catalogue })],
  ['case (awaiting booking)', () => caseCard(buildRequest(), { id: 'user-sw-1', coordinator: false }, nameOf)],
  ['case (completed)', () => caseCard(completed, { id: 'clin-1', coordinator: false }, nameOf, { catalogue })],
  ['triage (open)', () => triageCard(buildRequest({ status: 'offered', offer }), nameOf, ['clin-1', 'clin-2'])],
  ['triage (accepted)', () => triageCard(buildRequest({ status: 'booked', booking }), nameOf, ['clin-1'], 'Already taken.')],
  ['availability', () => availabilityCard(buildAvailability({
    weekly: [{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 3, start: '13:00', end: '17:00' }],
    extras: [{ start: '2026-03-28T10:00:00.000Z', end: '2026-03-28T12:00:00.000Z' }], blackouts: [{ start: '2026-03-29T00:00:00.000Z', end: '2026-03-29T23:00:00.000Z' }],
  }), catalogue, new Date('2026-03-01T12:00:00Z'), { errors, notice: 'Saved' })],
  ['availability (empty)', () => availabilityCard(buildAvailability(), catalogue, new Date('2026-03-01T12:00:00Z'))],
  ['roster', () => rosterCard('fass', [buildRosterMember(), buildRosterMember({ id: 'coord-1', roles: ['clinician', 'coordinator'] })], nameOf, { notice: 'Saved' })],
  ['roster (one, errors)', () => rosterCard('fass', [buildRosterMember()], nameOf, { errors })],
  ['reviews', () => reviewsCard('fass', [
    buildRequest({ status: 'awaiting_review', review: { reasons: ['safeguarding_override'], requestedAt: '2026-03-01T00:00:00.000Z' } }),
    buildRequest({ reference: 'FASS-2026-0002', status: 'awaiting_review', review: { reasons: ['referrer_request'], justification: 'Please look', requestedAt: '2026-03-01T00:00:00.000Z' } }),
  ], { notice: 'Decided' })],
  ['reviews (none)', () => reviewsCard('fass', [], { errors })],
  ['network case (conversation)', () => networkCaseCard(networkView(completed, catalogue), catalogue.name, 'fass', 'conversation')],
  ['network case (follower)', () => networkCaseCard(networkView(buildRequest({ status: 'booked', booking }), catalogue), catalogue.name, 'fass', 'follower')],
  ['dead letters', () => deadLettersCard('fass', [
    { deadId: '1-1', notification: { id: 'n', service: 'fass', reference: 'FASS-2026-0001', event: 'booked', at: slot.start, data: {} }, code: 'throttled', attempts: 6, at: slot.start },
    { deadId: '1-2', notification: { id: 'm', service: 'fass', reference: 'FASS-2026-0002', event: 'cancelled', at: slot.start, data: {} }, code: 'rejected_403', attempts: 1, at: slot.start },
  ], 'Retried')],
  ['dead letters (none)', () => deadLettersCard('fass', [])],
  ['case (completed, episode to open, clinician)', () => offerCard({ id: 'clinician-a', coordinator: false })],
  ['case (completed, episode to open, coordinator)', () => offerCard({ id: 'coord-1', coordinator: true })],
  ['episode to open (form)', () => openFormCard()],
  ['episode to open (form, errors)', () => openFormCard(errorsForForm)],
  ['episode (new, therapist)', () => episodeCard(buildEpisodeRequest(), { id: 'clinician-a', coordinator: false }, { headline: 'Episode opened: the sessions are booked' })],
  ['episode (under way, 24 sessions, therapist)', () => episodeCard(busyEpisode(), { id: 'clinician-a', coordinator: false }, { errors })],
  ['episode (under way, coordinator alerted)', () => episodeCard(busyEpisode(), { id: 'coord-1', coordinator: true }, { headline: 'Urgent: a measure for PPS-2027-0001 needs a clinician\'s attention now' })],
  ['episode (under way, referrer)', () => episodeCard(busyEpisode(), { id: 'user-sw-1', coordinator: false })],
  ['episode (closed, therapist)', () => episodeCard(closedEpisode(), { id: 'clinician-a', coordinator: false })],
  ['episode (closed, referrer)', () => episodeCard(closedEpisode(), { id: 'user-sw-1', coordinator: false })],
  ...PAGED_SCENARIOS,
  ['case (followed, referrer)', () => caseCard(followed, { id: 'user-sw-1', coordinator: false }, nameOf)],
  ['network members', () => networkMembersCard(followed, 'They no longer follow this case.')],
  ['network members (none)', () => networkMembersCard(buildRequest())],
  ['export link', () => renderCard(exportLinkView('fass', 'FASS-2026-0001', 'https://bot.example.org/export/fass/FASS-2026-0001/abc', new Date(slot.start)))],
];
