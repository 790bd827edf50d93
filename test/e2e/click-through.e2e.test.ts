import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { cardText, findAction } from '../support/bot-client';
import { buildAnswers, SYNTHETIC } from '../support/builders';
import { freePort, startRedis, type PrivateRedis } from '../support/redis-server';
import { BotProcess } from './support/bot-process';
import { CARD_TYPE, startPlayground, type BotEvent, type PlaygroundClient } from './support/playground-client';

jest.setTimeout(120_000);

/** Screenshots land here (the README shows copies of the review and outcome cards, from docs/). */
const SHOTS = resolve(__dirname, '../../test-results');
/**
 * The booking screenshots the README shows: written to docs/ only when asked (UPDATE_SCREENSHOTS=1), so that an
 * ordinary run leaves the working tree as it found it; otherwise beside the others in test-results/.
 */
const DOCS = process.env.UPDATE_SCREENSHOTS === '1' ? resolve(__dirname, '../../docs') : SHOTS;
const socialWorker = { id: 'sw-ui', name: 'Synthetic Referrer', aadObjectId: 'aad-sw-ui' };
/** On the roster (env ROSTER); accepts through the REST invoke, not the browser. */
const clinician = { id: 'clin-ui', name: 'Synthetic Clinician', aadObjectId: 'aad-clin-ui' };

let redis: PrivateRedis;
let bot: BotProcess;
let pg: PlaygroundClient;
/** The clinician's own playground: their personal chat, for publishing availability and for their confirmation. */
let clinicianPg: PlaygroundClient;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  redis = await startRedis();
  bot = new BotProcess({ REDIS_URL: redis.url, LOG_LEVEL: 'warn', ROSTER: `${clinician.aadObjectId}:clinician`, JOB_POLL_MS: '200', TRIAGE_TEAM_IDS: 'team-e2e' }, await freePort());
  await bot.start();
  const theBot = { id: 'bot-ui', name: 'Consultations' };
  [pg, clinicianPg] = await Promise.all([
    startPlayground({ botEndpoint: bot.endpoint, setup: { currentUser: socialWorker, otherUsers: [clinician], bot: theBot } }),
    startPlayground({ botEndpoint: bot.endpoint, setup: { currentUser: clinician, otherUsers: [socialWorker], bot: theBot } }),
  ]);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
  await page.route((url) => !url.href.startsWith(pg.url), (route) => route.abort());
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([pg?.stop(), clinicianPg?.stop()]);
  await bot?.stop();
  await redis?.stop();
});
afterEach(async () => {
  await page?.screenshot({ path: `${SHOTS}/last-state.png`, fullPage: true });
});

const card = (text: string, also?: string): Locator => {
  const cards = page.locator('.ac-adaptiveCard', { hasText: text });
  return (also ? cards.filter({ hasText: also }) : cards).last();
};
const radio = (c: Locator, group: string | RegExp, choice: string) => c.getByRole('radiogroup', { name: group }).getByRole('radio', { name: choice });

