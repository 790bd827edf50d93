import { z } from 'zod';

const Service = z.string().min(1).max(40).regex(/^[a-z][a-z0-9_]*$/, 'not a valid service');
const Reference = z.string().max(40).regex(/^[A-Z]{2,8}-\d{4}-\d{4,}$/, 'not a valid reference');
const Instant = z.iso.datetime({ message: 'not a valid time' });
const Id = z.string().min(1).max(200).regex(/^[A-Za-z0-9_.:@-]+$/, 'not a valid identifier');
const Reason = z.string().max(5000).optional();
const Ref = { service: Service, reference: Reference };

/** Booking card actions, parsed at the edge like every other action. */
export const BOOKING_VERB_DATA = {
  'booking.times': z.object(Ref),
  'booking.offer': z.object({ ...Ref, times: z.string().max(2000).optional() }),
  'booking.waitlist': z.object(Ref),
  'booking.view': z.object(Ref),
  'booking.accept': z.object({ ...Ref, start: Instant }),
  'booking.decline': z.object({ ...Ref, reason: Reason }),
  'booking.cancel': z.object({ ...Ref, bookingId: Id, reason: Reason }),
  'booking.reschedule': z.object({ ...Ref, bookingId: Id, reason: Reason }),
  'booking.no_show': z.object({ ...Ref, bookingId: Id, reason: Reason }),
  'triage.refresh': z.object(Ref),
  'availability.show': z.object({ service: Service }),
  'availability.change': z.object({ service: Service, version: z.coerce.number().int().min(0).max(1_000_000), change: z.enum(['add_weekly', 'add_extra', 'add_blackout', 'remove']) }),
  'roster.show': z.object({ service: Service }),
  'roster.set': z.object({ service: Service, memberId: z.string().max(5000).optional(), roles: z.string().max(200).optional() }),
  'roster.remove': z.object({ service: Service, memberId: Id }),
  'reviews.show': z.object({ service: Service }),
  'review.decide': z.object({ ...Ref, approved: z.enum(['true', 'false']), reasonField: z.string().regex(/^reason_\d{1,4}$/) }),
  'network.follow': z.object({ ...Ref, fromConversationId: z.string().min(1).max(300).optional() }),
  'network.unfollow': z.object(Ref),
  'consultation.complete': z.object({ ...Ref, outcome: z.string().max(60).optional(), notes: Reason }),
  'consultation.next_steps': z.object({ ...Ref, step: z.string().max(60).optional(), nextText: Reason }),
  'deadletters.show': z.object({ service: Service }),
  'deadletters.retry': z.object({ service: Service, deadId: z.string().regex(/^\d+-\d+$/).optional() }),
} as const;

export type BookingVerb = keyof typeof BOOKING_VERB_DATA;
export type BookingVerbData<V extends BookingVerb> = z.infer<(typeof BOOKING_VERB_DATA)[V]>;
export const isBookingVerb = (v: string): v is BookingVerb => Object.prototype.hasOwnProperty.call(BOOKING_VERB_DATA, v);

/** A string input (or nothing); anything else the card could not have sent. */
export function textInput(raw: Record<string, unknown>, id: string): string | undefined {
  const v = raw[id];
  return typeof v === 'string' && v.length <= 5000 ? v : undefined;
}

/** The availability form's inputs for one change, named as the domain expects them. */
export function availabilityChange(change: string, raw: Record<string, unknown>): Record<string, unknown> {
  const t = (id: string) => textInput(raw, id) ?? '';
  switch (change) {
    case 'add_weekly': return { change, weekday: t('weekday'), start: t('weeklyStart'), end: t('weeklyEnd') };
    case 'add_extra': return { change, date: t('extraDate'), start: t('extraStart'), end: t('extraEnd') };
    case 'add_blackout': return { change, from: t('blackoutFrom'), to: t('blackoutTo') };
    default: return { change, list: raw.list, index: raw.index };
  }
}
