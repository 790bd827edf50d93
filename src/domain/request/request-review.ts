import { DomainError } from '../errors';
import type { ConsultationRequest } from './consultation-request';

export const MIN_JUSTIFICATION = 20;

/**
 * Criteria are guidance and clinicians decide: a "not recommended" request may go to a duty
 * clinician with the referrer's justification. Returns the request as it should be saved.
 */
export function withReviewRequested(request: ConsultationRequest, justification: string, now: string): ConsultationRequest {
  if (request.status !== 'not_recommended') throw new DomainError('review_not_allowed');
  const text = justification.trim();
  if (text.length < MIN_JUSTIFICATION || text.length > 2000) {
    throw new DomainError('invalid_input', [{ field: 'justification', message: `explain why in ${MIN_JUSTIFICATION} to 2000 characters` }]);
  }
  return {
    ...request,
    status: 'awaiting_review',
    review: { reasons: ['referrer_request'], justification: text, requestedAt: now },
    updatedAt: now,
    version: request.version + 1,
  };
}
