import { z } from 'zod';
import { REFERRER_ROLES } from '../catalogue/catalogue';

/** Trimmed text with a bound, so that no card can store an essay where a name belongs. */
const text = (min: number, max: number, label: string) =>
  z.string({ error: `${label} is required` }).trim().min(min, min <= 1 ? `${label} is required` : `${label} needs at least ${min} characters`)
    .max(max, `${label} must be at most ${max} characters`);
const yesNo = (label: string) => z.enum(['yes', 'no'], { error: `choose yes or no for ${label}` });
const isoDate = (label: string) => z.iso.date({ error: `${label} must be a date (YYYY-MM-DD)` });

export const LEGAL_STATUSES = ['none', 'cin', 'cp', 'lac', 'plo', 'care_proceedings'] as const;
export const URGENCIES = ['routine', 'soon', 'urgent'] as const;
export const CONSENT_STATUSES = ['obtained', 'not_obtained', 'safeguarding_override'] as const;

export const AboutSchema = z.object({
  referrerRole: z.enum(REFERRER_ROLES, { error: 'choose your role' }),
  referrerTeam: text(1, 100, 'Your team'),
  familyName: text(1, 80, 'Family name'),
  caseNumber: text(1, 30, 'Case number').regex(/^[A-Za-z0-9/-]+$/, 'Case number may hold letters, digits, / and - only'),
  youngestChildDob: isoDate("Youngest child's date of birth"),
  openToChildrensSocialCare: yesNo("open to children's social care"),
  localAuthority: text(1, 60, 'Local authority'),
});

export const ExclusionsSchema = z.object({
  exclusions: z.array(z.string().max(60)).max(20),
  inCareProceedings: yesNo('care proceedings'),
  courtSupportsReunification: yesNo('court support for reunification').optional(),
  evidenceOfEngagement: yesNo('evidence of engagement').optional(),
});

export const ConcernsSchema = z.object({ concerns: z.array(z.string().max(60)).max(20) });

export const ConsentStepSchema = z.object({
  consentStatus: z.enum(CONSENT_STATUSES, { error: 'choose whether consent was obtained' }),
  justification: text(0, 2000, 'Justification').optional(),
  lawfulBasis: z.string().max(60).optional(),
  approvedBy: text(0, 120, 'Approved by').optional(),
  familyInformed: yesNo('whether the family was told').optional(),
  familyNotInformedReason: text(0, 1000, 'Reason the family was not told').optional(),
  reviewDate: isoDate('Review date').optional(),
});

export const DetailsSchema = z.object({
  helpWith: text(10, 2000, 'What the consultation should help with'),
  legalStatus: z.enum(LEGAL_STATUSES, { error: 'choose the legal status' }),
  urgency: z.enum(URGENCIES, { error: 'choose how urgent this is' }),
});

export type About = z.infer<typeof AboutSchema>;
export type ExclusionsAnswers = z.infer<typeof ExclusionsSchema>;
export type ConcernsAnswers = z.infer<typeof ConcernsSchema>;
export type ConsentAnswers = z.infer<typeof ConsentStepSchema>;
export type Details = z.infer<typeof DetailsSchema>;

/** Everything a referrer has answered so far, one object per step. */
export interface Answers {
  about?: About;
  exclusions?: ExclusionsAnswers;
  concerns?: ConcernsAnswers;
  consent?: ConsentAnswers;
  details?: Details;
}
