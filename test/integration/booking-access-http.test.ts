import { cardText, findAction, type TestUser } from '../support/bot-client';
import { eventually, useBotOnRedis } from '../support/bot-harness';
import { offeredStarts, PEOPLE, publishEveryDay, ROSTER, sentTo } from '../support/booking';
import { buildAnswers, OVERRIDE_CONSENT, SYNTHETIC } from '../support/builders';
import { fillJourney } from '../support/journey';
import type { Card } from '../../src/adapters/teams/cards/templates';
import type { Answers } from '../../src/domain/referral/answers';

const { referrer, clinicianA, coordinator } = PEOPLE;
const env = useBotOnRedis({ ROSTER, JOB_POLL_MS: '100' });

beforeAll(async () => {
  await env.h.client.installInTeam(coordinator);
  await publishEveryDay(env.h.client, clinicianA);
});

/** Submits a request with these answers as this person; returns its reference. */
async function submit(who: TestUser, answers: Required<Answers> = buildAnswers()): Promise<{ reference: string; outcome: Card }> {
  const review = await fillJourney(env.h.client, who, answers);
  const outcome = await env.h.client.execute(who, 'request.submit', findAction(review, 'request.submit').data);
  return { reference: /FASS-\d{4}-\d{4,}/.exec(cardText(outcome))![0], outcome };
}

/** Submits, picks a time and sends it to triage; returns the reference and the time. */
async function offered(who: TestUser, answers?: Required<Answers>): Promise<{ reference: string; start: string }> {
  const { reference, outcome } = await submit(who, answers);
  const times = await env.h.client.execute(who, 'booking.times', findAction(outcome, 'booking.times').data);
  const start = offeredStarts(times)[0]!;
  await env.h.client.execute(who, 'booking.offer', { ...findAction(times, 'booking.offer').data, times: start });
  return { reference, start };
}

async function booked(answers?: Required<Answers>): Promise<{ reference: string; bookingId: string }> {
  const { reference, start } = await offered(referrer, answers);
  await env.h.client.executeInChannel(clinicianA, 'booking.accept', { service: 'fass', reference, start });
  const request = await env.h.bot.app.store.requests.get('fass', reference);
  expect(request?.status).toBe('booked');
  return { reference, bookingId: request!.booking!.id };
}

/** The latest refusal in the audit (the notifier may append its disclosures after it at any moment). */
const lastAudit = async () => (await env.h.bot.app.store.audit.recent('fass', 50)).find((a) => a.result === 'denied');

/** Where in a card a string shows up: `TextRun.text` is plain text; anything else (TextBlock, Fact) is read as Markdown. */
function whereShown(card: unknown, marker: string): string[] {
  const found: string[] = [];
  const walk = (v: unknown, type: string) => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, type));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const t = typeof o.type === 'string' ? o.type : type;
      for (const [k, x] of Object.entries(o)) {
        if (typeof x === 'string' && x.includes(marker)) found.push(`${t}.${k}`);
        else walk(x, k === 'facts' ? 'Fact' : t);
      }
    }
  };
  walk(card, 'card');
  return [...new Set(found)];
}

describe('who may act comes before "already done"', () => {
  it('a coordinator taken off the roster who replays their cancel gets a refusal, not the case', async () => {
    const { reference, bookingId } = await booked();
    const cancel = { service: 'fass', reference, bookingId, reason: 'Synthetic reason for cancelling' };
    expect(cardText(await env.h.client.execute(coordinator, 'booking.cancel', cancel))).toContain('Consultation cancelled');
    await env.h.bot.app.store.roster.remove('fass', coordinator.id, { at: new Date().toISOString(), actor: 'test', action: 'roster.remove', subject: coordinator.id, result: 'ok' });
    try {
      const replay = cardText(await env.h.client.execute(coordinator, 'booking.cancel', cancel));
      expect(replay).toContain('Not something your role can do');
      expect(replay).not.toContain(SYNTHETIC.familyName);
      expect(await lastAudit()).toMatchObject({ actor: coordinator.id, action: 'booking.cancel', subject: reference, result: 'denied', code: 'not_allowed' });
    } finally {
      await env.h.bot.app.store.roster.put('fass', { id: coordinator.id, roles: ['clinician', 'coordinator'], addedBy: 'test', addedAt: new Date().toISOString() },
        { at: new Date().toISOString(), actor: 'test', action: 'roster.set', subject: coordinator.id, result: 'ok' });
    }
    // The referrer, who may see the case, sending the same cancel is shown it as it stands.
    expect(cardText(await env.h.client.execute(referrer, 'booking.cancel', cancel))).toContain('This request has moved on');
  });
});

