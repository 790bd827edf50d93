import { DomainError } from '../domain/errors';

/** How long a reason may be (a card's short text box). */
export const MAX_REASON = 500;

/**
 * Checks text a person must give (a reason, notes): at least a few characters and at most `max`, trimmed.
 * Otherwise `invalid_input` naming the field with `missing`, so the card says what to do and nothing changes.
 */
export function requiredText(value: string | undefined, field: string, max: number, missing: string): string {
  const text = (value ?? '').trim();
  if (text.length < 3) throw new DomainError('invalid_input', [{ field, message: missing }]);
  if (text.length > max) throw new DomainError('invalid_input', [{ field, message: `keep it under ${max} characters` }]);
  return text;
}

/** A reason for a change, as the other side will read it. */
export const checkReason = (reason: string | undefined, field = 'reason') => requiredText(reason, field, MAX_REASON, 'give a short reason');
