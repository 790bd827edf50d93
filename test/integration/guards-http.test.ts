import fc from 'fast-check';
import { cardText, findAction } from '../support/bot-client';
import { useBotOnRedis } from '../support/bot-harness';
import { buildAnswers } from '../support/builders';
import { answerStep } from '../support/journey';
import { BOOKING_VERBS } from '../../src/conversation/verbs/booking';
import { NETWORK_VERBS } from '../../src/conversation/verbs/network';
import { TEAM_VERBS } from '../../src/conversation/verbs/team';

const owner = { id: 'aad-owner', name: 'Synthetic Owner' };
const other = { id: 'aad-other', name: 'Synthetic Other' };
const env = useBotOnRedis();

/**
 * Everything stored for the service except the audit trail and the directory of where people can be
 * reached (written when anyone talks to the bot, not a change to any case), to prove that nothing changed.
 */
async function snapshot(): Promise<string> {
  const c = env.redis.client();
  const keys = (await c.keys('cb:*')).filter((k) => !k.endsWith(':audit') && !k.startsWith('cb:directory') && !k.startsWith('cb:once:')).sort();
  const read = async (k: string) => {
    const type = await c.type(k);
    if (type === 'hash') return c.hgetall(k);
    if (type === 'zset') return c.zrange(k, '0', '-1', 'WITHSCORES');
    if (type === 'set') return (await c.smembers(k)).sort();
    if (type === 'stream') return (await c.xrange(k, '-', '+')).map(([, fields]) => fields);
    return c.get(k);
  };
  // An empty outbox stream is the notifier reading a service's outbox (it makes the stream to read it), not a change.
  const parts = (await Promise.all(keys.map(async (k) => `${k}=${JSON.stringify(await read(k))}`))).filter((p) => !/:outbox=\[\]$/.test(p));
  return parts.join('\n');
}

