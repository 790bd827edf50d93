import { cardText, findAction } from '../support/bot-client';
import { buildAnswers, FASS_STEPS, SYNTHETIC } from '../support/builders';
import { asCardInputs } from '../support/journey';
import { freePort, startRedis, type PrivateRedis } from '../support/redis-server';
import { BotProcess } from './support/bot-process';
import { CARD_TYPE, startPlayground, type PlaygroundClient } from './support/playground-client';
import { startFassRequest } from './support/playground-steps';

jest.setTimeout(60_000);

const socialWorker = { id: 'sw-e2e', name: 'Synthetic Referrer', aadObjectId: 'aad-sw-e2e' };
const colleague = { id: 'other-e2e', name: 'Synthetic Colleague', aadObjectId: 'aad-other-e2e' };
let redis: PrivateRedis;
let bot: BotProcess;
let pg: PlaygroundClient;

beforeAll(async () => {
  redis = await startRedis();
  bot = new BotProcess({ REDIS_URL: redis.url, LOG_LEVEL: 'info' }, await freePort());
  await bot.start();
  pg = await startPlayground({ botEndpoint: bot.endpoint, setup: { currentUser: socialWorker, otherUsers: [colleague] } });
});
afterAll(async () => {
  await pg?.stop();
  await bot?.stop();
  await redis?.stop();
});

/** Clicks an Action.Execute on a card message in the personal chat, as the playground's user; returns the new card. */
async function click(messageId: string, card: unknown, verb: string, extra: Record<string, unknown> = {}, title?: string) {
  const action = findAction(card, verb, title);
  const res = await pg.invoke(pg.ids.personal, messageId, verb, { ...action.data, ...extra });
  expect(res.type).toBe(CARD_TYPE);
  return res.value as Record<string, unknown>;
}

async function startJourney(): Promise<{ messageId: string; card: Record<string, unknown> }> {
  const { messageId, card } = await startFassRequest(pg);
  return { messageId, card };
}

describe('the request journey through the Agents Playground', () => {
  it('welcomes on install, then takes the social worker through every card to a reference', async () => {
    await pg.install(pg.ids.personal);
    const welcome = await pg.waitFor((e) => e.kind === 'create' && cardText(e.card).includes('Specialist consultation requests'));
    const { messageId } = welcome;
    let card = await click(messageId!, welcome.card, 'request.start');
    expect(cardText(card)).toContain('Step 1 of 6: About you and the family');
    const answers = buildAnswers();
    for (const step of FASS_STEPS) card = await click(messageId!, card, 'draft.save', asCardInputs(answers[step]));
    expect(cardText(card)).toContain('If you send it now: This request fits the service');
    card = await click(messageId!, card, 'request.submit');
    const reference = /FASS-\d{4}-\d{4}/.exec(cardText(card))?.[0];
    expect(reference).toBeDefined();
    expect(cardText(card)).toContain('This request fits the service');

    await pg.sendText(pg.ids.personal, 'my requests');
    const mine = await pg.waitFor((e) => e.kind === 'create' && e.card !== undefined);
    expect(cardText(mine.card)).toContain(reference!);
  });

  it('resumes the draft from Redis after the bot process is killed mid-journey', async () => {
    const started = await startJourney();
    const { messageId } = started;
    let { card } = started;
    if (cardText(card).includes('You have a request in progress')) card = await click(messageId, card, 'request.start', {}, 'Start again');
    card = await click(messageId, card, 'draft.save', asCardInputs(buildAnswers().about));
    card = await click(messageId, card, 'draft.save', asCardInputs(buildAnswers().exclusions));
    expect(cardText(card)).toContain('Step 3 of 6');
    await bot.stop('SIGKILL');
    await bot.start();
    await pg.sendText(pg.ids.personal, 'resume');
    const resumed = await pg.waitFor((e) => e.kind === 'create' && e.card !== undefined);
    expect(cardText(resumed.card)).toContain('Step 3 of 6: Concerns');
    card = resumed.card!;
    for (const step of ['concerns', 'consent', 'details'] as const) card = await click(resumed.messageId!, card, 'draft.save', asCardInputs(buildAnswers()[step]));
    const submit = findAction(card, 'request.submit').data;
    const [a, b] = await Promise.all([
      pg.invoke(pg.ids.personal, resumed.messageId!, 'request.submit', submit),
      pg.invoke(pg.ids.personal, resumed.messageId!, 'request.submit', submit),
    ]);
    const refs = [a, b].map((r) => /FASS-\d{4}-\d{4}/.exec(cardText(r.value))?.[0]);
    expect(refs[0]).toBeDefined();
    expect(refs[1]).toBe(refs[0]);
  });

  it('stops gracefully on SIGTERM and comes back with everything saved', async () => {
    await bot.stop('SIGTERM');
    expect(bot.output).toContain('"evt":"stopped","unfinished":0');
    await bot.start();
    await pg.sendText(pg.ids.personal, 'my requests');
    const mine = await pg.waitFor((e) => e.kind === 'create' && e.card !== undefined);
    expect(new Set(cardText(mine.card).match(/FASS-\d{4}-\d{4}/g)).size).toBe(2);
  });

  it('keeps names and free text out of the bot logs', () => {
    expect(bot.output).toContain('"evt":"action"');
    for (const secret of [SYNTHETIC.familyName, SYNTHETIC.caseNumber, SYNTHETIC.helpWith.slice(0, 20), SYNTHETIC.youngestChildDob, socialWorker.name]) {
      expect(bot.output).not.toContain(secret);
    }
  });
});
