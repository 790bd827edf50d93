import { formatLondon } from '../../domain/time/london';
import type { BusyTime } from '../../ports/availability-store';

/** At most this many bookings named in the notice; the rest are counted (each is also in "my consultations"). */
const NAMED = 5;

/**
 * What a clinician is told when a change to their availability leaves bookings outside their time (leave added over
 * a consultation, a window removed under a session). The bookings stand: a family is expecting them.
 */
export function stillBookedNotice(booked: readonly BusyTime[]): string {
  if (booked.length === 0) return '';
  const named = booked.slice(0, NAMED).map((b) => `${b.reference} on ${formatLondon(new Date(b.start).toISOString())}`);
  const more = booked.length > NAMED ? `, and ${booked.length - NAMED} more` : '';
  return `You are still booked in time that is no longer open: ${named.join('; ')}${more}. `
    + 'Each stays booked, as the family expects, until you move or cancel it from its case card.';
}
