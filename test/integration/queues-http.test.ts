import { cardText } from '../support/bot-client';
import { useBotOnRedis } from '../support/bot-harness';
import { PEOPLE, ROSTER } from '../support/booking';
import { auditEntry, buildDraft, buildRequest } from '../support/builders';
import type { ConsultationRequest } from '../../src/domain/request/consultation-request';

const env = useBotOnRedis({ ROSTER });

/** Stores a submitted request as submitRequest would, without the journey (a year's worth is needed). */
async function stored(overrides: Partial<ConsultationRequest>): Promise<void> {
  const store = env.h.bot.app.store;
  const draft = buildDraft({ ownerId: 'aad-queue-sw' });
  await store.drafts.save(draft, auditEntry());
  const request = buildRequest({ draftId: draft.id, ownerId: draft.ownerId, ...overrides });
  await store.requests.create(request, { ...draft, status: 'submitted', reference: request.reference, version: 2 }, auditEntry('request.submit', request.reference));
}

describe('coordinators\' queues', () => {
  it('show a request waiting for review however many newer requests there are (no truncation at 1,000)', async () => {
    const minutes = (n: number) => new Date(Date.parse('2026-01-05T09:00:00.000Z') + n * 60_000).toISOString();
    await stored({ reference: 'FASS-2026-0001', status: 'awaiting_review', review: { reasons: ['safeguarding_override'], requestedAt: minutes(0) }, submittedAt: minutes(0), updatedAt: minutes(0) });
    for (let i = 0; i < 1100; i += 100) {
      await Promise.all(Array.from({ length: 100 }, (_, j) => stored({
        reference: `FASS-2026-${String(2 + i + j).padStart(4, '0')}`, status: 'awaiting_booking', submittedAt: minutes(10 + i + j), updatedAt: minutes(10 + i + j),
      })));
    }
    const queue = cardText(await env.h.client.say(PEOPLE.coordinator, 'reviews'));
    expect(queue).toContain('FASS-2026-0001');
    expect(queue).not.toContain('None waiting');
  }, 60_000);
});
