import Redis from 'ioredis';
import { cardText, findAction, type TestUser } from '../support/bot-client';
import { eventually, startHarness, type Harness } from '../support/bot-harness';
import { offeredStarts, PEOPLE, publishEveryDay, ROSTER, sentTo } from '../support/booking';
import { BotClient } from '../support/bot-client';
import { buildAnswers } from '../support/builders';
import { fillJourney } from '../support/journey';
import type { PrivateRedis } from '../support/redis-server';
import { startSentinelDeployment, type SentinelDeployment } from '../support/redis-sentinel';

jest.setTimeout(60_000);

/**
 * Redis with a replica and Sentinel, and the bot told to confirm a change only once a replica holds it
 * (REDIS_MIN_REPLICAS_ACK=1): what a referrer sees when the replica is away, on a retry, and across a failover.
 */
const ACK = { REDIS_MIN_REPLICAS_ACK: '1', REDIS_REPLICA_ACK_TIMEOUT_MS: '300', LOG_LEVEL: 'info' };
const UNAVAILABLE = 'Temporarily unavailable';
const referenceIn = (card: unknown) => /FASS-\d{4}-\d{4,}/.exec(cardText(card))?.[0];

let deployment: SentinelDeployment;
let h: Harness;
const clients: Redis[] = [];
/** What a node holds, asked directly (not through the bot). */
const on = (node: PrivateRedis) => {
  const c = new Redis({ port: node.port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
  c.on('error', () => undefined);
  clients.push(c);
  return c;
};

afterEach(async () => {
  await h?.stop();
  clients.splice(0).forEach((c) => c.disconnect());
  await deployment?.stop();
});

async function submitUntilAnswered(user: TestUser, submit: Record<string, unknown>): Promise<unknown> {
  let card: unknown;
  await eventually(async () => !cardText(card = await h.client.execute(user, 'request.submit', submit)).includes(UNAVAILABLE), 'a submit that goes through', 15_000);
  return card;
}

describe('Redis with a replica and Sentinel, changes confirmed by a replica (REDIS_MIN_REPLICAS_ACK=1)', () => {
  const referrer = { id: 'aad-sw-sentinel', name: 'Synthetic Sentinel Referrer' };

  it('tells the referrer nothing was saved while the replica is away, and a retry once it is back makes one request', async () => {
    deployment = await startSentinelDeployment();
    h = await startHarness({ ...deployment.env(), ...ACK });
    const [primary, replica] = deployment.nodes as [PrivateRedis, PrivateRedis];
    const review = await fillJourney(h.client, referrer, buildAnswers());
    const submit = findAction(review, 'request.submit').data;

    await replica.kill();
    const refused = await h.client.execute(referrer, 'request.submit', submit);
    expect(cardText(refused)).toContain(UNAVAILABLE);
    expect(cardText(refused)).toContain('nothing was saved');
    expect(h.logs.lines.join('\n')).toMatch(/"verb":"request.submit","code":"replica_ack_timeout"/);
    expect(cardText((await h.client.say(referrer, 'my requests'))[0])).not.toMatch(/FASS-\d{4}/);

    await replica.restart();
    await deployment.waitForReplicas(1);
    const outcome = await submitUntilAnswered(referrer, submit);
    const reference = referenceIn(outcome);
    expect(reference).toMatch(/^FASS-\d{4}-0001$/);
    expect(cardText(outcome)).toContain('This request fits the service');
    expect(await h.bot.app.store.requests.listByOwner('fass', referrer.id, 10)).toHaveLength(1);
    // Held by both: the primary, and the replica that confirmed it.
    for (const node of [primary, replica]) expect(await on(node).hexists(`cb:{fass}:req:${reference}`, 'doc')).toBe(1);
  });

  it('does not show the reference of a request the primary made but no replica confirmed, until one does: then the same one', async () => {
    deployment = await startSentinelDeployment();
    h = await startHarness({ ...deployment.env(), ...ACK });
    const [primary, replica] = deployment.nodes as [PrivateRedis, PrivateRedis];
    const review = await fillJourney(h.client, referrer, buildAnswers());
    const submit = findAction(review, 'request.submit').data;
    // The replica is lost between the reference being reserved (confirmed) and the request being created.
    const requests = h.bot.app.store.requests;
    const reserve = requests.reserveSequence.bind(requests);
    requests.reserveSequence = async (...args) => {
      const reserved = await reserve(...args);
      requests.reserveSequence = reserve;
      await replica.kill();
      return reserved;
    };

    expect(cardText(await h.client.execute(referrer, 'request.submit', submit))).toContain(UNAVAILABLE);
    const made = await on(primary).keys('cb:{fass}:req:*');
    expect(made).toHaveLength(1); // on the primary, not confirmed: so not shown
    expect(cardText(await h.client.execute(referrer, 'request.submit', submit))).toContain(UNAVAILABLE);

    await replica.restart();
    await deployment.waitForReplicas(1);
    const outcome = await submitUntilAnswered(referrer, submit);
    expect(`cb:{fass}:req:${referenceIn(outcome)}`).toBe(made[0]);
    expect(await h.bot.app.store.requests.listByOwner('fass', referrer.id, 10)).toHaveLength(1);
  });

  it('follows a failover: the primary killed, the replica promoted, the bot and its outbox reader carry on there', async () => {
    deployment = await startSentinelDeployment();
    h = await startHarness({ ...deployment.env(), ...ACK, ROSTER, JOB_POLL_MS: '100', OUTBOX_BLOCK_MS: '100' });
    const { clinicianA, coordinator } = PEOPLE;
    await h.client.installInTeam(coordinator);
    await publishEveryDay(h.client, clinicianA);
    const review = await fillJourney(h.client, referrer, buildAnswers());
    const submit = findAction(review, 'request.submit').data;

    const old = await deployment.primaryNow();
    await old.kill();
    const promoted = await deployment.waitForNewPrimary(old);
    // No replica left to confirm anything: refused honestly, not confirmed by the lone new primary.
    expect(cardText(await h.client.execute(referrer, 'request.submit', submit))).toContain(UNAVAILABLE);

    await deployment.rejoin(old);
    await deployment.waitForReplicas(1);
    const outcome = await submitUntilAnswered(referrer, submit);
    const reference = referenceIn(outcome)!;
    for (const node of [promoted, old]) expect(await on(node).hexists(`cb:{fass}:req:${reference}`, 'doc')).toBe(1);

    const times = await h.client.execute(referrer, 'booking.times', findAction(outcome, 'booking.times').data);
    await h.client.execute(referrer, 'booking.offer', { service: 'fass', reference, times: offeredStarts(times)[0] });
    await eventually(() => sentTo(h.calls, BotClient.TRIAGE.id).some((c) => cardText(c).includes(reference)), 'the triage post, read from the outbox on the new primary', 10_000);
  });
});
