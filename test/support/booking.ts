import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { loadCatalogues } from '../../src/adapters/catalogue/load-catalogues';
import { createRedisStore } from '../../src/adapters/redis/redis-store';
import type { Card } from '../../src/adapters/teams/cards/templates';
import { changeAvailability } from '../../src/app/booking/set-availability';
import type { AppContext } from '../../src/app/context';
import type { Answers } from '../../src/domain/referral/answers';
import { saveStep } from '../../src/app/save-step';
import { startRequest } from '../../src/app/start-request';
import { submitRequest } from '../../src/app/submit-request';
import { cardText, findAction, type BotClient, type TestUser } from './bot-client';
import type { ConnectorCall } from './connector-stub';
import { buildAnswers, FASS_STEPS } from './builders';
import { fillJourney } from './journey';

/** Synthetic people: ids as Teams' aadObjectId. The roster env gives the first three their roles. */
export const PEOPLE = {
  referrer: { id: 'aad-sw-b1', name: 'Synthetic Referrer' },
  clinicianA: { id: 'aad-clin-a', name: 'Synthetic Clinician A' },
  clinicianB: { id: 'aad-clin-b', name: 'Synthetic Clinician B' },
  coordinator: { id: 'aad-coord', name: 'Synthetic Coordinator' },
} satisfies Record<string, TestUser>;
export const ROSTER = 'aad-clin-a:clinician,aad-clin-b:clinician,aad-coord:coordinator+clinician';

/** A clinician publishes every day 09:00-17:00 (UK time) from their availability card. */
export async function publishEveryDay(client: BotClient, clinician: TestUser): Promise<Card> {
  let card = (await client.say(clinician, 'my availability'))[0]!;
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    const add = findAction(card, 'availability.change', 'Add weekly window');
    card = await client.execute(clinician, 'availability.change', { ...add.data, weekday: String(weekday), weeklyStart: '09:00', weeklyEnd: '17:00' });
  }
  return card;
}

/**
 * Moves one session of a request's episode into the past (it started two hours ago), as if its time had come, so
 * that its attendance can be recorded; the rest of the series stays where it is.
 */
export async function sessionHappened(app: AppContext, service: string, reference: string, sessionId: string): Promise<void> {
  const request = (await app.store.requests.get(service, reference))!;
  const start = new Date(Date.now() - 2 * 3_600_000).toISOString();
  const end = new Date(Date.now() - 3_600_000).toISOString();
  const sessions = request.episode!.sessions.map((s) => (s.id === sessionId ? { ...s, start, end } : s));
  await app.store.requests.update({ ...request, episode: { ...request.episode!, sessions }, version: request.version + 1 },
    { at: new Date().toISOString(), actor: 'test-clock', action: 'test.time_passes', subject: reference, result: 'ok' });
}

/** A referrer submits an eligible request; returns its reference and the outcome card. */
export async function submitEligible(client: BotClient, referrer: TestUser): Promise<{ reference: string; outcome: Card }> {
  const review = await fillJourney(client, referrer, buildAnswers());
  const outcome = await client.execute(referrer, 'request.submit', findAction(review, 'request.submit').data);
  return { reference: /FASS-\d{4}-\d{4,}/.exec(cardText(outcome))![0], outcome };
}

/** The time choices on a times card, as ISO instants. */
export function offeredStarts(card: Card): string[] {
  const json = JSON.stringify(card);
  return [...json.matchAll(/"value":"(\d{4}-\d{2}-\d{2}T[^"]+Z)"/g)].map((m) => m[1]!);
}

/** Cards the bot sent (not in reply to a turn) to a conversation, in order. */
export function sentTo(calls: readonly ConnectorCall[], conversationId: string, method = 'POST'): Card[] {
  const path = `/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
  return calls.filter((c) => c.method === method && c.path.startsWith(path))
    .flatMap((c) => ((c.body.attachments as { content: Card }[] | undefined) ?? []).map((a) => a.content));
}

/**
 * What the bot sent unprompted (its notifier): updates in place, and new messages that answer none of the
 * activities the test client sent (those carry the client's `act-N` ids; a proactive send replies to the
 * continuation activity botbuilder makes up). Replies to what a person typed are left out.
 */
export const unpromptedSends = (calls: readonly ConnectorCall[]): ConnectorCall[] =>
  calls.filter((c) => c.method === 'PUT' || (c.method === 'POST' && !/\/activities\/act-\d+$/.test(c.path)));

/** An app context on a Redis the bots under test also use, for setting up and inspecting state from the test. */
export function appOn(redisUrl: string): { app: AppContext; close(): Promise<void> } {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined); // drills kill the server on purpose; commands still fail loudly
  const store = createRedisStore(redis, { draftTtlMs: 86_400_000 });
  const app: AppContext = {
    store, clock: { now: () => new Date() }, ids: { next: () => randomUUID() }, catalogues: loadCatalogues(),
    meetingUrl: (_ref, id) => `https://meet.example.org/${id}`,
  };
  return { app, close: () => store.close() };
}

/** Submits `count` eligible synthetic requests for the referrer through the real use cases; returns their references. */
export const submitManyEligible = (app: AppContext, referrer: TestUser, count: number): Promise<string[]> =>
  submitMany(app, referrer, count, () => buildAnswers());

/** Submits `count` synthetic requests with the answers `answersFor(i)` gives, through the real use cases; returns their references. */
export async function submitMany(app: AppContext, referrer: TestUser, count: number, answersFor: (i: number) => Required<Answers>): Promise<string[]> {
  const refs: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const answers = answersFor(i);
    let { draft } = await startRequest(app, referrer, 'fass', true);
    for (const step of FASS_STEPS) ({ draft } = await saveStep(app, referrer, { service: 'fass', draftId: draft.id, step, version: draft.version, values: answers[step] }));
    refs.push((await submitRequest(app, referrer, { service: 'fass', draftId: draft.id })).request.reference);
  }
  return refs;
}

/** Publishes every day 09:00-17:00 for a clinician through the use case. */
export async function publishEveryDayDirect(app: AppContext, clinicianId: string): Promise<void> {
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    await changeAvailability(app, { id: clinicianId }, { service: 'fass', version: weekday - 1, change: { change: 'add_weekly', weekday, start: '09:00', end: '17:00' } });
  }
}

/**
 * Moves a booked consultation into the past, as if its time had come and gone, so that the clinician can
 * record its outcome (the service refuses to before the start).
 */
export async function consultationHappened(app: AppContext, reference: string, service = 'fass'): Promise<void> {
  const request = (await app.store.requests.get(service, reference))!;
  const start = new Date(Date.now() - 2 * 3_600_000).toISOString();
  const end = new Date(Date.now() - 3_600_000).toISOString();
  await app.store.requests.update({ ...request, booking: { ...request.booking!, start, end }, version: request.version + 1 },
    { at: new Date().toISOString(), actor: 'test-clock', action: 'test.time_passes', subject: reference, result: 'ok' });
}

/** Plain-text messages the bot sent to a conversation (network thread entries), in order. */
export function textsTo(calls: readonly ConnectorCall[], conversationId: string): string[] {
  const path = `/v3/conversations/${encodeURIComponent(conversationId)}`;
  return calls.filter((c) => c.method === 'POST' && c.path.startsWith(path) && typeof c.body.text === 'string').map((c) => c.body.text as string);
}
