import { cardText, findAction } from '../support/bot-client';
import { eventually, useBotOnRedis } from '../support/bot-harness';
import { offeredStarts, PEOPLE, publishEveryDay, ROSTER } from '../support/booking';
import { buildAnswers, OVERRIDE_CONSENT, SYNTHETIC } from '../support/builders';
import { fillJourney } from '../support/journey';
import type { AuditEntry } from '../../src/domain/audit/audit-entry';

const { referrer, clinicianA, coordinator } = PEOPLE;
const outsider = { id: 'aad-read-outsider', name: 'Synthetic Outsider' };
const env = useBotOnRedis({ ROSTER, JOB_POLL_MS: '100', OUTBOX_BLOCK_MS: '100' });

beforeAll(async () => {
  await env.h.client.installInTeam(coordinator);
  await publishEveryDay(env.h.client, clinicianA);
});

const audit = () => env.h.bot.app.store.audit.recent('fass', 1000);
const reads = async (reference: string): Promise<AuditEntry[]> => (await audit()).filter((a) => a.action === 'case.read' && a.subject === reference);

describe('reads of a case\'s detail are audited: who, which case, which fields', () => {
  it('records opening, viewing, the review queue and notifications with detail; a refused view shows and records no read', async () => {
    const review = await fillJourney(env.h.client, referrer, buildAnswers());
    const outcome = await env.h.client.execute(referrer, 'request.submit', findAction(review, 'request.submit').data);
    const reference = /FASS-\d{4}-\d{4,}/.exec(cardText(outcome))![0];

    await env.h.client.execute(referrer, 'request.open', { service: 'fass', reference });
    expect(await reads(reference)).toContainEqual(expect.objectContaining({ actor: referrer.id, result: 'ok', detail: { via: 'request.open', fields: 'screening' } }));

    const times = await env.h.client.execute(referrer, 'booking.times', findAction(outcome, 'booking.times').data);
    await env.h.client.execute(referrer, 'booking.offer', { ...findAction(times, 'booking.offer').data, times: offeredStarts(times)[0] });
    const start = (await env.h.bot.app.store.requests.get('fass', reference))!.offer!.preferences[0]!;
    await env.h.client.executeInChannel(clinicianA, 'booking.accept', { service: 'fass', reference, start });

    const seen = await env.h.client.execute(coordinator, 'booking.view', { service: 'fass', reference });
    expect(cardText(seen)).toContain(SYNTHETIC.familyName);
    expect(await reads(reference)).toContainEqual(expect.objectContaining({
      actor: coordinator.id, detail: { via: 'booking.view', fields: 'answers.about,answers.exclusions,answers.concerns,answers.consent,answers.details' },
    }));

    // The clinician's confirmation carries the case's detail: its disclosure names the fields.
    await eventually(async () => (await audit()).some((a) => a.action === 'disclose' && a.subject === reference && a.detail?.to === `user:${clinicianA.id}`), 'the clinician\'s confirmation');
    const toClinician = (await audit()).find((a) => a.action === 'disclose' && a.subject === reference && a.detail?.to === `user:${clinicianA.id}`)!;
    expect(toClinician.detail).toMatchObject({ audience: 'clinician', event: 'booked', fields: expect.stringContaining('answers.about') });

    const before = (await reads(reference)).length;
    const refused = await env.h.client.execute(outsider, 'booking.view', { service: 'fass', reference });
    expect(cardText(refused)).not.toContain(SYNTHETIC.familyName);
    expect(await reads(reference)).toHaveLength(before);
    expect((await audit()).find((a) => a.actor === outsider.id)).toMatchObject({ action: 'request.view', result: 'denied' });
  });

  it('records each request the review queue shows, with the fields it shows', async () => {
    const review = await fillJourney(env.h.client, referrer, buildAnswers({ consent: OVERRIDE_CONSENT }));
    const outcome = await env.h.client.execute(referrer, 'request.submit', findAction(review, 'request.submit').data);
    const reference = /FASS-\d{4}-\d{4,}/.exec(cardText(outcome))![0];
    const queue = await env.h.client.say(coordinator, 'reviews');
    expect(cardText(queue)).toContain(reference);
    expect(await reads(reference)).toContainEqual(expect.objectContaining({
      actor: coordinator.id, detail: { via: 'reviews.show', fields: 'review.reasons,review.justification,answers.details.helpWith' },
    }));
  });
});
