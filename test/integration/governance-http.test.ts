import { spawnSync } from 'node:child_process';
import type Redis from 'ioredis';
import { BotClient, cardText, findAction } from '../support/bot-client';
import { eventually, useBotOnRedis } from '../support/bot-harness';
import { appOn, offeredStarts, PEOPLE, publishEveryDay, ROSTER } from '../support/booking';
import { buildAnswers } from '../support/builders';
import { fillJourney } from '../support/journey';
import { runDueJobs } from '../../src/app/booking/run-jobs';
import type { Answers } from '../../src/domain/referral/answers';

jest.setTimeout(90_000);

const { referrer, clinicianA, coordinator } = PEOPLE;
const gp = { id: 'aad-gov-gp', name: 'Synthetic Governance GP' };
const env = useBotOnRedis({ ROSTER, JOB_POLL_MS: '100', OUTBOX_BLOCK_MS: '100' });

/** Answers only one case carries, so that a scan of Redis can tell whether anything of it is left. */
function answersFor(tag: string): { answers: Required<Answers>; markers: string[] } {
  const base = buildAnswers();
  const answers = buildAnswers({
    about: { ...base.about, familyName: `Erasable-${tag}-Family`, caseNumber: `ERA-${tag}-77`, referrerTeam: `Team-${tag}-Locality` },
    details: { ...base.details, helpWith: `MARKER-ERASE-${tag}: synthetic account of the family's difficulties` },
  });
  return { answers, markers: [`Erasable-${tag}-Family`, `ERA-${tag}-77`, `Team-${tag}-Locality`, `MARKER-ERASE-${tag}`] };
}

/** A case made through the bot: booked, linked to a group chat, followed, notified (so every structure holds something of it). */
async function caseThroughTheBot(answers: Required<Answers>): Promise<string> {
  const review = await fillJourney(env.h.client, referrer, answers);
  const outcome = await env.h.client.execute(referrer, 'request.submit', findAction(review, 'request.submit').data);
  const reference = /FASS-\d{4}-\d{4,}/.exec(cardText(outcome))![0];
  const times = await env.h.client.execute(referrer, 'booking.times', findAction(outcome, 'booking.times').data);
  const start = offeredStarts(times)[0]!;
  await env.h.client.execute(referrer, 'booking.offer', { ...findAction(times, 'booking.offer').data, times: start });
  await env.h.client.executeInChannel(clinicianA, 'booking.accept', { service: 'fass', reference, start });
  const group = BotClient.group(`19:gov-${reference}@thread.v2`);
  await env.h.client.sayIn(referrer, group, `<at>Consultations</at> link ${reference}`);
  await env.h.client.say(gp, 'help');
  await env.h.client.executeIn(gp, group, 'network.follow', { service: 'fass', reference });
  await env.h.client.execute(coordinator, 'booking.view', { service: 'fass', reference });
  await eventually(async () => (await env.h.bot.app.store.outbox.backlog('fass')) === 0, 'notifications delivered');
  // One notification about it that could not be delivered.
  const n = { id: `${reference}:99:next_steps`, service: 'fass', reference, event: 'next_steps', at: new Date().toISOString(), data: {} };
  await env.redis.client().xadd('cb:{fass}:outbox-dead', '*', 'n', JSON.stringify(n), 'code', 'throttled', 'attempts', '6', 'at', new Date().toISOString());
  return reference;
}

/** Every key name and every value in Redis (strings, hashes, sets, sorted sets, lists, streams), as text. */
async function everything(c: Redis): Promise<string[]> {
  const out: string[] = [];
  for (const key of await c.keys('*')) {
    out.push(key);
    const type = await c.type(key);
    if (type === 'string') out.push((await c.get(key)) ?? '');
    else if (type === 'hash') out.push(...Object.entries(await c.hgetall(key)).flat());
    else if (type === 'set') out.push(...await c.smembers(key));
    else if (type === 'zset') out.push(...await c.zrange(key, '0', '-1'));
    else if (type === 'list') out.push(...await c.lrange(key, 0, -1));
    else if (type === 'stream') out.push(...(await c.xrange(key, '-', '+')).flatMap(([id, fields]) => [id, ...fields]));
  }
  return out;
}
const holding = (values: string[], markers: string[]) => markers.filter((m) => values.some((v) => v.includes(m)));

