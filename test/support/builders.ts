import type { Availability } from '../../src/domain/booking/availability';
import type { Booking } from '../../src/domain/booking/booking';
import type { RosterMember } from '../../src/domain/booking/roster';
import type { Notification } from '../../src/domain/network/notification';
import type { Answers } from '../../src/domain/referral/answers';
import type { Draft } from '../../src/domain/referral/draft';
import type { ConsultationRequest } from '../../src/domain/request/consultation-request';
import type { ScreeningInput } from '../../src/domain/screening/screening-input';
import { addDays, londonToUtc } from '../../src/domain/time/london';
import { loadCatalogues } from '../../src/adapters/catalogue/load-catalogues';
import { journeyOf } from '../../src/domain/referral/steps';
import type { Job } from '../../src/ports/job-queue';
import { planWeeklySeries } from '../../src/domain/episode/series';
import { newEpisode } from '../../src/domain/episode/transitions';

/**
 * Synthetic test data. The family name, date of birth and free-text marker below are invented and
 * distinctive, so that a scan of logs and channel posts can prove that none of them leaks.
 */
export const SYNTHETIC = {
  familyName: 'Quillfeather-Zanzibar',
  caseNumber: 'SYN-000123',
  youngestChildDob: '2019-02-28',
  helpWith: 'MARKER-FREETEXT-7f3a: synthetic description of the relational concerns for testing only',
  justification: 'MARKER-JUSTIFY-91c2: synthetic safeguarding grounds for testing only',
  approvedBy: 'Synthetic Manager Xylo',
};

export function buildScreeningInput(overrides: Partial<ScreeningInput> = {}): ScreeningInput {
  return {
    service: 'fass',
    referrer: { role: 'allocated_social_worker' },
    family: { openToChildrensSocialCare: true, localAuthority: 'oxfordshire' },
    concerns: ['relational_breakdown'],
    exclusions: [],
    careProceedings: { inProceedings: false, courtSupportsReunification: false, evidenceOfEngagement: false },
    consent: { status: 'obtained' },
    ...overrides,
  };
}

/** A complete, eligible set of answers as the cards would have collected them. */
/** Consent recorded as a safeguarding override, with every part the step asks for (synthetic). */
export const OVERRIDE_CONSENT = {
  consentStatus: 'safeguarding_override', justification: SYNTHETIC.justification, statutoryPower: 'children_act_1989_s47',
  gdprConditions: 'art6_1e_art9_2g_sch1_para18', confidentialityBasis: 'overriding_public_interest',
  approvedBy: SYNTHETIC.approvedBy, familyInformed: 'no', familyNotInformedReason: 'Telling the family would place the children at risk', reviewDate: '2099-01-31',
} as const;

export function buildAnswers(overrides: Partial<Answers> = {}): Required<Answers> {
  return {
    about: {
      referrerRole: 'allocated_social_worker', referrerTeam: 'Synthetic Locality Team', familyName: SYNTHETIC.familyName,
      caseNumber: SYNTHETIC.caseNumber, youngestChildDob: SYNTHETIC.youngestChildDob, openToChildrensSocialCare: 'yes',
      significantConcerns: 'yes', childrenInParentsCare: 'yes', localAuthority: 'oxfordshire',
    },
    exclusions: { exclusions: [], inCareProceedings: 'no' },
    concerns: { concerns: ['relational_breakdown', 'intergenerational_patterns'] },
    consent: { consentStatus: 'obtained', consentFrom: 'mother' },
    details: { helpWith: SYNTHETIC.helpWith, legalStatuses: ['cp_plan'], urgency: 'routine' },
    ...overrides,
  } as Required<Answers>;
}

let counter = 0;
export function buildDraft(overrides: Partial<Draft> = {}): Draft {
  counter += 1;
  const at = '2026-11-23T10:00:00.000Z';
  return {
    id: `draft-${counter}-${Math.random().toString(36).slice(2, 8)}`, service: 'fass', ownerId: 'user-sw-1', step: 'about', answers: {},
    reachedReview: false, status: 'open', version: 1, createdAt: at, updatedAt: at, ...overrides,
  };
}

export function buildRequest(overrides: Partial<ConsultationRequest> = {}): ConsultationRequest {
  const at = '2026-11-23T10:05:00.000Z';
  return {
    reference: 'FASS-2026-0001', service: 'fass', draftId: 'draft-x', ownerId: 'user-sw-1', answers: buildAnswers(),
    screening: { outcome: 'eligible', reasons: [], catalogueVersion: 'fass-2026.1' }, status: 'awaiting_booking',
    submittedAt: at, updatedAt: at, version: 1, ...overrides,
  };
}

