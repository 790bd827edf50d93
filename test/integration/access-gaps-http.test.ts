import { cardText, findAction } from '../support/bot-client';
import { useBotOnRedis } from '../support/bot-harness';
import { buildAnswers, SYNTHETIC } from '../support/builders';
import { fillJourney } from '../support/journey';

const owner = { id: 'aad-gap-owner', name: 'Synthetic Gap Owner' };
const other = { id: 'aad-gap-other', name: 'Synthetic Gap Other' };
const env = useBotOnRedis();

/** Every key and value in Redis but the audit streams (which a refusal appends to), to show nothing else changed. */
async function everythingButAudit(): Promise<string[]> {
  const c = env.redis.client();
  const keys = (await c.keys('*')).filter((k) => !k.endsWith(':audit') && !k.startsWith('cb:once:') && !k.startsWith('cb:directory')).sort();
  return Promise.all(keys.map(async (k) => `${k}=${JSON.stringify(await c.dump(k))}`));
}

const FAMILY = [SYNTHETIC.familyName, SYNTHETIC.caseNumber, SYNTHETIC.helpWith.split(':')[0]!];

describe('access on error paths', () => {
  it('refuses draft.save with a non-string field on someone else\'s draft without drawing it, and audits the refusal', async () => {
    const review = await fillJourney(env.h.client, owner, buildAnswers());
    expect(cardText(review)).toContain(SYNTHETIC.familyName);
    const { draftId, service } = findAction(review, 'request.submit').data as { draftId: string; service: string };
    const before = await everythingButAudit();
    // Inputs a card could never send (a number, a list): they used to fail validation before the owner check, and the
    // error screen drew the draft it was about, someone else's answers included.
    for (const junk of [{ helpWith: 42 }, { familyName: ['x'] }, { caseNumber: { a: 1 } }]) {
      const step = Object.keys(junk)[0] === 'helpWith' ? 'details' : 'about';
      const refused = await env.h.client.execute(other, 'draft.save', { service, draftId, version: '7', step, ...junk });
      const text = cardText(refused);
      expect(text).toContain('This is not your request');
      for (const marker of FAMILY) expect(text).not.toContain(marker);
    }
    expect(await everythingButAudit()).toEqual(before);
    const refusals = (await env.h.bot.app.store.audit.recent('fass', 3)).map((a) => [a.actor, a.action, a.subject, a.result, a.code]);
    expect(refusals).toEqual(Array(3).fill([other.id, 'draft.save_step', draftId, 'denied', 'not_owner']));
  });

  it('refuses a service that is not in force before anything runs: no key, no audit stream under its name', async () => {
    const c = env.redis.client();
    const verbs: [string, Record<string, unknown>][] = [
      ['request.start', {}], ['draft.save', { draftId: 'd-1', version: '1', step: 'about', familyName: 'x' }], ['draft.cancel', { draftId: 'd-1' }],
      ['request.submit', { draftId: 'd-1' }], ['booking.view', { reference: 'NOPE-2026-0001' }], ['booking.cancel', { reference: 'NOPE-2026-0001', bookingId: 'b' }],
      ['roster.show', {}], ['reviews.show', {}], ['deadletters.show', {}], ['availability.show', {}], ['network.unfollow', { reference: 'NOPE-2026-0001' }],
    ];
    for (const [verb, data] of verbs) {
      const reply = await env.h.client.execute(other, verb, { service: 'nosuch', ...data });
      expect([verb, cardText(reply)]).toEqual([verb, expect.stringMatching(/Unknown service|Nothing was changed/)]);
    }
    expect(await c.keys('*nosuch*')).toEqual([]);
  });
});