const cli = (script: 'export' | 'erase', args: string[]) => spawnSync('npm', ['run', '--silent', script, '--', ...args], {
  env: { ...process.env, REDIS_URL: env.redis.url, LOG_LEVEL: 'warn', USER: 'synthetic-ig-lead' }, encoding: 'utf8', timeout: 60_000,
});

beforeAll(async () => {
  await env.h.client.installInTeam(coordinator);
  await publishEveryDay(env.h.client, clinicianA);
});

describe('subject access and erasure from the command line', () => {
  it('exports everything held about a case, then erases it so that no key or value in Redis holds any of it', async () => {
    const { answers, markers } = answersFor('cli');
    const reference = await caseThroughTheBot(answers);
    expect(holding(await everything(env.redis.client()), markers)).toEqual(markers);

    const exported = cli('export', ['--service', 'fass', '--reference', reference]);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    const file = JSON.parse(exported.stdout);
    expect(file.request.answers.about.familyName).toBe(answers.about.familyName);
    expect(file.request.answers.details.helpWith).toBe(answers.details.helpWith);
    expect(file.bookings.current.clinicianId).toBe(clinicianA.id);
    expect(file.network.links).toHaveLength(1);
    expect(file.network.followers).toEqual([expect.objectContaining({ userId: gp.id })]);
    expect(file.disclosures).toEqual(expect.arrayContaining([expect.objectContaining({ audience: 'clinician', to: `user:${clinicianA.id}`, event: 'booked' })]));
    expect(file.audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['request.submit', 'booking.accept', 'network.link', 'network.follow', 'case.read']));
    expect(file.undelivered).toHaveLength(1);

    const erased = cli('erase', ['--service', 'fass', '--reference', reference, '--reason', 'Synthetic erasure decision IG-0001']);
    expect(erased.stderr).toBe('');
    expect(erased.status).toBe(0);
    expect(JSON.parse(erased.stdout)).toMatchObject({ erased: true, reference, by: 'cli:synthetic-ig-lead' });

    const after = await everything(env.redis.client());
    expect(holding(after, markers)).toEqual([]);
    expect(await env.h.bot.app.store.requests.get('fass', reference)).toBeNull();
    const tombstone = (await env.h.bot.app.store.audit.about('fass', reference)).at(-1)!;
    expect(tombstone).toMatchObject({ actor: 'cli:synthetic-ig-lead', action: 'case.erased', result: 'ok', detail: { reason: 'Synthetic erasure decision IG-0001', status: 'booked', via: 'cli' } });
    expect(holding([JSON.stringify(tombstone)], markers)).toEqual([]);
    // The bot answers for the case as for any unknown reference.
    expect(cardText(await env.h.client.execute(coordinator, 'booking.view', { service: 'fass', reference }))).toContain('Request not found');
    expect(cli('export', ['--service', 'fass', '--reference', reference]).status).toBe(1);
  });

  it('refuses bad usage with status 2 and changes nothing', () => {
    expect(cli('erase', ['--service', 'fass', '--reference', 'FASS-2026-0001']).status).toBe(2);
    expect(cli('export', ['--service', 'fass', '--reference', 'not-a-reference']).status).toBe(2);
    expect(cli('export', ['--service', 'nosuch', '--reference', 'FASS-2026-0001']).status).toBe(2);
  });
});

