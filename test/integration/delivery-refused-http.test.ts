import { seedRoster } from '../../src/app/booking/manage-roster';
import { BotClient, cardText } from '../support/bot-client';
import { eventually, useBotOnRedis } from '../support/bot-harness';
import { PEOPLE, publishEveryDay, ROSTER, submitEligible, offeredStarts, sentTo, textsTo } from '../support/booking';

jest.setTimeout(60_000);

const { referrer, clinicianA, coordinator } = PEOPLE;
const group = BotClient.group('19:synthetic-refusing@thread.v2');
const inGroup = (path: string) => path.startsWith(`/v3/conversations/${encodeURIComponent(group.conversation.id)}/`);
/** While true, Teams refuses every proactive send to the group chat with 429 (replies within a turn, to act-N, still pass). */
let refusing = false;
const env = useBotOnRedis({ ROSTER, JOB_POLL_MS: '100', OUTBOX_BLOCK_MS: '100', OUTBOX_MAX_ATTEMPTS: '20' }, {
  refuse: (_method, path) => (refusing && inGroup(path) && !/\/activities\/act-\d+$/.test(path) ? 429 : undefined),
});

/**
 * Regression: a send Teams kept refusing past the HTTP client's own retries used to be swallowed by the
 * adapter's onTurnError inside continueConversationAsync, so the notifier marked it sent and acknowledged
 * it, and the network never saw it (the fan-out test's occasional "267 of 268").
 */
describe('a network post Teams keeps refusing is kept until it is shown', () => {
  it('stays in the outbox while refused, then is shown once', async () => {
    await seedRoster(env.h.bot.app, 'fass', ROSTER);
    await env.h.client.installInTeam(coordinator);
    await publishEveryDay(env.h.client, clinicianA);
    const { reference } = await submitEligible(env.h.client, referrer);
    const times = await env.h.client.execute(referrer, 'booking.times', { service: 'fass', reference });
    const start = offeredStarts(times)[0]!;
    await env.h.client.execute(referrer, 'booking.offer', { service: 'fass', reference, times: start });
    await env.h.client.executeInChannel(clinicianA, 'booking.accept', { service: 'fass', reference, start });
    await env.h.client.sayIn(referrer, group, `<at>Consultations</at> link ${reference}`);
    await eventually(async () => (await env.h.bot.app.store.outbox.backlog('fass')) === 0, 'the link delivered', 20_000);
    expect(sentTo(env.h.connector.calls, group.conversation.id).filter((c) => cardText(c).includes(`Case ${reference}`))).toHaveLength(1);

    refusing = true;
    const booked = (await env.h.bot.app.store.requests.get('fass', reference))!;
    await env.h.client.execute(referrer, 'booking.cancel', { service: 'fass', reference, bookingId: booked.booking!.id, reason: 'synthetic refusal' });
    // Eight refusals: two sends each refused on the first try and the HTTP client's three retries (the old code had
    // by then marked the card update and the line sent, and acknowledged the notification).
    await eventually(() => env.h.connector.refused.length >= 8, 'Teams to refuse two sends outright', 30_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(await env.h.bot.app.store.outbox.backlog('fass')).toBe(1);
    expect(textsTo(env.h.connector.calls, group.conversation.id).filter((t) => t.includes('Consultation cancelled'))).toEqual([]);

    refusing = false;
    await eventually(async () => (await env.h.bot.app.store.outbox.backlog('fass')) === 0, 'the cancellation delivered', 30_000);
    const lines = textsTo(env.h.connector.calls, group.conversation.id);
    expect(lines.filter((t) => t.startsWith(`${reference}: Consultation cancelled`))).toHaveLength(1);
    expect(cardText(sentTo(env.h.connector.calls, group.conversation.id, 'PUT').at(-1))).toContain('Consultation cancelled');
    expect(await env.h.bot.app.store.outbox.listDead('fass', 10)).toEqual([]);
  });
});
