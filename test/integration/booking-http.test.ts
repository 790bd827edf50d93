import { BotClient, cardText, findAction } from '../support/bot-client';
import { eventually, useBotOnRedis } from '../support/bot-harness';
import { offeredStarts, PEOPLE, publishEveryDay, ROSTER, sentTo, submitEligible, unpromptedSends } from '../support/booking';
import { SYNTHETIC } from '../support/builders';
import { seedRoster } from '../../src/app/booking/manage-roster';

const { referrer, clinicianA, clinicianB, coordinator } = PEOPLE;
const env = useBotOnRedis({ ROSTER, JOB_POLL_MS: '100' });
const personal = (id: string) => `a:personal-${id}`;
const withText = <T,>(cards: T[], text: string): T[] => cards.filter((c) => cardText(c).includes(text));

// Each test starts from an empty Redis and a fresh bot: roster, triage channel and availability set up as people would.
// What the previous test's bot sent (a notification may still have been going out as it ended) is forgotten once
// that bot has stopped, so one test's cards are never counted in the next.
beforeEach(async () => {
  await env.redis.client().flushall();
  await env.h.restart();
  env.h.calls.length = 0;
  await seedRoster(env.h.bot.app, 'fass', ROSTER);
  await env.h.client.installInTeam(coordinator);
  for (const c of [clinicianA, clinicianB]) await publishEveryDay(env.h.client, c);
});

/** Submits an eligible request and sends two preferred times to the triage channel. */
async function offerTwoTimes(): Promise<{ reference: string; starts: string[] }> {
  const { reference, outcome } = await submitEligible(env.h.client, referrer);
  const times = await env.h.client.execute(referrer, 'booking.times', findAction(outcome, 'booking.times').data);
  const starts = offeredStarts(times).slice(0, 2);
  const sent = await env.h.client.execute(referrer, 'booking.offer', { ...findAction(times, 'booking.offer').data, times: starts.join(',') });
  expect(cardText(sent)).toContain('Sent to the clinicians');
  return { reference, starts };
}

