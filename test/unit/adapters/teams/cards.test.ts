import { loadCatalogues } from '../../../../src/adapters/catalogue/load-catalogues';
import { renderCard } from '../../../../src/adapters/teams/cards/render';
import { caseView, timesView, triageView, type Viewer } from '../../../../src/conversation/views/booking';
import { availabilityView, reviewsView, rosterView } from '../../../../src/conversation/views/team';
import type { NameOf } from '../../../../src/conversation/views/common';
import { reviewView, stepView } from '../../../../src/conversation/views/journey';
import { deadLettersView, networkCaseView, networkEntryText } from '../../../../src/conversation/views/network';
import { networkMembersView } from '../../../../src/conversation/views/network-members';
import { exportLinkView } from '../../../../src/conversation/views/governance';
import { outcomeView } from '../../../../src/conversation/views/outcome';
import { myRequests, notice, welcome } from '../../../../src/conversation/views/simple';
import { networkView } from '../../../../src/domain/network/privacy';
import type { ConsultationRequest } from '../../../../src/domain/request/consultation-request';
import { ANSWER_STEPS } from '../../../../src/domain/referral/steps';
import { screen } from '../../../../src/domain/screening/screen';
import { buildAnswers, buildDraft, buildRequest, buildScreeningInput } from '../../../support/builders';
import { cardText } from '../../../support/bot-client';
import { problems } from '../../../support/card-checks';
import { CARD_SCENARIOS } from '../../../support/card-scenarios';

const catalogue = loadCatalogues().get('fass')!;

const draft = buildDraft({ answers: buildAnswers(), reachedReview: true });
const preview = screen(buildScreeningInput({ exclusions: ['crisis_intervention'] }), catalogue);
const CARDS: [string, unknown][] = [
  ['welcome', renderCard(welcome([catalogue]))],
  ['notice', renderCard(notice('Title', 'Text', [{ title: 'Go', verb: 'requests.mine', data: {} }]))],
  ...ANSWER_STEPS.map((s) => [`step ${s}`, renderCard(stepView(draft, s, catalogue, { today: '2026-11-23', errors: [{ field: 'familyName', message: 'x' }] }))] as [string, unknown]),
  ['review', renderCard(reviewView(draft, preview, catalogue))],
  ['outcome', renderCard(outcomeView(buildRequest({ status: 'not_recommended', screening: preview }), catalogue))],
  ['my requests', renderCard(myRequests([catalogue], [buildRequest()], ['fass']))],
  ['my requests (none)', renderCard(myRequests([catalogue], [], []))],
  // Episodes of work: every party's screen, the busiest episode included (see card-scenarios).
  ...CARD_SCENARIOS.filter(([name]) => name.startsWith('episode') || name.includes('episode to open')).map(([name, build]) => [name, build()] as [string, unknown]),
];

const nameOf: NameOf = (id: string) => `Name of ${id}`;
const now = new Date('2026-11-23T12:00:00Z');
const caseCard = (request: ConsultationRequest, viewer: Viewer, options: { calendarUrl?: string } = {}) => renderCard(caseView(request, viewer, nameOf, catalogue, { now, ...options }));
const triageCard = (request: ConsultationRequest, refreshUserIds: string[], notice = '') => renderCard(triageView(request, nameOf, refreshUserIds, notice), { refreshUserIds });
const slot = { start: '2026-03-30T08:00:00.000Z', end: '2026-03-30T09:00:00.000Z' };
const booking = { id: 'b-1', clinicianId: 'clin-1', ...slot, meetingUrl: 'https://meet.example.org/b-1', acceptedAt: '2026-03-20T10:00:00.000Z' };
const offer = { id: 'o-1', preferences: [slot.start, '2026-03-27T10:00:00.000Z'], offeredAt: '2026-03-20T10:00:00.000Z', declines: [{ clinicianId: 'clin-2', reason: 'away', at: '2026-03-20T11:00:00.000Z' }] };
const availability = {
  clinicianId: 'clin-1', version: 3, updatedAt: '2026-03-01T00:00:00.000Z', weekly: [{ weekday: 1, start: '09:00', end: '12:00' }],
  extras: [{ start: '2026-03-28T10:00:00.000Z', end: '2026-03-28T12:00:00.000Z' }], blackouts: [{ start: '2026-03-29T00:00:00.000Z', end: '2026-03-29T23:00:00.000Z' }],
};
const BOOKING_CARDS: [string, unknown][] = [
  ['times', renderCard(timesView(buildRequest(), catalogue, [{ ...slot, clinicians: 2 }], { errors: [{ field: 'times', message: 'x' }] }))],
  ['times (none free)', renderCard(timesView(buildRequest(), catalogue, []))],
  ['case (booked)', caseCard(buildRequest({ status: 'booked', booking }), { id: 'clin-1', coordinator: false }, { calendarUrl: 'http://127.0.0.1/c.ics' })],
  ['case (offered)', caseCard(buildRequest({ status: 'offered', offer }), { id: 'user-sw-1', coordinator: false })],
  ['triage (open)', triageCard(buildRequest({ status: 'offered', offer }), ['clin-1', 'clin-2'])],
  ['triage (accepted, late click)', triageCard(buildRequest({ status: 'booked', booking }), ['clin-1'], 'Already taken.')],
  ['availability', renderCard(availabilityView(availability, catalogue, new Date('2026-03-01T12:00:00Z'), { errors: [{ field: 'end', message: 'x' }] }))],
  ['roster', renderCard(rosterView(catalogue, [{ id: 'clin-1', roles: ['clinician'], addedBy: 'config', addedAt: '2026-03-01T00:00:00.000Z' }], nameOf))],
  ['reviews', renderCard(reviewsView(catalogue, [buildRequest({ status: 'awaiting_review', review: { reasons: ['safeguarding_override'], requestedAt: '2026-03-01T00:00:00.000Z' } })]))],
];
const completed = buildRequest({
  status: 'completed', completion: { outcome: 'fass_assessment_offered', notes: 'MARKER-NOTES synthetic', by: 'clin-1', at: '2026-03-30T10:30:00.000Z', consultationAt: slot.start },
  nextSteps: { step: 'fass_assessment', text: 'MARKER-NEXT synthetic', by: 'clin-1', at: '2026-03-30T10:30:00.000Z' },
});
const dead = { deadId: '1-1', notification: { id: 'n', service: 'fass', reference: 'FASS-2026-0001', event: 'booked' as const, at: slot.start, data: {} }, code: 'throttled', attempts: 6, at: slot.start };
BOOKING_CARDS.push(
  ['case (completed, clinician)', caseCard(completed, { id: 'clin-1', coordinator: false })],
  ['case (booked, clinician can record the outcome)', caseCard(buildRequest({ status: 'booked', booking }), { id: 'clin-1', coordinator: false })],
  ['network case (conversation)', renderCard(networkCaseView(networkView(completed, catalogue), catalogue, 'conversation'))],
  ['network case (follower, following)', renderCard(networkCaseView(networkView(buildRequest({ status: 'booked', booking }), catalogue), catalogue, 'follower', true))],
  ['dead letters', renderCard(deadLettersView('fass', [dead], 'x'))],
  ['dead letters (none)', renderCard(deadLettersView('fass', []))],
  ['case (followed)', caseCard(buildRequest({ followers: [{ userId: 'gp-1', at: slot.start }] }), { id: 'user-sw-1', coordinator: false })],
  ['network members', renderCard(networkMembersView(buildRequest({
    links: [{ conversationId: '19:g@thread.v2', kind: 'groupChat', by: 'user-sw-1', at: slot.start }], followers: [{ userId: 'gp-1', at: slot.start, via: '19:g@thread.v2' }],
  }), catalogue, nameOf, 'Removed'))],
  ['network members (none)', renderCard(networkMembersView(buildRequest(), catalogue, nameOf))],
  ['case (coordinator: export and erase)', caseCard(buildRequest({ status: 'booked', booking }), { id: 'coord-1', coordinator: true })],
  ['export link', renderCard(exportLinkView('fass', 'FASS-2026-0001', 'https://bot.example.org/export/fass/FASS-2026-0001/abc', new Date(slot.start)))],
);
CARDS.push(...BOOKING_CARDS);