export const auditEntry = (action = 'test.action', subject = 'subject-1') =>
  ({ at: '2026-11-23T10:00:00.000Z', actor: 'user-sw-1', action, subject, result: 'ok' as const });

/** A clinician's published availability; empty unless told, so each test says what it publishes. */
export function buildAvailability(overrides: Partial<Availability> = {}): Availability {
  return { clinicianId: 'clinician-a', weekly: [], extras: [], blackouts: [], version: 1, updatedAt: '2026-01-05T09:00:00.000Z', ...overrides };
}

/** A span given as a person in London would say it ("30 March, 09:00 to 12:00"), stored in UTC. */
export const londonSpan = (date: string, start: string, end: string, endDate = date) =>
  ({ start: londonToUtc(date, start).toISOString(), end: londonToUtc(endDate, end).toISOString() });

/** Whole London days from `from` to `to` inclusive, as the availability card records a blackout. */
export const londonDays = (from: string, to: string) => londonSpan(from, '00:00', '00:00', addDays(to, 1));

export function buildBooking(overrides: Partial<Booking> = {}): Booking {
  return {
    id: 'booking-1', clinicianId: 'clinician-a', start: '2026-12-07T10:00:00.000Z', end: '2026-12-07T11:00:00.000Z',
    meetingUrl: 'https://meet.example.test/booking-1', acceptedAt: '2026-11-23T10:10:00.000Z', ...overrides,
  };
}

export function buildRosterMember(overrides: Partial<RosterMember> = {}): RosterMember {
  return { id: 'clinician-a', roles: ['clinician'], addedBy: 'coordinator-z', addedAt: '2026-11-01T09:00:00.000Z', ...overrides };
}

export function buildJob(overrides: Partial<Job> = {}): Job {
  return { id: 'notify:FASS-2026-0001:2:offered', service: 'fass', kind: 'reminder', reference: 'FASS-2026-0001', due: '2026-11-23T10:00:00.000Z', data: { event: 'offered' }, ...overrides };
}

/** A case event for the outbox; its id is unique per request version and event, as notification() makes it. */
export function buildNotification(overrides: Partial<Notification> = {}): Notification {
  return { id: 'FASS-2026-0001:2:booked', service: 'fass', reference: 'FASS-2026-0001', event: 'booked', at: '2026-11-23T10:10:00.000Z', data: {}, ...overrides };
}

/** The FASS journey's answer steps, in order (the parent step is another service's). */
export const FASS_STEPS = journeyOf(loadCatalogues().get('fass')!).answerSteps;

/**
 * A PPS request whose consultation offered therapy, with an episode of weekly sessions from `firstDate` at `time`
 * (London), planned by the real series planner, so tests see the series the bot would book.
 */
export function buildEpisodeRequest(options: {
  sessions?: number; firstDate?: string; time?: string; now?: Date; family?: boolean; service?: 'pps' | 'fass'; intervention?: string;
} = {}): ConsultationRequest {
  const service = options.service ?? 'pps';
  const catalogue = loadCatalogues().get(service)!;
  const count = options.sessions ?? 12;
  const request = buildRequest({
    service, reference: `${catalogue.referencePrefix}-2027-0001`, status: 'completed',
    completion: { outcome: service === 'pps' ? 'therapy_offered' : 'vig_or_mbt_offered', notes: 'synthetic notes', by: 'clinician-a', at: '2027-02-20T10:00:00.000Z', consultationAt: '2027-02-20T09:00:00.000Z' },
  });
  const plan = planWeeklySeries({
    firstDate: options.firstDate ?? '2027-03-02', time: options.time ?? '10:00', count, minutes: catalogue.episodes!.sessionMinutes,
    maxWeeksMoved: catalogue.episodes!.maxWeeksMoved, blocked: () => undefined, notBefore: 0,
  });
  let n = 0;
  const episode = newEpisode(request, catalogue, {
    intervention: options.intervention ?? (service === 'pps' ? 'cbt' : 'vig'), plannedSessions: count, therapistId: 'clinician-a', time: options.time ?? '10:00',
    location: catalogue.episodes!.defaultLocation,
  }, plan, () => `id-${(n += 1)}`, 'clinician-a', options.now ?? new Date('2027-02-21T09:00:00Z'));
  return { ...request, episode };
}
