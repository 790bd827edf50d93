import { toInterval } from '../../domain/booking/interval';
import { hasRole } from '../../domain/booking/roster';
import type { SessionLocation } from '../../domain/catalogue/catalogue';
import { DomainError, isDomainError } from '../../domain/errors';
import { blockedBy, planWeeklySeries } from '../../domain/episode/series';
import { episodeConfig, newEpisode, offeredInterventions } from '../../domain/episode/transitions';
import { notification } from '../../domain/network/notification';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { auditOk, loadRequest } from '../booking/access';
import { busyEverywhere } from '../booking/busy-elsewhere';
import { catalogueFor, type Actor, type AppContext } from '../context';
import { refuse } from '../guard';
import { requireClinicalLead } from '../network/access';

const MINUTE = 60_000;

export interface OpenEpisodeCommand {
  service: string;
  reference: string;
  intervention: string;
  plannedSessions: number;
  /** The first session's date (YYYY-MM-DD) and the series' London time (HH:MM). */
  firstDate: string;
  time: string;
  location?: SessionLocation;
  meetingUrl?: string;
  gpPractice?: string;
  /** The therapist, when a coordinator opens it for a colleague; otherwise whoever opens it. */
  therapistId?: string;
}

/**
 * Opens an episode of work after a consultation whose outcome offered it, and books its weekly sessions as one
 * series: every session claimed in the therapist's calendar in the same atomic, overlap-checked step as
 * consultations, with the buffer. A week the therapist is away (a blackout) or booked moves that session to the
 * end of the series. If a booking lands between planning and booking, the series is planned once more.
 */
export async function openEpisode(ctx: AppContext, actor: Actor, cmd: OpenEpisodeCommand): Promise<{ request: ConsultationRequest; changed: boolean }> {
  const catalogue = catalogueFor(ctx, cmd.service);
  const config = episodeConfig(catalogue);
  const request = await loadRequest(ctx, cmd.service, cmd.reference);
  await requireClinicalLead(ctx, request, actor, 'episode.open');
  if (request.episode) return { request, changed: false };
  if (!offeredInterventions(request, catalogue).some((i) => i.id === cmd.intervention)) throw new DomainError('episode_not_offered');
  const therapistId = cmd.therapistId || actor.id;
  if (!hasRole(await ctx.store.roster.get(cmd.service, therapistId), 'clinician')) {
    if (therapistId === actor.id) return refuse(ctx, cmd.service, actor, 'episode.open', cmd.reference, 'not_allowed');
    throw new DomainError('invalid_input', [{ field: 'therapistId', message: 'is not a clinician of this service' }]);
  }
  const bufferMs = catalogue.booking.bufferMinutes * MINUTE;
  for (let attempt = 1; ; attempt += 1) {
    const now = ctx.clock.now();
    const [availability, busy] = await Promise.all([
      ctx.store.availability.get(cmd.service, therapistId), busyEverywhere(ctx, cmd.service, therapistId, now),
    ]);
    const plan = planWeeklySeries({
      firstDate: cmd.firstDate, time: cmd.time, count: cmd.plannedSessions, minutes: config.sessionMinutes, maxWeeksMoved: config.maxWeeksMoved,
      blocked: blockedBy((availability?.blackouts ?? []).map(toInterval), busy, bufferMs), notBefore: now.getTime(),
    });
    const episode = newEpisode(request, catalogue, {
      intervention: cmd.intervention, plannedSessions: cmd.plannedSessions, therapistId, time: cmd.time,
      location: cmd.location ?? config.defaultLocation, ...(cmd.meetingUrl ? { meetingUrl: cmd.meetingUrl } : {}),
      ...(cmd.gpPractice ? { gpPractice: cmd.gpPractice } : {}),
    }, plan, () => ctx.ids.next(), actor.id, now);
    const opened: ConsultationRequest = { ...request, episode, updatedAt: now.toISOString(), version: request.version + 1 };
    try {
      await ctx.store.requests.update(opened, auditOk(ctx, actor, 'episode.open', request.reference, {
        intervention: episode.intervention, sessions: String(episode.plannedSessions), therapist: therapistId,
      }), {
        claim: { clinicianId: therapistId, bufferMs, times: episode.sessions.map((s) => ({ start: s.start, end: s.end })) },
        notify: [notification(opened, 'episode_opened', now)],
      });
      return { request: opened, changed: true };
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'clinician_busy' || attempt === 2) throw e;
    }
  }
}
