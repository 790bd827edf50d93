import type { AuditEntry } from '../../domain/audit/audit-entry';
import type { Booking, BookingChange } from '../../domain/booking/booking';
import { DomainError } from '../../domain/errors';
import type { Draft } from '../../domain/referral/draft';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import type { DeadLetter } from '../../ports/outbox';
import { auditOk, requireRole } from '../booking/access';
import type { Actor, AppContext } from '../context';

/** Everything held about one case, as a subject-access request is answered. */
export interface SubjectAccessExport {
  service: string;
  reference: string;
  exportedAt: string;
  /** The request as stored: the referrer's answers, screening, review, decisions, notes. */
  request: ConsultationRequest;
  bookings: { current: Booking | null; earlier: BookingChange[] };
  /** Who was told what about the case, when: every disclosure the notifier recorded. */
  disclosures: { at: string; audience: string; to: string; event: string; fields: string }[];
  network: { links: NonNullable<ConsultationRequest['links']>; followers: NonNullable<ConsultationRequest['followers']> };
  /** Every audit entry about the case (changes, refusals, reads, disclosures), oldest first. */
  audit: AuditEntry[];
  /** The draft it was sent from, if still kept (a sent draft keeps no answers). */
  draft: Draft | null;
  /** Notifications about it that could not be delivered. */
  undelivered: DeadLetter[];
}

/**
 * Gathers everything held about a case. Recorded in the audit trail (who asked, and through what) before it is
 * returned: an export is a disclosure like any other.
 */
export async function exportCase(ctx: AppContext, actor: Actor, cmd: { service: string; reference: string; via: string }): Promise<SubjectAccessExport> {
  const request = await ctx.store.requests.get(cmd.service, cmd.reference);
  if (!request) throw new DomainError('request_not_found');
  const [audit, draft, dead] = await Promise.all([
    ctx.store.audit.about(cmd.service, cmd.reference),
    ctx.store.drafts.get(cmd.service, request.draftId),
    ctx.store.outbox.listDead(cmd.service, 10_000),
  ]);
  await ctx.store.audit.append(cmd.service, auditOk(ctx, actor, 'case.export', cmd.reference, { via: cmd.via }));
  return {
    service: cmd.service, reference: cmd.reference, exportedAt: ctx.clock.now().toISOString(),
    request,
    bookings: { current: request.booking ?? null, earlier: request.changes ?? [] },
    disclosures: audit.filter((e) => e.action === 'disclose').map((e) => ({
      at: e.at, audience: e.detail?.audience ?? '', to: e.detail?.to ?? '', event: e.detail?.event ?? '', fields: e.detail?.fields ?? '',
    })),
    network: { links: request.links ?? [], followers: request.followers ?? [] },
    audit,
    draft,
    undelivered: dead.filter((d) => d.notification.reference === cmd.reference),
  };
}

const exportMarker = (service: string, reference: string, token: string) => `export:${service}:${reference}:${token}`;

/**
 * A coordinator asks for a case's export from its card: answered with a link that works once, for `ttlMs`. The
 * export itself is gathered (and recorded) when the link is opened. Anyone else is refused and audited.
 */
export async function requestExportLink(ctx: AppContext, actor: Actor, cmd: { service: string; reference: string; ttlMs: number }): Promise<{ token: string; expiresAt: Date }> {
  await requireRole(ctx, cmd.service, actor, 'coordinator', 'case.export', cmd.reference);
  if (!(await ctx.store.requests.get(cmd.service, cmd.reference))) throw new DomainError('request_not_found');
  const token = `${ctx.ids.next()}${ctx.ids.next()}`.replace(/-/g, '');
  await ctx.store.claimOnce(exportMarker(cmd.service, cmd.reference, token), cmd.ttlMs);
  await ctx.store.audit.append(cmd.service, auditOk(ctx, actor, 'case.export_link', cmd.reference));
  return { token, expiresAt: new Date(ctx.clock.now().getTime() + cmd.ttlMs) };
}

/** The export behind a link, once: null when the link is unknown, used or expired. */
export async function exportByLink(ctx: AppContext, cmd: { service: string; reference: string; token: string }): Promise<SubjectAccessExport | null> {
  const marker = exportMarker(cmd.service, cmd.reference, cmd.token);
  if (!(await ctx.store.hasMarker(marker))) return null;
  await ctx.store.releaseMarker(marker);
  return exportCase(ctx, { id: 'export-link' }, { ...cmd, via: 'link' }).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'request_not_found') return null;
    throw e;
  });
}
