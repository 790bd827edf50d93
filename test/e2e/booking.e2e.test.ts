import { offeredStarts } from '../support/booking';
import { cardText, findAction } from '../support/bot-client';
import { buildAnswers, FASS_STEPS, SYNTHETIC } from '../support/builders';
import { asCardInputs } from '../support/journey';
import { freePort, startRedis, type PrivateRedis } from '../support/redis-server';
import { BotProcess } from './support/bot-process';
import { publishEveryDay, startFassRequest } from './support/playground-steps';
import { CARD_TYPE, startPlayground, type BotEvent, type PlaygroundClient } from './support/playground-client';

jest.setTimeout(60_000);

const referrer = { id: 'sw-book-e2e', name: 'Synthetic Referrer', aadObjectId: 'aad-sw-book-e2e' };
const clinician = { id: 'clin-e2e', name: 'Synthetic Clinician', aadObjectId: 'aad-clin-e2e' };
const REFERENCE = /FASS-\d{4}-\d{4,}/;

let redis: PrivateRedis;
let bot: BotProcess;
/** The referrer's playground: their personal chat, and the team whose channel becomes the triage channel. */
let pg: PlaygroundClient;
/** The clinician's own playground: the only way to give them a personal chat the bot can write to. */
let clinicianPg: PlaygroundClient;

beforeAll(async () => {
  redis = await startRedis();
  bot = new BotProcess({ REDIS_URL: redis.url, LOG_LEVEL: 'info', ROSTER: `${clinician.aadObjectId}:clinician`, JOB_POLL_MS: '200', TRIAGE_TEAM_IDS: 'team-e2e' }, await freePort());
  await bot.start();
  [pg, clinicianPg] = await Promise.all([
    startPlayground({ botEndpoint: bot.endpoint, setup: { currentUser: referrer, otherUsers: [clinician] } }),
    startPlayground({ botEndpoint: bot.endpoint, setup: { currentUser: clinician, otherUsers: [referrer] } }),
  ]);
});
afterAll(async () => {
  await Promise.all([pg?.stop(), clinicianPg?.stop()]);
  await bot?.stop();
  await redis?.stop();
});

/** Clicks an Action.Execute on a card message as `as` (default the playground's own user); returns the card it becomes. */
async function click(client: PlaygroundClient, at: { conversationId: string; messageId: string }, card: unknown, verb: string,
  extra: Record<string, unknown> = {}, as?: string): Promise<Record<string, unknown>> {
  const res = await client.invoke(at.conversationId, at.messageId, verb, { ...findAction(card, verb).data, ...extra }, as);
  expect(res.type).toBe(CARD_TYPE);
  return res.value as Record<string, unknown>;
}

const cardSaying = (text: string, conversationId?: string) => (e: BotEvent) =>
  e.card !== undefined && cardText(e.card).includes(text) && (conversationId === undefined || e.conversationId === conversationId);
const hasAction = (card: unknown, verb: string) => JSON.stringify(card).includes(`"verb":"${verb}"`);
/** The first line of a card, as a person would read it first. */
const headline = (e: BotEvent) => (e.card?.body as { text?: string }[] | undefined)?.[0]?.text;
const headed = (text: string, conversationId: string) => (e: BotEvent) => e.kind === 'create' && e.conversationId === conversationId && headline(e) === text;
const inThreadOf = (channelId: string) => (e: BotEvent) => e.conversationId.startsWith(`${channelId};messageid=`);

/** Everyone in the team reads the triage channel: nothing that identifies the family may appear there. */
function expectNoFamilyDetails(shown: unknown): void {
  const text = typeof shown === 'string' ? shown : JSON.stringify(shown);
  const freeText = [SYNTHETIC.helpWith, SYNTHETIC.justification].map((t) => t.split(':')[0]!); // the distinctive MARKER-… prefixes
  for (const marker of [SYNTHETIC.familyName, SYNTHETIC.caseNumber, SYNTHETIC.youngestChildDob, ...freeText]) {
    expect(text).not.toContain(marker);
  }
}

/** What the story shares between its steps. */
const story: { reference?: string; starts?: string[]; triage?: BotEvent } = {};

