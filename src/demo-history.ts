import { acceptTime } from './app/booking/accept-time';
import { busyEverywhere } from './app/booking/busy-elsewhere';
import { changeBooking } from './app/booking/change-booking';
import { findFreeTimes } from './app/booking/find-free-times';
import { pickTimes } from './app/booking/pick-times';
import type { AppContext } from './app/context';
import { closeEpisode } from './app/episode/close-episode';
import { openEpisode } from './app/episode/open-episode';
import { recordAttendance } from './app/episode/record-attendance';
import { recordMeasure } from './app/episode/record-measure';
import { recordOutcome } from './app/network/record-outcome';
import { isDomainError } from './domain/errors';
import { addDays, londonDate } from './domain/time/london';
import { coversConsultation } from './domain/booking/free-times';
import { overlaps } from './domain/booking/interval';
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
  // Times the demo clinician could take: in their own hours (a time found may be another clinician's), and clear,
  // buffer included, of what they have booked in any service and of the times other requests are still waiting to
  // be accepted at (pencilled in), so that the demo clinician can take any of those later.
  const span = (start: string) => ({ start: Date.parse(start), end: Date.parse(start) + minutes });
  const pencilled = (await Promise.all([...ctx.catalogues.keys()].map((s) => ctx.store.requests.listByStatus(s, 'offered', { limit: 100 }))))
    .flat().flatMap((r) => r.offer!.preferences.map(span));
  const diary = [...await busyEverywhere(clock.ctx, service, clinician, clock.ctx.clock.now()), ...pencilled];
  const buffer = catalogue.booking.bufferMinutes * 60_000;
  const times = (await findFreeTimes(clock.ctx, service)).map((t) => t.start)
    .filter((start) => coversConsultation(own, new Date(start), new Date(span(start).end)))
    .filter((start) => !diary.some((b) => overlaps(b, span(start), buffer)));
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
  const intervention = outcome.opensEpisode?.[0];
  if (intervention) await demoEpisode(ctx, clock, catalogue, request.reference, clinician, intervention);
}

/** Synthetic questionnaire answers: moderate at the start, lower as sessions go on (never a self-harm answer). */
const PHQ9 = [[2, 2, 2, 1, 1, 2, 1, 1, 0], [1, 1, 1, 1, 1, 1, 0, 0, 0], [0, 1, 0, 1, 0, 0, 0, 0, 0]];
const GAD7 = [[2, 2, 2, 1, 1, 1, 1], [1, 1, 1, 1, 0, 1, 0], [0, 1, 0, 0, 0, 1, 0]];

/**
 * The work a consultation offered, as the demo clinician runs it: an episode opened the next day, weekly sessions from
 * the week after, attendance for those already past (one in four missed), PHQ-9 and GAD-7 at the start, a review,
 * and (a short course that has run its length) the end and closure. All through the real use cases, at their moments.
 */
async function demoEpisode(ctx: AppContext, clock: ReturnType<typeof at>, catalogue: Catalogue, reference: string, clinician: string, intervention: string) {
  const { service } = catalogue;
  const config = catalogue.episodes!;
  const { sessions: range } = config.interventions.find((i) => i.id === intervention)!;
  // As short as the intervention allows (three sessions at least), so that a month of history sees some courses end.
  const planned = Math.max(range.min, Math.min(range.default, 3));
  const me = { id: clinician };
  let opened;
  // Outside the demo clinician's consultation hours (09:30-12:00, 13:30-16:00), so that a course never stands in the way
  // of a consultation time the demo offers now, in this service or another.
  for (const time of ['12:15', '16:30', '17:45']) {
    try {
      opened = await openEpisode(clock.ctx, me, { service, reference, intervention, plannedSessions: planned, firstDate: addDays(londonDate(clock.ctx.clock.now()), 7), time });
      break;
    } catch (e) {
      if (!isDomainError(e) || !['series_unavailable', 'clinician_busy'].includes(e.code)) throw e;
    }
  }
  if (!opened) return;
  const measure = async (point: 'start' | 'review' | 'end', i: number) => {
    if (config.measures.instruments.includes('phq9')) await recordMeasure(clock.ctx, me, { service, reference, instrument: 'phq9', point, items: PHQ9[i]! });
    if (config.measures.instruments.includes('gad7')) await recordMeasure(clock.ctx, me, { service, reference, instrument: 'gad7', point, items: GAD7[i]! });
  };
  const sessions = [...opened.request.episode!.sessions].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const past = sessions.filter((s) => Date.parse(s.end) < Date.now());
  // The therapist has not yet recorded the latest session of a course still running (the workspace lists it to record).
  const recorded = past.length < sessions.length ? past.slice(0, -1) : past;
  for (const [i, s] of recorded.entries()) {
    clock.set(Date.parse(s.end) + HOUR);
    await recordAttendance(clock.ctx, me, { service, reference, sessionId: s.id, outcome: i % 4 === 3 ? 'did_not_attend' : 'attended' });
    if (i === 0) await measure('start', 0);
    if (i === 2 && past.length < sessions.length) await measure('review', 1);
  }
  if (past.length === sessions.length && past.length > 0) {
    await measure('end', 2);
    await closeEpisode(clock.ctx, me, { service, reference, reason: 'completed', familyEndNotHeld: 'Demo: the family could not make the last session.' });
  }
}

/** Seeds the history through the real use cases for the demo referrer and clinician (who must be on the roster with availability). */
export async function seedDemoHistory(ctx: AppContext, catalogue: Catalogue, referrer: string, clinician: string): Promise<number> {
  const clock = at(ctx);
  for (const [n, demo] of HISTORY.entries()) await live(ctx, clock, catalogue, demo, n, referrer, clinician);
  return HISTORY.length;
}
