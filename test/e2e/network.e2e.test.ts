import { appOn, consultationHappened, offeredStarts } from '../support/booking';
import { cardText, findAction } from '../support/bot-client';
import { SYNTHETIC } from '../support/builders';
import { freePort, startRedis, type PrivateRedis } from '../support/redis-server';
import { BotProcess } from './support/bot-process';
import { startPlayground, type BotEvent, type PlaygroundClient } from './support/playground-client';
import { click, firstLine, headed, headline, publishEveryDay, submitEligibleRequest, type CardAt, type PlaygroundCard } from './support/playground-steps';

jest.setTimeout(60_000);

const referrer = { id: 'sw-net-e2e', name: 'Synthetic Referrer', aadObjectId: 'aad-sw-net-e2e' };
const clinician = { id: 'clin-net-e2e', name: 'Synthetic Clinician', aadObjectId: 'aad-clin-net-e2e' };
/** A professional in the family's network who is neither the referrer nor the clinician. */
const gp = { id: 'gp-net-e2e', name: 'Synthetic GP', aadObjectId: 'aad-gp-net-e2e' };
/** The manifest's short name, so that "@Consultations link …" reads as the help card tells people to type it. */
const BOT = { id: 'bot-net-e2e', name: 'Consultations' };
const NOTES = 'MARKER-NOTES-3c9e: synthetic clinical notes for the referrer only';

let redis: PrivateRedis;
let bot: BotProcess;
/** The referrer's playground: their personal chat, the group chat, and the team (the extra channel is triage, General a network channel). */
let pg: PlaygroundClient;
/** The clinician's own playground: the only way to give them a personal chat the bot can write to. */
let clinicianPg: PlaygroundClient;
let store: ReturnType<typeof appOn>;

beforeAll(async () => {
  redis = await startRedis();
  bot = new BotProcess({ REDIS_URL: redis.url, LOG_LEVEL: 'info', ROSTER: `${clinician.aadObjectId}:clinician`, JOB_POLL_MS: '200', TRIAGE_TEAM_IDS: 'team-e2e', OUTBOX_BLOCK_MS: '100' }, await freePort());
  await bot.start();
  [pg, clinicianPg] = await Promise.all([
    startPlayground({ botEndpoint: bot.endpoint, setup: { bot: BOT, currentUser: referrer, otherUsers: [clinician, gp] } }),
    startPlayground({ botEndpoint: bot.endpoint, setup: { bot: BOT, currentUser: clinician, otherUsers: [referrer] } }),
  ]);
  store = appOn(redis.url);
});
afterAll(async () => {
  await Promise.all([pg?.stop(), clinicianPg?.stop(), store?.close()]);
  await bot?.stop();
  await redis?.stop();
});

/** Where the family's network follows the case: the group chat (plain messages) and General (a post with replies in its thread). */
const inGroup = (e: BotEvent) => e.conversationId === pg.ids.group;
const inGeneral = (e: BotEvent) => e.conversationId.split(';')[0] === pg.ids.general;
const inThreadOf = (channelId: string, rootId: string) => (e: BotEvent) => e.conversationId === `${channelId};messageid=${rootId}`;
const line = (where: (e: BotEvent) => boolean, starts: string) => (e: BotEvent) => e.kind === 'create' && where(e) && (e.text ?? '').startsWith(starts);
/** The case card updated in place: same message, new content. */
const updatedTo = (root: BotEvent, status: string) => (e: BotEvent) =>
  e.kind === 'update' && e.messageId === root.messageId && e.conversationId.split(';')[0] === root.conversationId.split(';')[0] && cardText(e.card).includes(status);
/** A fact on a card ("Status", "Next step", …), as the FactSet shows it. */
function fact(card: unknown, title: string): string | undefined {
  const facts = (card as { body?: { type?: string; facts?: { title: string; value: string }[] }[] }).body?.find((b) => b.type === 'FactSet')?.facts;
  return facts?.find((f) => f.title === title)?.value;
}

