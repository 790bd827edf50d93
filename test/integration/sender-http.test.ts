import { createAdapter } from '../../src/adapters/teams/bot-endpoint';
import { RateLimiter, TEAMS_CONVERSATION_LIMITS } from '../../src/adapters/teams/rate-limiter';
import { TeamsSender } from '../../src/adapters/teams/sender';
import { createLogger } from '../../src/logger';
import { DeliveryError } from '../../src/ports/notifier';
import { LogCapture } from '../support/bot-harness';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub';

jest.setTimeout(20_000);

const CONVERSATION = '19:synthetic-sender@thread.v2';
const reference = (stub: ConnectorStub) => ({
  serviceUrl: stub.url, channelId: 'msteams', bot: { id: '28:bot', name: 'Consultations' },
  conversation: { id: CONVERSATION, conversationType: 'groupChat', isGroup: true, name: '' },
});

/** The sender on the same adapter the bot's endpoint uses (its onTurnError included), in local mode. */
function senderFor(logs = new LogCapture()) {
  const adapter = createAdapter({ appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '' }, createLogger('info', logs));
  return new TeamsSender(adapter, '', new RateLimiter(TEAMS_CONVERSATION_LIMITS, 50));
}

async function withStub<T>(refuse: (method: string) => number | undefined, run: (stub: ConnectorStub) => Promise<T>): Promise<T> {
  const stub = await startConnectorStub({ refuse });
  try {
    return await run(stub);
  } finally {
    await stub.stop();
  }
}

const failureOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

describe('TeamsSender: a send counts as done only when Teams answered it', () => {
  it('a line Teams keeps refusing with 429 (past the HTTP client\'s own retries) is a retryable failure, not a silent success', async () => {
    await withStub(() => 429, async (stub) => {
      const error = await failureOf(senderFor().send(reference(stub), { text: 'FASS-2026-0001: Consultation cancelled.' }));
      expect(error).toBeInstanceOf(DeliveryError);
      expect(error).toMatchObject({ code: 'throttled', retryAfterMs: 1000, permanent: false });
      expect(stub.calls).toHaveLength(0);
      expect(stub.refused.length).toBeGreaterThan(1); // the client did retry before giving up
    });
  });

  it('an update Teams keeps refusing is a failure too', async () => {
    await withStub(() => 429, async (stub) => {
      const error = await failureOf(senderFor().send(reference(stub), { card: { type: 'AdaptiveCard' }, update: 'sent-1' }));
      expect(error).toMatchObject({ code: 'throttled' });
    });
  });

  it('a conversation the bot was removed from (403) is a permanent failure', async () => {
    await withStub(() => 403, async (stub) => {
      const error = await failureOf(senderFor().send(reference(stub), { text: 'FASS-2026-0001: Consultation booked.' }));
      expect(error).toMatchObject({ code: 'rejected_403', permanent: true });
    });
  });

  it('an answered send returns the id Teams gave it, and an answered update its own id', async () => {
    await withStub(() => undefined, async (stub) => {
      const sender = senderFor();
      const id = await sender.send(reference(stub), { text: 'FASS-2026-0001: Consultation booked.' });
      expect(id).toMatch(/^sent-\d+$/);
      await expect(sender.send(reference(stub), { card: { type: 'AdaptiveCard' }, update: id! })).resolves.toBe(id);
      expect(stub.calls.map((c) => c.method)).toEqual(['POST', 'PUT']);
    });
  });

  it('a refusal that clears within the client\'s retries is delivered once', async () => {
    let refusals = 2;
    await withStub(() => (refusals-- > 0 ? 429 : undefined), async (stub) => {
      await expect(senderFor().send(reference(stub), { text: 'FASS-2026-0001: Consultation booked.' })).resolves.toMatch(/^sent-/);
      expect(stub.calls).toHaveLength(1);
    });
  });
});
