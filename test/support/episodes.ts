import type { ConsultationRequest } from '../../src/domain/request/consultation-request';
import type { Store } from '../../src/ports/store';
import { auditEntry, buildDraft, buildRequest } from './builders';

/**
 * A PPS request whose first appointment has happened and whose outcome offered therapy, written to the store the
 * way the bot writes one (a submitted draft, then the completed consultation). Linked to a network group chat.
 */
export async function completedPpsRequest(store: Store, reference: string, people: { ownerId: string; therapistId: string }): Promise<ConsultationRequest> {
  const draft = buildDraft({ service: 'pps', ownerId: people.ownerId });
  await store.drafts.save(draft, auditEntry());
  const submitted = buildRequest({
    service: 'pps', reference, draftId: draft.id, ownerId: people.ownerId, screening: { outcome: 'eligible', reasons: [], catalogueVersion: 'pps-2026.1' },
  });
  await store.requests.create(submitted, { ...draft, status: 'submitted', reference, version: 2 }, auditEntry('request.submit', reference));
  const completed: ConsultationRequest = {
    ...submitted, status: 'completed', version: 2,
    completion: { outcome: 'therapy_offered', notes: 'Synthetic notes', by: people.therapistId, at: '2027-02-20T10:00:00.000Z', consultationAt: '2027-02-20T09:00:00.000Z' },
    links: [{ conversationId: 'conv-network', kind: 'groupChat', by: people.ownerId, at: '2027-02-01T00:00:00.000Z' }],
  };
  await store.requests.update(completed, auditEntry('consultation.complete', reference));
  return completed;
}
