import { seedRoster } from '../../src/app/booking/manage-roster';
import { BotProcess } from '../e2e/support/bot-process';
import { BotClient, cardText } from '../support/bot-client';
import { eventually } from '../support/bot-harness';
import { appOn, offeredStarts, PEOPLE, publishEveryDay, ROSTER, submitEligible } from '../support/booking';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { freePort, startRedis, type PrivateRedis } from '../support/redis-server';

jest.setTimeout(120_000);

const { referrer, clinicianA, coordinator } = PEOPLE;
const CONVERSATIONS = 30;
const groups = Array.from({ length: CONVERSATIONS }, (_, i) => BotClient.group(`19:synthetic-drill-${i}@thread.v2`));
let redis: PrivateRedis;
let stub: ConnectorStub;
let bot: BotProcess;
let notifiers: BotProcess[] = [];
let setup: ReturnType<typeof appOn>;

beforeAll(async () => {
  redis = await startRedis();
  // Each answer is held a moment, so that a kill finds sends in flight; a send the notifier dies waiting for is not shown.
  stub = await startConnectorStub({ delayMs: 25 });
  // The referrer links thirty conversations in a moment, faster than anyone would: the inbound limits are off here.
  const env = { REDIS_URL: redis.url, ROSTER, LOG_LEVEL: 'info', DEMO_DATA: 'false', JOB_POLL_MS: '200', OUTBOX_BLOCK_MS: '100', OUTBOX_RECLAIM_IDLE_MS: '1000',
    INBOUND_USER_PER_MINUTE: '0', INBOUND_TENANT_PER_MINUTE: '0' };
  bot = new BotProcess({ ...env, NOTIFIER: 'off' }, await freePort());
  await bot.start();
  notifiers = [new BotProcess(env, 0, 'src/notifier.ts'), new BotProcess(env, 0, 'src/notifier.ts')];
  setup = appOn(redis.url);
});
afterAll(async () => {
  await Promise.all([bot, ...notifiers].map((p) => p?.stop('SIGKILL')));
  await setup?.close();
  await stub?.stop();
  await redis?.stop();
});

describe('killing the notifier mid-delivery and restarting Redis', () => {
  it('loses nothing and shows nothing twice', async () => {
    const client = new BotClient(`http://127.0.0.1:${bot.port}`, stub.url, stub.calls);
    await seedRoster(setup.app, 'fass', ROSTER);
    await client.installInTeam(coordinator);
    await publishEveryDay(client, clinicianA);
    const { reference } = await submitEligible(client, referrer);
    const start = offeredStarts(await client.execute(referrer, 'booking.times', { service: 'fass', reference }))[0]!;
    await client.execute(referrer, 'booking.offer', { service: 'fass', reference, times: start });
    await client.executeInChannel(clinicianA, 'booking.accept', { service: 'fass', reference, start });
    for (const group of groups) await client.sayIn(referrer, group, `<at>Consultations</at> link ${reference}`);

    const [first, second] = notifiers;
    await first!.start();
    const shownInGroups = () => stub.calls.filter((c) => c.path.includes('synthetic-drill')).length;
    await eventually(() => shownInGroups() >= 10, 'deliveries under way', 20_000);
    await first!.stop('SIGKILL');
    const atKill = shownInGroups();
    expect(atKill).toBeLessThan(CONVERSATIONS * 2); // it really died mid-delivery

    await redis.kill();
    await redis.restart();
    const booked = (await setup.app.store.requests.get('fass', reference))!;
    await eventually(async () => {
      const card = await client.execute(referrer, 'booking.cancel', { service: 'fass', reference, bookingId: booked.booking!.id, reason: 'synthetic drill' });
      return cardText(card).includes('Consultation cancelled');
    }, 'the bot to work again after Redis came back', 15_000);

    await second!.start();
    await eventually(async () => (await setup.app.store.outbox.backlog('fass')) === 0, 'the outbox to drain', 60_000);

    let lost = 0;
    let duplicates = 0;
    for (const group of groups) {
      const here = stub.calls.filter((c) => c.path.startsWith(`/v3/conversations/${encodeURIComponent(group.conversation.id)}/`) && !/\/act-\d+$/.test(c.path));
      const posted = here.filter((c) => c.method === 'POST' && cardText(c.body).includes(`Case ${reference}`)).length;
      const lines = here.filter((c) => typeof c.body.text === 'string').map((c) => c.body.text as string);
      const wanted = [`${reference}: This conversation now follows the case`, `${reference}: Consultation cancelled`];
      lost += (posted === 0 ? 1 : 0) + wanted.filter((w) => !lines.some((l) => l.startsWith(w))).length;
      duplicates += Math.max(0, posted - 1) + wanted.reduce((d, w) => d + Math.max(0, lines.filter((l) => l.startsWith(w)).length - 1), 0);
      const updates = here.filter((c) => c.method === 'PUT');
      expect(cardText(updates.at(-1)?.body)).toContain('Consultation cancelled');
    }
    const sample = stub.calls.filter((c) => c.path.includes(encodeURIComponent(groups[0]!.conversation.id))).map((c) => `${c.method} ${c.path.slice(-40)} ${String(c.body.text ?? cardText(c.body).slice(0, 60)).replace(/\n/g, ' ')}`);
    if (duplicates > 0) process.stdout.write(`${sample.join('\n')}\n`);
    process.stdout.write(`notifier drill: killed after ${atKill} sends, Redis killed and restarted; ${stub.calls.length} sends in all; lost ${lost}, duplicates ${duplicates}\n`);
    expect({ lost, duplicates }).toEqual({ lost: 0, duplicates: 0 });
  });
});
