import { findFreeTimes } from '../../src/app/booking/find-free-times';
import { pickTimes } from '../../src/app/booking/pick-times';
import type { AppContext } from '../../src/app/context';
import { overlaps } from '../../src/domain/booking/interval';
import { submitManyEligible } from '../../test/support/booking';

export interface BookingFigures {
  attempts: number;
  slots: number;
  bookings: number;
  double_bookings: number;
  overlapping_clinician_bookings: number;
  seconds: number;
}

const invoke = (sinkUrl: string, clinician: string, data: Record<string, unknown>, n: number) => JSON.stringify({
  type: 'invoke', name: 'adaptiveCard/action', id: `race-${n}`, channelId: 'msteams', serviceUrl: sinkUrl,
  value: { action: { type: 'Action.Execute', verb: 'booking.accept', data } },
  from: { id: `29:${clinician}`, aadObjectId: clinician }, recipient: { id: '28:bot' },
  conversation: { id: '19:bench-triage@thread.tacv2;messageid=1', conversationType: 'channel', tenantId: 'tenant-bench' },
  channelData: { channel: { id: '19:bench-triage@thread.tacv2' } },
});

/**
 * `clinicians` x `times` slots; every request prefers one time, and every clinician accepts every request,
 * all at once, alternating between the bot processes. Bookings are then counted from Redis.
 */
export async function bookingRace(app: AppContext, urls: readonly string[], sinkUrl: string, clinicians: readonly string[], timesCount: number, requestsCount: number): Promise<BookingFigures> {
  const refs = await submitManyEligible(app, { id: 'aad-bench-race-referrer', name: 'Bench' }, requestsCount);
  const times = (await findFreeTimes(app, 'fass')).slice(0, timesCount).map((t) => t.start);
  for (const [i, reference] of refs.entries()) await pickTimes(app, { id: 'aad-bench-race-referrer' }, { service: 'fass', reference, starts: [times[i % times.length]!] });
  const attempts = refs.flatMap((reference, i) => clinicians.map((clinician) => ({ reference, clinician, start: times[i % times.length]! })));
  const started = Date.now();
  let n = 0;
  await Promise.all(attempts.map((a) => {
    n += 1;
    return fetch(`${urls[n % urls.length]}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: invoke(sinkUrl, a.clinician, { service: 'fass', reference: a.reference, start: a.start }, n) })
      .then((r) => r.text());
  }));
  const seconds = (Date.now() - started) / 1000;
  const requests = await Promise.all(refs.map((r) => app.store.requests.get('fass', r)));
  const booked = requests.filter((r) => r?.status === 'booked').map((r) => r!.booking!);
  const accepted = (await app.store.audit.recent('fass', 1_000_000)).filter((e) => e.action === 'booking.accept' && e.result === 'ok');
  let overlapping = 0;
  for (const id of clinicians) {
    const mine = booked.filter((b) => b.clinicianId === id).map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end) }));
    overlapping += mine.reduce((k, x, i) => k + mine.slice(i + 1).filter((y) => overlaps(x, y, 15 * 60_000)).length, 0);
  }
  return {
    attempts: attempts.length, slots: clinicians.length * timesCount, bookings: booked.length,
    double_bookings: accepted.length - new Set(accepted.map((e) => e.subject)).size + (accepted.length - booked.length),
    overlapping_clinician_bookings: overlapping, seconds,
  };
}