async function pick(c: Locator, label: string, option: string | RegExp) {
  await c.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Step 1: about you and the family, as the synthetic answers give it. */
async function answerAbout(a: ReturnType<typeof buildAnswers>) {
  const about = card('Step 1 of 6');
  await about.waitFor();
  await about.getByRole('radio', { name: "The family's allocated social worker" }).check();
  await about.getByLabel('Your team').fill(a.about.referrerTeam);
  await about.getByLabel('Family name').fill(a.about.familyName);
  await about.getByLabel("Children's social care case number").fill(a.about.caseNumber);
  await about.getByLabel("Youngest child's date of birth").fill(a.about.youngestChildDob!);
  await radio(about, 'Is the family open to a children\'s safeguarding team?', 'Yes').check();
  await radio(about, 'Are there significant safeguarding concerns for the children?', 'Yes').check();
  await radio(about, 'Are the children in their parents\' care?', 'Yes').check();
  await pick(about, 'Local authority responsible for the children', 'Oxfordshire County Council');
  await about.getByRole('button', { name: 'Next' }).click();
}

async function answerConcerns() {
  const concerns = card('Step 3 of 6');
  await concerns.waitFor();
  await concerns.getByRole('checkbox', { name: 'Severe relational breakdown between parent and child' }).check();
  await concerns.getByRole('checkbox', { name: 'Inter-generational parenting patterns' }).check();
  await concerns.getByRole('button', { name: 'Next' }).click();
}

async function answerDetails(statuses: string[]) {
  const details = card('Step 5 of 6');
  await details.waitFor();
  await details.getByLabel('What should the consultation help you with?').fill(SYNTHETIC.helpWith);
  for (const status of statuses) await details.getByRole('checkbox', { name: status }).check();
  await details.getByRole('radio', { name: 'Routine (within a month)' }).check();
  await details.getByRole('button', { name: 'Next' }).click();
}

async function startRequest() {
  await page.goto(pg.url);
  const welcome = card('Specialist consultation requests');
  await welcome.waitFor();
  // With more than one service in force, the welcome card has a button per service.
  await welcome.getByRole('button', { name: 'Request: Family Assessment Safeguarding Service (FASS)' }).last().click();
}

describe('a social worker clicks through the journey in the playground web UI (Chromium)', () => {
  it('goes from the welcome card to a reference, and the review looks right', async () => {
    const a = buildAnswers();
    await startRequest();
    await answerAbout(a);

    const exclusions = card('Step 2 of 6');
    await exclusions.waitFor();
    // Each exclusion is a short choice, with the service's own words beside it.
    await expect(exclusions.getByRole('checkbox', { name: 'A parent poses a risk of sexual harm to children in their care' }).count()).resolves.toBe(1);
    await expect(exclusions.textContent()).resolves.toContain('We do not offer therapy for parents who pose a risk of sexual harm to children in their care.');
    await radio(exclusions, 'Is the family in care proceedings?', 'No').check();
    await exclusions.getByRole('button', { name: 'Next' }).click();

    await answerConcerns();
    const consent = card('Step 4 of 6');
    await consent.waitFor();
    await consent.getByRole('radio', { name: 'The family has given consent' }).check();
    await consent.getByLabel(/Which parent or carer gave or refused consent/).fill('mother');
    await consent.getByRole('button', { name: 'Next' }).click();

    await answerDetails(['Child protection plan']);
    const review = card('Check and send your FASS request');
    await review.waitFor();
    await expect(review.textContent()).resolves.toContain('If you send it now: This request fits the service');
    await page.screenshot({ path: `${SHOTS}/journey-review.png`, fullPage: true });
    await review.screenshot({ path: `${SHOTS}/screenshot-review.png` });

    await review.getByRole('button', { name: 'Send request' }).click();
    const outcome = card('Why, in the service\'s words');
    await outcome.waitFor();
    await expect(outcome.textContent()).resolves.toMatch(/Request FASS-\d{4}-\d{4}/);
    await outcome.screenshot({ path: `${SHOTS}/screenshot-outcome.png` });
    await page.screenshot({ path: `${SHOTS}/journey-outcome.png`, fullPage: true });
  });

  it('in care proceedings with special circumstances, and without consent, shows the caveat and records the three legal answers', async () => {
    const a = buildAnswers();
    await pg.sendText(pg.ids.personal, 'request consultation');
    // Typed with two services in force, it asks which.
    await card('Which service?').getByRole('button', { name: 'Family Assessment Safeguarding Service (FASS)' }).click();
    await answerAbout(a);

    const exclusions = card('Step 2 of 6');
    await exclusions.waitFor();
    await radio(exclusions, 'Is the family in care proceedings?', 'Yes').check();
    await radio(exclusions, 'If so: does the court support reunification?', 'Yes').check();
    await radio(exclusions, /If so: is there evidence of meaningful engagement/, 'Yes').check();
    await exclusions.getByRole('button', { name: 'Next' }).click();

    await answerConcerns();
    const consent = card('Step 4 of 6');
    await consent.waitFor();
    await consent.getByRole('radio', { name: /safeguarding override/ }).check();
    await consent.getByLabel('Safeguarding grounds for referring without consent').fill(SYNTHETIC.justification);
    await pick(consent, 'The statutory power the referral rests on', /Children Act 1989, section 47/);
    await pick(consent, 'The UK GDPR conditions for sharing without consent', /Schedule 1 Part 2 paragraph 18/);
    await pick(consent, 'Why the duty of confidentiality may be set aside', /Overriding public interest/);
    await expect(consent.textContent()).resolves.toContain('Local policy (not the service\'s words)');
    await consent.getByLabel('Approved by (manager\'s name and role)').fill(SYNTHETIC.approvedBy);
    await radio(consent, 'Has the family been told about the referral?', 'Yes').check();
    await consent.getByLabel('Date to review the decision not to seek consent').fill('2099-01-31');
    await consent.getByRole('button', { name: 'Next' }).click();

    await answerDetails(['Care proceedings', 'Interim care order or care order']);
    const review = card('Check and send your FASS request');
    await review.waitFor();
    const reviewed = await review.textContent();
    expect(reviewed).toContain('Please note: A referral to FASS would not guarantee therapy for the family');
    expect(reviewed).toContain('Children Act 1989, section 47');
    expect(reviewed).toContain('Data Protection Act 2018 Schedule 1 Part 2 paragraph 18');
    expect(reviewed).not.toContain('Schedule 8');
    expect(reviewed).toContain('Overriding public interest');
    await page.screenshot({ path: `${SHOTS}/special-circumstances-review.png`, fullPage: true });

    await review.getByRole('button', { name: 'Send request' }).click();
    const outcome = card('Why, in the service\'s words', 'A duty clinician will review this request');
    await outcome.waitFor();
    await expect(outcome.textContent()).resolves.toContain('Please note: A referral to FASS would not guarantee therapy for the family, so we would always urge court to take this into consideration with any interim or permanent care decisions.');
    await expect(outcome.textContent()).resolves.toContain('A duty clinician will review this request');
    await outcome.screenshot({ path: `${SHOTS}/special-circumstances-outcome.png` });
  });
});

/** A clinician's weekly availability, every day 09:00-17:00 (UK time), published from their own personal chat over REST. */
async function publishEveryDay(): Promise<void> {
  await clinicianPg.sendText(clinicianPg.ids.personal, 'my availability');
  const shown = await clinicianPg.waitFor((e) => e.kind === 'create' && cardText(e.card).includes('My availability'));
  let shownCard: unknown = shown.card;
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    const add = findAction(shownCard, 'availability.change', 'Add weekly window');
    const res = await clinicianPg.invoke(clinicianPg.ids.personal, shown.messageId!, 'availability.change',
      { ...add.data, weekday: String(weekday), weeklyStart: '09:00', weeklyEnd: '17:00' });
    expect(res.type).toBe(CARD_TYPE);
    shownCard = res.value;
    expect(cardText(shownCard)).toContain('Saved.');
  }
}

