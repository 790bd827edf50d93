import { z } from 'zod';
import { INSTRUMENT_IDS } from '../measures/instruments';
import { RetentionSchema } from './retention';

/** Whose words these are: the service's own (from its description), or ours, which a clinical lead must see as such. */
export const SourceSchema = z.enum(['service', 'local policy']);

/** Another service to point to, only while its catalogue is in force. */
export const SignpostToServiceSchema = z.object({ service: z.string().min(1), text: z.string().min(1) });

/**
 * Words a service uses for one criterion; where to go instead when it stands in the way (shown with a
 * "not recommended" or "cannot proceed" outcome); and a caveat shown whatever the outcome.
 */
export const CriterionWordingSchema = z.object({
  text: z.string().min(1),
  signposting: z.string().min(1).optional(),
  /** Pointers to other services, each shown only while that service's catalogue is in force. */
  signpostServices: z.array(SignpostToServiceSchema).optional(),
  caveat: z.string().min(1).optional(),
  /** Whose words the text is; the signposting is local policy unless the service's own description gives it. */
  source: SourceSchema.default('service'),
  signpostingSource: SourceSchema.default('local policy'),
});
export type CriterionWording = z.infer<typeof CriterionWordingSchema>;

const IdSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are lower_snake_case');
const Labelled = z.object({ id: IdSchema, label: z.string().min(1) });

export const ConcernSchema = Labelled.extend({
  text: z.string().min(1),
  /** The open "another concern" choice: the referrer describes it, and a duty clinician weighs it. */
  other: z.boolean().optional(),
  source: SourceSchema.default('service'),
});
export type Concern = z.infer<typeof ConcernSchema>;

export const ExclusionSchema = ConcernSchema.extend({
  signposting: z.string().min(1).optional(),
  /** Whether a referrer may take this exclusion to a duty clinician for review (the service's decision). */
  reviewable: z.boolean().default(true),
});
export type Exclusion = z.infer<typeof ExclusionSchema>;

/** Who may ask for the service: every role the journey offers, and whether the service takes referrals from it. */
export const ReferrerRoleSchema = Labelled.extend({ mayRefer: z.boolean() });
export type ReferrerRoleEntry = z.infer<typeof ReferrerRoleSchema>;

/** A legal status the journey offers; `careProceedings` marks the one(s) that mean the family is in care proceedings. */
export const LegalStatusSchema = Labelled.extend({ careProceedings: z.boolean().optional() });

/** How soon a consultation is needed; an urgent one is shown first and escalated sooner. */
export const UrgencySchema = Labelled.extend({
  /** Coordinators are alerted when nobody has accepted this long after the times were offered (else the booking default). */
  escalateAfterHours: z.number().positive().optional(),
  /** Shown first in triage and review queues. */
  urgent: z.boolean().optional(),
});

/**
 * What a clinician records after a consultation, and the next step the family's network is told for it; an
 * outcome that offers the service's own work lists the interventions an episode may then be opened for.
 */
export const CompletionOutcomeSchema = Labelled.extend({ nextStep: IdSchema, opensEpisode: z.array(IdSchema).min(1).optional() });

/**
 * A next step: its label for the referrer and clinician, and what the family's network reads, which must
 * not name a treatment (that tells a GP or school more than consent to consult covers).
 */
export const NextStepSchema = Labelled.extend({ networkLabel: z.string().min(1).optional() });

/** One of the answers an override of consent records, each a separate legal question. */
const LegalChoices = z.array(Labelled.extend({ source: z.string().min(1).optional() })).min(1);

export const BookingDefaultsSchema = z.object({
  consultationMinutes: z.number().int().positive(),
  bufferMinutes: z.number().int().nonnegative(),
  leadTimeHours: z.number().int().nonnegative(),
  horizonDays: z.number().int().positive(),
  /** How many distinct times the referrer is shown, and how many they may prefer. */
  timesShown: z.number().int().min(1).max(20).default(12),
  maxPreferences: z.number().int().min(1).max(5).default(3),
  /** Coordinators are alerted when nobody has accepted an offer this long after it was made. */
  escalateAfterHours: z.number().positive().default(24),
  /** Reminders before a consultation, in hours. */
  reminderHours: z.array(z.number().positive()).max(5).default([24, 1]),
});
export type BookingDefaults = z.infer<typeof BookingDefaultsSchema>;

