import { nameKey } from './adapters/directory/stored-people';
import { seedRoster } from './app/booking/manage-roster';
import { changeAvailability } from './app/booking/set-availability';
import { catalogueFor, type Actor, type AppContext } from './app/context';
import { saveStep } from './app/save-step';
import { startRequest } from './app/start-request';
import { submitRequest } from './app/submit-request';
import type { Catalogue } from './domain/catalogue/catalogue';
import type { Answers } from './domain/referral/answers';
import type { ConsultationRequest } from './domain/request/consultation-request';
import { journeyOf } from './domain/referral/steps';
import { seedDemoHistory } from './demo-history';

/** What a demo request is like: it fits, meets an exclusion, has consent overridden, or lacks consent. */
export type DemoKind = 'fits' | 'excluded' | 'override' | 'no_consent';

/**
 * Synthetic answers for a service's journey, from its own catalogue: a role that may refer, the first
 * local authority in its area, some of its concerns, and consent as the kind says. Every name and date here is invented.
 */
export function demoAnswers(catalogue: Catalogue, n: number, asked: DemoKind, urgency = 0): Answers {
  // "Another relational concern" goes to review with words of its own: the demo keeps to the listed ones.
  const concerns = catalogue.inclusionConcerns.map((c) => c.id).filter((id) => id !== 'other');
  const override = catalogue.consent?.override;
  // A service that takes no override (its work needs the person's own agreement) gets a request without consent instead.
  const kind = asked === 'override' && !override ? 'no_consent' : asked;
  const exclusion = catalogue.exclusions[(n + 1) % Math.max(1, catalogue.exclusions.length)]?.id;
  const consent = {
    fits: { consentStatus: 'obtained' as const, consentFrom: 'mother' },
    excluded: { consentStatus: 'obtained' as const, consentFrom: 'father' },
    no_consent: { consentStatus: 'not_yet_sought' as const },
    override: {
      consentStatus: 'safeguarding_override' as const, justification: 'Demo: asking the family first would put the children at risk.',
      statutoryPower: override?.statutoryPowers[0]?.id, gdprConditions: override?.gdprConditions[0]?.id, confidentialityBasis: override?.confidentialityBases[0]?.id,
      approvedBy: 'Demo Team Manager', familyInformed: 'no' as const,
      familyNotInformedReason: 'Demo: telling the family now would put the children at risk.', reviewDate: '2099-01-31',
    },
  }[kind];
  return {
    about: {
      referrerRole: catalogue.referrerRoles.find((r) => r.mayRefer)!.id, referrerTeam: 'Demo Family Support Team',
      familyName: ['Demo Family Ashgrove', 'Demo Family Birchwood'][n] ?? `Demo Family ${n}`, caseNumber: `DEMO-${1001 + n}`,
      youngestChildDob: ['2021-05-14', '2018-09-02'][n] ?? '2020-01-01', openToChildrensSocialCare: 'yes', localAuthority: catalogue.catchment.inArea[0]!,
      significantConcerns: 'yes', childrenInParentsCare: 'yes',
    },
    exclusions: { exclusions: kind === 'excluded' && exclusion ? [exclusion] : [], inCareProceedings: 'no' },
    concerns: { concerns: kind === 'excluded' ? concerns.slice(-1) : concerns.slice(n % 3, (n % 3) + 2) },
    // For a service that asks about the parent's own mental health (PPS): moderate, as that service takes; mild (for NHS
    // Talking Therapies) is the request it does not recommend, having no exclusions to meet.
    parent: {
      parentDifficulties: (catalogue.parentDifficulties ?? []).slice(0, 1).map((d) => d.id), parentSeverity: kind === 'excluded' ? 'mild' : 'moderate',
      inSecondaryMentalHealthCare: 'no', riskToSelf: 'none',
    },
    consent,
    details: {
      helpWith: kind === 'excluded' ? 'Demo: a request that the criteria do not recommend.' : 'Demo: thinking about how to support the parent-child relationship.',
      legalStatuses: [catalogue.legalStatuses.find((s) => !s.careProceedings)!.id],
      urgency: catalogue.urgencies[Math.min(urgency, catalogue.urgencies.length - 1)]!.id,
    },
  };
}

/** Demo clinicians (the ids the Agents Playground config gives its users) and when they see people, in UK time. */
export const DEMO_ROSTER = 'demo-clinician:clinician,demo-coordinator:coordinator+clinician';
const DEMO_WEEKS: Record<string, { weekday: number; start: string; end: string }[]> = {
  'demo-clinician': [1, 2, 3, 4, 5].flatMap((weekday) => [{ weekday, start: '09:30', end: '12:00' }, { weekday, start: '13:30', end: '16:00' }]),
  'demo-coordinator': [2, 4].map((weekday) => ({ weekday, start: '10:00', end: '15:00' })),
};

/**
 * The names Teams would have given the bot for the playground's people (ids and names as in .m365agentsplayground.yml),
 * and a colleague not yet on the roster, so the workspace's people picker has someone to offer. All synthetic.
 */
const DEMO_PEOPLE: Record<string, string> = {
  'demo-social-worker': 'Demo Social Worker', 'demo-clinician': 'Demo Clinician', 'demo-coordinator': 'Demo Coordinator',
  'demo-gp': 'Demo GP', 'demo-school': 'Demo School', 'demo-hv': 'Demo Health Visitor', 'demo-therapist': 'Demo Family Therapist',
};

/**
 * A roster with weekday availability, a few weeks of history (see demo-history.ts), and two requests made now through the
 * real use cases (one that fits, one that does not).
 */
export async function seedDemoData(ctx: AppContext, demoUserId: string, service: string): Promise<string[]> {
  const catalogue = catalogueFor(ctx, service);
  await seedRoster(ctx, service, DEMO_ROSTER);
  for (const [id, name] of Object.entries(DEMO_PEOPLE)) await ctx.store.conversations.set(nameKey(id), name);
  for (const [id, windows] of Object.entries(DEMO_WEEKS)) {
    for (const [i, w] of windows.entries()) await changeAvailability(ctx, { id }, { service, version: i, change: { change: 'add_weekly', ...w } });
  }
  await seedDemoHistory(ctx, catalogue, demoUserId, 'demo-clinician');
  const actor = { id: demoUserId };
  const references: string[] = [];
  for (const [n, kind] of (['fits', 'excluded'] as const).entries()) references.push((await submitDemo(ctx, actor, catalogue, demoAnswers(catalogue, n, kind))).reference);
  return references;
}

/** Sends a demo request through the journey's use cases, answering only what the service asks. */
export async function submitDemo(ctx: AppContext, actor: Actor, catalogue: Catalogue, answers: Answers): Promise<ConsultationRequest> {
  const { service } = catalogue;
  let { draft } = await startRequest(ctx, actor, service, true);
  for (const step of journeyOf(catalogue).answerSteps) {
    const asked = journeyOf(catalogue).fields[step] ?? [];
    const values = Object.fromEntries(Object.entries(answers[step] ?? {}).filter(([k, v]) => v !== undefined && (asked as readonly string[]).includes(k)));
    ({ draft } = await saveStep(ctx, actor, { service, draftId: draft.id, step, version: draft.version, values }));
  }
  return (await submitRequest(ctx, actor, { service, draftId: draft.id })).request;
}
