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
  const buffer = rules.bufferMinutes * MINUTE;
  const earliest = now.getTime() + rules.leadTimeHours * 60 * MINUTE;
  const latest = now.getTime() + rules.horizonDays * 24 * 60 * MINUTE;
  const slots: FreeSlot[] = [];
  // Spans from the London midnight before the lead time, so that the grid starts where the clinician's
  // time does, not at a moment cut by the lead time that moves every second: a time the referrer was
  // shown must still be on offer when they pick it. `days` narrows this to some London days only.
  const firstDay = londonDate(new Date(earliest));
  const from = londonToUtc(days && days.from > firstDay ? days.from : firstDay, '00:00');
  const to = days ? Math.min(latest, londonToUtc(addDays(days.to, 1), '00:00').getTime()) : latest;
  if (from.getTime() >= to) return slots;
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
      slots.push({ clinicianId: availability.clinicianId, start: new Date(start).toISOString(), end: new Date(slot.end).toISOString() });
    }
  }
  return slots;
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
  const byStart = new Map<string, OfferableTime>();
  for (const s of slots) {
    const t = byStart.get(s.start);
    if (t) t.clinicians += 1;
    else byStart.set(s.start, { start: s.start, end: s.end, clinicians: 1 });
  }
  const taken = new Map<string, number>();
  return [...byStart.values()].sort((a, b) => a.start.localeCompare(b.start)).filter((t) => {
    const day = londonDate(new Date(t.start));
    const n = taken.get(day) ?? 0;
    taken.set(day, n + 1);
    return n < perDay;
  }).slice(0, limit);
}

/** True when the clinician's published time covers the whole consultation and is not blacked out. */
export function coversConsultation(availability: Availability, start: Date, end: Date): boolean {
  return openSpans(availability, start, end).some((s) => s.start <= start.getTime() && s.end >= end.getTime());
}