/** The two places the network follows the case: its card there, and where that card's lines go. */
const networkPlaces = () => [
  { card: story.groupCard!, lines: inGroup },
  { card: story.generalCard!, lines: inThreadOf(pg.ids.general, story.generalCard!.messageId!) },
];

/** What the story shares between its steps. */
const story: { reference?: string; request?: CardAt & { card: PlaygroundCard }; groupCard?: BotEvent; generalCard?: BotEvent; when?: string; mine?: BotEvent } = {};

describe('a family\'s professional network follows a case through the Agents Playground', () => {
  it('the first channel becomes triage; the group chat and General are told how to link a case', async () => {
    await publishEveryDay(clinicianPg);
    await pg.install(pg.ids.channel);
    await pg.waitFor((e) => e.kind === 'create' && e.conversationId.split(';')[0] === pg.ids.channel && headline(e) === 'Triage channel');
    await pg.install(pg.ids.group);
    const help = await pg.waitFor(headed('This conversation and its cases', pg.ids.group));
    expect(cardText(help.card)).toContain('"@Consultations link FASS-2026-0001"');
    await pg.install(pg.ids.general);
    await pg.waitFor((e) => e.kind === 'create' && inGeneral(e) && headline(e) === 'This conversation and its cases');
  });

  it('only the referrer can link the case: the group chat then gets its case card and a first line', async () => {
    const submitted = await submitEligibleRequest(pg);
    const reference = submitted.reference;
    story.reference = reference;
    story.request = { ...submitted.at, card: submitted.card };

    await pg.sendTextAs(gp, pg.ids.group, `link ${reference}`);
    const refused = await pg.waitFor((e) => e.kind === 'create' && inGroup(e) && e.card !== undefined);
    expect(cardText(refused.card)).toContain('Only the referrer, the case\'s clinician or a coordinator can link a case');

    await pg.sendText(pg.ids.group, `link ${reference}`);
    const linked = await pg.waitFor(headed(`Linked ${reference}`, pg.ids.group));
    expect(cardText(linked.card)).toContain('This conversation now follows the case');
    story.groupCard = await pg.waitFor(headed(`Case ${reference}`, pg.ids.group));
    expect(fact(story.groupCard.card, 'Status')).toBe('Fits the service: awaiting a consultation time');
    expect(fact(story.groupCard.card, 'Next step')).toBe('A consultation is being arranged');
    const first = await pg.waitFor(line(inGroup, `${reference}: `));
    expect(first.text).toBe(`${reference}: This conversation now follows the case. Next step: A consultation is being arranged.`);
  });

  it('linked in General, the case card is a post of its own and the lines are replies in its thread', async () => {
    const reference = story.reference!;
    const asked = await pg.sendText(pg.ids.general, `link ${reference}`);
    const linked = await pg.waitFor((e) => e.kind === 'create' && inGeneral(e) && headline(e) === `Linked ${reference}`);
    expect(linked.conversationId).toBe(`${pg.ids.general};messageid=${asked.messageId}`); // the answer, in the thread of what was typed
    story.generalCard = await pg.waitFor((e) => e.kind === 'create' && inGeneral(e) && headline(e) === `Case ${reference}`);
    expect(story.generalCard.conversationId).toBe(`${pg.ids.general};messageid=${story.generalCard.messageId}`); // a new post, not a reply
    const first = await pg.waitFor(line(inGeneral, `${reference}: `));
    expect(first.conversationId).toBe(story.generalCard.conversationId);
    expect(first.text).toContain('This conversation now follows the case');
  });

  it('booked: the clinician accepts in triage, and each case card changes in place with a line saying when', async () => {
    const { reference, request } = story;
    let card = await click(pg, request!, request!.card, 'booking.times');
    card = await click(pg, request!, card, 'booking.offer', { times: offeredStarts(card)[0] });
    expect(cardText(card)).toContain('Sent to the clinicians');
    const triage = await pg.waitFor((e) => e.kind === 'create' && e.conversationId.split(';')[0] === pg.ids.channel && cardText(e.card).includes(`Consultation request ${reference}`));
    const accept = findAction(triage.card, 'booking.accept');
    story.when = accept.title.replace(/^Accept /, '');
    await click(pg, { conversationId: triage.conversationId, messageId: triage.messageId! }, triage.card, 'booking.accept', {}, clinician.id);

    for (const place of networkPlaces()) {
      const updated = await pg.waitFor(updatedTo(place.card, 'Consultation booked'));
      expect(fact(updated.card, 'Status')).toBe('Consultation booked');
      expect(fact(updated.card, 'Consultation')).toBe(story.when);
      const booked = await pg.waitFor(line(place.lines, `${reference}: Consultation booked`));
      expect(booked.text).toContain(`${reference}: Consultation booked (${story.when}). Next step: `);
    }
    story.mine = await clinicianPg.waitFor(headed('You accepted this consultation', clinicianPg.ids.personal));
    await pg.waitFor(headed('Consultation booked', pg.ids.personal));
  });

  it('completed: refused before the consultation, then the network sees the next step and the referrer the notes', async () => {
    const { reference, mine } = story;
    const at = { conversationId: clinicianPg.ids.personal, messageId: mine!.messageId! };
    const outcome = { outcome: 'fass_assessment_offered', notes: NOTES };
    // Before the start the card offers no outcome form, and a click that still arrives is refused.
    expect(JSON.stringify(mine!.card)).not.toContain('"verb":"consultation.complete"');
    const early = await clinicianPg.invoke(at.conversationId, at.messageId, 'consultation.complete', { service: 'fass', reference, ...outcome });
    expect(cardText(early.value)).toContain('Not started yet');
    expect(cardText(early.value)).toContain('Nothing was changed');

    await consultationHappened(store.app, reference!);
    pg.mark();
    const after = await click(clinicianPg, at, early.value as Record<string, unknown>, 'booking.view');
    const done = await click(clinicianPg, at, after, 'consultation.complete', outcome);
    expect(firstLine(done)).toBe('Outcome recorded');

    for (const place of networkPlaces()) {
      const updated = await pg.waitFor(updatedTo(place.card, 'Consultation completed'));
      expect(fact(updated.card, 'Status')).toBe('Consultation completed');
      expect(fact(updated.card, 'Next step')).toBe('Further work offered');
      const completed = await pg.waitFor(line(place.lines, `${reference}: Consultation completed`));
      expect(completed.text).toMatch(new RegExp(`^${reference}: Consultation completed \\(.+\\)\\. Next step: Further work offered\\.$`));
    }
    // One case card per conversation, updated in place throughout: never a second one.
    expect(pg.events.filter((e) => e.kind === 'create' && inGroup(e) && headline(e) === `Case ${reference}`)).toHaveLength(1);
    expect(pg.events.filter((e) => e.kind === 'create' && inGeneral(e) && headline(e) === `Case ${reference}`)).toHaveLength(1);

    const detail = await pg.waitFor(headed('The consultation is complete: outcome and next steps', pg.ids.personal));
    expect(cardText(detail.card)).toContain(`Request ${reference}`);
    expect(cardText(detail.card)).toContain('FASS assessment offered');
    expect(cardText(detail.card)).toContain(NOTES);
    expect(clinicianPg.events.filter((e) => headline(e) === 'The consultation is complete: outcome and next steps')).toHaveLength(0);
  });

  it('nothing posted where the network reads names the family, the professionals or carries free text', () => {
    const posts = pg.events.filter((e) => e.kind !== 'typing' && (inGroup(e) || inGeneral(e)));
    expect(posts.length).toBeGreaterThanOrEqual(16); // the help, answers, two case cards, their updates and lines
    const dob = new Date(SYNTHETIC.youngestChildDob).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const freeText = [SYNTHETIC.helpWith, SYNTHETIC.justification, NOTES].map((t) => t.split(':')[0]!); // the distinctive MARKER-… prefixes
    const secrets = [SYNTHETIC.familyName, SYNTHETIC.caseNumber, SYNTHETIC.youngestChildDob, dob, ...freeText, referrer.name, clinician.name, gp.name];
    for (const post of posts) for (const secret of secrets) expect(JSON.stringify(post.raw)).not.toContain(secret);
  });
});
