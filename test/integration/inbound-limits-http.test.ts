import { cardText } from '../support/bot-client';
import { useBotOnRedis, type Harness } from '../support/bot-harness';

// Sixty turns a minute for a person (15 at once, then 2.5 a second), 120 for a tenant (30 at once, then 5 a second).
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
    for (let n = 0; n < 40; n += 1) expect((await h.client.post(message(h, 'aad-flooder', 'tenant-a', n))).status).toBe(200);
    const flooder = cardsTo(h, 'aad-flooder');
    // Fifteen at once, then 2.5 a second while the forty arrive (however slowly this machine sends them, far fewer than forty).
    const served = flooder.filter((t) => t.includes('Specialist consultation requests')).length;
    expect(served).toBeGreaterThanOrEqual(15);
    expect(served).toBeLessThanOrEqual(22);
    expect(flooder.filter((t) => t.includes('Please slow down'))).toHaveLength(1);
    expect(flooder).toHaveLength(served + 1);
    expect((await h.client.post(message(h, 'aad-bystander', 'tenant-a', 0))).status).toBe(200);
    expect(cardsTo(h, 'aad-bystander')).toEqual([expect.stringContaining('Specialist consultation requests')]);
    expect(h.logs.lines.join('\n')).toContain('"evt":"inbound_limited","limit":"user"');
  });

  it('a clicked card over the limit is answered with the slow-down card and changes nothing', async () => {
    const { h } = env;
    const user = { id: 'aad-clicker', name: 'Synthetic Clicker' };
    const answers: string[] = [];
    for (let n = 0; n < 25; n += 1) answers.push(cardText(await h.client.execute(user, 'request.start', { service: 'fass', fresh: 'true' })));
    expect(answers.slice(0, 15).every((t) => !t.includes('Please slow down'))).toBe(true);
    const slowed = answers.filter((t) => t.includes('Please slow down'));
    expect(slowed.length).toBeGreaterThanOrEqual(5);
    for (const t of slowed) expect(t).toContain('Nothing was saved or changed');
    // Each click served started a request afresh; none of the slowed ones did.
    const started = (await h.bot.app.store.audit.recent('fass', 100)).filter((a) => a.actor === user.id && a.action === 'draft.start');
    expect(started).toHaveLength(25 - slowed.length);
    // A card refreshing itself is not replaced by the slow-down card: the refresh fails (429) and the card stays as it was.
    const refresh = await h.client.post({
      type: 'invoke', name: 'adaptiveCard/action', id: 'lim-refresh', channelId: 'msteams', serviceUrl: h.connector.url,
      from: { id: `29:${user.id}`, aadObjectId: user.id }, recipient: { id: '28:bot' }, conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: 'tenant-synthetic' },
      value: { action: { type: 'Action.Execute', verb: 'requests.mine', data: {} }, trigger: 'automatic' },
    });
    expect(refresh.status).toBe(429);
  });

  it('a tenant whose people together send too much is held to its limit, and other tenants are not', async () => {
    const { h } = env;
    const statuses: string[] = [];
    // Forty people in tenant-b, one turn each: the tenant's burst of thirty lets thirty through (and its pace a few more).
    for (let n = 0; n < 40; n += 1) {
      await h.client.post(message(h, `aad-b-${n}`, 'tenant-b', 0));
      statuses.push(cardsTo(h, `aad-b-${n}`).join());
    }
    const served = statuses.filter((t) => t.includes('Specialist consultation requests')).length;
    expect(served).toBeGreaterThanOrEqual(30);
    expect(served).toBeLessThanOrEqual(36);
    expect(statuses.filter((t) => t.includes('Please slow down'))).toHaveLength(40 - served);
    await h.client.post(message(h, 'aad-c-0', 'tenant-c', 0));
    expect(cardsTo(h, 'aad-c-0')).toEqual([expect.stringContaining('Specialist consultation requests')]);
  });
});
