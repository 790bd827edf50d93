import { BotClient, cardText, findAction } from '../../test/support/bot-client';
import { appOn } from '../../test/support/booking';
import { buildAnswers, FASS_STEPS } from '../../test/support/builders';
import { asCardInputs } from '../../test/support/journey';
import { freePort, startRedis } from '../../test/support/redis-server';
import { BOT, BOT_ENV } from '../lib/build';
import { startNode } from '../lib/processes';
import { seedClinicians } from '../lib/setup';
import { startSink } from '../lib/sink';

/**
 * Every activity delivered three times at once, as Teams does when an answer misses its 15 s deadline:
 * each journey must still make one request, one draft submission, one booking, one set of reminders.
 */
export async function run({ smoke }: { smoke: boolean }) {
  const redis = await startRedis();
  const sink = await startSink();
  const { app, close } = appOn(redis.url);
  const clinicians = await seedClinicians(app, 5);
  const bot = await startNode(BOT, { ...BOT_ENV, REDIS_URL: redis.url }, await freePort(), sink.url);
  const client = new BotClient(bot.url, sink.url, []);
  const thrice = async (f: () => Promise<unknown>) => (await Promise.all([f(), f(), f()]))[0] as Record<string, unknown>;
  const users = Array.from({ length: smoke ? 3 : 20 }, (_, i) => ({ id: `aad-drill-dup-${i}`, name: 'Drill' }));
  const answers = buildAnswers();
  const references: string[] = [];
  for (const [i, u] of users.entries()) {
    let card = await thrice(() => client.execute(u, 'request.start', { service: 'fass', fresh: i === 0 ? undefined : undefined }));
    for (const step of FASS_STEPS) {
      const data = { ...findAction(card, 'draft.save').data, ...asCardInputs(answers[step]) };
      card = await thrice(() => client.execute(u, 'draft.save', data));
    }
    const outcome = await thrice(() => client.execute(u, 'request.submit', findAction(card, 'request.submit').data));
    const reference = /Request (FASS-\d{4}-\d{4,})/.exec(cardText(outcome))?.[1];
    if (!reference) continue;
    references.push(reference);
    const times = await thrice(() => client.execute(u, 'booking.times', { service: 'fass', reference }));
    const start = /"value":"(\d{4}-\d{2}-\d{2}T[^"]+Z)"/.exec(JSON.stringify(times))?.[1];
    await thrice(() => client.execute(u, 'booking.offer', { service: 'fass', reference, times: start }));
    const clinician = { id: clinicians[i % clinicians.length]!, name: 'Drill Clinician' };
    await thrice(() => client.executeInChannel(clinician, 'booking.accept', { service: 'fass', reference, start }));
  }
  await new Promise((r) => setTimeout(r, 1500)); // notifications go out
  const audit = await app.store.audit.recent('fass', 100_000);
  const count = (action: string) => audit.filter((e) => e.action === action && e.result === 'ok').length;
  const requests = await app.store.requests.listAll('fass', 10_000);
  // Every bot schedules the service's daily retention purge when it starts: that one is not a reminder.
  const jobs = await app.store.jobs.pending('fass') - 1;
  const sends = sink.sends();
  await bot.stop();
  await close();
  await sink.stop();
  await redis.stop();
  const effects = {
    journeys: users.length, requests: requests.length, submissions: count('request.submit'), offers: count('booking.offer'),
    bookings: requests.filter((r) => r.status === 'booked').length, accepts: count('booking.accept'), reminder_jobs: jobs, connector_sends: sends,
  };
  const once = effects.requests === users.length && effects.submissions === users.length && effects.offers === users.length
    && effects.accepts === effects.bookings && effects.bookings === users.length && effects.reminder_jobs === users.length * 2;
  return { pass: once, deliveries_per_activity: 3, ...effects };
}
