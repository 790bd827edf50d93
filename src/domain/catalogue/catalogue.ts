import { z } from 'zod';

/** Words a service uses for one criterion, and where to go instead when it stands in the way. */
export const CriterionWordingSchema = z.object({
  text: z.string().min(1),
  signposting: z.string().min(1).optional(),
});
export type CriterionWording = z.infer<typeof CriterionWordingSchema>;

const IdSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are lower_snake_case');

export const ConcernSchema = z.object({ id: IdSchema, label: z.string().min(1), text: z.string().min(1) });
export type Concern = z.infer<typeof ConcernSchema>;

export const ExclusionSchema = ConcernSchema.extend({ signposting: z.string().min(1).optional() });
export type Exclusion = z.infer<typeof ExclusionSchema>;

/** The criteria every service's screening knows by id; their wording is the service's own. */
export const CRITERION_IDS = [
  'referrer_role',
  'not_open_to_social_care',
  'out_of_area',
  'consent_not_obtained',
  'no_inclusion_concern',
  'care_proceedings',
  'care_proceedings_special_circumstances',
  'safeguarding_override',
] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

export const REFERRER_ROLES = ['allocated_social_worker', 'mental_health_practitioner', 'other'] as const;
export type ReferrerRole = (typeof REFERRER_ROLES)[number];

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

/**
 * One service's referral criteria as data: a service changes its criteria by publishing a new
 * version of this document, and every decision records the version it used.
 */
export const CatalogueSchema = z.object({
  service: IdSchema,
  version: z.string().min(1),
  name: z.string().min(1),
  provider: z.string().min(1),
  referencePrefix: z.string().regex(/^[A-Z]{2,8}$/),
  summary: z.string().min(1),
  offers: z.array(z.string().min(1)),
  referrerRoles: z.object({
    allowed: z.array(z.enum(REFERRER_ROLES)).min(1),
    labels: z.record(z.enum(REFERRER_ROLES), z.string().min(1)),
  }),
  catchment: z.object({ localAuthorities: z.array(z.string().min(1)).min(1), label: z.string().min(1) }),
  criteria: z.record(z.enum(CRITERION_IDS), CriterionWordingSchema),
  inclusionConcerns: z.array(ConcernSchema).min(1),
  exclusions: z.array(ExclusionSchema),
  consent: z.object({ lawfulBases: z.array(z.object({ id: IdSchema, label: z.string().min(1) })).min(1) }),
  booking: BookingDefaultsSchema,
});
export type Catalogue = z.infer<typeof CatalogueSchema>;

/** The catalogues in force, by service id. */
export type CatalogueSet = ReadonlyMap<string, Catalogue>;
