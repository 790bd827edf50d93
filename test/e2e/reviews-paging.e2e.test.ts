import { appOn, submitMany } from '../support/booking';
import { cardText, findAction } from '../support/bot-client';
import { buildAnswers, OVERRIDE_CONSENT } from '../support/builders';
import { freePort, startRedis, type PrivateRedis } from '../support/redis-server';
import type { AppContext } from '../../src/app/context';
import type { Answers } from '../../src/domain/referral/answers';
import { BotProcess } from './support/bot-process';
import { CARD_TYPE, startPlayground, type PlaygroundClient } from './support/playground-client';
import { headed, submitRequest, type CardAt, type PlaygroundCard } from './support/playground-steps';

jest.setTimeout(180_000);

/**
 * A coordinator's review queue longer than one card can hold, in the Agents Playground: 40 requests wait for
 * a duty clinician (38 made through the use cases on the bot's own Redis, 2 by the referrer in the playground),
 * and the coordinator pages through them all with "Show more", opens one in full, and decides the last.
 */
const referrer = { id: 'sw-rev-e2e', name: 'Synthetic Referrer', aadObjectId: 'aad-sw-rev-e2e' };
const coordinator = { id: 'coord-rev-e2e', name: 'Synthetic Coordinator', aadObjectId: 'aad-coord-rev-e2e' };
const TITLE = 'Requests waiting for duty clinician review';
/** Long enough that the queue shows it shortened, with an Open for the whole. */
const LONG_HELP = `Synthetic description for testing only, long enough to be shortened in the queue. ${'Synthetic detail for testing only. '.repeat(14)}END-OF-SYNTHETIC-HELP`;

/** A safeguarding override, which always goes to a duty clinician. */
const forReview = (urgency: 'routine' | 'urgent', helpWith = buildAnswers().details.helpWith): Required<Answers> => {
  const answers = buildAnswers({ consent: OVERRIDE_CONSENT });
  return { ...answers, details: { ...answers.details, urgency, helpWith } };
};

let redis: PrivateRedis;
let bot: BotProcess;
let direct: { app: AppContext; close(): Promise<void> };
let referrerPg: PlaygroundClient;
let coordinatorPg: PlaygroundClient;

beforeAll(async () => {
  redis = await startRedis();
  bot = new BotProcess({
    REDIS_URL: redis.url, LOG_LEVEL: 'info', ROSTER: `${coordinator.aadObjectId}:coordinator`, JOB_POLL_MS: '200', OUTBOX_BLOCK_MS: '100',
  }, await freePort());
  await bot.start();
  direct = appOn(redis.url);
  [referrerPg, coordinatorPg] = await Promise.all([
    startPlayground({ botEndpoint: bot.endpoint, setup: { currentUser: referrer, otherUsers: [coordinator] } }),
    startPlayground({ botEndpoint: bot.endpoint, setup: { currentUser: coordinator, otherUsers: [referrer] } }),
  ]);
});
afterAll(async () => {
  await Promise.all([referrerPg?.stop(), coordinatorPg?.stop()]);
  await direct?.close();
  await bot?.stop();
  await redis?.stop();
});

/** The references a page of the queue lists, in order. */
const referencesOn = (card: unknown) => [...JSON.stringify(card).matchAll(/\*\*(FASS-\d{4}-\d{4,})\*\* · sent/g)].map((m) => m[1]!);

/** Clicks the button with this verb and title; returns the card it becomes. */
async function press(client: PlaygroundClient, at: CardAt, card: unknown, verb: string, title: string, extra: Record<string, unknown> = {}): Promise<PlaygroundCard> {
  const res = await client.invoke(at.conversationId, at.messageId, verb, { ...findAction(card, verb, title).data, ...extra });
  expect(res.type).toBe(CARD_TYPE);
  return res.value as PlaygroundCard;
}

const hasButton = (card: unknown, title: string) => JSON.stringify(card).includes(`"title":"${title}"`);

