import { z } from 'zod';
import { DomainError, fieldIssues } from '../errors';
import { INSTRUMENT_IDS, type Instrument } from './instruments';
import { itemsSchema } from './parse-measure-input';

const pairOf = (instrument: Instrument) =>
  z.object({ instrument: z.literal(instrument), before: itemsSchema(instrument), after: itemsSchema(instrument) });

/** An instrument's first and last administration in a course: at the start, and at the end (or the latest review). */
export const EvaluationPairSchema = z.discriminatedUnion('instrument', [pairOf('phq9'), pairOf('gad7')]);
export type EvaluationPair = z.infer<typeof EvaluationPairSchema>;

const instant = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);

/**
 * The least an evaluation needs to know of an episode of care. The episode model maps onto it with a small function
 * of its own (counting its sessions, picking each instrument's first and last measures), so that evaluation never
 * depends on how episodes are stored. For instance, whatever the episode holds:
 *
 *   const toEvaluationEpisode = (e: Episode, now: Date): EvaluationEpisode => ({
 *     service: e.service, openedAt: e.openedAt, closedAt: e.closure?.at, plannedSessions: e.plannedSessions,
 *     sessionsAttended: e.sessions.filter((s) => s.attendance === 'attended').length,
 *     sessionsPlannedSoFar: e.sessions.filter((s) => Date.parse(s.start) <= now.getTime()).length,
 *     pairs: INSTRUMENT_IDS.flatMap((instrument) => {
 *       const taken = e.measures.filter((m) => m.instrument === instrument); // in the order given
 *       return taken.length < 2 ? [] : [{ instrument, before: taken[0]!.items, after: taken.at(-1)!.items }];
 *     }),
 *   });
 */
export const EvaluationEpisodeSchema = z
  .object({
    service: z.string().min(1),
    openedAt: instant,
    closedAt: instant.optional(),
    /** The course's planned length (PPS 12-24). */
    plannedSessions: count,
    /** Sessions the parent attended. */
    sessionsAttended: count,
    /** Sessions whose time has come: attended, did not attend, or cancelled by either side. */
    sessionsPlannedSoFar: count,
    /** At most one pair per instrument. */
    pairs: z.array(EvaluationPairSchema),
  })
  .superRefine((e, ctx) => {
    if (e.closedAt !== undefined && Date.parse(e.closedAt) < Date.parse(e.openedAt)) {
      ctx.addIssue({ code: 'custom', path: ['closedAt'], message: 'an episode cannot close before it opened' });
    }
    if (e.sessionsAttended > e.sessionsPlannedSoFar) {
      ctx.addIssue({ code: 'custom', path: ['sessionsAttended'], message: 'more sessions attended than have been held' });
    }
    INSTRUMENT_IDS.forEach((instrument) => {
      const at = e.pairs.flatMap((p, i) => (p.instrument === instrument ? [i] : []));
      if (at.length > 1) ctx.addIssue({ code: 'custom', path: ['pairs', at[1]!, 'instrument'], message: `a second ${instrument} pair: give one per instrument, the first and last of the course` });
    });
  });
export type EvaluationEpisode = z.infer<typeof EvaluationEpisodeSchema>;

/** A reporting period, from its first instant up to (not including) its end: months and quarters then tile. */
export const PeriodSchema = z
  .object({ from: instant, to: instant })
  .refine((p) => Date.parse(p.from) < Date.parse(p.to), { path: ['to'], message: 'the period must end after it starts' });
export type Period = z.infer<typeof PeriodSchema>;

export const EvaluationInputSchema = z.object({ period: PeriodSchema, episodes: z.array(EvaluationEpisodeSchema) });
export type EvaluationInput = z.infer<typeof EvaluationInputSchema>;

/** Checks an evaluation request at the edge (a command or an endpoint); throws `invalid_input` naming each field. */
export function parseEvaluationInput(raw: unknown): EvaluationInput {
  const parsed = EvaluationInputSchema.safeParse(raw);
  if (!parsed.success) throw new DomainError('invalid_input', fieldIssues(parsed.error));
  return parsed.data;
}