const openConversation = async (name: string) => page.getByRole('treeitem', { name }).click();
const TRIAGE_CHANNEL = 'E2E Team - Consultations';

describe('the social worker books a consultation in the web UI, a clinician accepts', () => {
  it('picks two times, sends them, and sees the booking in the triage channel and in personal chat', async () => {
    await publishEveryDay();

    // Opening the team's channel installs the app there: it becomes the triage channel.
    await openConversation(TRIAGE_CHANNEL);
    await card('Triage channel').getByText('Consultation requests that are ready for a clinician will be posted here').waitFor();
    await openConversation('Personal Chat');

    // The request from the first click-through, which fits the service (the second went to a duty clinician).
    const outcome = card('Why, in the service\'s words', 'This request fits the service');
    await outcome.waitFor();
    const reference = /FASS-\d{4}-\d{4,}/.exec((await outcome.textContent()) ?? '')?.[0];
    expect(reference).toBeDefined();
    await outcome.getByRole('button', { name: 'Choose consultation times' }).click();

    const times = card(`Request ${reference}`).filter({ hasText: 'Choose consultation times' });
    await times.getByText('Pick up to 3 times that suit you.', { exact: false }).waitFor();
    const boxes = times.getByRole('checkbox', { name: /^Times you can do / });
    expect(await boxes.count()).toBeGreaterThanOrEqual(2);
    const picked: string[] = [];
    for (const box of [boxes.nth(0), boxes.nth(1)]) {
      await box.check();
      expect(await box.isChecked()).toBe(true);
      picked.push(((await box.getAttribute('aria-label')) ?? '').replace(/^Times you can do /, ''));
    }
    expect(picked.every((t) => /^\w{3}, \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/.test(t))).toBe(true);
    await page.screenshot({ path: `${DOCS}/screenshot-times.png`, fullPage: true });

    pg.mark();
    await times.getByRole('button', { name: 'Send to clinicians' }).click();
    const sent = card('Sent to the clinicians');
    await sent.getByText('status: Times sent to clinicians: awaiting acceptance', { exact: false }).waitFor();
    await sent.getByText(picked.join('; ')).waitFor();

    // The triage channel shows the request with an Accept per time and a Decline, and nothing about the family.
    const triagePost = await pg.waitFor((e: BotEvent) => e.kind === 'create' && e.conversationId.startsWith(`${pg.ids.channel};messageid=`)
      && cardText(e.card).includes(`Consultation request ${reference}`));
    await openConversation(TRIAGE_CHANNEL);
    const triage = card(`Consultation request ${reference}`);
    await triage.getByText('Status: Times sent to clinicians: awaiting acceptance').waitFor();
    for (const time of picked) await triage.getByRole('button', { name: `Accept ${time}` }).waitFor();
    await triage.getByRole('button', { name: 'Decline' }).waitFor();
    const familyDetails = [SYNTHETIC.familyName, SYNTHETIC.caseNumber, SYNTHETIC.helpWith.split(':')[0]!];
    for (const marker of familyDetails) expect(await triage.textContent()).not.toContain(marker);
    await page.screenshot({ path: `${SHOTS}/booking-triage-open.png`, fullPage: true });

    // A clinician accepts the first time (the playground's REST invoke, as them); the post changes in place on screen.
    const accept = findAction(triagePost.card, 'booking.accept');
    const when = accept.title.replace(/^Accept /, '');
    expect(when).toBe(picked[0]);
    const answered = await pg.invoke(triagePost.conversationId, triagePost.messageId!, 'booking.accept', accept.data, clinician.id);
    expect(cardText(answered.value)).toContain(`Accepted by ${clinician.name} for ${when}`);
    await triage.getByText(`Accepted by ${clinician.name} for ${when}`).waitFor();
    await triage.getByText('Status: Consultation booked').waitFor();
    expect(await triage.getByRole('button').count()).toBe(0); // no Accept or Decline left
    for (const marker of familyDetails) expect(await triage.textContent()).not.toContain(marker);
    await page.screenshot({ path: `${DOCS}/screenshot-triage.png`, fullPage: true });

    // The referrer's confirmation, in their personal chat.
    await openConversation('Personal Chat');
    const booked = card('Consultation booked');
    await booked.getByText(`Request ${reference}`, { exact: false }).waitFor();
    const bookedText = (await booked.textContent()) ?? '';
    expect(bookedText).toContain(when);
    expect(bookedText).toContain(clinician.name);
    for (const link of ['Join the meeting', 'Add to calendar (.ics)']) await booked.getByRole('link', { name: link }).waitFor(); // Action.OpenUrl
    await page.screenshot({ path: `${DOCS}/screenshot-booked.png`, fullPage: true });
  });
});
