import { seedRoster } from '../../src/app/booking/manage-roster';
import { changeAvailability } from '../../src/app/booking/set-availability';
import type { AppContext } from '../../src/app/context';

/** Clinicians on the roster, each open every day (08:00-20:00 unless told), so that journeys have times to pick and accept. */
export async function seedClinicians(app: AppContext, count: number, hours = { from: '08:00', to: '20:00' }): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `aad-bench-clinician-${i}`);
  await seedRoster(app, 'fass', ids.map((id) => `${id}:clinician`).join(','));
  for (const id of ids) {
    for (let weekday = 1; weekday <= 7; weekday += 1) {
      await changeAvailability(app, { id }, { service: 'fass', version: weekday - 1, change: { change: 'add_weekly', weekday, start: hours.from, end: hours.to } });
    }
  }
  return ids;
}
