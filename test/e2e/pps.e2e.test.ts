import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { appOn, consultationHappened, offeredStarts, sessionHappened } from '../support/booking';
import { cardText, findAction } from '../support/bot-client';
import { buildPpsAnswers, SYNTHETIC } from '../support/builders';
import { asCardInputs } from '../support/journey';
import { freePort, startRedis, type PrivateRedis } from '../support/redis-server';
import { BotProcess } from './support/bot-process';
import { startPlayground, type BotEvent, type PlaygroundClient } from './support/playground-client';
import { click, firstLine, headed, headline, publishEveryDay, startRequestFor, submitEligibleRequest, type CardAt, type PlaygroundCard } from './support/playground-steps';

/*
 * The Parental Psychology Service end to end, in the Microsoft 365 Agents Playground: a social worker refers a parent,
 * a PPS therapist accepts it in triage and, after the first appointment, opens an episode of 12 weekly sessions that
 * crosses the last Sunday of March; a family session, a PHQ-9 that alerts, a CP conference, a GP letter, and closure
 * with end measures. The family's network group chat is linked throughout and must learn only "under way" and
 * "ended". Then a FASS consultation that offers VIG opens a FASS episode the same way. Screenshots for the README
 * come from the playground's own web UI in Chromium (docs/ only with UPDATE_SCREENSHOTS=1).
 */

jest.setTimeout(120_000);

const SHOTS = resolve(__dirname, '../../test-results');
const DOCS = process.env.UPDATE_SCREENSHOTS === '1' ? resolve(__dirname, '../../docs') : SHOTS;
const referrer = { id: 'sw-pps-e2e', name: 'Synthetic Social Worker', aadObjectId: 'aad-sw-pps-e2e' };
const therapist = { id: 'th-pps-e2e', name: 'Synthetic PPS Therapist', aadObjectId: 'aad-th-pps-e2e' };
const coordinator = { id: 'co-pps-e2e', name: 'Synthetic PPS Coordinator', aadObjectId: 'aad-co-pps-e2e' };
const gp = { id: 'gp-pps-e2e', name: 'Synthetic GP', aadObjectId: 'aad-gp-pps-e2e' };
const BOT = { id: 'bot-pps-e2e', name: 'Consultations' };
const GP_PURPOSE = 'MARKER-GP-5d1e: letting the GP know therapy has started';

let redis: PrivateRedis;
let bot: BotProcess;
/** The social worker's playground: their personal chat, the family's network group chat (with the GP), and the team whose channel is triage. */
let pg: PlaygroundClient;
let therapistPg: PlaygroundClient;
let coordinatorPg: PlaygroundClient;
let store: ReturnType<typeof appOn>;
let browser: Browser;
/** Each user's playground web UI, open from the start: it shows what arrives while it is open. */
const pages = new Map<PlaygroundClient, Page>();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  redis = await startRedis();
  const roster = `pps/${therapist.aadObjectId}:clinician,pps/${coordinator.aadObjectId}:coordinator,fass/${therapist.aadObjectId}:clinician`;
  bot = new BotProcess({ REDIS_URL: redis.url, LOG_LEVEL: 'info', ROSTER: roster, JOB_POLL_MS: '200', OUTBOX_BLOCK_MS: '100', TRIAGE_TEAM_IDS: 'team-e2e' }, await freePort());
  await bot.start();
  [pg, therapistPg, coordinatorPg] = await Promise.all([
    startPlayground({ botEndpoint: bot.endpoint, setup: { bot: BOT, currentUser: referrer, otherUsers: [therapist, coordinator, gp] } }),
    startPlayground({ botEndpoint: bot.endpoint, setup: { bot: BOT, currentUser: therapist, otherUsers: [referrer] } }),
    startPlayground({ botEndpoint: bot.endpoint, setup: { bot: BOT, currentUser: coordinator, otherUsers: [therapist] } }),
  ]);
  store = appOn(redis.url);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  for (const client of [pg, therapistPg, coordinatorPg]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
    await page.route((url) => !url.href.startsWith('http://127.0.0.1:'), (route) => route.abort());
    client.mark();
    await page.goto(client.url);
    // Opening the web UI installs the bot in the personal chat, which answers with its welcome: let that settle first.
    await client.waitFor((e) => e.kind === 'create' && e.conversationId === client.ids.personal && e.card !== undefined, 15_000);
    pages.set(client, page);
  }
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([pg?.stop(), therapistPg?.stop(), coordinatorPg?.stop(), store?.close()]);
  await bot?.stop();
  await redis?.stop();
});

