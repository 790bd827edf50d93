import { z } from 'zod';
import { reasonFor, type ScreeningRule } from '../rule';

/** Only the roles the service takes referrals from may refer (for FASS: the allocated social worker or mental health practitioner). */
export const referrerRole: ScreeningRule = {
  wording: ['referrer_role'],
  input: (c) => ({ referrer: { role: z.enum(c.referrerRoles.map((r) => r.id) as [string, ...string[]]) } }),
  asks: [],
  fromAnswers: (a) => ({ referrer: { role: a.about.referrerRole } }),
  check: (input, catalogue) =>
    catalogue.referrerRoles.some((r) => r.mayRefer && r.id === input.referrer!.role) ? [] : [reasonFor(catalogue, 'referrer_role', 'cannot_proceed')],
};
