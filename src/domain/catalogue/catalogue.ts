import { z } from 'zod';
import { RetentionSchema } from './retention';

/** Words a service uses for one criterion, and where to go instead when it stands in the way. */
export const CriterionWordingSchema = z.object({
  text: z.string().min(1),
  signposting: z.string().min(1).optional(),
});
export type CriterionWording = z.infer<typeof CriterionWordingSchema>;

const IdSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are lower_snake_case');
const Labelled = z.object({ id: IdSchema, label: z.string().min(1) });

export const ConcernSchema = Labelled.extend({ text: z.string().min(1) });
export type Concern = z.infer<typeof ConcernSchema>;

export const ExclusionSchema = ConcernSchema.extend({ signposting: z.string().min(1).optional() });
export type Exclusion = z.infer<typeof ExclusionSchema>;

/** Who may ask for the service: every role the journey offers, and whether the service takes referrals from it. */
export const ReferrerRoleSchema = Labelled.extend({ mayRefer: z.boolean() });
export type ReferrerRoleEntry = z.infer<typeof ReferrerRoleSchema>;

/** A legal status the journey offers; `careProceedings` marks the one(s) that mean the family is in care proceedings. */
export const LegalStatusSchema = Labelled.extend({ careProceedings: z.boolean().optional() });

/** What a clinician records after a consultation, and the next step the family's network is told for it. */
export const CompletionOutcomeSchema = Labelled.extend({ nextStep: IdSchema });

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
  consent: z.object({ lawfulBases: z.array(Labelled).min(1) }).optional(),
  legalStatuses: z.array(LegalStatusSchema).min(1).refine(unique, 'legal status ids must be unique'),
  urgencies: z.array(Labelled).min(1).refine(unique, 'urgency ids must be unique'),
  /** Words the journey shows beside a step's questions (for example "we are not a crisis service"), by step id. */
  notes: z.record(IdSchema, z.string().min(1)).default({}),
  completion: z.object({
    outcomes: z.array(CompletionOutcomeSchema).min(1).refine(unique, 'outcome ids must be unique'),
    /** Next steps a clinician may post after the consultation, as the family's network reads them. */
    nextSteps: z.array(Labelled).min(1).refine(unique, 'next step ids must be unique'),
  }),
  booking: BookingDefaultsSchema,
  /** How long this service keeps what it holds (see retention.ts); every part has a default. */
  retention: RetentionSchema.prefault({}),
}).superRefine((c, ctx) => {
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
