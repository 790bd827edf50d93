import { markEscalated } from '../../domain/booking/transitions';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import type { Job } from '../../ports/job-queue';
import type { Delivery, Notifier } from '../../ports/notifier';
import type { AppContext } from '../context';
import { notifyJob } from './jobs';

export const MAX_ATTEMPTS = 8;

export type JobResult = Delivery | 'skipped' | 'escalated' | 'retry' | 'gave_up';

/** Whether a job still applies to the request as it is now: a reminder for a cancelled booking does not. */
function stillApplies(job: Job, request: ConsultationRequest): boolean {
  if (job.kind === 'reminder') return request.status === 'booked' && request.booking?.id === job.data.bookingId;
  if (job.kind === 'escalation') return request.status === 'offered' && request.offer?.id === job.data.offerId && !request.offer?.escalatedAt;
  return true;
}

/** An offer nobody accepted in time: marked and announced in one step that also retires the job. */
async function escalate(ctx: AppContext, job: Job, request: ConsultationRequest): Promise<JobResult> {
  const now = ctx.clock.now();
  const escalated = markEscalated(request, now);
  await ctx.store.requests.update(escalated, { at: now.toISOString(), actor: 'scheduler', action: 'booking.escalate', subject: request.reference, result: 'ok' }, {
    schedule: [notifyJob(escalated, 'escalated', now)], unschedule: [job.id],
  });
  return 'escalated';
}

/** Runs one claimed job. A failure is retried later with a growing delay, and given up after MAX_ATTEMPTS. */
export async function runJob(ctx: AppContext, notifier: Notifier, job: Job): Promise<JobResult> {
  try {
    const request = await ctx.store.requests.get(job.service, job.reference);
    if (!request || !stillApplies(job, request)) {
      await ctx.store.jobs.complete(job);
      return 'skipped';
    }
    if (job.kind === 'escalation') return await escalate(ctx, job, request);
    const delivery = await notifier.deliver(job, request);
    await ctx.store.jobs.complete(job);
    return delivery;
  } catch {
    const attempts = Number(job.data.attempts ?? '0') + 1;
    if (attempts >= MAX_ATTEMPTS) {
      await ctx.store.jobs.complete(job).catch(() => undefined);
      return 'gave_up';
    }
    const due = new Date(ctx.clock.now().getTime() + 1000 * 2 ** attempts).toISOString();
    await ctx.store.jobs.schedule({ ...job, due, data: { ...job.data, attempts: String(attempts) } }).catch(() => undefined);
    return 'retry';
  }
}

/** Claims and runs every due job of every service; each job goes to one runner only, whatever the number of bots. */
export async function runDueJobs(ctx: AppContext, notifier: Notifier, options: { leaseMs: number; limit: number }): Promise<{ job: Job; result: JobResult }[]> {
  const done: { job: Job; result: JobResult }[] = [];
  for (const service of ctx.catalogues.keys()) {
    const jobs = await ctx.store.jobs.claimDue(service, ctx.clock.now(), options.leaseMs, options.limit);
    for (const job of jobs) done.push({ job, result: await runJob(ctx, notifier, job) });
  }
  return done;
}
