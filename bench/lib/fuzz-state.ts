import { acceptTime } from '../../src/app/booking/accept-time';
import { findFreeTimes } from '../../src/app/booking/find-free-times';
import { seedRoster } from '../../src/app/booking/manage-roster';
import { pickTimes } from '../../src/app/booking/pick-times';
import type { AppContext } from '../../src/app/context';
import { saveStep } from '../../src/app/save-step';
import { startRequest } from '../../src/app/start-request';
import { buildAnswers } from '../../test/support/builders';
import { PEOPLE, publishEveryDayDirect, submitManyEligible } from '../../test/support/booking';

/** Ids and values that exist in the seeded store, so that fuzzed actions aim at real things. */
export interface Known {
  service: string;
  /** A booked request, an offered one, and one that does not exist. */
  references: string[];
  draftId: string;
  draftVersion: number;
  /** Times offered on the offered request (the first was booked on the other). */
  starts: string[];
  bookingId: string;
  memberIds: string[];
}

/**
 * Someone else's world for the fuzzer to poke at: a roster, a clinician's availability, a booked request, an
 * offered one and a draft in progress, all through the real use cases.
 */
export async function seedSomeoneElsesCases(app: AppContext): Promise<Known> {
  const service = 'fass';
  const { referrer, clinicianA, coordinator } = PEOPLE;
  await seedRoster(app, service, `${clinicianA.id}:clinician,${coordinator.id}:coordinator+clinician`);
  await publishEveryDayDirect(app, clinicianA.id);
  const [booked, offered] = await submitManyEligible(app, referrer, 2) as [string, string];
  const times = (await findFreeTimes(app, service)).map((t) => t.start);
  await pickTimes(app, referrer, { service, reference: booked, starts: [times[0]!] });
  const { request } = await acceptTime(app, clinicianA, { service, reference: booked, start: times[0]! });
  await pickTimes(app, referrer, { service, reference: offered, starts: times.slice(1, 3) });
  let { draft } = await startRequest(app, referrer, service, true);
  ({ draft } = await saveStep(app, referrer, { service, draftId: draft.id, step: 'about', version: draft.version, values: buildAnswers().about }));
  return {
    service, references: [booked, offered, 'FASS-2026-9999'], draftId: draft.id, draftVersion: draft.version,
    starts: times.slice(0, 3), bookingId: request.booking!.id, memberIds: [clinicianA.id, coordinator.id, referrer.id],
  };
}
