import type { FamilyPoint } from '../catalogue/catalogue';
import { overlaps, type Interval } from '../booking/interval';
import { DomainError } from '../errors';
import { addDays, londonDate, londonToUtc } from '../time/london';
import type { MoveReason } from './episode';

const MINUTE = 60_000;

/** Sessions start between 07:00 and 20:00 London time (local policy): outside the hours a clock change can skip or repeat. */
export const SESSION_TIME = /^(0[7-9]|1\d|20):[0-5]\d$/;

/** Why a time cannot hold a session, or nothing when it can. */
export type Blocked = (span: Interval) => Extract<MoveReason, 'blackout' | 'busy'> | undefined;

/**
 * What stands in the way of a session: the therapist's blackouts (they are away), and the time their bookings
 * hold, consultations and other sessions alike, widened by the buffer between them.
 */
export function blockedBy(blackouts: readonly Interval[], busy: readonly Interval[], bufferMs: number): Blocked {
  return (span) => {
    if (blackouts.some((b) => overlaps(b, span))) return 'blackout';
    if (busy.some((b) => overlaps(b, span, bufferMs))) return 'busy';
    return undefined;
  };
}

export interface PlannedSession {
  start: string;
  end: string;
  /** The weeks this session was moved on from, and why (a blackout or a clash on the week it would have been). */
  movedFrom: { start: string; why: Extract<MoveReason, 'blackout' | 'busy'> }[];
}

/** The span of a session at `time` London wall-clock on `date`. */
export function sessionAt(date: string, time: string, minutes: number): Interval {
  const start = londonToUtc(date, time).getTime();
  return { start, end: start + minutes * MINUTE };
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A weekly series of `count` sessions on `firstDate`'s weekday at the same London wall-clock time, whatever the
 * clocks do between them. A week whose time is blocked moves that session to the next free week, never the
 * others: the series runs at most `maxWeeksMoved` weeks longer. Refused (`series_unavailable`) when it cannot fit.
 */
export function planWeeklySeries(opts: {
  firstDate: string; time: string; count: number; minutes: number; maxWeeksMoved: number; blocked: Blocked; notBefore: number;
}): PlannedSession[] {
  const planned: PlannedSession[] = [];
  let moved: PlannedSession['movedFrom'] = [];
  for (let week = 0; planned.length < opts.count && week < opts.count + opts.maxWeeksMoved; week += 1) {
    const span = sessionAt(addDays(opts.firstDate, 7 * week), opts.time, opts.minutes);
    if (span.start < opts.notBefore) throw new DomainError('invalid_input', [{ field: 'firstDate', message: 'must be in the future' }]);
    const why = opts.blocked(span);
    if (why) {
      moved.push({ start: iso(span.start), why });
      continue;
    }
    planned.push({ start: iso(span.start), end: iso(span.end), movedFrom: moved });
    moved = [];
  }
  if (planned.length < opts.count) throw new DomainError('series_unavailable');
  return planned;
}

/**
 * The first free week after `after` (a session's start) at the series' time: where a cancelled session goes when
 * no other time is chosen. Looks as far as `maxWeeks` weeks on.
 */
export function nextFreeWeek(after: string, time: string, minutes: number, blocked: Blocked, maxWeeks: number): Interval | undefined {
  const from = londonDate(new Date(after));
  for (let week = 1; week <= maxWeeks; week += 1) {
    const span = sessionAt(addDays(from, 7 * week), time, minutes);
    if (span.start > Date.parse(after) && !blocked(span)) return span;
  }
  return undefined;
}

/**
 * Which sessions are family sessions: the first (start), the last (end) and the one halfway (middle), as far as
 * the service's plan has them. A course too short to give each its own session keeps start and end.
 */
export function familySessionNumbers(count: number, points: readonly FamilyPoint[]): Map<number, FamilyPoint> {
  const at = new Map<number, FamilyPoint>();
  if (points.includes('start')) at.set(1, 'start');
  if (points.includes('end') && !at.has(count)) at.set(count, 'end');
  const middle = Math.ceil(count / 2);
  if (points.includes('middle') && !at.has(middle)) at.set(middle, 'middle');
  return at;
}
