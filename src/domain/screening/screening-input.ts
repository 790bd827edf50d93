import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max);

/**
 * The family's consent to consult. It is sought, not merely obtained: a refusal is not "not asked yet".
 * `not_obtained` (the first version's word) is read as `not_yet_sought`.
 */
export const ConsentSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('obtained') }),
  z.object({ status: z.literal('refused') }),
  z.object({ status: z.literal('not_yet_sought') }),
  z.object({ status: z.literal('not_obtained') }),
  z.object({
    status: z.literal('safeguarding_override'),
    justification: text(2000).min(1, 'a safeguarding override needs a justification'),
    /** The statutory power, the UK GDPR conditions and the common-law confidentiality basis, each a separate answer. */
    statutoryPower: text(200).optional(),
    gdprConditions: text(200).optional(),
    confidentialityBasis: text(200).optional(),
    /** The first version's single "lawful basis", still accepted. */
    lawfulBasis: text(200).optional(),
    approvedBy: text(200).optional(),
    familyInformed: z.boolean().optional(),
    familyNotInformedReason: text(2000).optional(),
    reviewDate: z.iso.date().optional(),
  }),
]);
export type Consent = z.infer<typeof ConsentSchema>;

export const CareProceedingsSchema = z.object({
  inProceedings: z.boolean(),
  courtSupportsReunification: z.boolean(),
  evidenceOfEngagement: z.boolean(),
});
export type CareProceedings = z.infer<typeof CareProceedingsSchema>;

export const LocalAuthoritySchema = text(100).min(1);

/**
 * What screening knows about a referral: the contract other tools call through `npm run screen`. Which
 * parts a document must carry depends on the service: each of its catalogue's rules reads its own part
 * (see the rules), so a part is present exactly when a rule of the service needs it.
 */
export interface ScreeningInput {
  service: string;
  referrer?: { role: string };
  family?: { openToChildrensSocialCare?: boolean; localAuthority?: string; significantConcerns?: boolean; childrenInParentsCare?: boolean };
  concerns?: string[];
  /** What "another relational concern" is, in a few words (only with the `other` concern). */
  otherConcern?: string;
  exclusions?: string[];
  careProceedings?: CareProceedings;
  consent?: Consent;
  /** The parent's own mental health (the Parental Psychology Service): the referrer's judgement; the service screens properly. */
  parent?: { difficulties?: string[]; severity?: Severity; inSecondaryMentalHealthCare?: boolean; riskToSelf?: RiskToSelf };
}

export const SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const RISKS_TO_SELF = ['none', 'historic', 'current'] as const;
export type RiskToSelf = (typeof RISKS_TO_SELF)[number];

/** A rule's part of the screening document, as zod schemas (nested objects of schemas). */
export interface InputShape {
  [key: string]: z.ZodType | InputShape;
}

const isSchema = (v: z.ZodType | InputShape): v is z.ZodType => v instanceof z.ZodType;

/** Lays several rules' parts over one another (parts may share an object, as `family` does). */
export function mergeShapes(shapes: readonly InputShape[]): InputShape {
  const merged: InputShape = {};
  for (const shape of shapes) {
    for (const [key, value] of Object.entries(shape)) {
      const existing = merged[key];
      merged[key] = existing && !isSchema(existing) && !isSchema(value) ? mergeShapes([existing, value]) : value;
    }
  }
  return merged;
}

export function schemaOf(shape: InputShape): z.ZodObject {
  return z.object(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, isSchema(v) ? v : schemaOf(v)])));
}

/** Lays parts of a screening document over one another, as {@link mergeShapes} does for their schemas. */
export function mergeParts(parts: readonly Partial<ScreeningInput>[]): Partial<ScreeningInput> {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const existing = merged[key];
      const plain = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
      merged[key] = plain(existing) && plain(value) ? { ...(existing as object), ...(value as object) } : value;
    }
  }
  return merged as Partial<ScreeningInput>;
}
