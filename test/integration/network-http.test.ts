import { seedRoster } from '../../src/app/booking/manage-roster';
import { BotClient, cardText, findAction } from '../support/bot-client';
import { eventually, useBotOnRedis } from '../support/bot-harness';
import { consultationHappened, offeredStarts, PEOPLE, publishEveryDay, ROSTER, sentTo, submitEligible, textsTo } from '../support/booking';
import { SYNTHETIC } from '../support/builders';

jest.setTimeout(30_000);

const { referrer, clinicianA, coordinator } = PEOPLE;
const gp = { id: 'aad-gp-1', name: 'Synthetic GP' };
const env = useBotOnRedis({ ROSTER, JOB_POLL_MS: '100', OUTBOX_BLOCK_MS: '100' });
const GROUP = BotClient.group('19:synthetic-network-group@thread.v2');
const NETWORK_CHANNEL = BotClient.channel('19:synthetic-network-channel@thread.tacv2');
const personal = (id: string) => `a:personal-${id}`;
/** What a post shows: its text and cards (not the envelope, whose recipient of an in-turn reply is the person who spoke). */
const shown = (calls: typeof env.h.calls, conversationId: string) =>
  JSON.stringify(calls.filter((c) => decodeURIComponent(c.path).includes(conversationId)).map((c) => [c.body.text, c.body.attachments]));
const SECRETS = [SYNTHETIC.familyName, SYNTHETIC.caseNumber, SYNTHETIC.youngestChildDob, 'MARKER-FREETEXT', 'MARKER-NOTES-5d1e', 'MARKER-NEXT-8a2b', referrer.name];

beforeEach(async () => {
  await env.redis.client().flushall();
  await env.h.restart();
  env.h.calls.length = 0; // the previous test's bot has stopped: its late cards are not this test's
  await seedRoster(env.h.bot.app, 'fass', ROSTER);
  await env.h.client.installInTeam(coordinator);
  await publishEveryDay(env.h.client, clinicianA);
});

async function bookedCase(): Promise<string> {
  const { reference, outcome } = await submitEligible(env.h.client, referrer);
  const times = await env.h.client.execute(referrer, 'booking.times', findAction(outcome, 'booking.times').data);
  await env.h.client.execute(referrer, 'booking.offer', { service: 'fass', reference, times: offeredStarts(times)[0] });
  await env.h.client.executeInChannel(clinicianA, 'booking.accept', { service: 'fass', reference, start: offeredStarts(times)[0] });
  return reference;
}

const settled = () => eventually(async () => (await env.h.bot.app.store.outbox.backlog('fass')) === 0, 'the outbox to empty');

