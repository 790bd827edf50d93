import { cardText, findAction } from '../support/bot-client';
import { useBotOnRedis } from '../support/bot-harness';
import { buildAnswers, OVERRIDE_CONSENT, SYNTHETIC } from '../support/builders';
import { answerStep, asCardInputs, fillJourney } from '../support/journey';

const sw = { id: 'aad-sw-1', name: 'Synthetic Social Worker' };
const env = useBotOnRedis();
beforeEach(async () => {
  await env.redis.client().flushall();
});

describe('the consultation request journey over HTTP, on Redis', () => {
  it('welcomes once on install, however many install events arrive', async () => {
    const conversation = { id: 'a:install-1', conversationType: 'personal' };
    const base = { channelId: 'msteams', serviceUrl: env.h.client['serviceUrl' as never], from: { id: '29:x', aadObjectId: 'aad-new' }, recipient: { id: '28:bot' }, conversation };
    const before = env.h.calls.length;
    await env.h.client.post({ ...base, id: 'i1', type: 'conversationUpdate', membersAdded: [{ id: '28:bot' }] });
    await env.h.client.post({ ...base, id: 'i2', type: 'installationUpdate', action: 'add' });
    await env.h.client.post({ ...base, id: 'i3', type: 'installationUpdate', action: 'add' });
    const sent = env.h.calls.slice(before);
    expect(sent).toHaveLength(1);
    expect(cardText(sent[0]!.body)).toContain('Request: Family Assessment Safeguarding Service (FASS)');
  });

  it('takes a referrer from "request consultation" to an eligible outcome with a reference, saved in Redis', async () => {
    const review = await fillJourney(env.h.client, sw, buildAnswers());
    expect(cardText(review)).toContain('If you send it now: This request fits the service');
    expect(cardText(review)).toContain(SYNTHETIC.familyName);
    const outcome = await env.h.client.execute(sw, 'request.submit', findAction(review, 'request.submit').data);
    const text = cardText(outcome);
    expect(text).toMatch(/Request FASS-\d{4}-0001/);
    expect(text).toContain('This request fits the service');
    expect(text).toContain('Concerns about severe relational breakdown between parent and child.');
    const reference = /FASS-\d{4}-\d{4}/.exec(text)![0];
    const stored = await env.h.bot.app.store.requests.get('fass', reference);
    expect(stored).toMatchObject({ status: 'awaiting_booking', ownerId: sw.id, screening: { outcome: 'eligible', catalogueVersion: 'fass-2026.2' } });
    const mine = await env.h.client.say(sw, 'my requests');
    expect(cardText(mine)).toContain(reference);
  });

  it('shows what is wrong on the card, keeps what was typed, and saves nothing', async () => {
    const about = await env.h.client.startRequest(sw);
    const draft = await env.h.bot.app.store.drafts.activeFor('fass', sw.id);
    const bad = await answerStep(env.h.client, sw, about, { ...buildAnswers().about, caseNumber: 'has spaces!', referrerTeam: '' });
    const text = cardText(bad);
    expect(text).toContain('Nothing was saved');
    expect(text).toContain('Case number: Case number may hold letters, digits, / and - only');
    expect(text).toContain('Your team: Your team is required');
    expect(text).toContain(SYNTHETIC.familyName);
    expect(await env.h.bot.app.store.drafts.get('fass', draft!.id)).toEqual(draft);
  });

  it('goes back, and edits from the review returning to the review', async () => {
    const review = await fillJourney(env.h.client, sw, buildAnswers());
    const concerns = await env.h.client.execute(sw, 'draft.goto', findAction(review, 'draft.goto', 'Edit') && { ...findAction(review, 'draft.goto', 'Edit').data, step: 'concerns' });
    expect(cardText(concerns)).toContain('Step 3 of 6: Concerns');
    expect(JSON.stringify(concerns)).toContain('"value":"relational_breakdown,intergenerational_patterns"');
    const back = await env.h.client.execute(sw, 'draft.goto', findAction(concerns, 'draft.goto', 'Back').data);
    expect(cardText(back)).toContain('Step 2 of 6');
    const reviewAgain = await answerStep(env.h.client, sw, back, { exclusions: ['crisis_intervention'], inCareProceedings: 'no' });
    expect(cardText(reviewAgain)).toContain('If you send it now: A referral is not recommended');
    expect(cardText(reviewAgain)).toContain('We are not a crisis intervention service');
  });

  it('creates one request when the final card is submitted twice at once, and again later', async () => {
    const review = await fillJourney(env.h.client, sw, buildAnswers());
    const submit = findAction(review, 'request.submit').data;
    const cards = await Promise.all([env.h.client.execute(sw, 'request.submit', submit), env.h.client.execute(sw, 'request.submit', submit)]);
    const late = await env.h.client.execute(sw, 'request.submit', submit);
    const refs = [...cards, late].map((c) => /FASS-\d{4}-\d{4}/.exec(cardText(c))?.[0]);
    expect(new Set(refs).size).toBe(1);
    expect(refs[0]).toBeDefined();
    expect(await env.h.bot.app.store.requests.listByOwner('fass', sw.id, 10)).toHaveLength(1);
  });

  it('resumes a draft after the bot restarts mid-journey', async () => {
    let card = await env.h.client.startRequest(sw);
    card = await answerStep(env.h.client, sw, card, buildAnswers().about);
    card = await answerStep(env.h.client, sw, card, buildAnswers().exclusions);
    expect(cardText(card)).toContain('Step 3 of 6');
    await env.h.restart();
    const resumed = (await env.h.client.say(sw, 'resume'))[0]!;
    expect(cardText(resumed)).toContain('Step 3 of 6: Concerns');
    let next = await answerStep(env.h.client, sw, resumed, buildAnswers().concerns);
    next = await answerStep(env.h.client, sw, next, buildAnswers().consent);
    next = await answerStep(env.h.client, sw, next, buildAnswers().details);
    expect(cardText(next)).toContain(SYNTHETIC.caseNumber);
    const outcome = await env.h.client.execute(sw, 'request.submit', findAction(next, 'request.submit').data);
    expect(cardText(outcome)).toContain('This request fits the service');
  });

  it('lets a not-recommended referrer ask for duty clinician review, with a real justification', async () => {
    const review = await fillJourney(env.h.client, sw, buildAnswers({ exclusions: { exclusions: ['custody_acrimony'], inCareProceedings: 'no' } }));
    const outcome = await env.h.client.execute(sw, 'request.submit', findAction(review, 'request.submit').data);
    expect(cardText(outcome)).toContain('A referral is not recommended');
    expect(cardText(outcome)).toContain('What you can do instead:');
    const ask = findAction(outcome, 'request.review');
    const tooShort = await env.h.client.execute(sw, 'request.review', { ...ask.data, justification: 'please' });
    expect(cardText(tooShort)).toContain('Nothing was changed');
    const reference = String(ask.data.reference);
    expect((await env.h.bot.app.store.requests.get('fass', reference))?.status).toBe('not_recommended');
    const reviewed = await env.h.client.execute(sw, 'request.review', { ...ask.data, justification: SYNTHETIC.justification });
    expect(cardText(reviewed)).toContain('Waiting for duty clinician review');
    expect(await env.h.bot.app.store.requests.get('fass', reference)).toMatchObject({
      status: 'awaiting_review', review: { reasons: ['referrer_request'], justification: SYNTHETIC.justification },
    });
  });

  it('flags a safeguarding override for review automatically', async () => {
    const review = await fillJourney(env.h.client, sw, buildAnswers({ consent: OVERRIDE_CONSENT }));
    const outcome = await env.h.client.execute(sw, 'request.submit', findAction(review, 'request.submit').data);
    expect(cardText(outcome)).toContain('A duty clinician will review this request');
    const reference = /FASS-\d{4}-\d{4}/.exec(cardText(outcome))![0];
    expect((await env.h.bot.app.store.requests.get('fass', reference))?.review?.reasons).toEqual(['safeguarding_override']);
  });

  it('asks for the override details only when they are needed', async () => {
    let card = await env.h.client.startRequest(sw);
    for (const step of ['about', 'exclusions', 'concerns'] as const) card = await answerStep(env.h.client, sw, card, buildAnswers()[step]);
    const missing = await env.h.client.execute(sw, 'draft.save', { ...findAction(card, 'draft.save').data, ...asCardInputs({ consentStatus: 'safeguarding_override' }) });
    const text = cardText(missing);
    for (const field of ['Justification', 'Statutory power', 'UK GDPR conditions', 'Confidentiality', 'Approved by', 'Family told', 'Review date']) expect(text).toContain(`${field}:`);
  });

  it('never writes the family\'s details or free text to the logs', () => {
    const logs = env.h.logs.lines.join('\n');
    expect(logs).toContain('"evt":"action"');
    for (const secret of [SYNTHETIC.familyName, SYNTHETIC.caseNumber, SYNTHETIC.youngestChildDob, 'MARKER-FREETEXT', 'MARKER-JUSTIFY', SYNTHETIC.approvedBy, sw.name]) {
      expect(logs).not.toContain(secret);
    }
  });

  it('handles Action.Submit from clients without Universal Actions by updating the card in place', async () => {
    const before = env.h.calls.length;
    const res = await env.h.client.post({
      type: 'message', id: 'submit-1', replyToId: 'card-42', value: { verb: 'requests.mine' }, channelId: 'msteams',
      serviceUrl: env.h.client['serviceUrl' as never], from: { id: '29:x', aadObjectId: sw.id }, recipient: { id: '28:bot' },
      conversation: { id: 'a:personal-submit', conversationType: 'personal' },
    });
    expect(res.status).toBe(200);
    const [update] = env.h.calls.slice(before);
    expect(update).toMatchObject({ method: 'PUT', path: expect.stringContaining('/activities/card-42') });
    expect(cardText(update!.body)).toContain('My requests');
  });

  it('cancels a request in progress, and resume then finds none', async () => {
    await env.h.client.startRequest(sw);
    expect(cardText(await env.h.client.say(sw, 'cancel'))).toContain('Request discarded');
    expect(cardText(await env.h.client.say(sw, 'resume'))).toContain('No request in progress');
  });
});
