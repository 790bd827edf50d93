import { DAY_MS } from '../../domain/catalogue/retention';
import { FINAL_STATUSES } from '../../domain/request/consultation-request';
import { catalogueFor, type AppContext } from '../context';
import { forgetCase } from './forget-case';

/** What one purge removed, by kind: counts only. */
export interface PurgeReport {
  requests: number;
  deadLetters: number;
  busy: number;
  audit: number;
  directory: number;
  /** More was due than one run takes: the job comes back soon for the rest. */
  more: boolean;
}

/** At most this many cases are deleted in one run, so that a first purge of years of data never holds the job runner long. */
const MAX_PER_RUN = 500;
const BATCH = 50;

const RETENTION: { actor: string } = { actor: 'retention' };

/**
 * Deletes what a service's retention schedule says is due: closed requests kept their period (each leaving a
 * tombstone in the audit trail with its status and the rule, nothing personal), old dead letters, past busy time,
 * audit entries beyond their period, and people's directory entries unseen for the longest period any service keeps them.
 */
export async function purgeExpired(ctx: AppContext, service: string): Promise<PurgeReport> {
  const retention = catalogueFor(ctx, service).retention;
  const now = ctx.clock.now();
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const report: PurgeReport = { requests: 0, deadLetters: 0, busy: 0, audit: 0, directory: 0, more: false };
  for (const status of FINAL_STATUSES) {
    const days = retention.closedRequestDays[status];
    for (;;) {
      if (report.requests >= MAX_PER_RUN) {
        report.more = true;
        break;
      }
      const due = await ctx.store.requests.listByStatus(service, status, { limit: BATCH, enteredBefore: ago(days) });
      for (const request of due) {
        const removed = await forgetCase(ctx, request, {
          at: now.toISOString(), actor: RETENTION.actor, action: 'request.purged', subject: request.reference, result: 'ok',
          detail: { status, rule: `closedRequestDays.${status}=${days}`, catalogueVersion: request.screening.catalogueVersion },
        });
        if (removed) report.requests += 1;
      }
      if (due.length < BATCH) break;
    }
  }
  report.deadLetters = await ctx.store.outbox.dropDead(service, { before: ago(retention.deadLetterDays) });
  for (const { clinicianId } of await ctx.store.availability.list(service)) {
    report.busy += await ctx.store.availability.forgetBusy(service, clinicianId, ago(retention.busyDays));
  }
  // The directory is shared by every service: a person is kept as long as the service that keeps them longest wants.
  const directoryDays = Math.max(...[...ctx.catalogues.values()].map((c) => c.retention.directoryDays));
  report.directory = await ctx.store.conversations.forgetUnseen(ago(directoryDays), 10_000);
  report.audit = await ctx.store.audit.trim(service, ago(retention.auditDays));
  await ctx.store.audit.append(service, {
    at: now.toISOString(), actor: RETENTION.actor, action: 'retention.purge', subject: service, result: 'ok',
    detail: Object.fromEntries(Object.entries(report).map(([k, v]) => [k, String(v)])),
  });
  return report;
}
