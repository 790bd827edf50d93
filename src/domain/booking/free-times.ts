import type { BookingDefaults } from '../catalogue/catalogue';
import type { Availability } from './availability';
import { openSpans } from './availability';
import { overlaps, type Interval } from './interval';
import { addDays, londonDate, londonToUtc } from '../time/london';

/** One clinician's bookable consultation. */
export interface FreeSlot {
  clinicianId: string;
  start: string;
  end: string;
}

const MINUTE = 60_000;

/** London calendar days, first and last included (YYYY-MM-DD). */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * Every consultation a clinician could still take: inside their published spans, at least the lead
 * time from now, within the horizon, and clear (by the buffer) of consultations they already have.
 * Slots start at each span's start and follow each other with the buffer between them.
 */
export function freeSlots(availability: Availability, busy: readonly Interval[], rules: BookingDefaults, now: Date, days?: DayRange): FreeSlot[] {
  const length = rules.consultationMinutes * MINUTE;
  return freeStarts(availability, busy, rules, now, days)
    .map((start) => ({ clinicianId: availability.clinicianId, start: new Date(start).toISOString(), end: new Date(start + length).toISOString() }));
}

/**
 * The start times (UTC ms, in order) of `freeSlots`. Listing free times looks at hundreds of slots to
 * offer a dozen, so they stay numbers until the few that are offered are written out.
 */
export function freeStarts(availability: Availability, busy: readonly Interval[], rules: BookingDefaults, now: Date, days?: DayRange): number[] {
  const length = rules.consultationMinutes * MINUTE;
  const buffer = rules.bufferMinutes * MINUTE;
  const earliest = now.getTime() + rules.leadTimeHours * 60 * MINUTE;
  const latest = now.getTime() + rules.horizonDays * 24 * 60 * MINUTE;
  const starts: number[] = [];
  // Spans from the London midnight before the lead time, so that the grid starts where the clinician's
  // time does, not at a moment cut by the lead time that moves every second: a time the referrer was
  // shown must still be on offer when they pick it. `days` narrows this to some London days only.
  const firstDay = londonDate(new Date(earliest));
  const from = londonToUtc(days && days.from > firstDay ? days.from : firstDay, '00:00');
  const to = days ? Math.min(latest, londonToUtc(addDays(days.to, 1), '00:00').getTime()) : latest;
  if (from.getTime() >= to) return starts;
  // Spans and the slots in them come in time order, so one pass over the bookings, sorted, finds every clash.
  const booked = [...busy].sort((a, b) => a.start - b.start);
  let next = 0;
  for (const span of openSpans(availability, from, new Date(to))) {
    for (let start = span.start; start + length <= span.end; start += length + buffer) {
      if (start < earliest) continue;
      const slot = { start, end: start + length };
      while (next < booked.length && booked[next]!.end + buffer <= slot.start) next += 1;
      let clash = false;
      for (let j = next; j < booked.length && booked[j]!.start < slot.end + buffer; j += 1) if (overlaps(slot, booked[j]!, buffer)) { clash = true; break; }
      if (clash) continue;
      if (slot.end > latest) continue;
      starts.push(start);
    }
  }
  return starts;
}

/** A time the referrer can choose, with how many clinicians could take it. */
export interface OfferableTime {
  start: string;
  end: string;
  clinicians: number;
}

/**
 * The earliest distinct times across all clinicians, up to `limit`, at most `perDay` on any one London
 * day, so that a referrer sees a spread of days rather than one busy morning.
 */
export function offerableTimes(slots: readonly FreeSlot[], limit: number, perDay = Math.max(1, Math.ceil(limit / 4))): OfferableTime[] {
  // A service's consultations all last as long, so one slot's length is every slot's.
  const length = slots[0] ? Date.parse(slots[0].end) - Date.parse(slots[0].start) : 0;
  return offerableStarts(slots.map((s) => Date.parse(s.start)), length, limit, perDay);
}

/**
 * `offerableTimes` over start times in UTC ms (every slot `lengthMs` long), as `freeStarts` gives them:
 * the same choice, with only the times offered written out.
 */
export function offerableStarts(starts: Iterable<number>, lengthMs: number, limit: number, perDay = Math.max(1, Math.ceil(limit / 4))): OfferableTime[] {
  const clinicians = new Map<number, number>();
  for (const s of starts) clinicians.set(s, (clinicians.get(s) ?? 0) + 1);
  const taken = new Map<string, number>();
  const times: OfferableTime[] = [];
  for (const start of [...clinicians.keys()].sort((a, b) => a - b)) {
    if (times.length >= limit) break;
    const day = londonDate(new Date(start));
    const n = taken.get(day) ?? 0;
    taken.set(day, n + 1);
    if (n < perDay) times.push({ start: new Date(start).toISOString(), end: new Date(start + lengthMs).toISOString(), clinicians: clinicians.get(start)! });
  }
  return times;
}

/** True when the clinician's published time covers the whole consultation and is not blacked out. */
export function coversConsultation(availability: Availability, start: Date, end: Date): boolean {
  return openSpans(availability, start, end).some((s) => s.start <= start.getTime() && s.end >= end.getTime());
}