const inGroup = (e: BotEvent) => e.conversationId === pg.ids.group;
const personalOf = (client: PlaygroundClient) => client.ids.personal;
/** A fact on a card, as its FactSets show it. */
function facts(card: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (v: unknown) => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(walk);
    const o = v as { type?: string; facts?: { title: string; value: string }[] };
    if (o.type === 'FactSet') for (const f of o.facts ?? []) out[f.title] = f.value;
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}
/** The choices of an input on a card, by input id. */
function choicesOf(card: unknown, inputId: string): { title: string; value: string }[] {
  let found: { title: string; value: string }[] = [];
  const walk = (v: unknown) => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(walk);
    const o = v as { id?: string; choices?: { title: string; value: string }[] };
    if (o.id === inputId && o.choices) found = o.choices;
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}
const PHQ9 = (items: number[], point: string) => ({ instrument: 'phq9', phq9_point: point, ...Object.fromEntries(items.map((v, i) => [`phq9_${i + 1}`, String(v)])) });
const GAD7 = (items: number[], point: string) => ({ instrument: 'gad7', gad7_point: point, ...Object.fromEntries(items.map((v, i) => [`gad7_${i + 1}`, String(v)])) });

/** Screenshots what a playground user's web UI shows in a conversation (default their personal chat): the last card containing `text`. */
async function shoot(client: PlaygroundClient, text: string, file: string, also?: string, conversation = 'Personal Chat') {
  const page = pages.get(client)!;
  await page.getByRole('treeitem', { name: conversation }).click();
  let cards = page.locator('.ac-adaptiveCard', { hasText: text });
  if (also) cards = cards.filter({ hasText: also });
  const card = cards.last();
  await card.waitFor();
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: `${DOCS}/${file}` });
}

/** What the story shares between its steps. */
const story: {
  reference?: string; request?: CardAt & { card: PlaygroundCard }; groupCard?: BotEvent; accepted?: BotEvent; episodeAt?: CardAt;
  episodeCard?: PlaygroundCard; groupFrom?: number; fass?: string; progress?: BotEvent;
} = {};

/** The therapist's current episode card (fetched fresh), and where to click on it. */
async function episodeCard(): Promise<PlaygroundCard> {
  story.episodeCard = await click(therapistPg, story.episodeAt!, story.episodeCard!, 'episode.view', {}, therapist.id);
  return story.episodeCard;
}

