import { z } from 'zod';
import { DomainError, fieldIssues } from '../../domain/errors';
import { serviceReport, type ServiceReport } from '../../domain/reports/service-report';
import { requireRole } from '../booking/access';
import { catalogueFor, type Actor, type AppContext } from '../context';

/** Every request a report reads at most: a county's service takes hundreds a year. */
const MAX_REQUESTS = 20_000;
const MAX_DAYS = 731;

const Day = z.iso.date({ message: 'must be a date such as 2026-03-01' });
const PeriodSchema = z.object({ from: Day, to: Day })
  .refine((p) => p.from <= p.to, { message: 'must not be before the start', path: ['to'] })
  .refine((p) => (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 < MAX_DAYS, { message: 'a report covers two years at most', path: ['to'] });

/** How a service did over a period (London dates, both included): for its coordinators. */
export async function reportService(ctx: AppContext, actor: Actor, cmd: { service: string; from?: string; to?: string }): Promise<ServiceReport> {
  await requireRole(ctx, cmd.service, actor, 'coordinator', 'report.view', cmd.service);
  const period = PeriodSchema.safeParse({ from: cmd.from, to: cmd.to });
  if (!period.success) throw new DomainError('invalid_input', fieldIssues(period.error));
  return serviceReport(catalogueFor(ctx, cmd.service), await ctx.store.requests.listAll(cmd.service, MAX_REQUESTS), period.data);
}
