import { seedRoster } from './app/booking/manage-roster';
import { changeAvailability } from './app/booking/set-availability';
import { catalogueFor, type AppContext } from './app/context';
import { saveStep } from './app/save-step';
import { startRequest } from './app/start-request';
import { submitRequest } from './app/submit-request';
import type { Catalogue } from './domain/catalogue/catalogue';
import type { Answers } from './domain/referral/answers';
import { journeyOf } from './domain/referral/steps';

/**
 * Synthetic answers for a service's journey, from its own catalogue: a role that may refer, the first
 * local authority in its area, its first concerns, consent given. Every name and date here is invented.
 */
function demoAnswers(catalogue: Catalogue, n: number, fits: boolean): Answers {
  const concerns = catalogue.inclusionConcerns.map((c) => c.id);
  const exclusion = catalogue.exclusions[2]?.id ?? catalogue.exclusions[0]?.id;
  return {
    about: {
      referrerRole: catalogue.referrerRoles.find((r) => r.mayRefer)!.id, referrerTeam: 'Demo Family Support Team',
      familyName: ['Demo Family Ashgrove', 'Demo Family Birchwood'][n] ?? `Demo Family ${n}`, caseNumber: `DEMO-${1001 + n}`,
      youngestChildDob: ['2021-05-14', '2018-09-02'][n] ?? '2020-01-01', openToChildrensSocialCare: 'yes', localAuthority: catalogue.catchment.inArea[0]!,
    },
    exclusions: { exclusions: !fits && exclusion ? [exclusion] : [], inCareProceedings: 'no' },
    concerns: { concerns: fits ? concerns.slice(0, 2) : concerns.slice(-1) },
    consent: { consentStatus: 'obtained' },
    details: {
      helpWith: fits ? 'Demo: thinking about how to support the parent-child relationship.' : 'Demo: a request that the criteria do not recommend.',
      legalStatus: catalogue.legalStatuses.find((s) => !s.careProceedings)!.id, urgency: catalogue.urgencies[0]!.id,
    },
  };
}

/** Demo clinicians (the ids the Agents Playground config gives its users) and when they see people, in UK time. */
export const DEMO_ROSTER = 'demo-clinician:clinician,demo-coordinator:coordinator+clinician';
const DEMO_WEEKS: Record<string, { weekday: number; start: string; end: string }[]> = {
  'demo-clinician': [1, 2, 3, 4, 5].flatMap((weekday) => [{ weekday, start: '09:30', end: '12:00' }, { weekday, start: '13:30', end: '16:00' }]),
  'demo-coordinator': [2, 4].map((weekday) => ({ weekday, start: '10:00', end: '15:00' })),
};

/** A roster with weekday availability, and two requests made through the real use cases (one that fits, one that does not). */
export async function seedDemoData(ctx: AppContext, demoUserId: string, service: string): Promise<string[]> {
  const catalogue = catalogueFor(ctx, service);
  await seedRoster(ctx, service, DEMO_ROSTER);
  for (const [id, windows] of Object.entries(DEMO_WEEKS)) {
    for (const [i, w] of windows.entries()) await changeAvailability(ctx, { id }, { service, version: i, change: { change: 'add_weekly', ...w } });
  }
  const actor = { id: demoUserId };
  const references: string[] = [];
  for (const [n, fits] of [true, false].entries()) {
    const answers = demoAnswers(catalogue, n, fits);
    let { draft } = await startRequest(ctx, actor, service, true);
    for (const step of journeyOf(catalogue).answerSteps) {
      const asked = journeyOf(catalogue).fields[step] ?? [];
      const values = Object.fromEntries(Object.entries(answers[step] ?? {}).filter(([k]) => (asked as readonly string[]).includes(k)));
      ({ draft } = await saveStep(ctx, actor, { service, draftId: draft.id, step, version: draft.version, values }));
    }
    references.push((await submitRequest(ctx, actor, { service, draftId: draft.id })).request.reference);
  }
  return references;
}
