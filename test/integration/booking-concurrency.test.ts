import { pickTimes } from '../../src/app/booking/pick-times';
import { seedRoster } from '../../src/app/booking/manage-roster';
import { findFreeTimes } from '../../src/app/booking/find-free-times';
import { overlaps } from '../../src/domain/booking/interval';
import { BotProcess } from '../e2e/support/bot-process';
import { BotClient, cardText } from '../support/bot-client';
import { appOn, publishEveryDayDirect, submitManyEligible } from '../support/booking';
import { startConnectorStub } from '../support/connector-stub';
import { freePort, startRedis, type PrivateRedis } from '../support/redis-server';

jest.setTimeout(90_000);

const CLINICIANS = ['aad-cc-1', 'aad-cc-2', 'aad-cc-3'];
const REQUESTS = 24;
const referrer = { id: 'aad-cc-referrer', name: 'Synthetic Referrer' };
let redis: PrivateRedis;
let bots: BotProcess[] = [];
let connector: Awaited<ReturnType<typeof startConnectorStub>>;
let setup: ReturnType<typeof appOn>;

beforeAll(async () => {
  redis = await startRedis();
  connector = await startConnectorStub();
  setup = appOn(redis.url);
  await seedRoster(setup.app, 'fass', CLINICIANS.map((id) => `${id}:clinician`).join(','));
  for (const id of CLINICIANS) await publishEveryDayDirect(setup.app, id);
  // Hundreds of accepts a second from a few clinicians: no person clicks so fast, so the inbound limits are off here.
  const env = { REDIS_URL: redis.url, LOG_LEVEL: 'warn', DEMO_DATA: 'false', JOB_POLL_MS: '200', INBOUND_USER_PER_MINUTE: '0', INBOUND_TENANT_PER_MINUTE: '0' };
  bots = [new BotProcess(env, await freePort()), new BotProcess(env, await freePort())];
  await Promise.all(bots.map((b) => b.start()));
});
afterAll(async () => {
  await Promise.all(bots.map((b) => b.stop()));
  await setup?.close();
  await connector?.stop();
  await redis?.stop();
});

describe('accepting consultations with two bot processes on one Redis', () => {
  it('never books a request twice nor a clinician into overlapping consultations, however many accepts race', async () => {
    const { app } = setup;
    const refs = await submitManyEligible(app, referrer, REQUESTS);
    // Every request prefers the same three times, so clinicians compete for times and requests for clinicians.
    const times = (await findFreeTimes(app, 'fass')).slice(0, 3).map((t) => t.start);
    for (const reference of refs) await pickTimes(app, referrer, { service: 'fass', reference, starts: times });

    const clients = bots.map((b) => new BotClient(`http://127.0.0.1:${b.port}`, connector.url, connector.calls));
    const attempts = refs.flatMap((reference, r) => times.flatMap((start, t) => CLINICIANS.map((id, c) => ({ reference, start, id, via: (r + t + c) % 2 }))));
    const shuffled = attempts.map((a) => ({ a, k: Math.sin(attempts.indexOf(a) * 7919) })).sort((x, y) => x.k - y.k).map((x) => x.a);
    const answers = await Promise.all([...shuffled, ...shuffled].map((a) =>
      clients[a.via]!.executeInChannel({ id: a.id, name: 'Synthetic Clinician' }, 'booking.accept', { service: 'fass', reference: a.reference, start: a.start })));
    expect(answers).toHaveLength(attempts.length * 2);
    expect(answers.every((card) => /Accepted by|Already taken|You are booked then|Consultation request/.test(cardText(card)))).toBe(true);

    const requests = await Promise.all(refs.map((ref) => app.store.requests.get('fass', ref)));
    const booked = requests.filter((r) => r!.status === 'booked').map((r) => r!.booking!);
    // Three clinicians, three times: at most nine consultations can exist, and all nine should be taken.
    expect(booked).toHaveLength(CLINICIANS.length * times.length);
    const acceptedInAudit = (await app.store.audit.recent('fass', 100_000)).filter((e) => e.action === 'booking.accept' && e.result === 'ok');
    expect(acceptedInAudit).toHaveLength(booked.length);
    expect(new Set(acceptedInAudit.map((e) => e.subject)).size).toBe(booked.length);

    const bufferMs = 15 * 60_000;
    for (const id of CLINICIANS) {
      const mine = booked.filter((b) => b.clinicianId === id).map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end) }));
      const clashes = mine.flatMap((x, i) => mine.slice(i + 1).filter((y) => overlaps(x, y, bufferMs)));
      expect(clashes).toEqual([]);
      const calendar = await app.store.availability.busy('fass', id, new Date());
      expect(calendar).toHaveLength(mine.length);
    }
    process.stdout.write(`booking race: ${answers.length} accepts from 2 processes on ${REQUESTS} requests x ${times.length} times -> ${booked.length} bookings, 0 double, 0 overlapping\n`);
  });
});
