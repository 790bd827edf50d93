import { markEscalated } from '../../domain/booking/transitions';
import { notification } from '../../domain/network/notification';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import type { Job } from '../../ports/job-queue';
import type { AppContext } from '../context';
import { reschedulePurge, runPurge } from '../retention/purge-job';

export const MAX_ATTEMPTS = 8;

export type JobResult = 'queued' | 'skipped' | 'escalated' | 'retry' | 'gave_up' | 'purged';

/** Whether a job still applies to the request as it is now: a reminder for a cancelled booking does not. */
function stillApplies(job: Job, request: ConsultationRequest): boolean {
  if (job.kind === 'reminder') return request.status === 'booked' && request.booking?.id === job.data.bookingId;
  return request.status === 'offered' && request.offer?.id === job.data.offerId && !request.offer?.escalatedAt;
}

/** An offer nobody accepted in time: marked and announced in one step that also retires the job. */
async function escalate(ctx: AppContext, job: Job, request: ConsultationRequest): Promise<JobResult> {
  const now = ctx.clock.now();
  const escalated = markEscalated(request, now);
  await ctx.store.requests.update(escalated, { at: now.toISOString(), actor: 'scheduler', action: 'booking.escalate', subject: request.reference, result: 'ok' }, {
    notify: [notification(escalated, 'escalated', now)], unschedule: [job.id],
  });
  return 'escalated';
}

/**
 * A reminder coming due becomes a notification in the outbox. Its id is the job's, so a job run twice
 * (its runner died between the two steps) still tells each person once.
 */
async function remind(ctx: AppContext, job: Job, request: ConsultationRequest): Promise<JobResult> {
  await ctx.store.outbox.append(notification(request, 'reminder', ctx.clock.now(), { bookingId: job.data.bookingId!, hours: job.data.hours! }, `:${job.id}`));
  await ctx.store.jobs.complete(job);
  return 'queued';
}

/** Runs one claimed job. A failure is retried later with a growing delay, and given up after MAX_ATTEMPTS. */
export async function runJob(ctx: AppContext, job: Job): Promise<JobResult> {
  try {
    if (job.kind === 'purge') {
      await runPurge(ctx, job);
      return 'purged';
    }
    const request = await ctx.store.requests.get(job.service, job.reference);
    if (!request || !stillApplies(job, request)) {
      await ctx.store.jobs.complete(job);
      return 'skipped';
    }
    return job.kind === 'escalation' ? await escalate(ctx, job, request) : await remind(ctx, job, request);
  } catch {
    const attempts = Number(job.data.attempts ?? '0') + 1;
    if (attempts >= MAX_ATTEMPTS) {
      // A purge is never dropped: it waits for its next time.
      await (job.kind === 'purge' ? reschedulePurge(ctx, job) : ctx.store.jobs.complete(job)).catch(() => undefined);
      return 'gave_up';
    }
    const due = new Date(ctx.clock.now().getTime() + 1000 * 2 ** attempts).toISOString();
    await ctx.store.jobs.schedule({ ...job, due, data: { ...job.data, attempts: String(attempts) } }).catch(() => undefined);
    return 'retry';
  }
}

/** Claims and runs every due job of every service; each job goes to one runner only, whatever the number of bots. */
export async function runDueJobs(ctx: AppContext, options: { leaseMs: number; limit: number }): Promise<{ job: Job; result: JobResult }[]> {
  const done: { job: Job; result: JobResult }[] = [];
  for (const service of ctx.catalogues.keys()) {
    const jobs = await ctx.store.jobs.claimDue(service, ctx.clock.now(), options.leaseMs, options.limit);
    for (const job of jobs) done.push({ job, result: await runJob(ctx, job) });
  }
  return done;
}