const unique = <T extends { id: string }>(list: readonly T[]) => new Set(list.map((x) => x.id)).size === list.length;

const Sourced = Labelled.extend({ source: SourceSchema.default('service') });

/** The points in a course at which family sessions are part of the plan. */
export const FAMILY_POINTS = ['start', 'middle', 'end'] as const;
export type FamilyPoint = (typeof FAMILY_POINTS)[number];

/** Where a session takes place. */
export const LOCATIONS = ['home_visit', 'online', 'clinic'] as const;
export type SessionLocation = (typeof LOCATIONS)[number];

/**
 * Care after the consultation: the episodes of work a service offers (PPS's weekly therapy, FASS's assessment,
 * VIG and MBT parenting group), as data. Where the service's description gives no number or rule, the catalogue
 * marks it `local policy` so that a clinical lead can see what is ours.
 */
export const EpisodeConfigSchema = z.object({
  interventions: z.array(Sourced.extend({
    sessions: z.object({ min: z.number().int().min(1).max(52), max: z.number().int().min(1).max(52), default: z.number().int().min(1).max(52) })
      .refine((s) => s.min <= s.default && s.default <= s.max, 'sessions: min <= default <= max'),
    sessionsSource: SourceSchema.default('service'),
  })).min(1).refine(unique, 'intervention ids must be unique'),
  sessionMinutes: z.number().int().min(15).max(240),
  /** Sessions are weekly, at the same London time; a week the therapist is away or booked moves that session, and the series may run this many weeks longer for it. */
  maxWeeksMoved: z.number().int().min(0).max(26).default(8),
  defaultLocation: z.enum(LOCATIONS),
  familySessions: z.object({ points: z.array(z.enum(FAMILY_POINTS)), text: z.string().min(1), source: SourceSchema.default('service') }),
  /** How many sessions missed in a row the referrer is told of, once for each run of them. */
  nonAttendance: z.object({ consecutive: z.number().int().min(1).max(10), text: z.string().min(1), source: SourceSchema.default('local policy') }),
  measures: z.object({
    instruments: z.array(z.enum(INSTRUMENT_IDS)),
    /** A review measure falls due every this many sessions attended. */
    reviewEverySessions: z.number().int().min(1).max(52),
    source: SourceSchema.default('local policy'),
  }),
  meetingTypes: z.array(Sourced).min(1).refine(unique, 'meeting type ids must be unique'),
  closureReasons: z.array(Sourced.extend({ adultMentalHealth: z.boolean().optional() })).min(1).refine(unique, 'closure reason ids must be unique'),
  /** The pathway to Adult Mental Health services, where the service has one: the words shown with it. */
  adultMentalHealth: z.object({ text: z.string().min(1), source: SourceSchema.default('service') }).optional(),
  /** In plain words, what in this block is the team's own policy rather than the service's description. */
  localPolicy: z.array(z.string().min(1)).default([]),
});
export type EpisodeConfig = z.infer<typeof EpisodeConfigSchema>;
export type Intervention = EpisodeConfig['interventions'][number];


/**
 * One service's referral criteria as data: a service changes its criteria by publishing a new
 * version of this document, and every decision records the version it used. Which screening rules
 * apply, and their wording, are the service's; so are the roles it takes referrals from, its catchment,
 * the legal statuses and urgencies it asks about, and what a clinician may record after a consultation.
 * Whether the rules named here exist, and have the wording they need, is checked where the rules live
 * (see `checkCatalogue` in the screening rules).
 */
