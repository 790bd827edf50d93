import { offeredStarts } from '../support/booking';
import { cardText, findAction } from '../support/bot-client';
import { buildAnswers, SYNTHETIC } from '../support/builders';
import { catalogueDirWith } from '../support/catalogues';
import { asCardInputs } from '../support/journey';
import { freePort, startRedis, type PrivateRedis } from '../support/redis-server';
import { BotProcess } from './support/bot-process';
import { startPlayground, type BotEvent, type PlaygroundClient } from './support/playground-client';
import { click, headed, headline, publishEveryDay, type CardAt, type PlaygroundCard } from './support/playground-steps';

jest.setTimeout(90_000);

/**
 * A made-up third service (test/fixtures/catalogues/eras.json: other rules, roles, wording, reference prefix
 * and local authorities) placed in CATALOGUE_DIR beside fass.json, with no code of its own, used end to end
 * in the Agents Playground; FASS keeps working beside it.
 */
const referrer = { id: 'hv-svc-e2e', name: 'Synthetic Health Visitor', aadObjectId: 'aad-hv-svc-e2e' };
const erasClinician = { id: 'clin-eras-e2e', name: 'Synthetic ERAS Clinician', aadObjectId: 'aad-clin-eras-e2e' };
const BOT = { id: 'bot-svc-e2e', name: 'Consultations' };
const ERAS = 'Early Relationships Advice Service (ERAS, a made-up service for tests)';
const FASS = 'Family Assessment Safeguarding Service (FASS)';

let redis: PrivateRedis;
let bot: BotProcess;
let pg: PlaygroundClient;
let clinicianPg: PlaygroundClient;

beforeAll(async () => {
  redis = await startRedis();
  bot = new BotProcess({
    REDIS_URL: redis.url, LOG_LEVEL: 'info', CATALOGUE_DIR: catalogueDirWith('eras'), ROSTER: `eras/${erasClinician.aadObjectId}:clinician`,
    JOB_POLL_MS: '200', TRIAGE_TEAM_IDS: 'team-e2e', OUTBOX_BLOCK_MS: '100',
  }, await freePort());
  await bot.start();
  [pg, clinicianPg] = await Promise.all([
    startPlayground({ botEndpoint: bot.endpoint, setup: { bot: BOT, currentUser: referrer, otherUsers: [erasClinician] } }),
    startPlayground({ botEndpoint: bot.endpoint, setup: { bot: BOT, currentUser: erasClinician, otherUsers: [referrer] } }),
  ]);
});
afterAll(async () => {
  await Promise.all([pg?.stop(), clinicianPg?.stop()]);
  await bot?.stop();
  await redis?.stop();
});

const inChannel = (e: BotEvent) => e.conversationId.split(';')[0] === pg.ids.channel;
const ERAS_ANSWERS = [
  { referrerRole: 'health_visitor', referrerTeam: 'Synthetic Health Visiting Team', familyName: SYNTHETIC.familyName, caseNumber: SYNTHETIC.caseNumber,
    youngestChildDob: '2025-06-01', localAuthority: 'swindon' },
  { concerns: 'bonding,settling' },
  { consentStatus: 'obtained', consentFrom: 'mother' },
  { helpWith: SYNTHETIC.helpWith, legalStatuses: 'early_help', urgency: 'routine' },
];

/** Answers each step card with the inputs given, in order; returns the card after the last. */
async function answer(at: CardAt, card: PlaygroundCard, steps: readonly object[]): Promise<PlaygroundCard> {
  for (const values of steps) card = await click(pg, at, card, 'draft.save', asCardInputs(values));
  return card;
}

const story: { welcome?: BotEvent; reference?: string; at?: CardAt; outcome?: PlaygroundCard } = {};

