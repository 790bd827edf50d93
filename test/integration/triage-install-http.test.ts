import { cardText } from '../support/bot-client';
import { startHarness, type Harness } from '../support/bot-harness';
import { PEOPLE, ROSTER } from '../support/booking';
import { startRedis, type PrivateRedis } from '../support/redis-server';

/** Whether the service has a triage channel: where the bot would post every request waiting for a clinician. */
const triageSet = async (h: Harness) => (await h.bot.app.store.conversations.get('triage:fass')) !== null;
const lastCards = (h: Harness, from: number) => cardText(h.calls.slice(from).map((c) => c.body));

describe('installing the bot in a team', () => {
  let redis: PrivateRedis;
  beforeEach(async () => {
    redis = await startRedis();
  });
  afterEach(async () => {
    await redis.stop();
  });

  it('does not make the channel the triage channel when the installer is no coordinator', async () => {
    const h = await startHarness({ REDIS_URL: redis.url, ROSTER });
    try {
      const from = h.calls.length;
      await h.client.installInTeam(PEOPLE.referrer);
      expect(await triageSet(h)).toBe(false);
      expect(lastCards(h, from)).toContain('The family\'s professional network can follow a case here');
      // A clinician is no coordinator either.
      await h.client.installInTeam(PEOPLE.clinicianA);
      expect(await triageSet(h)).toBe(false);
    } finally {
      await h.stop();
    }
  });

  it('makes it the triage channel when a coordinator of the service installs it, and audits that', async () => {
    const h = await startHarness({ REDIS_URL: redis.url, ROSTER });
    try {
      const from = h.calls.length;
      await h.client.installInTeam(PEOPLE.coordinator);
      expect(await triageSet(h)).toBe(true);
      expect(lastCards(h, from)).toContain('Triage channel');
      const audit = await h.bot.app.store.audit.recent('fass', 5);
      expect(audit).toContainEqual(expect.objectContaining({ actor: PEOPLE.coordinator.id, action: 'triage.adopt', result: 'ok', detail: { via: 'coordinator' } }));
    } finally {
      await h.stop();
    }
  });

  it('makes a configured team (TRIAGE_TEAM_IDS) the triage channel whoever installs it', async () => {
    const h = await startHarness({ REDIS_URL: redis.url, ROSTER, TRIAGE_TEAM_IDS: 'fass/19:synthetic-team@thread.tacv2' });
    try {
      await h.client.installInTeam(PEOPLE.referrer);
      expect(await triageSet(h)).toBe(true);
      const audit = await h.bot.app.store.audit.recent('fass', 5);
      expect(audit).toContainEqual(expect.objectContaining({ actor: PEOPLE.referrer.id, action: 'triage.adopt', detail: { via: 'configured_team' } }));
    } finally {
      await h.stop();
    }
  });
});
