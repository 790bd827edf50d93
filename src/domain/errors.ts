import type { z } from 'zod';

/** Every failure a user can meet, by code; the transport turns each into words on the card in one place. */
export type ErrorCode =
  | 'invalid_input'
  | 'unknown_service'
  | 'unknown_action'
  | 'not_owner'
  | 'draft_not_found'
  | 'draft_incomplete'
  | 'draft_already_submitted'
  | 'stale_card'
  | 'request_not_found'
  | 'review_not_allowed'
  | 'network_withheld'
  | 'version_conflict'
  | 'store_unavailable'
  | 'not_allowed'
  | 'slot_taken'
  | 'clinician_busy'
  | 'outside_availability'
  | 'time_unavailable'
  | 'request_moved_on'
  | 'consultation_not_started'
  | 'outcome_too_early'
  | 'episode_not_offered'
  | 'episode_exists'
  | 'episode_not_found'
  | 'episode_closed'
  | 'session_not_started'
  | 'session_recorded'
  | 'series_unavailable'
  | 'own_request'
  | 'too_many_requests';

/** A field that failed validation, named as the user sees it on the card. */
export interface FieldIssue {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

/** Turns zod's issues into field paths such as `consent.justification` or `concerns[1]`. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.reduce<string>(
      (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
      '',
    ) || '(document)',
    message: issue.message,
  }));
}
