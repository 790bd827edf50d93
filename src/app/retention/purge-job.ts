import { addDays, londonDate, londonToUtc } from '../../domain/time/london';
import type { Job } from '../../ports/job-queue';
import type { AppContext } from '../context';
import { purgeExpired } from './purge-expired';

/** When the daily purge runs, London time: a quiet hour. */
export const PURGE_TIME = '02:30';
/** A purge that had more to do than one run takes comes back this soon. */
const AGAIN_MS = 60_000;

export const purgeJobId = (service: string) => `purge:${service}`;

/** The next purge time after `now`. */
export function nextPurgeAt(now: Date): Date {
  const today = londonToUtc(londonDate(now), PURGE_TIME);
  return today > now ? today : londonToUtc(addDays(londonDate(now), 1), PURGE_TIME);
}

const purgeJob = (service: string, due: Date): Job => ({ id: purgeJobId(service), service, kind: 'purge', reference: '', due: due.toISOString(), data: {} });

/**
 * Schedules each service's daily purge (at every start: the job's id is fixed, so this moves the one job, never adds
 * another). It then runs like the other jobs: leased to one bot instance at a time, and taken up again if it dies.
 */
export async function schedulePurges(ctx: AppContext): Promise<void> {
  const due = nextPurgeAt(ctx.clock.now());
  for (const service of ctx.catalogues.keys()) await ctx.store.jobs.schedule(purgeJob(service, due));
}

/** Runs a due purge and schedules the next (tomorrow's, or soon if this one left some for later). */
export async function runPurge(ctx: AppContext, job: Job): Promise<{ more: boolean }> {
  const report = await purgeExpired(ctx, job.service);
  const now = ctx.clock.now();
  await ctx.store.jobs.schedule(purgeJob(job.service, report.more ? new Date(now.getTime() + AGAIN_MS) : nextPurgeAt(now)));
  return { more: report.more };
}

/** After a failed purge: try again at the next purge time rather than drop the job. */
export const reschedulePurge = (ctx: AppContext, job: Job) => ctx.store.jobs.schedule(purgeJob(job.service, nextPurgeAt(ctx.clock.now())));
