import { cardText } from '../support/bot-client';
import { useBotOnRedis, type Harness } from '../support/bot-harness';

// Sixty turns a minute for a person (five at once), 120 for a tenant (ten at once): small enough to reach in a test.
const env = useBotOnRedis({ INBOUND_USER_PER_MINUTE: '60', INBOUND_TENANT_PER_MINUTE: '120' });

const message = (h: Harness, user: string, tenant: string, n: number) => ({
  type: 'message', id: `lim-${user}-${n}`, text: 'help', channelId: 'msteams', serviceUrl: h.connector.url, timestamp: new Date().toISOString(),
  from: { id: `29:${user}`, aadObjectId: user, name: 'Synthetic Limited' }, recipient: { id: '28:bot', name: 'Consultations' },
  conversation: { id: `a:personal-${user}`, conversationType: 'personal', tenantId: tenant }, channelData: { tenant: { id: tenant } },
});

/** Cards the bot sent to a person's chat. */
const cardsTo = (h: Harness, user: string) => h.calls.filter((c) => c.path.includes(encodeURIComponent(`a:personal-${user}`))).map((c) => cardText(c.body));

describe('inbound limits', () => {
  it('one person sending as fast as they can is slowed down with a clear card, once, and nobody else is', async () => {
    const { h } = env;
    for (let n = 0; n < 20; n += 1) expect((await h.client.post(message(h, 'aad-flooder', 'tenant-a', n))).status).toBe(200);
    const flooder = cardsTo(h, 'aad-flooder');
    // Five at once, then 2.5 a second while the twenty arrive (however slowly this machine sends them, far fewer than twenty).
    const served = flooder.filter((t) => t.includes('Request a consultation')).length;
    expect(served).toBeGreaterThanOrEqual(5);
    expect(served).toBeLessThanOrEqual(10);
    expect(flooder.filter((t) => t.includes('Please slow down'))).toHaveLength(1);
    expect(flooder).toHaveLength(served + 1);
    expect((await h.client.post(message(h, 'aad-bystander', 'tenant-a', 0))).status).toBe(200);
    expect(cardsTo(h, 'aad-bystander')).toEqual([expect.stringContaining('Request a consultation')]);
    expect(h.logs.lines.join('\n')).toContain('"evt":"inbound_limited","limit":"user"');
  });

  it('a clicked card over the limit is answered with the slow-down card and changes nothing', async () => {
    const { h } = env;
    const user = { id: 'aad-clicker', name: 'Synthetic Clicker' };
    const answers: string[] = [];
    for (let n = 0; n < 12; n += 1) answers.push(cardText(await h.client.execute(user, 'request.start', { service: 'fass', fresh: 'true' })));
    expect(answers.slice(0, 5).every((t) => !t.includes('Please slow down'))).toBe(true);
    const slowed = answers.filter((t) => t.includes('Please slow down'));
    expect(slowed.length).toBeGreaterThanOrEqual(3);
    for (const t of slowed) expect(t).toContain('Nothing was saved or changed');
    // Each click served started a request afresh; none of the slowed ones did.
    const started = (await h.bot.app.store.audit.recent('fass', 100)).filter((a) => a.actor === user.id && a.action === 'draft.start');
    expect(started).toHaveLength(12 - slowed.length);
  });

  it('a tenant whose people together send too much is held to its limit, and other tenants are not', async () => {
    const { h } = env;
    const statuses: string[] = [];
    // Fourteen people in tenant-b, one turn each: the tenant's burst of ten lets ten through.
    for (let n = 0; n < 14; n += 1) {
      await h.client.post(message(h, `aad-b-${n}`, 'tenant-b', 0));
      statuses.push(cardsTo(h, `aad-b-${n}`).join());
    }
    const served = statuses.filter((t) => t.includes('Request a consultation')).length;
    expect(served).toBeGreaterThanOrEqual(10);
    expect(served).toBeLessThanOrEqual(12);
    expect(statuses.filter((t) => t.includes('Please slow down'))).toHaveLength(14 - served);
    await h.client.post(message(h, 'aad-c-0', 'tenant-c', 0));
    expect(cardsTo(h, 'aad-c-0')).toEqual([expect.stringContaining('Request a consultation')]);
  });
});