describe('the Parental Psychology Service in the Agents Playground', () => {
  it('the team channel becomes triage for both services; the group chat is ready to follow a case; the clinicians publish their times', async () => {
    await pg.install(pg.ids.channel);
    await pg.waitFor((e) => e.kind === 'create' && e.conversationId.split(';')[0] === pg.ids.channel && headline(e) === 'Triage channel');
    await pg.install(pg.ids.group);
    await pg.waitFor(headed('This conversation and its cases', pg.ids.group));
    await publishEveryDay(therapistPg, 'pps');
    await publishEveryDay(therapistPg, 'fass');
    // The coordinator has said hello, so the bot can reach them in personal chat.
    await coordinatorPg.sendText(personalOf(coordinatorPg), 'help');
    await coordinatorPg.waitFor((e) => e.kind === 'create' && e.conversationId === personalOf(coordinatorPg) && e.card !== undefined);
  });

  it('a social worker chooses the Parental Psychology Service and is screened: the request fits', async () => {
    const started = await startRequestFor(pg, 'pps');
    const at = { conversationId: started.conversationId, messageId: started.messageId };
    let card = started.card;
    expect(cardText(card)).toContain('Step 1 of 5');
    const answers = buildPpsAnswers();
    for (const step of ['about', 'parent', 'consent', 'details'] as const) card = await click(pg, at, card, 'draft.save', asCardInputs(answers[step]));
    expect(cardText(card)).toContain('If you send it now: This request fits the service');
    card = await click(pg, at, card, 'request.submit');
    story.reference = /PPS-\d{4}-\d{4,}/.exec(cardText(card))?.[0];
    expect(story.reference).toBeDefined();
    story.request = { ...at, card };
    // The family's network group chat follows the case from here.
    await pg.sendText(pg.ids.group, `link ${story.reference}`);
    story.groupCard = await pg.waitFor((e) => e.kind === 'create' && inGroup(e) && headline(e) === `Case ${story.reference}`);
  });

  it('a PPS therapist accepts it in the triage channel', async () => {
    const { reference, request } = story;
    let card = await click(pg, request!, request!.card, 'booking.times');
    card = await click(pg, request!, card, 'booking.offer', { times: offeredStarts(card)[0] });
    expect(cardText(card)).toContain('Sent to the clinicians');
    const triage = await pg.waitFor((e) => e.kind === 'create' && e.conversationId.split(';')[0] === pg.ids.channel && cardText(e.card).includes(`Consultation request ${reference}`));
    expect(cardText(triage.card)).not.toContain(SYNTHETIC.familyName);
    await click(pg, { conversationId: triage.conversationId, messageId: triage.messageId! }, triage.card, 'booking.accept', {}, therapist.id);
    story.accepted = await therapistPg.waitFor(headed('You accepted this consultation', personalOf(therapistPg)));
    await pg.waitFor(headed('Consultation booked', personalOf(pg)));
  });

  it('after the first appointment the therapist records therapy offered and opens 12 weekly sessions across the last Sunday of March', async () => {
    const { reference } = story;
    await consultationHappened(store.app, reference!, 'pps');
    const at = { conversationId: personalOf(therapistPg), messageId: story.accepted!.messageId! };
    let card = await click(therapistPg, at, story.accepted!.card, 'booking.view', {}, therapist.id);
    card = await click(therapistPg, at, card, 'consultation.complete', { outcome: 'therapy_offered', notes: 'Synthetic: therapy for anxiety and depression agreed' }, therapist.id);
    expect(firstLine(card)).toBe('Outcome recorded');
    expect(cardText(card)).toContain('Open an episode of work');
    // The consultation's own milestone reaches the group chat first; from here on it may learn only "under way" and "ended".
    await pg.waitFor((e) => e.kind === 'create' && inGroup(e) && (e.text ?? '').startsWith(`${reference}: Consultation completed`));
    story.groupFrom = pg.events.length;
    card = await click(therapistPg, at, card, 'episode.form', {}, therapist.id);
    expect(firstLine(card)).toBe('Open an episode of work');
    card = await click(therapistPg, at, card, 'episode.open', { intervention: 'cbt', plannedSessions: '12', firstDate: '2027-03-09', time: '10:00', gpPractice: 'Synthetic Surgery' }, therapist.id);
    expect(firstLine(card)).toBe('Episode opened: the sessions are booked');
    story.episodeAt = at;
    story.episodeCard = card;
    const shown = facts(card);
    const sessions = Object.entries(shown).filter(([title]) => /^\d+\. /.test(title));
    expect(sessions).toHaveLength(12);
    // Every session at 10:00 UK time: 16 and 23 March in GMT, 30 March onwards in BST.
    expect(sessions.map(([title]) => title.replace(/^\d+\. /, ''))).toEqual(expect.arrayContaining(['Tue, 23 Mar 2027, 10:00', 'Tue, 30 Mar 2027, 10:00']));
    expect(sessions.every(([title]) => title.endsWith('10:00'))).toBe(true);
    expect(shown['1. Tue, 9 Mar 2027, 10:00']).toBe('family session: start · Planned');
    const stored = (await store.app.store.requests.get('pps', reference!))!.episode!;
    expect(stored.sessions.map((s) => s.start.slice(11, 16))).toEqual(['10:00', '10:00', '10:00', ...Array(9).fill('09:00')]);
    // Every session holds the therapist's time (beside the first appointment, which also does).
    const held = new Set((await store.app.store.availability.busy('pps', therapist.aadObjectId, new Date())).filter((b) => b.reference === reference).map((b) => b.start));
    for (const s of stored.sessions) expect(held.has(Date.parse(s.start))).toBe(true);
    story.progress = await pg.waitFor(headed('Work with the family has started', personalOf(pg)));
    await pg.waitFor((e) => e.kind === 'create' && inGroup(e) && (e.text ?? '').startsWith(`${reference}: Further work under way.`));
  });

  it('records the family session at the start', async () => {
    await sessionHappened(store.app, 'pps', story.reference!, 's1');
    const card = await episodeCard();
    expect(cardText(card)).toContain('Record attendance');
    const done = await click(therapistPg, story.episodeAt!, card, 'episode.attendance', { sessionId: 's1', outcome: 'attended' }, therapist.id);
    expect(firstLine(done)).toBe('Attendance recorded');
    expect(Object.values(facts(done))).toContain('family session: start · Attended');
    story.episodeCard = done;
  });

  it('a PHQ-9 with item 9 scored 1 alerts the therapist and a coordinator at once, in personal chat', async () => {
    const referrerFrom = pg.events.length;
    const card = await click(therapistPg, story.episodeAt!, story.episodeCard!, 'episode.measure', PHQ9([1, 1, 2, 1, 0, 1, 1, 0, 1], 'start'), therapist.id);
    expect(firstLine(card)).toBe('PHQ-9 recorded');
    expect(cardText(card)).toContain('thoughts of self-harm (item 9 answered above 0). Follow up now.');
    const alert = await therapistPg.waitFor(headed('Urgent: a measure needs your attention now', personalOf(therapistPg)));
    const toCoordinator = await coordinatorPg.waitFor(headed(`Urgent: a measure for ${story.reference} needs a clinician's attention now`, personalOf(coordinatorPg)));
    for (const e of [alert, toCoordinator]) expect(cardText(e.card)).toContain('thoughts of self-harm');
    story.episodeCard = await click(therapistPg, story.episodeAt!, card, 'episode.measure', GAD7([1, 1, 1, 1, 0, 0, 1], 'start'), therapist.id);
    // Nobody else hears of it: not the referrer, not the network.
    await new Promise((r) => setTimeout(r, 500));
    expect(pg.events.slice(referrerFrom).filter((e) => /Urgent|PHQ|self-harm/.test(cardText(e.card) + (e.text ?? '')))).toEqual([]);
    // As the web UI shows them: the coordinator's alert, and the therapist's (the episode as it now stands, with its forms).
    await shoot(coordinatorPg, 'Urgent: a measure for', 'screenshot-pps-alert.png');
    await shoot(therapistPg, 'Urgent: a measure needs your attention now', 'screenshot-pps-episode.png');
  });

  it('the referrer asks the therapist to a CP conference, which is recorded as attended, and a GP letter is logged', async () => {
    const at = { conversationId: personalOf(pg), messageId: story.progress!.messageId! };
    const asked = await click(pg, at, story.progress!.card, 'episode.ask_meeting', { askType: 'cp_conference', askDate: '2027-04-20' });
    expect(firstLine(asked)).toBe('The therapist has been asked to attend');
    await therapistPg.waitFor(headed('The referrer asks you to attend a meeting on 20 April 2027', personalOf(therapistPg)));
    let card = await episodeCard();
    const [meeting] = choicesOf(card, 'meetingId');
    expect(meeting!.title).toBe('Child protection conference, 20 April 2027');
    card = await click(therapistPg, story.episodeAt!, card, 'episode.meeting', { meetingId: meeting!.value, meetingType: 'cp_conference', meetingDate: '2027-04-20', meetingAttended: 'yes' }, therapist.id);
    expect(facts(card)['Child protection conference, 20 April 2027']).toBe('The therapist attended');
    card = await click(therapistPg, story.episodeAt!, card, 'episode.gp', { gpKind: 'letter', gpDate: '2027-03-10', gpPurpose: GP_PURPOSE }, therapist.id);
    expect(facts(card)['GP letter, 10 March 2027']).toBe(GP_PURPOSE);
    story.episodeCard = card;
    // The referrer's progress: sessions attended of planned, the next session, the meeting; no therapy, scores or GP detail.
    const mine = await click(pg, at, asked, 'episode.view');
    expect(facts(mine)).toMatchObject({ Sessions: '1 attended of 12 planned', 'Child protection conference, 20 April 2027': 'The therapist attended' });
    expect(cardText(mine)).not.toMatch(/behavioural|PHQ|GAD|Synthetic Surgery|MARKER-GP/);
    await shoot(pg, 'Work with the family has started', 'screenshot-pps-progress.png');
  });

  it('closes with the end family session and end measures; the referrer is told it has ended', async () => {
    await sessionHappened(store.app, 'pps', story.reference!, 's12');
    let card = await episodeCard();
    card = await click(therapistPg, story.episodeAt!, card, 'episode.attendance', { sessionId: 's12', outcome: 'attended' }, therapist.id);
    card = await click(therapistPg, story.episodeAt!, card, 'episode.measure', PHQ9([0, 1, 0, 1, 0, 0, 0, 0, 0], 'end'), therapist.id);
    card = await click(therapistPg, story.episodeAt!, card, 'episode.measure', GAD7([0, 0, 1, 0, 0, 0, 0], 'end'), therapist.id);
    card = await click(therapistPg, story.episodeAt!, card, 'episode.close', { closeReason: 'completed' }, therapist.id);
    expect(firstLine(card)).toBe('Episode closed');
    expect(cardText(card)).toContain('Ended: Course completed');
    expect(findAction.bind(null, card, 'episode.close')).toThrow();
    const stored = (await store.app.store.requests.get('pps', story.reference!))!.episode!;
    const held = new Set((await store.app.store.availability.busy('pps', therapist.aadObjectId, new Date())).map((b) => b.start));
    expect(stored.sessions.filter((s) => held.has(Date.parse(s.start)))).toEqual([]); // the sessions still to come were given back
    await pg.waitFor(headed('The episode of work has ended', personalOf(pg)));
    await pg.waitFor((e) => e.kind === 'create' && inGroup(e) && (e.text ?? '').startsWith(`${story.reference}: Further work ended.`));
  });

  it('the linked network chat saw only "under way" and "ended"', async () => {
    const sinceOpen = pg.events.slice(story.groupFrom).filter(inGroup);
    const lines = sinceOpen.filter((e) => e.kind === 'create' && e.text).map((e) => e.text);
    expect(lines).toEqual([
      `${story.reference}: Further work under way. Next step: Further work with the family is under way.`,
      `${story.reference}: Further work ended. Next step: The further work with the family has ended.`,
    ]);
    const cardStates = sinceOpen.filter((e) => e.card).map((e) => facts(e.card).Status);
    expect([...new Set(cardStates)]).toEqual(['Further work under way', 'Further work ended']);
    const everything = JSON.stringify(pg.events.filter(inGroup).map((e) => e.raw));
    expect(everything).not.toMatch(/behavioural|PHQ|GAD|self-harm|session|attend|GP letter|Synthetic Surgery|MARKER-GP|conference|Adult Mental Health/i);
    expect(everything).not.toContain(SYNTHETIC.familyName);
    await shoot(pg, `Case ${story.reference}`, 'screenshot-pps-network.png', 'Further work ended', 'E2E Group');
  });

  it('a FASS consultation that offers VIG opens a FASS episode the same way', async () => {
    const { reference, at, card: outcome } = await submitEligibleRequest(pg);
    story.fass = reference;
    let card = await click(pg, at, outcome, 'booking.times');
    card = await click(pg, at, card, 'booking.offer', { times: offeredStarts(card)[0] });
    const triage = await pg.waitFor((e) => e.kind === 'create' && e.conversationId.split(';')[0] === pg.ids.channel && cardText(e.card).includes(`Consultation request ${reference}`));
    await click(pg, { conversationId: triage.conversationId, messageId: triage.messageId! }, triage.card, 'booking.accept', {}, therapist.id);
    const accepted = await therapistPg.waitFor((e) => headed('You accepted this consultation', personalOf(therapistPg))(e) && cardText(e.card).includes(reference));
    await consultationHappened(store.app, reference, 'fass');
    const here = { conversationId: personalOf(therapistPg), messageId: accepted.messageId! };
    card = await click(therapistPg, here, accepted.card, 'booking.view', {}, therapist.id);
    card = await click(therapistPg, here, card, 'consultation.complete', { outcome: 'vig_or_mbt_offered', notes: 'Synthetic: VIG agreed with the parent' }, therapist.id);
    card = await click(therapistPg, here, card, 'episode.form', {}, therapist.id);
    expect(choicesOf(card, 'intervention').map((c) => c.value)).toEqual(['vig', 'mbt_parenting_group']);
    card = await click(therapistPg, here, card, 'episode.open', { intervention: 'vig', plannedSessions: '6', firstDate: '2027-01-12', time: '14:00' }, therapist.id);
    expect(firstLine(card)).toBe('Episode opened: the sessions are booked');
    expect(cardText(card)).toContain('Video Interaction Guidance (VIG) · Under way');
    expect(facts(card).Weekly).toBe('Tuesdays at 14:00 (UK time), 60 minutes, at the clinic');
    expect((await store.app.store.requests.get('fass', reference))!.episode!.sessions).toHaveLength(6);
    await pg.waitFor((e) => headed('Work with the family has started', personalOf(pg))(e) && cardText(e.card).includes(reference));
  });
});
