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

export async function seedDemoData(ctx: AppContext, demoUserId: string, service: string): Promise<string[]> {
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