describe('who may act, and what bad input does', () => {
  it('refuses a card action on someone else\'s draft, changes nothing and audits the refusal', async () => {
    const about = await env.h.client.startRequest(owner);
    const step2 = await answerStep(env.h.client, owner, about, buildAnswers().about);
    const before = await snapshot();
    const save = findAction(step2, 'draft.save').data;
    const refused = await env.h.client.execute(other, 'draft.save', { ...save, exclusions: '', inCareProceedings: 'no' });
    expect(cardText(refused)).toContain('This is not your request');
    const cancel = await env.h.client.execute(other, 'draft.cancel', findAction(step2, 'draft.cancel').data);
    expect(cardText(cancel)).toContain('This is not your request');
    expect(await snapshot()).toBe(before);
    const audit = await env.h.bot.app.store.audit.recent('fass', 2);
    expect(audit.map((a) => [a.actor, a.action, a.result, a.code])).toEqual([
      ['aad-other', 'draft.cancel', 'denied', 'not_owner'], ['aad-other', 'draft.save_step', 'denied', 'not_owner'],
    ]);
  });

  it('tells people in a channel to use personal chat, and keeps nothing', async () => {
    const before = await snapshot();
    const res = await env.h.client.post({
      type: 'message', id: 'ch-1', text: 'request consultation', channelId: 'msteams', serviceUrl: env.h.client['serviceUrl' as never],
      from: { id: '29:x', aadObjectId: owner.id }, recipient: { id: '28:bot' }, conversation: { id: '19:triage@thread', conversationType: 'channel' },
    });
    expect(res.status).toBe(200);
    expect(cardText(env.h.calls.at(-1)!.body)).toContain('Requests are made in a personal chat');
    expect(await snapshot()).toBe(before);
  });

  it('answers every malformed card payload with a clear card and changes nothing (property)', async () => {
    const fuzzer = { id: 'aad-fuzz', name: 'Synthetic Fuzzer' };
    const about = await env.h.client.startRequest(fuzzer);
    const card = await answerStep(env.h.client, fuzzer, about, buildAnswers().about);
    const valid = findAction(card, 'draft.save').data;
    const before = await snapshot();
    const junk = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.dictionary(fc.string(), fc.string()), fc.string({ minLength: 5001, maxLength: 6000 }));
    const corruption = fc.oneof(
      fc.record({ verb: fc.string({ maxLength: 40 }).filter((v) => !['request.start', 'draft.resume', 'requests.mine', 'draft.cancel', 'request.open'].includes(v)), data: fc.constant(valid) }),
      fc.record({ verb: fc.constant('draft.save'), data: fc.record({ field: fc.constantFrom('draftId', 'version', 'step', 'service'), junk }).map(({ field, junk: j }) => ({ ...valid, [field]: j })) }),
      fc.record({ verb: fc.constant('draft.save'), data: fc.record({ field: fc.constantFrom('exclusions', 'inCareProceedings', 'courtSupportsReunification'), junk }).map(({ field, junk: j }) => ({ ...valid, inCareProceedings: 'no', [field]: j })) }),
      fc.record({ verb: fc.constant('draft.save'), data: fc.constantFrom({ ...valid, exclusions: 'not_an_exclusion', inCareProceedings: 'no' }, { ...valid, inCareProceedings: 'perhaps' }, { ...valid, step: 'review' }) }),
      fc.record({ verb: fc.constantFrom('draft.goto', 'request.submit', 'request.review', 'draft.cancel'), data: fc.dictionary(fc.string({ maxLength: 10 }), junk) }),
    );
    await fc.assert(fc.asyncProperty(corruption, async ({ verb, data }) => {
      const reply = await env.h.client.execute(fuzzer, verb, data as Record<string, unknown>);
      expect(reply.type).toBe('AdaptiveCard');
      expect(cardText(reply)).toMatch(/Nothing was (saved|changed|sent)|not recognised|No request in progress|Please check|Nothing to discard/);
    }), { numRuns: 150 });
    const raw = await env.h.client.invoke(fuzzer, { action: { type: 'Action.Submit', verb: 7 } });
    expect(cardText(raw)).toContain('not recognised');
    expect(await snapshot()).toBe(before);
  });

  it('answers malformed or unauthorised booking actions with a clear card and changes nothing (property)', async () => {
    const outsider = { id: 'aad-outsider', name: 'Synthetic Outsider' };
    await env.h.client.say(outsider, 'help');
    const before = await snapshot();
    const junk = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.string({ maxLength: 30 }), fc.string({ minLength: 5001, maxLength: 5200 }));
    const verbs = Object.keys({ ...BOOKING_VERBS, ...TEAM_VERBS, ...NETWORK_VERBS });
    const good = { service: 'fass', reference: 'FASS-2026-0001', start: '2030-01-07T09:00:00.000Z', bookingId: 'b-1', version: '0', change: 'add_weekly',
      memberId: 'aad-x', roles: 'clinician', approved: 'true', reasonField: 'reason_0', times: '2030-01-07T09:00:00.000Z', reason: 'synthetic reason' };
    const payload = fc.oneof(
      fc.record({ verb: fc.constantFrom(...verbs), data: fc.dictionary(fc.string({ maxLength: 12 }), junk) }),
      fc.record({ verb: fc.constantFrom(...verbs), data: fc.record({ field: fc.constantFrom(...Object.keys(good)), junk }).map(({ field, junk: j }) => ({ ...good, [field]: j })) }),
      fc.record({ verb: fc.constantFrom(...verbs), data: fc.constant(good) }),
    );
    await fc.assert(fc.asyncProperty(payload, async ({ verb, data }) => {
      const reply = await env.h.client.execute(outsider, verb, data as Record<string, unknown>);
      expect(reply.type).toBe('AdaptiveCard');
      expect(cardText(reply)).toMatch(/Nothing was (saved|changed)|not recognised|Request not found/);
    }), { numRuns: 200 });
    expect(await snapshot()).toBe(before);
  });
});