describe('booking a consultation through the Agents Playground', () => {
  it('a clinician publishes availability from their own personal chat', async () => {
    const card = await publishEveryDay(clinicianPg);
    expect(cardText(card)).toContain('Sundays 09:00 to 17:00');
    expect(cardText(card)).toContain('Mondays 09:00 to 17:00');
  });

  it('installing the app in a team channel makes it the triage channel', async () => {
    await pg.install(pg.ids.channel);
    const notice = await pg.waitFor((e) => e.kind === 'create' && cardSaying('Triage channel')(e));
    expect(inThreadOf(pg.ids.channel)(notice)).toBe(true);
  });

  it('the referrer picks times and the triage channel gets a post with no family details', async () => {
    const started = await startFassRequest(pg);
    const at = { conversationId: started.conversationId, messageId: started.messageId };
    let card = started.card;
    expect(cardText(card)).toContain('Step 1 of 6');
    const answers = buildAnswers();
    for (const step of FASS_STEPS) card = await click(pg, at, card, 'draft.save', asCardInputs(answers[step]));
    card = await click(pg, at, card, 'request.submit');
    story.reference = REFERENCE.exec(cardText(card))?.[0];
    expect(story.reference).toBeDefined();

    card = await click(pg, at, card, 'booking.times');
    expect(cardText(card)).toContain(`Request ${story.reference}`);
    expect(cardText(card)).toContain('Choose consultation times');
    story.starts = offeredStarts(card).slice(0, 2);
    expect(story.starts).toHaveLength(2);
    card = await click(pg, at, card, 'booking.offer', { times: story.starts.join(',') });
    expect(cardText(card)).toContain('Sent to the clinicians');

    story.triage = await pg.waitFor((e) => e.kind === 'create' && inThreadOf(pg.ids.channel)(e) && cardSaying(story.reference!)(e));
    expect(cardText(story.triage.card)).toContain('awaiting acceptance');
    for (const start of story.starts) expect(JSON.stringify(story.triage.card)).toContain(`"start":"${start}"`);
    expectNoFamilyDetails(story.triage.raw);
  });

  it('a clinician accepts in the channel: the triage card shows it and both get confirmations', async () => {
    const { triage, reference, starts } = story;
    const accept = findAction(triage!.card, 'booking.accept');
    expect(accept.data.start).toBe(starts![0]);
    const when = accept.title.replace(/^Accept /, '');
    const thread = { conversationId: triage!.conversationId, messageId: triage!.messageId! };
    const answered = await click(pg, thread, triage!.card, 'booking.accept', {}, clinician.id);
    expect(cardText(answered)).toContain(`Accepted by ${clinician.name} for ${when}`);
    expectNoFamilyDetails(answered);

    // The bot updates the channel post it started, so the playground reports the bare channel id, not the thread's.
    const updated = await pg.waitFor((e) => e.kind === 'update' && e.messageId === triage!.messageId);
    expect(updated.conversationId.split(';')[0]).toBe(pg.ids.channel);
    expect(cardText(updated.card)).toContain(`Consultation request ${reference}`);
    expect(cardText(updated.card)).toContain(`Accepted by ${clinician.name} for ${when}`);
    expect(hasAction(updated.card, 'booking.accept')).toBe(false);
    expectNoFamilyDetails(updated.raw);

    const booked = await pg.waitFor(headed('Consultation booked', pg.ids.personal));
    expect(cardText(booked.card)).toContain(`Request ${reference}`);
    expect(cardText(booked.card)).toContain(when);
    expect(cardText(booked.card)).toContain(clinician.name);
    const mine = await clinicianPg.waitFor(headed('You accepted this consultation', clinicianPg.ids.personal));
    expect(cardText(mine.card)).toContain(`Request ${reference}`);
    expect(cardText(mine.card)).toContain(when);
    // Each confirmation reached only its own person: the clinician's playground never saw the referrer's, nor the other way round.
    expect(clinicianPg.events.filter((e) => headline(e) === 'Consultation booked')).toHaveLength(0);
    expect(pg.events.filter((e) => headline(e) === 'You accepted this consultation')).toHaveLength(0);
  });
});
