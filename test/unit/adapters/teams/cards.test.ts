import { loadCatalogues } from '../../../../src/adapters/catalogue/load-catalogues';
import { outcomeCard } from '../../../../src/adapters/teams/cards/outcome-card';
import { reviewCard } from '../../../../src/adapters/teams/cards/review-card';
import { myRequestsCard, noticeCard, welcomeCard } from '../../../../src/adapters/teams/cards/simple-cards';
import { stepCard } from '../../../../src/adapters/teams/cards/step-card';
import { availabilityCard, caseCard, deadLettersCard, networkCaseCard, networkEntryText, reviewsCard, rosterCard, timesCard, triageCard } from '../../../../src/adapters/teams/cards/booking-cards';
import { networkView } from '../../../../src/domain/network/privacy';
import { ANSWER_STEPS } from '../../../../src/domain/referral/steps';
import { screen } from '../../../../src/domain/screening/screen';
import { buildAnswers, buildDraft, buildRequest, buildScreeningInput } from '../../../support/builders';
import { cardText } from '../../../support/bot-client';

// adaptivecards loads in Node only through its UMD bundle.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package has no CommonJS entry that works in Node
const AC = require('adaptivecards/dist/adaptivecards.js');

const catalogue = loadCatalogues().get('fass')!;

/** Parses a card as Teams' renderer (schema 1.5) would and returns every problem it reports. */
function problems(card: unknown): string[] {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  new AC.AdaptiveCard().parse(card, context);
  return Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message as string);
}

const draft = buildDraft({ answers: buildAnswers(), reachedReview: true });
const preview = screen(buildScreeningInput({ exclusions: ['crisis_intervention'] }), catalogue);
const CARDS: [string, unknown][] = [
  ['welcome', welcomeCard(catalogue)],
  ['notice', noticeCard('Title', 'Text', [{ title: 'Go', verb: 'requests.mine', data: {} }])],
  ...ANSWER_STEPS.map((s) => [`step ${s}`, stepCard(draft, s, catalogue, { today: '2026-11-23', errors: [{ field: 'familyName', message: 'x' }] })] as [string, unknown]),
  ['review', reviewCard(draft, preview, catalogue)],
  ['outcome', outcomeCard(buildRequest({ status: 'not_recommended', screening: preview }), catalogue)],
  ['my requests', myRequestsCard('fass', [buildRequest()], true)],
  ['my requests (none)', myRequestsCard('fass', [], false)],
];

const nameOf = (id: string) => `Name of ${id}`;
const slot = { start: '2026-03-30T08:00:00.000Z', end: '2026-03-30T09:00:00.000Z' };
const booking = { id: 'b-1', clinicianId: 'clin-1', ...slot, meetingUrl: 'https://meet.example.org/b-1', acceptedAt: '2026-03-20T10:00:00.000Z' };
const offer = { id: 'o-1', preferences: [slot.start, '2026-03-27T10:00:00.000Z'], offeredAt: '2026-03-20T10:00:00.000Z', declines: [{ clinicianId: 'clin-2', reason: 'away', at: '2026-03-20T11:00:00.000Z' }] };
const availability = {
  clinicianId: 'clin-1', version: 3, updatedAt: '2026-03-01T00:00:00.000Z', weekly: [{ weekday: 1, start: '09:00', end: '12:00' }],
  extras: [{ start: '2026-03-28T10:00:00.000Z', end: '2026-03-28T12:00:00.000Z' }], blackouts: [{ start: '2026-03-29T00:00:00.000Z', end: '2026-03-29T23:00:00.000Z' }],
};
const BOOKING_CARDS: [string, unknown][] = [
  ['times', timesCard(buildRequest(), catalogue, [{ ...slot, clinicians: 2 }], { errors: [{ field: 'times', message: 'x' }] })],
  ['times (none free)', timesCard(buildRequest(), catalogue, [])],
  ['case (booked)', caseCard(buildRequest({ status: 'booked', booking }), { id: 'clin-1', coordinator: false }, nameOf, { calendarUrl: 'http://127.0.0.1/c.ics' })],
  ['case (offered)', caseCard(buildRequest({ status: 'offered', offer }), { id: 'user-sw-1', coordinator: false }, nameOf)],
  ['triage (open)', triageCard(buildRequest({ status: 'offered', offer }), nameOf, ['clin-1', 'clin-2'])],
  ['triage (accepted, late click)', triageCard(buildRequest({ status: 'booked', booking }), nameOf, ['clin-1'], 'Already taken.')],
  ['availability', availabilityCard(availability, catalogue, new Date('2026-03-01T12:00:00Z'), { errors: [{ field: 'end', message: 'x' }] })],
  ['roster', rosterCard('fass', [{ id: 'clin-1', roles: ['clinician'], addedBy: 'config', addedAt: '2026-03-01T00:00:00.000Z' }], nameOf)],
  ['reviews', reviewsCard('fass', [buildRequest({ status: 'awaiting_review', review: { reasons: ['safeguarding_override'], requestedAt: '2026-03-01T00:00:00.000Z' } })])],
];
const completed = buildRequest({
  status: 'completed', completion: { outcome: 'fass_assessment_offered', notes: 'MARKER-NOTES synthetic', by: 'clin-1', at: '2026-03-30T10:30:00.000Z', consultationAt: slot.start },
  nextSteps: { step: 'fass_assessment', text: 'MARKER-NEXT synthetic', by: 'clin-1', at: '2026-03-30T10:30:00.000Z' },
});
const dead = { deadId: '1-1', notification: { id: 'n', service: 'fass', reference: 'FASS-2026-0001', event: 'booked' as const, at: slot.start, data: {} }, code: 'throttled', attempts: 6, at: slot.start };
BOOKING_CARDS.push(
  ['case (completed, clinician)', caseCard(completed, { id: 'clin-1', coordinator: false }, nameOf, { catalogue })],
  ['case (booked, clinician can record the outcome)', caseCard(buildRequest({ status: 'booked', booking }), { id: 'clin-1', coordinator: false }, nameOf, { catalogue })],
  ['network case (conversation)', networkCaseCard(networkView(completed), catalogue.name, 'fass', 'conversation')],
  ['network case (follower)', networkCaseCard(networkView(buildRequest({ status: 'booked', booking })), catalogue.name, 'fass', 'follower')],
  ['dead letters', deadLettersCard('fass', [dead], 'x')],
  ['dead letters (none)', deadLettersCard('fass', [])],
);
CARDS.push(...BOOKING_CARDS);

