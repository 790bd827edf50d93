import { acceptTime } from './app/booking/accept-time';
import { changeBooking } from './app/booking/change-booking';
import { findFreeTimes } from './app/booking/find-free-times';
import { pickTimes } from './app/booking/pick-times';
import type { AppContext } from './app/context';
import { recordOutcome } from './app/network/record-outcome';
import { coversConsultation } from './domain/booking/free-times';
import type { Catalogue } from './domain/catalogue/catalogue';
import { demoAnswers, submitDemo, type DemoKind } from './demo-data';

const HOUR = 3_600_000;

/** One demo request's life: when it was sent, how long until its times went out and a clinician took it, how it ended. */
interface DemoCase {
  kind: DemoKind;
  daysAgo: number;
  urgency?: number;
  offerAfterHours?: number;
  acceptAfterHours?: number;
  /** Index of the catalogue's completion outcome the clinician records; `no_show` when nobody came. */
  end?: number | 'no_show';
}

/**
 * A few weeks of synthetic history, so the workspace's reports, triage queue, reviews and a clinician's consultations
 * have something to show: consultations completed with each outcome and a missed one, one booked for the coming days,
 * times waiting for a clinician, a request waiting for review, and requests the criteria turned away.
 */
const HISTORY: DemoCase[] = [
  { kind: 'fits', daysAgo: 34, offerAfterHours: 2, acceptAfterHours: 20, end: 0 },
  { kind: 'fits', daysAgo: 30, offerAfterHours: 5, acceptAfterHours: 30, end: 1 },
  { kind: 'fits', daysAgo: 26, urgency: 2, offerAfterHours: 1, acceptAfterHours: 6, end: 2 },
  { kind: 'fits', daysAgo: 21, offerAfterHours: 26, acceptAfterHours: 50, end: 3 },
  { kind: 'fits', daysAgo: 16, urgency: 1, offerAfterHours: 3, acceptAfterHours: 70, end: 4 },
  { kind: 'fits', daysAgo: 12, offerAfterHours: 4, acceptAfterHours: 10, end: 'no_show' },
  { kind: 'excluded', daysAgo: 9 },
  { kind: 'excluded', daysAgo: 7 },
  { kind: 'no_consent', daysAgo: 6 },
  { kind: 'override', daysAgo: 5, urgency: 1 },
  { kind: 'fits', daysAgo: 2, urgency: 1, offerAfterHours: 44, acceptAfterHours: 46 },
  { kind: 'fits', daysAgo: 1, urgency: 2, offerAfterHours: 20 },
];

/** The use cases run as if at another moment: the history is made by the same steps people take, only earlier. */
function at(ctx: AppContext): { ctx: AppContext; set(ms: number): void } {
  let now = Date.now();
  return { ctx: { ...ctx, clock: { now: () => new Date(now) } }, set: (ms) => { now = Math.min(ms, Date.now()); } };
}

async function live(ctx: AppContext, clock: ReturnType<typeof at>, catalogue: Catalogue, demo: DemoCase, n: number, referrer: string, clinician: string) {
  const { service } = catalogue;
  const sent = Date.now() - demo.daysAgo * 24 * HOUR;
  clock.set(sent);
  const request = await submitDemo(clock.ctx, { id: referrer }, catalogue, demoAnswers(catalogue, n + 2, demo.kind, demo.urgency));
  if (demo.offerAfterHours === undefined) return;
  clock.set(sent + demo.offerAfterHours * HOUR);
  const own = (await ctx.store.availability.get(service, clinician))!;
  const minutes = catalogue.booking.consultationMinutes * 60_000;
  const accepting = sent + (demo.acceptAfterHours ?? 0) * HOUR;
  const times = (await findFreeTimes(clock.ctx, service)).map((t) => t.start)
    .filter((start) => coversConsultation(own, new Date(start), new Date(Date.parse(start) + minutes)));
  // Times still ahead when the clinician accepts, where the search found some that late.
  const later = times.filter((start) => Date.parse(start) > accepting + HOUR);
  const starts = (later.length > 0 ? later : times).slice(0, catalogue.booking.maxPreferences);
  await pickTimes(clock.ctx, { id: referrer }, { service, reference: request.reference, starts });
  if (demo.acceptAfterHours === undefined) return;
  clock.set(Math.min(accepting, Date.parse(starts[0]!) - HOUR));
  const { request: booked } = await acceptTime(clock.ctx, { id: clinician }, { service, reference: request.reference, start: starts[0]! });
  if (demo.end === undefined) return;
  clock.set(Date.parse(booked.booking!.end) + HOUR);
  if (demo.end === 'no_show') {
    await changeBooking(clock.ctx, { id: clinician }, { service, reference: request.reference, kind: 'no_show', bookingId: booked.booking!.id, reason: 'Demo: nobody joined the call.' });
    return;
  }
  const outcome = catalogue.completion.outcomes[demo.end % catalogue.completion.outcomes.length]!;
  await recordOutcome(clock.ctx, { id: clinician }, { service, reference: request.reference, outcome: outcome.id, notes: 'Demo: notes on the consultation.' });
}

/** Seeds the history through the real use cases for the demo referrer and clinician (who must be on the roster with availability). */
export async function seedDemoHistory(ctx: AppContext, catalogue: Catalogue, referrer: string, clinician: string): Promise<number> {
  const clock = at(ctx);
  for (const [n, demo] of HISTORY.entries()) await live(ctx, clock, catalogue, demo, n, referrer, clinician);
  return HISTORY.length;
}