describe('the family\'s professional network, over HTTP on Redis', () => {
  it('links a group chat: one case card updated in place through booking and completion, a line per event, detail only in 1:1', async () => {
    const { reference } = await submitEligible(env.h.client, referrer);
    const refused = await env.h.client.sayIn(gp, GROUP, `<at>Consultations</at> link ${reference}`);
    expect(cardText(refused[0])).toContain('Only the referrer, the case\'s clinician or a coordinator');
    const linked = await env.h.client.sayIn(referrer, GROUP, `<at>Consultations</at> link ${reference}`);
    expect(cardText(linked[0])).toContain(`Linked ${reference}`);
    await eventually(() => sentTo(env.h.calls, GROUP.conversation.id).some((c) => cardText(c).includes(`Case ${reference}`)), 'the case card');

    const times = await env.h.client.execute(referrer, 'booking.times', { service: 'fass', reference });
    await env.h.client.execute(referrer, 'booking.offer', { service: 'fass', reference, times: offeredStarts(times)[0] });
    await env.h.client.executeInChannel(clinicianA, 'booking.accept', { service: 'fass', reference, start: offeredStarts(times)[0] });
    await settled();
    await consultationHappened(env.h.bot.app, reference);
    const done = await env.h.client.execute(clinicianA, 'consultation.complete', { service: 'fass', reference, outcome: 'fass_assessment_offered', notes: 'MARKER-NOTES-5d1e: synthetic clinical notes' });
    expect(cardText(done)).toContain('Outcome recorded');
    await settled();

    const posted = sentTo(env.h.calls, GROUP.conversation.id).filter((c) => cardText(c).includes(`Case ${reference}`));
    const updates = sentTo(env.h.calls, GROUP.conversation.id, 'PUT');
    expect(posted).toHaveLength(1);
    expect(cardText(updates.at(-1))).toContain('Consultation completed');
    // The network reads a neutral next step, never the treatment offered.
    expect(cardText(updates.at(-1))).toContain('Further work offered');
    expect(cardText(updates.at(-1))).not.toContain('FASS assessment offered');
    expect(updates.some((c) => cardText(c).includes('Consultation booked'))).toBe(true);
    const lines = textsTo(env.h.calls, GROUP.conversation.id);
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringContaining(`${reference}: This conversation now follows the case`),
      expect.stringContaining(`${reference}: Consultation booked (`),
      expect.stringContaining(`${reference}: Consultation completed (`),
    ]));
    for (const secret of SECRETS) expect(shown(env.h.calls, GROUP.conversation.id)).not.toContain(secret);

    const toReferrer = sentTo(env.h.calls, personal(referrer.id)).filter((c) => cardText(c).includes('The consultation is complete'));
    expect(toReferrer).toHaveLength(1);
    expect(cardText(toReferrer[0])).toContain('MARKER-NOTES-5d1e');

    const disclosures = (await env.h.bot.app.store.audit.recent('fass', 500)).filter((e) => e.action === 'disclose' && e.subject === reference);
    expect(disclosures).toEqual(expect.arrayContaining([
      expect.objectContaining({ actor: 'notifier', detail: expect.objectContaining({ audience: 'network', to: `conv:${GROUP.conversation.id}`, fields: 'reference,status,dates,next_step', event: 'completed' }) }),
      expect.objectContaining({ detail: expect.objectContaining({ audience: 'referrer', to: `user:${referrer.id}`, fields: expect.stringMatching(/^case_detail,answers\.about,.*completion\.notes/), event: 'completed' }) }),
    ]));
  });

  it('posts the case card in a network channel with each event as a reply in its thread', async () => {
    const reference = await bookedCase();
    await env.h.client.sayIn(clinicianA, NETWORK_CHANNEL, `<at>Consultations</at> link ${reference}`);
    await settled();
    const rootCall = env.h.calls.find((c) => c.method === 'POST' && c.path.startsWith(`/v3/conversations/${encodeURIComponent(NETWORK_CHANNEL.conversation.id)}/activities`) && cardText(c.body).includes(`Case ${reference}`));
    expect(rootCall).toBeDefined();
    const booked = (await env.h.bot.app.store.requests.get('fass', reference))!;
    await env.h.client.execute(referrer, 'booking.reschedule', { service: 'fass', reference, bookingId: booked.booking!.id, reason: 'MARKER-FREETEXT reason' });
    await settled();
    const thread = `${NETWORK_CHANNEL.conversation.id};messageid=`;
    const replies = env.h.calls.filter((c) => c.method === 'POST' && decodeURIComponent(c.path).includes(thread)).map((c) => c.body.text as string);
    expect(replies).toEqual(expect.arrayContaining([expect.stringContaining(`${reference}: Consultation to be rearranged`)]));
    for (const secret of SECRETS) expect(shown(env.h.calls, NETWORK_CHANNEL.conversation.id)).not.toContain(secret);
  });

  it('lets a member of a linked conversation follow in personal chat, with the network view only, updated in place', async () => {
    const reference = await bookedCase();
    await env.h.client.sayIn(referrer, GROUP, `<at>Consultations</at> link ${reference}`);
    await env.h.client.say(gp, 'help');
    const notLinked = await env.h.client.executeIn(gp, BotClient.group('19:not-linked@thread.v2'), 'network.follow', { service: 'fass', reference });
    expect(cardText(notLinked)).toContain('Not something your role can do');
    const followed = await env.h.client.executeIn(gp, GROUP, 'network.follow', { service: 'fass', reference, fromConversationId: '19:spoofed@thread.v2' });
    expect(cardText(followed)).toContain('You follow this case');
    await settled();
    expect(sentTo(env.h.calls, personal(gp.id)).filter((c) => cardText(c).includes(`Case ${reference}`))).toHaveLength(1);

    await consultationHappened(env.h.bot.app, reference);
    await env.h.client.execute(clinicianA, 'consultation.complete', { service: 'fass', reference, outcome: 'referred_pps', notes: 'MARKER-NOTES-5d1e: synthetic' });
    await env.h.client.execute(clinicianA, 'consultation.next_steps', { service: 'fass', reference, step: 'parental_psychology_service', nextText: 'MARKER-NEXT-8a2b: synthetic next steps' });
    await settled();
    const gpUpdates = sentTo(env.h.calls, personal(gp.id), 'PUT');
    expect(cardText(gpUpdates.at(-1))).toContain('Further work offered');
    expect(cardText(gpUpdates.at(-1))).not.toContain('Parental Psychology Service');
    for (const secret of SECRETS) expect(shown(env.h.calls, personal(gp.id))).not.toContain(secret);

    const unfollowed = await env.h.client.execute(gp, 'network.unfollow', { service: 'fass', reference });
    expect(cardText(unfollowed)).toContain(`Stopped following ${reference}`);
    expect((await env.h.bot.app.store.requests.get('fass', reference))!.followers).toEqual([]);
  });

  it('refuses an outcome before the consultation, from anyone but the clinician or a coordinator, and bad input', async () => {
    const reference = await bookedCase();
    const early = await env.h.client.execute(clinicianA, 'consultation.complete', { service: 'fass', reference, outcome: 'advice_given', notes: 'too early' });
    expect(cardText(early)).toContain('Not started yet');
    await consultationHappened(env.h.bot.app, reference);
    const stranger = await env.h.client.execute(gp, 'consultation.complete', { service: 'fass', reference, outcome: 'advice_given', notes: 'not mine' });
    expect(cardText(stranger)).toContain('Not something your role can do');
    const noOutcome = await env.h.client.execute(clinicianA, 'consultation.complete', { service: 'fass', reference, outcome: 'made_up', notes: 'x y z' });
    expect(cardText(noOutcome)).toContain('choose the outcome');
    expect((await env.h.bot.app.store.requests.get('fass', reference))!.status).toBe('booked');
  });

  it('lets coordinators see and retry what could not be delivered', async () => {
    const reference = await bookedCase();
    await settled();
    const n = { id: `${reference}:99:next_steps`, service: 'fass', reference, event: 'next_steps', at: new Date().toISOString(), data: {} };
    await env.redis.client().xadd('cb:{fass}:outbox-dead', '*', 'n', JSON.stringify(n), 'code', 'throttled', 'attempts', '6', 'at', new Date().toISOString());
    expect(cardText((await env.h.client.say(referrer, 'dead letters'))[0])).toContain('Not something your role can do');
    const list = (await env.h.client.say(coordinator, 'dead letters'))[0]!;
    expect(cardText(list)).toContain(`**${reference}** · next_steps`);
    expect(cardText(list)).toContain('the chat service kept asking to slow down');
    const retried = await env.h.client.execute(coordinator, 'deadletters.retry', findAction(list, 'deadletters.retry').data);
    expect(cardText(retried)).toContain('1 message(s) put back for delivery');
    expect(cardText(retried)).toContain('None: everything was delivered');
    await settled();
  });
});