describe('a third service from its catalogue alone, beside FASS, in the Agents Playground', () => {
  it('its clinician publishes availability for it (the only service they work for)', async () => {
    const card = await publishEveryDay(clinicianPg);
    expect(cardText(card)).toContain(ERAS);
    await pg.install(pg.ids.channel);
    const notice = await pg.waitFor((e) => e.kind === 'create' && inChannel(e) && headline(e) === 'Triage channel');
    expect(cardText(notice.card)).toContain(`Requests for: the ${ERAS} and the ${FASS}`);
  });

  it('is chosen on the welcome card, asks its own questions and is screened by its own rules', async () => {
    await pg.sendText(pg.ids.personal, 'hi');
    story.welcome = await pg.waitFor(headed('Specialist consultation requests', pg.ids.personal));
    const welcome = story.welcome.card!;
    expect(findAction(welcome, 'request.start', `Request: ${ERAS}`).data).toEqual({ service: 'eras' });
    expect(findAction(welcome, 'request.start', `Request: ${FASS}`).data).toEqual({ service: 'fass' });
    const at = { conversationId: pg.ids.personal, messageId: story.welcome.messageId! };
    const res = await pg.invoke(at.conversationId, at.messageId, 'request.start', { service: 'eras' });
    let card = res.value as PlaygroundCard;
    expect(cardText(card)).toContain('ERAS consultation request');
    expect(cardText(card)).toContain('Step 1 of 5');
    expect(JSON.stringify(card)).not.toContain('"id":"openToChildrensSocialCare"');
    expect(cardText(card)).toContain('Swindon Borough Council');
    expect(cardText(card)).toContain("The family's health visitor");
    card = await answer(at, card, ERAS_ANSWERS);
    expect(cardText(card)).toContain('If you send it now: This request fits the service');
    card = await click(pg, at, card, 'request.submit');
    story.reference = /ERAS-\d{4}-\d{4,}/.exec(cardText(card))?.[0];
    expect(story.reference).toBeDefined();
    expect(cardText(card)).toContain('The parent finds it hard to feel close to the baby.');
    expect(cardText(card)).toContain('Criteria version eras-test-1');
    story.at = at;
    story.outcome = card;
  });

  it('books its own clinician\'s time through the triage channel', async () => {
    const { reference, at } = story;
    let card = await click(pg, at!, story.outcome!, 'booking.times');
    expect(cardText(card)).toContain('Pick up to 2 times that suit you. Each is a 30-minute consultation');
    card = await click(pg, at!, card, 'booking.offer', { times: offeredStarts(card)[0] });
    expect(cardText(card)).toContain('Sent to the clinicians');
    const triage = await pg.waitFor((e) => e.kind === 'create' && inChannel(e) && cardText(e.card).includes(`Consultation request ${reference}`));
    expect(JSON.stringify(triage.raw)).not.toContain(SYNTHETIC.familyName);
    await click(pg, { conversationId: triage.conversationId, messageId: triage.messageId! }, triage.card, 'booking.accept', {}, erasClinician.id);
    const booked = await pg.waitFor(headed('Consultation booked', pg.ids.personal));
    expect(cardText(booked.card)).toContain(`Request ${reference}`);
    expect(cardText(booked.card)).toContain(erasClinician.name);
    const mine = await clinicianPg.waitFor(headed('You accepted this consultation', clinicianPg.ids.personal));
    expect(cardText(mine.card)).toContain(SYNTHETIC.familyName); // the clinician who accepted sees the detail, in personal chat
  });

  it('its case card reaches the network chat it is linked to, by its reference alone', async () => {
    const { reference } = story;
    await pg.install(pg.ids.group);
    await pg.waitFor(headed('This conversation and its cases', pg.ids.group));
    await pg.sendText(pg.ids.group, `link ${reference}`);
    await pg.waitFor(headed(`Linked ${reference}`, pg.ids.group));
    const card = await pg.waitFor(headed(`Case ${reference}`, pg.ids.group));
    expect(cardText(card.card)).toContain(ERAS);
    expect(cardText(card.card)).toContain('Consultation booked');
    const line = await pg.waitFor((e) => e.kind === 'create' && e.conversationId === pg.ids.group && (e.text ?? '').startsWith(`${reference}: `));
    expect(line.text).toContain('This conversation now follows the case');
    for (const e of pg.events.filter((x) => x.conversationId === pg.ids.group)) expect(JSON.stringify(e.raw)).not.toContain(SYNTHETIC.familyName);
  });

  it('FASS keeps working beside it: typed, the request asks which service, and FASS screens by its own rules', async () => {
    await pg.sendText(pg.ids.personal, 'request consultation');
    const choose = await pg.waitFor(headed('Which service?', pg.ids.personal));
    const at = { conversationId: pg.ids.personal, messageId: choose.messageId! };
    let card = (await pg.invoke(at.conversationId, at.messageId, 'request.start', findAction(choose.card, 'request.start', FASS).data)).value as PlaygroundCard;
    expect(cardText(card)).toContain('Step 1 of 6');
    const answers = buildAnswers();
    card = await answer(at, card, [answers.about, answers.exclusions, answers.concerns, answers.consent, answers.details]);
    card = await click(pg, at, card, 'request.submit');
    expect(cardText(card)).toMatch(/FASS-\d{4}-\d{4,}/);
    expect(cardText(card)).toContain('This request fits the service');
    expect(cardText(card)).toContain('Criteria version fass-2026.2');
  });
});