describe('booking a consultation over HTTP, on Redis', () => {
  it('offers times, posts them to triage, books the first accept, tells everyone and updates the triage card', async () => {
    const { reference, starts } = await offerTwoTimes();
    await eventually(() => withText(sentTo(env.h.calls, BotClient.TRIAGE.id), reference).length > 0, 'the triage post');
    const triage = withText(sentTo(env.h.calls, BotClient.TRIAGE.id), reference)[0]!;
    expect(cardText(triage)).not.toContain(SYNTHETIC.familyName);
    expect(cardText(triage)).not.toContain(SYNTHETIC.helpWith);

    const accept = findAction(triage, 'booking.accept');
    expect(starts).toContain(accept.data.start);
    const [a, b] = await Promise.all([
      env.h.client.executeInChannel(clinicianA, 'booking.accept', accept.data),
      env.h.client.executeInChannel(clinicianB, 'booking.accept', accept.data),
    ]);
    const texts = [cardText(a), cardText(b)];
    expect(texts.filter((t) => t.includes('Already taken'))).toHaveLength(1);
    expect(texts.every((t) => t.includes('Accepted by'))).toBe(true);
    const stored = await env.h.bot.app.store.requests.get('fass', reference);
    expect(stored).toMatchObject({ status: 'booked', booking: { start: accept.data.start } });
    const winner = stored!.booking!.clinicianId;

    await eventually(() => withText(sentTo(env.h.calls, personal(referrer.id)), 'Consultation booked').length === 1, 'the referrer\'s confirmation');
    await eventually(() => withText(sentTo(env.h.calls, personal(winner)), 'You accepted this consultation').length === 1, 'the clinician\'s confirmation');
    await eventually(() => withText(sentTo(env.h.calls, BotClient.TRIAGE.id, 'PUT'), 'Accepted by').length === 1, 'the triage card update');
    // The clinician who took it gets the case details, in personal chat only; the same view asked for in the channel is refused.
    expect(cardText(withText(sentTo(env.h.calls, personal(winner)), 'You accepted this consultation')[0])).toContain(SYNTHETIC.familyName);
    const inChannel = await env.h.client.executeInChannel(clinicianA, 'booking.view', { service: 'fass', reference });
    expect(cardText(inChannel)).toContain('Open this in your personal chat with me');
    expect(cardText(inChannel)).not.toContain(SYNTHETIC.familyName);
    const confirmation = withText(sentTo(env.h.calls, personal(referrer.id)), 'Consultation booked')[0]!;
    expect(cardText(confirmation)).toContain(stored!.booking!.meetingUrl);

    const ics = await fetch(cardText(confirmation).split('\n').find((l) => l.endsWith('.ics'))!);
    expect(ics.status).toBe(200);
    const body = await ics.text();
    expect(body).toContain(`DTSTART:${stored!.booking!.start.replace(/[-:]/g, '').replace('.000', '')}`);
    expect(body).toContain(reference);
    expect(body).not.toContain(SYNTHETIC.familyName);
    expect((await fetch(`${env.h.bot.url}/calendar/fass/${reference}/not-the-booking.ics`)).status).toBe(404);

    // A repeated accept by the winner changes nothing and says so; the loser is still told it is taken.
    const again = await env.h.client.executeInChannel(winner === clinicianA.id ? clinicianA : clinicianB, 'booking.accept', accept.data);
    expect(cardText(again)).toContain('Accepted by');
    expect(cardText(again)).not.toContain('Already taken');
    expect((await env.h.bot.app.store.requests.get('fass', reference))!.version).toBe(stored!.version);
  });

  it('gives every message it sends unprompted a notification preview: the reference and what happened, nothing more', async () => {
    const { reference } = await offerTwoTimes();
    await eventually(() => withText(sentTo(env.h.calls, BotClient.TRIAGE.id), reference).length > 0, 'the triage post');
    const accept = findAction(withText(sentTo(env.h.calls, BotClient.TRIAGE.id), reference)[0], 'booking.accept');
    await env.h.client.executeInChannel(clinicianA, 'booking.accept', accept.data);
    await eventually(() => withText(sentTo(env.h.calls, personal(clinicianA.id)), 'You accepted this consultation').length === 1, 'the clinician\'s confirmation');
    await eventually(() => withText(sentTo(env.h.calls, BotClient.TRIAGE.id, 'PUT'), 'Accepted by').length === 1, 'the triage card update');
    const stored = await env.h.bot.app.store.requests.get('fass', reference);
    await env.h.client.execute(referrer, 'booking.reschedule', { service: 'fass', reference, bookingId: stored!.booking!.id, reason: 'MARKER-FREETEXT reason' });
    await eventually(() => withText(sentTo(env.h.calls, personal(clinicianA.id)), 'Consultation released for rescheduling').length === 1, 'the clinician told');

    const unprompted = unpromptedSends(env.h.calls);
    expect(unprompted.map((c) => c.method).sort()).toEqual(expect.arrayContaining(['POST', 'PUT']));
    expect(unprompted.length).toBeGreaterThanOrEqual(5);
    for (const { body } of unprompted) expect(body.summary).toMatch(new RegExp(`^${reference}: [a-z0-9 ,]+$`));
    // The clinician's card after the reschedule is their own, not the referrer's times picker.
    expect(JSON.stringify(withText(sentTo(env.h.calls, personal(clinicianA.id)), 'Consultation released for rescheduling'))).not.toContain('booking.times');
  });

  it('refuses a social worker\'s accept and a non-party\'s cancel, audits both and changes nothing', async () => {
    const { reference, starts } = await offerTwoTimes();
    const refused = await env.h.client.executeInChannel(referrer, 'booking.accept', { service: 'fass', reference, start: starts[0] });
    expect(cardText(refused)).toContain('Not something your role can do');
    expect((await env.h.bot.app.store.requests.get('fass', reference))!.status).toBe('offered');

    await env.h.client.executeInChannel(clinicianA, 'booking.accept', { service: 'fass', reference, start: starts[0] });
    const booked = (await env.h.bot.app.store.requests.get('fass', reference))!;
    const cancel = await env.h.client.execute(clinicianB, 'booking.cancel', { service: 'fass', reference, bookingId: booked.booking!.id, reason: 'not mine to cancel' });
    expect(cardText(cancel)).toContain('Not something your role can do');
    expect((await env.h.bot.app.store.requests.get('fass', reference))!.version).toBe(booked.version);
    const audit = await env.h.bot.app.store.audit.recent('fass', 20);
    expect(audit).toEqual(expect.arrayContaining([
      expect.objectContaining({ actor: referrer.id, action: 'booking.accept', result: 'denied', code: 'not_allowed' }),
      expect.objectContaining({ actor: clinicianB.id, action: 'booking.cancel', result: 'denied', code: 'not_allowed' }),
    ]));

    // A coordinator may: the time returns to the clinician's availability.
    const byCoordinator = await env.h.client.execute(coordinator, 'booking.reschedule', { service: 'fass', reference, bookingId: booked.booking!.id, reason: 'clinician unwell' });
    expect(cardText(byCoordinator)).toContain('Consultation released for rescheduling');
    expect(await env.h.bot.app.store.availability.busy('fass', clinicianA.id, new Date())).not.toContainEqual(expect.objectContaining({ reference }));
    const repeat = await env.h.client.execute(coordinator, 'booking.reschedule', { service: 'fass', reference, bookingId: booked.booking!.id, reason: 'clinician unwell' });
    expect(cardText(repeat)).toContain('(already done)');
    await eventually(() => withText(sentTo(env.h.calls, personal(referrer.id)), 'please choose again').length === 1, 'the referrer told to choose again');
  });

  it('loses nothing when the bot restarts between the offer and the accept', async () => {
    const { reference, starts } = await offerTwoTimes();
    await env.h.restart();
    const card = await env.h.client.executeInChannel(clinicianB, 'booking.accept', { service: 'fass', reference, start: starts[1] });
    expect(cardText(card)).toContain('Accepted by');
    expect(await env.h.bot.app.store.requests.get('fass', reference)).toMatchObject({ status: 'booked', booking: { clinicianId: clinicianB.id, start: starts[1] } });
  });

  it('keeps a clinician out of two overlapping consultations', async () => {
    const first = await offerTwoTimes();
    const second = await offerTwoTimes();
    const shared = first.starts.find((s) => second.starts.includes(s));
    expect(shared).toBeDefined();
    await env.h.client.executeInChannel(clinicianA, 'booking.accept', { service: 'fass', reference: first.reference, start: shared });
    const clash = await env.h.client.executeInChannel(clinicianA, 'booking.accept', { service: 'fass', reference: second.reference, start: shared });
    expect(cardText(clash)).toContain('You are booked then');
    expect((await env.h.bot.app.store.requests.get('fass', second.reference))!.status).toBe('offered');
  });

  it('shows the referrer how the case stands, with cancel by the referrer freeing the time', async () => {
    const { reference, starts } = await offerTwoTimes();
    await env.h.client.executeInChannel(clinicianA, 'booking.accept', { service: 'fass', reference, start: starts[0] });
    const view = await env.h.client.execute(referrer, 'booking.view', { service: 'fass', reference });
    expect(cardText(view)).toContain('Consultation booked');
    const bookingId = findAction(view, 'booking.cancel').data.bookingId as string;
    const missingReason = await env.h.client.execute(referrer, 'booking.cancel', { service: 'fass', reference, bookingId, reason: '' });
    expect(cardText(missingReason)).toContain('give a short reason');
    expect((await env.h.bot.app.store.requests.get('fass', reference))!.status).toBe('booked');
    const cancelled = await env.h.client.execute(referrer, 'booking.cancel', { service: 'fass', reference, bookingId, reason: 'family moved away' });
    expect(cardText(cancelled)).toContain('Consultation cancelled');
    await eventually(() => withText(sentTo(env.h.calls, personal(clinicianA.id)), 'family moved away').length > 0, 'the clinician told why');
  });

  it('gives every repeated booking action one effect: offer, decline, accept, cancel', async () => {
    const store = env.h.bot.app.store;
    const { reference, starts } = await offerTwoTimes();
    const offered = (await store.requests.get('fass', reference))!;
    const again = await env.h.client.execute(referrer, 'booking.offer', { service: 'fass', reference, times: [...starts].reverse().join(',') });
    expect(cardText(again)).toContain('Sent to the clinicians');
    expect((await store.requests.get('fass', reference))!.version).toBe(offered.version);

    const decline = { service: 'fass', reference, reason: 'on leave that week' };
    await env.h.client.executeInChannel(clinicianB, 'booking.decline', decline);
    const declined = (await store.requests.get('fass', reference))!;
    await env.h.client.executeInChannel(clinicianB, 'booking.decline', decline);
    expect((await store.requests.get('fass', reference))!).toEqual(declined);
    expect(declined.offer!.declines).toHaveLength(1);

    const accept = { service: 'fass', reference, start: starts[0] };
    await Promise.all([1, 2, 3].map(() => env.h.client.executeInChannel(clinicianA, 'booking.accept', accept)));
    const booked = (await store.requests.get('fass', reference))!;
    expect(booked.status).toBe('booked');
    expect(await store.availability.busy('fass', clinicianA.id, new Date())).toHaveLength(1);
    const early = await env.h.client.execute(clinicianA, 'booking.no_show', { service: 'fass', reference, bookingId: booked.booking!.id, reason: 'nobody came' });
    expect(cardText(early)).toContain('Not started yet');

    const cancel = { service: 'fass', reference, bookingId: booked.booking!.id, reason: 'no longer needed' };
    const [first, second] = [await env.h.client.execute(clinicianA, 'booking.cancel', cancel), await env.h.client.execute(clinicianA, 'booking.cancel', cancel)];
    expect(cardText(first)).toContain('Consultation cancelled');
    expect(cardText(second)).toContain('(already done)');
    const cancelled = (await store.requests.get('fass', reference))!;
    expect(cancelled.changes).toHaveLength(1);
    expect(cancelled.version).toBe(booked.version + 1);
    await eventually(async () => (await store.outbox.backlog('fass')) === 0, 'the notifications to be sent');
    // One cancellation card for the referrer, headed so (the booking's own card, if it went out later, shows the case as it now stands).
    const headed = (c: unknown) => ((c as { body?: { text?: string }[] }).body?.[0]?.text);
    const toReferrer = sentTo(env.h.calls, personal(referrer.id)).filter((c) => headed(c) === 'Consultation cancelled');
    expect(toReferrer).toHaveLength(1);
    expect(cardText(toReferrer[0])).toContain('no longer needed');
  });

  it('kept every family detail, free text and reason out of the logs of all the above', () => {
    const logs = env.h.logs.lines.join('\n');
    expect(logs).toContain('"evt":"notify"');
    for (const secret of [SYNTHETIC.familyName, SYNTHETIC.caseNumber, SYNTHETIC.youngestChildDob, 'MARKER-FREETEXT', 'family moved away', 'on leave that week', 'clinician unwell', referrer.name]) {
      expect(logs).not.toContain(secret);
    }
  });
});