describe('nobody decides on their own request', () => {
  it('a coordinator cannot decide the review of their own referral, and the attempt is audited', async () => {
    const { reference } = await submit(coordinator, buildAnswers({ consent: OVERRIDE_CONSENT }));
    expect((await env.h.bot.app.store.requests.get('fass', reference))?.status).toBe('awaiting_review');
    const reviews = await env.h.client.say(coordinator, 'reviews');
    const decide = findAction(reviews[0], 'review.decide', `Approve ${reference} for booking`).data;
    const answer = cardText(await env.h.client.execute(coordinator, 'review.decide', { ...decide, [String(decide.reasonField)]: 'Synthetic approval reason' }));
    expect(answer).toContain('Not for your own request');
    expect((await env.h.bot.app.store.requests.get('fass', reference))?.status).toBe('awaiting_review');
    expect(await lastAudit()).toMatchObject({ actor: coordinator.id, action: 'review.decide', subject: reference, result: 'denied', code: 'own_request' });
  });

  it('a clinician cannot accept their own request', async () => {
    const { reference, start } = await offered(coordinator);
    const answer = cardText(await env.h.client.executeInChannel(coordinator, 'booking.accept', { service: 'fass', reference, start }));
    expect(answer).toContain('Not for your own request');
    expect((await env.h.bot.app.store.requests.get('fass', reference))?.status).toBe('offered');
    expect(await lastAudit()).toMatchObject({ actor: coordinator.id, action: 'booking.accept', result: 'denied', code: 'own_request' });
  });
});

describe('what a referrer typed is shown as plain text', () => {
  const PLANTED = '[Open the family file](https://phish.example.org/login) **urgent**';

  it('never as Markdown (no planted links) on the case, the review queue or the referrer\'s own review', async () => {
    const answers = buildAnswers({ details: { helpWith: `MARKER-MD ${PLANTED}`, legalStatuses: ['cp_plan'], urgency: 'routine' } });
    const review = await fillJourney(env.h.client, { id: 'aad-md-ref', name: 'Synthetic MD' }, answers);
    expect(whereShown(review, 'MARKER-MD')).toEqual(['TextRun.text']);
    const { reference } = await booked(answers);
    const asCoordinator = await env.h.client.execute(coordinator, 'booking.view', { service: 'fass', reference });
    expect(cardText(asCoordinator)).toContain(PLANTED);
    expect(whereShown(asCoordinator, 'MARKER-MD')).toEqual(['TextRun.text']);
    await eventually(() => sentTo(env.h.calls, `a:personal-${clinicianA.id}`).some((c) => cardText(c).includes(reference)), 'the clinician\'s confirmation');
    const confirmation = sentTo(env.h.calls, `a:personal-${clinicianA.id}`).find((c) => cardText(c).includes(reference))!;
    expect(whereShown(confirmation, 'MARKER-MD')).toEqual(['TextRun.text']);

    const flagged = buildAnswers({ consent: { ...OVERRIDE_CONSENT, justification: `MARKER-MDJ ${PLANTED}` }, details: answers.details });
    await submit({ id: 'aad-md-ref2', name: 'Synthetic MD 2' }, flagged);
    const queue = (await env.h.client.say(coordinator, 'reviews'))[0]!;
    expect(whereShown(queue, 'MARKER-MD ')).toEqual(['TextRun.text']);
  });
});

describe('the calendar invite link', () => {
  it('works until ICS_LINK_DAYS (7) after the consultation, then answers 404', async () => {
    const { reference, bookingId } = await booked();
    const url = `${env.h.bot.url}/calendar/fass/${reference}/${bookingId}.ics`;
    expect((await fetch(url)).status).toBe(200);
    const endedDaysAgo = async (days: number) => {
      const r = (await env.h.bot.app.store.requests.get('fass', reference))!;
      const end = Date.now() - days * 86_400_000;
      await env.h.bot.app.store.requests.update({ ...r, booking: { ...r.booking!, start: new Date(end - 3_600_000).toISOString(), end: new Date(end).toISOString() }, version: r.version + 1 },
        { at: new Date().toISOString(), actor: 'test-clock', action: 'test.time_passes', subject: reference, result: 'ok' });
    };
    await endedDaysAgo(6.9);
    expect((await fetch(url)).status).toBe(200);
    await endedDaysAgo(7.1);
    expect((await fetch(url)).status).toBe(404);
  });
});