describe('cards', () => {
  it.each(CARDS)('%s is a valid Adaptive Card 1.5 with no unbound template expressions', (_name, card) => {
    expect(problems(card)).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('${');
  });

  it('prefills a step with what was saved and lists what went wrong', () => {
    const card = renderCard(stepView(draft, 'about', catalogue, { today: '2026-11-23', errors: [{ field: 'caseNumber', message: 'letters and digits only' }] }));
    expect(JSON.stringify(card)).toContain(`"value":"${buildAnswers().about.familyName}"`);
    expect(cardText(card)).toContain('Case number: letters and digits only');
  });

  it('shows every reason and its signposting when a referral is not recommended', () => {
    const text = cardText(renderCard(outcomeView(buildRequest({ status: 'not_recommended', screening: preview }), catalogue)));
    expect(text).toContain('We are not a crisis intervention service');
    expect(text).toContain('What you can do instead: If a parent is in mental health crisis');
    expect(text).toContain('Ask for duty clinician review');
  });

  it('shows booked times in UK time either side of the clocks changing, and the triage card no family detail', () => {
    const text = cardText(caseCard(buildRequest({ status: 'booked', booking }), { id: 'clin-1', coordinator: false }));
    expect(text).toContain('Mon, 30 Mar 2026, 09:00 to 10:00 (UK time)');
    expect(text).toContain('Record did not take place');
    const triage = triageCard(buildRequest({ status: 'offered', offer }), ['clin-1']);
    expect(cardText(triage)).toContain('Fri, 27 Mar 2026, 10:00');
    expect(JSON.stringify(triage)).toContain('"userIds":["clin-1"]');
    const json = JSON.stringify(triage);
    for (const marker of [buildAnswers().about.familyName, buildAnswers().about.caseNumber, buildAnswers().details.helpWith, 'away']) expect(json).not.toContain(marker);
  });

  it('shows the network the reference, status, dates and next step, and none of the detail', () => {
    const view = networkView(completed, catalogue);
    const json = JSON.stringify([renderCard(networkCaseView(view, catalogue, 'conversation')), networkEntryText(view, catalogue, 'Consultation completed', true)]);
    for (const marker of [buildAnswers().about.familyName, buildAnswers().about.caseNumber, buildAnswers().details.helpWith, 'MARKER-NOTES', 'MARKER-NEXT', 'clin-1']) {
      expect(json).not.toContain(marker);
    }
    // The network reads a neutral next step: naming the treatment tells a GP or school more than consent to consult covers.
    expect(json).toContain('Next step: Further work offered');
    expect(json).not.toContain('FASS assessment offered');
    expect(json).toContain('Mon, 30 Mar 2026, 09:00');
    expect(cardText(caseCard(completed, { id: 'clin-1', coordinator: false }))).toContain('MARKER-NEXT synthetic');
  });

  it('offers no review button once a request fits the service', () => {
    expect(cardText(renderCard(outcomeView(buildRequest(), catalogue)))).not.toContain('Ask for duty clinician review');
  });
});
