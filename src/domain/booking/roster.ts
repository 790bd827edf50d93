import { z } from 'zod';

/** Clinicians accept consultations; coordinators (duty clinicians) also review, escalate and manage the roster. */
export const ROLES = ['clinician', 'coordinator'] as const;
export type Role = (typeof ROLES)[number];

export const RosterMemberSchema = z.object({
  id: z.string().min(1).max(200),
  roles: z.array(z.enum(ROLES)).min(1),
  addedBy: z.string(),
  addedAt: z.string(),
});
export type RosterMember = z.infer<typeof RosterMemberSchema>;

export const hasRole = (member: RosterMember | null | undefined, role: Role): boolean => member?.roles.includes(role) ?? false;

/**
 * Parses a roster given as text, e.g. `demo-clinician:clinician,demo-coordinator:coordinator+clinician`,
 * as the demo and a first deployment seed it from configuration.
 */
export function parseRosterSeed(text: string): { id: string; roles: Role[] }[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const [id, roles = ''] = entry.split(':');
    const parsed = roles.split('+').filter((r): r is Role => (ROLES as readonly string[]).includes(r));
    if (!id || parsed.length === 0) throw new RangeError(`roster entry "${entry}" must read id:role, with roles from ${ROLES.join(', ')}`);
    return { id, roles: parsed };
  });
}