describe('a review queue longer than a card, in the Agents Playground', () => {
  const made: { seeded: string[]; urgent?: string; newest?: string } = { seeded: [] };

  it('40 requests wait for a duty clinician: 38 made through the use cases, then an urgent one and the newest by the referrer', async () => {
    // The clinicians' team channel, so that each "waiting for review" note has somewhere to go.
    await coordinatorPg.install(coordinatorPg.ids.channel);
    made.seeded = await submitMany(direct.app, { id: referrer.aadObjectId, name: referrer.name }, 38, (i) => forReview('routine', i % 10 === 0 ? LONG_HELP : undefined));
    const urgent = await submitRequest(referrerPg, forReview('urgent'));
    const newest = await submitRequest(referrerPg, forReview('routine'));
    expect(cardText(urgent.card)).toContain('A duty clinician will review this request');
    made.urgent = urgent.reference;
    made.newest = newest.reference;
  });

  it('pages through them all, urgent first then the oldest, opens one in full and decides the last', async () => {
    await coordinatorPg.sendText(coordinatorPg.ids.personal, 'reviews');
    const shown = await coordinatorPg.waitFor(headed(TITLE, coordinatorPg.ids.personal));
    const at = { conversationId: coordinatorPg.ids.personal, messageId: shown.messageId! };
    let card: PlaygroundCard = shown.card!;
    expect(cardText(card)).toContain('40 waiting, 1 of them urgent.');
    expect(cardText(card)).toContain('Showing 1 to 8 of 40: urgent first, then the oldest.');

    // A long description is shortened in the queue; Open shows it whole, and Back returns to the same page.
    const long = made.seeded[0]!;
    expect(cardText(card)).not.toContain('END-OF-SYNTHETIC-HELP');
    const opened = await press(coordinatorPg, at, card, 'review.open', `Open ${long} in full`);
    expect(referencesOn(opened)).toEqual([long]);
    expect(cardText(opened)).toContain('END-OF-SYNTHETIC-HELP');
    card = await press(coordinatorPg, at, opened, 'reviews.show', 'Back to the list');
    expect(cardText(card)).toContain('Showing 1 to 8 of 40');

    const pages: string[][] = [];
    for (let guard = 0; guard < 10; guard += 1) {
      pages.push(referencesOn(card));
      if (!hasButton(card, 'Show more')) break;
      card = await press(coordinatorPg, at, card, 'reviews.show', 'Show more');
    }
    expect(pages.map((p) => p.length)).toEqual([8, 8, 8, 8, 8]);
    expect(pages.flat()).toEqual([made.urgent, ...made.seeded, made.newest]);
    expect(cardText(card)).toContain('Showing 33 to 40 of 40');
    expect(hasButton(card, 'Back to the start')).toBe(true);

    const approve = findAction(card, 'review.decide', `Approve ${made.newest} for booking`);
    card = await press(coordinatorPg, at, card, 'review.decide', `Approve ${made.newest} for booking`, { [String(approve.data.reasonField)]: 'Synthetic reason: fits the service after review' });
    expect(cardText(card)).toContain(`${made.newest}: approved for booking. The referrer has been told.`);
    // The same page, without the one decided.
    expect(cardText(card)).toContain('Showing 33 to 39 of 39');
    expect(referencesOn(card)).toEqual(pages[4]!.slice(0, 7));
    await expect(direct.app.store.requests.get('fass', made.newest!)).resolves.toMatchObject({ status: 'awaiting_booking' });
  });

  it('tells the referrer in their personal chat, with the times to choose from', async () => {
    const told = await referrerPg.waitFor((e) => e.kind === 'create' && e.conversationId === referrerPg.ids.personal
      && cardText(e.card).includes('A duty clinician approved your request: choose consultation times'), 20_000);
    expect(cardText(told.card)).toContain(`Request ${made.newest}`);
  });
});