describe('subject access and erasure from the case card', () => {
  it('gives a coordinator an export link that works once, and refuses anyone else', async () => {
    const { answers, markers } = answersFor('card');
    const reference = await caseThroughTheBot(answers);
    const refused = await env.h.client.execute(referrer, 'case.export', { service: 'fass', reference });
    expect(cardText(refused)).toContain('Not something your role can do');
    const caseCard = await env.h.client.execute(coordinator, 'booking.view', { service: 'fass', reference });
    const ready = await env.h.client.execute(coordinator, 'case.export', findAction(caseCard, 'case.export').data);
    const url = (JSON.stringify(ready).match(/"url":"([^"]+\/export\/[^"]+)"/) ?? [])[1]!;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(((await first.json()) as { request: { answers: Answers } }).request.answers.about?.familyName).toBe(markers[0]);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(url.replace(/[0-9a-f]{8}$/, '00000000'))).status).toBe(404);
    expect((await env.h.bot.app.store.audit.about('fass', reference)).map((a) => [a.actor, a.action])).toEqual(expect.arrayContaining([
      [referrer.id, 'case.export'], [coordinator.id, 'case.export_link'], ['export-link', 'case.export'],
    ]));
  });

  it('erases for a coordinator who gives a reason and types the reference; anyone else is refused', async () => {
    const { answers, markers } = answersFor('cardx');
    const reference = await caseThroughTheBot(answers);
    const caseCard = await env.h.client.execute(coordinator, 'booking.view', { service: 'fass', reference });
    const erase = findAction(caseCard, 'case.erase').data;
    const unconfirmed = await env.h.client.execute(coordinator, 'case.erase', { ...erase, eraseReason: 'Synthetic rectification request', eraseConfirm: 'FASS-2000-0000' });
    expect(cardText(unconfirmed)).toContain(`type ${reference} to confirm`);
    expect(cardText(await env.h.client.execute(referrer, 'case.erase', { ...erase, eraseReason: 'mine', eraseConfirm: reference }))).toContain('Not something your role can do');
    expect(await env.h.bot.app.store.requests.get('fass', reference)).not.toBeNull();
    const done = await env.h.client.execute(coordinator, 'case.erase', { ...erase, eraseReason: 'Synthetic rectification request', eraseConfirm: reference.toLowerCase() });
    expect(cardText(done)).toContain(`Erased ${reference}`);
    expect(holding(await everything(env.redis.client()), markers)).toEqual([]);
    expect((await env.h.bot.app.store.audit.about('fass', reference)).at(-1)).toMatchObject({ actor: coordinator.id, action: 'case.erased', detail: { via: 'card' } });
  });
});

describe('retention', () => {
  it('the daily purge job deletes closed requests past their period, leaving a tombstone without personal data, and comes back the next day', async () => {
    const { answers, markers } = answersFor('purge');
    const reference = await caseThroughTheBot(answers);
    const booked = (await env.h.bot.app.store.requests.get('fass', reference))!;
    await env.h.client.execute(referrer, 'booking.cancel', { service: 'fass', reference, bookingId: booked.booking!.id, reason: 'Synthetic reason to cancel' });
    const { answers: openAnswers, markers: openMarkers } = answersFor('kept');
    const open = await caseThroughTheBot(openAnswers);

    // The bot scheduled the purge at start; 731 days on (past the default 730 for a cancelled request) it is due.
    const later = appOn(env.redis.url);
    try {
      const when = new Date(Date.now() + 731 * 86_400_000);
      later.app.clock = { now: () => when };
      const done = await runDueJobs(later.app, { leaseMs: 60_000, limit: 50 });
      expect(done.map((d) => [d.job.id, d.result])).toContainEqual(['purge:fass', 'purged']);
      const values = await everything(env.redis.client());
      expect(holding(values, markers)).toEqual([]);
      expect(holding(values, openMarkers)).toEqual(openMarkers);
      expect(await env.h.bot.app.store.requests.get('fass', open)).not.toBeNull();
      const tombstone = (await env.h.bot.app.store.audit.about('fass', reference)).at(-1);
      expect(tombstone).toMatchObject({ actor: 'retention', action: 'request.purged', detail: { status: 'cancelled', rule: 'closedRequestDays.cancelled=730' } });
      const next = Number(await env.redis.client().zscore('cb:{fass}:jobs', 'purge:fass'));
      expect(next - when.getTime()).toBeGreaterThan(0);
      expect(next - when.getTime()).toBeLessThanOrEqual(86_400_000 + 3_600_000);
    } finally {
      await later.close();
    }
  });
});
