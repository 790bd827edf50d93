import { seedRoster } from '../../src/app/booking/manage-roster';
import { BotClient, cardText, findAction } from '../support/bot-client';
import { eventually, startHarness, useBotOnRedis, type Harness } from '../support/bot-harness';
import { appOn, offeredStarts, PEOPLE, publishEveryDay, ROSTER, sentTo, submitEligible } from '../support/booking';
import { buildAnswers, OVERRIDE_CONSENT } from '../support/builders';
import { fillJourney } from '../support/journey';

jest.setTimeout(30_000);

const { referrer, clinicianA, clinicianB, coordinator } = PEOPLE;
const secondReferrer = { id: 'aad-sw-b2', name: 'Synthetic Referrer Two' };
const settings = { ROSTER, JOB_POLL_MS: '100', JOB_LEASE_MS: '1000' };
const env = useBotOnRedis(settings);
const personal = (id: string) => `a:personal-${id}`;
const withText = <T,>(cards: T[], text: string): T[] => cards.filter((c) => cardText(c).includes(text));
const jobsKey = 'cb:{fass}:jobs';

beforeEach(async () => {
  await env.redis.client().flushall();
  await env.h.restart();
  env.h.calls.length = 0; // the previous test's bot has stopped: its late cards are not this test's
  await seedRoster(env.h.bot.app, 'fass', ROSTER);
  await env.h.client.installInTeam(coordinator);
});

async function bookOne(who = referrer, clinician = clinicianA): Promise<{ reference: string; bookingId: string; start: string }> {
  const { reference, outcome } = await submitEligible(env.h.client, who);
  const times = await env.h.client.execute(who, 'booking.times', findAction(outcome, 'booking.times').data);
  const [start] = offeredStarts(times);
  await env.h.client.execute(who, 'booking.offer', { service: 'fass', reference, times: start });
  await env.h.client.executeInChannel(clinician, 'booking.accept', { service: 'fass', reference, start });
  const booked = (await env.h.bot.app.store.requests.get('fass', reference))!;
  expect(booked.status).toBe('booked');
  return { reference, bookingId: booked.booking!.id, start: start! };
}

/** Makes a scheduled job due now, as if its time had come. */
const makeDue = (id: string) => env.redis.client().zadd(jobsKey, 0, id);

