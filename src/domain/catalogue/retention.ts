import { z } from 'zod';
import type { FinalStatus } from '../request/consultation-request';

const Days = z.number().int().min(1).max(36_500);

/**
 * How long a service keeps what it holds, in days: its part of the catalogue (`retention`), every field with a
 * default so that a catalogue need say only what its records-management policy changes. The defaults are a
 * starting point, not advice: the deploying organisation sets them from its own retention schedule.
 * Drafts are not here: an unsent draft expires DRAFT_TTL_DAYS after it was last touched, and a sent or
 * discarded one keeps no answers at all.
 */
export const RetentionSchema = z.object({
  /** After a request reaches a status nothing leads on from, how long it is kept (with everything about it) before it is deleted. */
  closedRequestDays: z.object({
    cannot_proceed: Days.default(365),
    not_recommended: Days.default(365),
    review_declined: Days.default(365),
    cancelled: Days.default(730),
    no_show: Days.default(730),
    completed: Days.default(730),
  } satisfies Record<FinalStatus, unknown>).prefault({}),
  /** Where people and conversations can be reached, and professionals' display names: dropped once unseen this long. */
  directoryDays: Days.default(400),
  /** Clinicians' busy calendars: a consultation's entry is dropped this long after it ended. */
  busyDays: Days.default(90),
  /** Notifications that could not be delivered (references and error codes only). */
  deadLetterDays: Days.default(30),
  /** "Already sent" markers of the notifier (ids only); they must outlive any retry of a notification. */
  sentMarkerDays: z.number().int().min(1).max(90).default(14),
  /** The audit trail: who did or saw what, when (ids, references and codes; never a family's details). */
  auditDays: Days.default(2_555),
});
export type Retention = z.infer<typeof RetentionSchema>;

export const DAY_MS = 86_400_000;
