import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { buildAnswers, SYNTHETIC } from '../support/builders';
import { freePort, startRedis, type PrivateRedis } from '../support/redis-server';
import { BotProcess } from './support/bot-process';
import { startPlayground, type PlaygroundClient } from './support/playground-client';

jest.setTimeout(120_000);

/** Screenshots land here (the README shows copies of the review and outcome cards, from docs/). */
const SHOTS = resolve(__dirname, '../../test-results');
const socialWorker = { id: 'sw-ui', name: 'Synthetic Referrer', aadObjectId: 'aad-sw-ui' };

let redis: PrivateRedis;
let bot: BotProcess;
let pg: PlaygroundClient;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  redis = await startRedis();
  bot = new BotProcess({ REDIS_URL: redis.url, LOG_LEVEL: 'warn' }, await freePort());
  await bot.start();
  pg = await startPlayground({ botEndpoint: bot.endpoint, setup: { currentUser: socialWorker, bot: { id: 'bot-ui', name: 'Consultations' } } });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
  await page.route((url) => !url.href.startsWith(pg.url), (route) => route.abort());
});
afterAll(async () => {
  await browser?.close();
  await pg?.stop();
  await bot?.stop();
  await redis?.stop();
});
afterEach(async () => {
  await page?.screenshot({ path: `${SHOTS}/last-state.png`, fullPage: true });
});

const card = (text: string): Locator => page.locator('.ac-adaptiveCard', { hasText: text }).last();
const radio = (c: Locator, group: string, choice: string) => c.getByRole('radiogroup', { name: group }).getByRole('radio', { name: choice });

async function pick(c: Locator, label: string, option: string) {
  await c.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

describe('a social worker clicks through the journey in the playground web UI (Chromium)', () => {
  it('goes from the welcome card to a reference, and the review looks right', async () => {
    const a = buildAnswers();
    await page.goto(pg.url);
    const welcome = card('Specialist consultation requests');
    await welcome.waitFor();
    await welcome.getByRole('button', { name: 'Request a consultation' }).click();

    const about = card('Step 1 of 6');
    await about.waitFor();
    await about.getByRole('radio', { name: "The family's allocated social worker" }).check();
    await about.getByLabel('Your team').fill(a.about.referrerTeam);
    await about.getByLabel('Family name').fill(a.about.familyName);
    await about.getByLabel("Children's social care case number").fill(a.about.caseNumber);
    await about.getByLabel("Youngest child's date of birth").fill(a.about.youngestChildDob);
    await radio(about, 'Is the family open to a children\'s safeguarding team?', 'Yes').check();
    await pick(about, 'Local authority responsible for the children', 'Oxfordshire County Council');
    await about.getByRole('button', { name: 'Next' }).click();

    const exclusions = card('Step 2 of 6');
    await exclusions.waitFor();
    await radio(exclusions, 'Is the family in care proceedings?', 'No').check();
    await exclusions.getByRole('button', { name: 'Next' }).click();

    const concerns = card('Step 3 of 6');
    await concerns.waitFor();
    await concerns.getByRole('checkbox', { name: /severe relational breakdown/ }).check();
    await concerns.getByRole('checkbox', { name: /Inter-generational parenting patterns/ }).check();
    await concerns.getByRole('button', { name: 'Next' }).click();

    const consent = card('Step 4 of 6');
    await consent.waitFor();
    await consent.getByRole('radio', { name: 'The family has given consent' }).check();
    await consent.getByRole('button', { name: 'Next' }).click();

    const details = card('Step 5 of 6');
    await details.waitFor();
    await details.getByLabel('What should the consultation help you with?').fill(SYNTHETIC.helpWith);
    await pick(details, 'Legal status of the children\'s case', 'Child protection plan (CP)');
    await details.getByRole('radio', { name: 'Routine (within a month)' }).check();
    await details.getByRole('button', { name: 'Next' }).click();

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
});