export const CatalogueSchema = z.object({
  service: IdSchema,
  version: z.string().min(1),
  name: z.string().min(1),
  provider: z.string().min(1),
  referencePrefix: z.string().regex(/^[A-Z]{2,8}$/),
  summary: z.string().min(1),
  offers: z.array(z.string().min(1)),
  referrerRoles: z.array(ReferrerRoleSchema).min(1).refine(unique, 'role ids must be unique').refine((r) => r.some((x) => x.mayRefer), 'at least one role may refer'),
  catchment: z.object({
    /** The local authorities the journey offers to choose from. */
    localAuthorities: z.array(Labelled).min(1).refine(unique, 'local authority ids must be unique'),
    /** The ones the service covers. */
    inArea: z.array(z.string().min(1)).min(1),
    label: z.string().min(1),
  }),
  screening: z.object({ rules: z.array(IdSchema).min(1).refine((r) => new Set(r).size === r.length, 'rules are listed once each') }),
  criteria: z.record(IdSchema, CriterionWordingSchema),
  inclusionConcerns: z.array(ConcernSchema).refine(unique, 'concern ids must be unique'),
  exclusions: z.array(ExclusionSchema).refine(unique, 'exclusion ids must be unique'),
  consent: z.object({
    /**
     * A safeguarding override records the statutory power, the UK GDPR conditions and the common-law
     * confidentiality basis apart. A service with no `override` takes none: its work needs the person's own
     * agreement (therapy for a parent cannot be given without that parent's), and an override cannot proceed.
     */
    override: z.object({
      statutoryPowers: LegalChoices,
      gdprConditions: LegalChoices,
      confidentialityBases: LegalChoices,
      /** What an override needs besides the service's own words (manager's approval, review date, whether the family was told). */
      localPolicy: z.string().min(1),
    }).optional(),
  }).optional(),
  /** The parent's presenting difficulties a service works with (the Parental Psychology Service's). */
  parentDifficulties: z.array(ConcernSchema).default([]).refine(unique, 'difficulty ids must be unique'),
  legalStatuses: z.array(LegalStatusSchema).min(1).refine(unique, 'legal status ids must be unique'),
  urgencies: z.array(UrgencySchema).min(1).refine(unique, 'urgency ids must be unique'),
  /** Words the journey shows beside a step's questions (for example "we are not a crisis service"), by step id. */
  notes: z.record(IdSchema, z.string().min(1)).default({}),
  completion: z.object({
    outcomes: z.array(CompletionOutcomeSchema).min(1).refine(unique, 'outcome ids must be unique'),
    /** Next steps a clinician may post after the consultation, as the family's network reads them. */
    nextSteps: z.array(NextStepSchema).min(1).refine(unique, 'next step ids must be unique'),
  }),
  booking: BookingDefaultsSchema,
  episodes: EpisodeConfigSchema.optional(),
  /** How long this service keeps what it holds (see retention.ts); every part has a default. */
  retention: RetentionSchema.prefault({}),
}).superRefine((c, ctx) => {
  const interventions = new Set(c.episodes?.interventions.map((i) => i.id) ?? []);
  for (const [i, o] of c.completion.outcomes.entries()) {
    for (const [j, id] of (o.opensEpisode ?? []).entries()) {
      if (!interventions.has(id)) ctx.addIssue({ code: 'custom', path: ['completion', 'outcomes', i, 'opensEpisode', j], message: `"${id}" is not one of episodes.interventions` });
    }
  }
  if (c.episodes && c.episodes.adultMentalHealth && !c.episodes.closureReasons.some((r) => r.adultMentalHealth)) {
    ctx.addIssue({ code: 'custom', path: ['episodes', 'closureReasons'], message: 'a service with an Adult Mental Health pathway needs a closure reason marked adultMentalHealth' });
  }
  const steps = new Set(c.completion.nextSteps.map((s) => s.id));
  for (const [i, o] of c.completion.outcomes.entries()) {
    if (!steps.has(o.nextStep)) ctx.addIssue({ code: 'custom', path: ['completion', 'outcomes', i, 'nextStep'], message: `"${o.nextStep}" is not one of completion.nextSteps` });
  }
  const offered = new Set(c.catchment.localAuthorities.map((l) => l.id));
  for (const [i, id] of c.catchment.inArea.entries()) {
    if (!offered.has(id)) ctx.addIssue({ code: 'custom', path: ['catchment', 'inArea', i], message: `"${id}" is not one of catchment.localAuthorities` });
  }
});
export type Catalogue = z.infer<typeof CatalogueSchema>;

/** The catalogues in force, by service id. */
export type CatalogueSet = ReadonlyMap<string, Catalogue>;

export const labelOf = (list: readonly { id: string; label: string }[], id: string | undefined): string | undefined =>
  list.find((x) => x.id === id)?.label;

/** The service a reference such as FASS-2026-0001 belongs to, by its prefix. */
export function serviceOfReference(catalogues: CatalogueSet, reference: string): string | undefined {
  const prefix = reference.split('-')[0];
  return [...catalogues.values()].find((c) => c.referencePrefix === prefix)?.service;
}
