import { seedRoster } from './app/booking/manage-roster';
import { changeAvailability } from './app/booking/set-availability';
import type { AppContext } from './app/context';
import { saveStep } from './app/save-step';
import { startRequest } from './app/start-request';
import { submitRequest } from './app/submit-request';
import type { Answers } from './domain/referral/answers';
import { ANSWER_STEPS } from './domain/referral/steps';

/**
 * Synthetic requests for the demo user, made through the real use cases so that they are exactly
 * what the journey makes. Every name and date here is invented.
 */
const DEMO_REQUESTS: Required<Answers>[] = [
  {
    about: { referrerRole: 'allocated_social_worker', referrerTeam: 'Demo Family Support Team', familyName: 'Demo Family Ashgrove',
      caseNumber: 'DEMO-1001', youngestChildDob: '2021-05-14', openToChildrensSocialCare: 'yes', localAuthority: 'oxfordshire' },
    exclusions: { exclusions: [], inCareProceedings: 'no' },
    concerns: { concerns: ['relational_breakdown', 'unresolved_early_history'] },
    consent: { consentStatus: 'obtained' },
    details: { helpWith: 'Demo: thinking about how to support the parent-child relationship.', legalStatus: 'cp', urgency: 'routine' },
  },
  {
    about: { referrerRole: 'allocated_social_worker', referrerTeam: 'Demo Family Support Team', familyName: 'Demo Family Birchwood',
      caseNumber: 'DEMO-1002', youngestChildDob: '2018-09-02', openToChildrensSocialCare: 'yes', localAuthority: 'oxfordshire' },
    exclusions: { exclusions: ['custody_acrimony'], inCareProceedings: 'no' },
    concerns: { concerns: ['repeated_referrals'] },
    consent: { consentStatus: 'obtained' },
    details: { helpWith: 'Demo: a request that the criteria do not recommend.', legalStatus: 'cin', urgency: 'soon' },
  },
];

/** Demo clinicians (the ids the Agents Playground config gives its users) and when they see people, in UK time. */
export const DEMO_ROSTER = 'demo-clinician:clinician,demo-coordinator:coordinator+clinician';
const DEMO_WEEKS: Record<string, { weekday: number; start: string; end: string }[]> = {
  'demo-clinician': [1, 2, 3, 4, 5].flatMap((weekday) => [{ weekday, start: '09:30', end: '12:00' }, { weekday, start: '13:30', end: '16:00' }]),
  'demo-coordinator': [2, 4].map((weekday) => ({ weekday, start: '10:00', end: '15:00' })),
};

export async function seedDemoData(ctx: AppContext, demoUserId: string, service: string): Promise<string[]> {
  await seedRoster(ctx, service, DEMO_ROSTER);
  for (const [id, windows] of Object.entries(DEMO_WEEKS)) {
    for (const [i, w] of windows.entries()) await changeAvailability(ctx, { id }, { service, version: i, change: { change: 'add_weekly', ...w } });
  }
  const actor = { id: demoUserId };
  const references: string[] = [];
  for (const answers of DEMO_REQUESTS) {
    let { draft } = await startRequest(ctx, actor, service, true);
    for (const step of ANSWER_STEPS) {
      ({ draft } = await saveStep(ctx, actor, { service, draftId: draft.id, step, version: draft.version, values: answers[step] }));
    }
    references.push((await submitRequest(ctx, actor, { service, draftId: draft.id })).request.reference);
  }
  return references;
}