describe('reminders, escalation, waitlist and review, on Redis', () => {
  it('sends each reminder exactly once with two bots polling and one restarting midway', async () => {
    for (const c of [clinicianA, clinicianB]) await publishEveryDay(env.h.client, c);
    const bookings = [await bookOne(referrer, clinicianA), await bookOne(secondReferrer, clinicianB)];
    const second: Harness = await startHarness({ REDIS_URL: env.redis.url, ...settings });
    try {
      const before = env.h.calls.length;
      for (const b of bookings) for (const h of [24, 1]) await makeDue(`remind:${b.bookingId}:${h}h`);
      await env.h.restart();
      // The daily retention purge stays scheduled: every other job is done.
      const notPurge = async () => (await env.redis.client().zrange(jobsKey, '0', '-1')).filter((id) => !id.startsWith('purge:')).length;
      await eventually(async () => (await notPurge()) === 0 && (await env.redis.client().xlen('cb:{fass}:outbox')) === 0, 'every due job done and delivered');
      const sent = env.h.calls.slice(before);
      for (const [who, clinician] of [[referrer, clinicianA], [secondReferrer, clinicianB]] as const) {
        for (const id of [who.id, clinician.id]) {
          expect(withText(sentTo(sent, personal(id)), 'Reminder: consultation in 24 hours')).toHaveLength(1);
          expect(withText(sentTo(sent, personal(id)), 'Reminder: consultation in 1 hour')).toHaveLength(1);
        }
      }
    } finally {
      await second.stop();
    }
  });

  it('delivers a reminder whose runner died holding it, once the lease runs out', async () => {
    await publishEveryDay(env.h.client, clinicianA);
    const { bookingId } = await bookOne();
    await env.h.bot.stop();
    await makeDue(`remind:${bookingId}:24h`);
    const dying = appOn(env.redis.url);
    const held = await dying.app.store.jobs.claimDue('fass', new Date(), 1000, 10); // claimed by a runner that then dies
    await dying.close();
    expect(held.map((j) => j.id)).toContain(`remind:${bookingId}:24h`);
    const before = env.h.calls.length;
    await env.h.restart();
    await eventually(() => withText(sentTo(env.h.calls.slice(before), personal(referrer.id)), 'Reminder: consultation in 24 hours').length === 1, 'the reminder after the lease', 8000);
  });

  it('drops the reminders of a cancelled consultation', async () => {
    await publishEveryDay(env.h.client, clinicianA);
    const { reference, bookingId } = await bookOne();
    await env.h.client.execute(referrer, 'booking.cancel', { service: 'fass', reference, bookingId, reason: 'no longer needed' });
    expect(await env.redis.client().zrange(jobsKey, '0', '-1')).not.toContainEqual(expect.stringContaining(`remind:${bookingId}`));
  });

  it('escalates an offer nobody accepted: coordinators alerted in triage, the referrer told, once', async () => {
    await publishEveryDay(env.h.client, clinicianA);
    const { reference, outcome } = await submitEligible(env.h.client, referrer);
    const times = await env.h.client.execute(referrer, 'booking.times', findAction(outcome, 'booking.times').data);
    await env.h.client.execute(referrer, 'booking.offer', { service: 'fass', reference, times: offeredStarts(times).slice(0, 3).join(',') });
    const [escalation] = (await env.redis.client().zrange(jobsKey, '0', '-1')).filter((id) => id.startsWith('escalate:'));
    await makeDue(escalation!);
    await eventually(() => withText(sentTo(env.h.calls, BotClient.TRIAGE.id), `${reference}: no clinician has accepted yet`).length === 1, 'the coordinators\' alert');
    await eventually(() => withText(sentTo(env.h.calls, personal(referrer.id)), 'No clinician has accepted your times yet').length === 1, 'the referrer told');
    expect((await env.h.bot.app.store.requests.get('fass', reference))!.offer!.escalatedAt).toBeDefined();
    await makeDue(escalation!);
    await new Promise((r) => setTimeout(r, 400));
    expect(withText(sentTo(env.h.calls, BotClient.TRIAGE.id), `${reference}: no clinician has accepted yet`)).toHaveLength(1);
  });

  it('with no time free: says so, alerts coordinators once, and offers the waitlist the next freed time first', async () => {
    const { reference, outcome } = await submitEligible(env.h.client, referrer);
    const none = await env.h.client.execute(referrer, 'booking.times', findAction(outcome, 'booking.times').data);
    expect(cardText(none)).toContain('No consultation times are free in the next 28 days');
    await env.h.client.execute(referrer, 'booking.times', { service: 'fass', reference });
    await eventually(() => withText(sentTo(env.h.calls, BotClient.TRIAGE.id), `${reference}: no consultation time is free`).length === 1, 'the alert');
    const joined = await env.h.client.execute(referrer, 'booking.waitlist', findAction(none, 'booking.waitlist').data);
    expect(cardText(joined)).toContain('You are on the waitlist');

    await publishEveryDay(env.h.client, clinicianA);
    const other = await bookOne(secondReferrer, clinicianA);
    await env.h.client.execute(secondReferrer, 'booking.cancel', { service: 'fass', reference: other.reference, bookingId: other.bookingId, reason: 'sorted locally' });
    await eventually(() => withText(sentTo(env.h.calls, personal(referrer.id)), 'A consultation time has come free').length === 1, 'the waitlist offer');
    const offer = withText(sentTo(env.h.calls, personal(referrer.id)), 'A consultation time has come free')[0]!;
    expect(offeredStarts(offer)).toContain(other.start);
    expect(withText(sentTo(env.h.calls, BotClient.TRIAGE.id), `${reference}: no consultation time is free`)).toHaveLength(1);
  });

  it('lets only a coordinator decide a review, with a reason, and tells the referrer', async () => {
    await publishEveryDay(env.h.client, clinicianA);
    const review = await fillJourney(env.h.client, referrer, buildAnswers({ consent: OVERRIDE_CONSENT }));
    const outcome = await env.h.client.execute(referrer, 'request.submit', findAction(review, 'request.submit').data);
    const reference = /FASS-\d{4}-\d{4}/.exec(cardText(outcome))![0];

    expect(cardText((await env.h.client.say(referrer, 'reviews'))[0])).toContain('Not something your role can do');
    const queue = (await env.h.client.say(coordinator, 'reviews'))[0]!;
    expect(cardText(queue)).toContain(reference);
    const approve = findAction(queue, 'review.decide', `Approve ${reference} for booking`);
    const noReason = await env.h.client.execute(coordinator, 'review.decide', approve.data);
    expect(cardText(noReason)).toContain('give a short reason');
    expect((await env.h.bot.app.store.requests.get('fass', reference))!.status).toBe('awaiting_review');
    const done = await env.h.client.execute(coordinator, 'review.decide', { ...approve.data, reason_0: 'Override justified; proceed' });
    expect(cardText(done)).toContain(`${reference}: approved for booking`);
    await eventually(() => withText(sentTo(env.h.calls, personal(referrer.id)), 'A duty clinician approved your request').length === 1, 'the referrer told');
    const told = withText(sentTo(env.h.calls, personal(referrer.id)), 'A duty clinician approved your request')[0]!;
    expect(offeredStarts(told).length).toBeGreaterThan(0);
  });

  it('validates availability changes on the card and keeps a stale card from overwriting', async () => {
    let card = (await env.h.client.say(clinicianA, 'my availability'))[0]!;
    const add = findAction(card, 'availability.change', 'Add weekly window');
    const bad = await env.h.client.execute(clinicianA, 'availability.change', { ...add.data, weekday: '1', weeklyStart: '17:00', weeklyEnd: '09:00' });
    expect(cardText(bad)).toContain('must end after it starts');
    expect(await env.h.bot.app.store.availability.get('fass', clinicianA.id)).toBeNull();
    card = await env.h.client.execute(clinicianA, 'availability.change', { ...add.data, weekday: '1', weeklyStart: '09:00', weeklyEnd: '12:00' });
    expect(cardText(card)).toContain('Mondays 09:00 to 12:00');
    const stale = await env.h.client.execute(clinicianA, 'availability.change', { ...add.data, weekday: '2', weeklyStart: '09:00', weeklyEnd: '12:00' });
    expect(cardText(stale)).toContain('This card was out of date, so nothing was changed');
    expect((await env.h.bot.app.store.availability.get('fass', clinicianA.id))!.weekly).toHaveLength(1);
    expect(cardText((await env.h.client.say(referrer, 'my availability'))[0])).toContain('Not something your role can do');
  });

  it('lets coordinators manage the roster, never leaving it without a coordinator', async () => {
    expect(cardText((await env.h.client.say(clinicianA, 'roster'))[0])).toContain('Not something your role can do');
    const roster = (await env.h.client.say(coordinator, 'roster'))[0]!;
    const save = findAction(roster, 'roster.set');
    const added = await env.h.client.execute(coordinator, 'roster.set', { ...save.data, memberId: 'aad-new-clin', roles: 'clinician' });
    expect(cardText(added)).toContain('aad-new-clin');
    expect((await env.h.bot.app.store.roster.get('fass', 'aad-new-clin'))!.roles).toEqual(['clinician']);
    const last = await env.h.client.execute(coordinator, 'roster.remove', { service: 'fass', memberId: coordinator.id });
    expect(cardText(last)).toContain('the service must keep at least one coordinator');
    expect(await env.h.bot.app.store.roster.get('fass', coordinator.id)).not.toBeNull();
    const audit = await env.h.bot.app.store.audit.recent('fass', 10);
    expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ actor: clinicianA.id, action: 'roster.list', result: 'denied' })]));
  });

  it('sends a new request to the coordinators personally when no triage channel is set, and lets only a coordinator set one', async () => {
    await env.redis.client().hdel('cb:directory', 'triage:fass');
    await publishEveryDay(env.h.client, clinicianA);
    await env.h.client.say(coordinator, 'help');
    const before = env.h.calls.length;
    const { reference, outcome } = await submitEligible(env.h.client, referrer);
    const times = await env.h.client.execute(referrer, 'booking.times', findAction(outcome, 'booking.times').data);
    await env.h.client.execute(referrer, 'booking.offer', { service: 'fass', reference, times: offeredStarts(times)[0] });
    await eventually(() => withText(sentTo(env.h.calls.slice(before), personal(coordinator.id)), 'No triage channel is set').length === 1, 'the coordinator\'s copy');
    expect(withText(sentTo(env.h.calls.slice(before), personal(coordinator.id)), reference)).toHaveLength(1);

    const refused = await env.h.client.sayInChannel(clinicianA, '<at>Consultations</at> triage here');
    expect(cardText(refused[0])).toContain('Not something your role can do');
    expect(await env.redis.client().hget('cb:directory', 'triage:fass')).toBeNull();
    const adopted = await env.h.client.sayInChannel(coordinator, '<at>Consultations</at> triage here');
    expect(cardText(adopted[0])).toContain('Triage channel');
    expect(JSON.parse((await env.redis.client().hget('cb:directory', 'triage:fass'))!).conversation.id).toBe(BotClient.TRIAGE.id);
  });
});