describe('cards', () => {
  it.each(CARDS)('%s is a valid Adaptive Card 1.5 with no unbound template expressions', (_name, card) => {
    expect(problems(card)).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('${');
  });

  it('prefills a step with what was saved and lists what went wrong', () => {
    const card = stepCard(draft, 'about', catalogue, { today: '2026-11-23', errors: [{ field: 'caseNumber', message: 'letters and digits only' }] });
    expect(JSON.stringify(card)).toContain(`"value":"${buildAnswers().about.familyName}"`);
    expect(cardText(card)).toContain('Case number: letters and digits only');
  });

  it('shows every reason and its signposting when a referral is not recommended', () => {
    const text = cardText(outcomeCard(buildRequest({ status: 'not_recommended', screening: preview }), catalogue));
    expect(text).toContain('We are not a crisis intervention service');
    expect(text).toContain('What you can do instead: If a parent is in mental health crisis');
    expect(text).toContain('Ask for duty clinician review');
  });

  it('shows booked times in UK time either side of the clocks changing, and the triage card no family detail', () => {
    const text = cardText(caseCard(buildRequest({ status: 'booked', booking }), { id: 'clin-1', coordinator: false }, nameOf));
    expect(text).toContain('Mon, 30 Mar 2026, 09:00 to 10:00 (UK time)');
    expect(text).toContain('Record did not take place');
    const triage = triageCard(buildRequest({ status: 'offered', offer }), nameOf, ['clin-1']);
    expect(cardText(triage)).toContain('Fri, 27 Mar 2026, 10:00');
    expect(JSON.stringify(triage)).toContain('"userIds":["clin-1"]');
    const json = JSON.stringify(triage);
    for (const marker of [buildAnswers().about.familyName, buildAnswers().about.caseNumber, buildAnswers().details.helpWith, 'away']) expect(json).not.toContain(marker);
  });

  it('shows the network the reference, status, dates and next step, and none of the detail', () => {
    const json = JSON.stringify([networkCaseCard(networkView(completed), catalogue.name, 'fass', 'conversation'), networkEntryText(networkView(completed), 'completed')]);
    for (const marker of [buildAnswers().about.familyName, buildAnswers().about.caseNumber, buildAnswers().details.helpWith, 'MARKER-NOTES', 'MARKER-NEXT', 'clin-1']) {
      expect(json).not.toContain(marker);
    }
    expect(json).toContain('FASS assessment offered');
    expect(json).toContain('Mon, 30 Mar 2026, 09:00');
    expect(cardText(caseCard(completed, { id: 'clin-1', coordinator: false }, nameOf, { catalogue }))).toContain('MARKER-NEXT synthetic');
  });

  it('offers no review button once a request fits the service', () => {
    expect(cardText(outcomeCard(buildRequest(), catalogue))).not.toContain('Ask for duty clinician review');
  });
});
