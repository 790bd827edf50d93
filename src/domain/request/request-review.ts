import type { Catalogue } from '../catalogue/catalogue';
import { DomainError } from '../errors';
import type { ConsultationRequest } from './consultation-request';

export const MIN_JUSTIFICATION = 20;
export const MAX_JUSTIFICATION = 2000;

/**
 * Whether a duty clinician may be asked to look at a request: it was not recommended, and by nothing the
 * service has said may not be taken to review (an exclusion it marks not reviewable).
 */
export function mayAskForReview(request: ConsultationRequest, catalogue: Catalogue): boolean {
  const closed = new Set(catalogue.exclusions.filter((e) => !e.reviewable).map((e) => e.id));
  return request.status === 'not_recommended' && !request.screening.reasons.some((r) => closed.has(r.criterion));
}

/**
 * Criteria are guidance and clinicians decide: a "not recommended" request may go to a duty
 * clinician with the referrer's justification. Returns the request as it should be saved.
 */
export function withReviewRequested(request: ConsultationRequest, catalogue: Catalogue, justification: string, now: string): ConsultationRequest {
  if (!mayAskForReview(request, catalogue)) throw new DomainError('review_not_allowed');
  const text = justification.trim();
  if (text.length < MIN_JUSTIFICATION || text.length > MAX_JUSTIFICATION) {
    throw new DomainError('invalid_input', [{ field: 'justification', message: `explain why in ${MIN_JUSTIFICATION} to ${MAX_JUSTIFICATION} characters` }]);
  }
  return {
    ...request,
    status: 'awaiting_review',
    review: { reasons: ['referrer_request'], justification: text, requestedAt: now },
    updatedAt: now,
    version: request.version + 1,
  };
}
