import { z } from 'zod';
import { REFERRER_ROLES } from '../catalogue/catalogue';

const text = (max: number) => z.string().trim().max(max);

export const ConsentSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('obtained') }),
  z.object({ status: z.literal('not_obtained') }),
  z.object({
    status: z.literal('safeguarding_override'),
    justification: text(2000).min(1, 'a safeguarding override needs a justification'),
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

/** What screening needs to know about a referral: the contract other tools call through `npm run screen`. */
export const ScreeningInputSchema = z.object({
  service: z.string().min(1),
  referrer: z.object({ role: z.enum(REFERRER_ROLES) }),
  family: z.object({
    openToChildrensSocialCare: z.boolean(),
    localAuthority: text(100).min(1),
  }),
  concerns: z.array(z.string()).max(50),
  exclusions: z.array(z.string()).max(50),
  careProceedings: CareProceedingsSchema,
  consent: ConsentSchema,
});
export type ScreeningInput = z.infer<typeof ScreeningInputSchema>;
