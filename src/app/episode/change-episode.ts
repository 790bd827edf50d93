import { hasRole } from '../../domain/booking/roster';
import type { EpisodeConfig } from '../../domain/catalogue/catalogue';
import type { Episode } from '../../domain/episode/episode';
import { episodeConfig, openEpisodeOf } from '../../domain/episode/transitions';
import { DomainError } from '../../domain/errors';
import { notification, type CaseEvent } from '../../domain/network/notification';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import type { RequestEffects } from '../../ports/request-store';
import { auditOk, loadRequest } from '../booking/access';
import { catalogueFor, type Actor, type AppContext } from '../context';
import { refuse } from '../guard';

/** The episode a command is for, and (from a card) the request version the person saw. */
export interface EpisodeRef {
  service: string;
  reference: string;
  version?: number;
}

/** Who may do something to an episode: its therapist and the service's coordinators, or the referrer. */
export type EpisodeParty = 'clinical' | 'referrer';

/** The episode's therapist or a coordinator of the service; anyone else is refused and audited. */
export async function requireEpisodeLead(ctx: AppContext, request: ConsultationRequest, actor: Actor, action: string): Promise<void> {
  if (request.episode?.therapistId === actor.id) return;
  if (hasRole(await ctx.store.roster.get(request.service, actor.id), 'coordinator')) return;
  await refuse(ctx, request.service, actor, action, request.reference, 'not_allowed');
}

export interface EpisodeChange {
  episode: Episode;
  changed: boolean;
  /** Events to tell people of, with their data; each becomes one notification in the same write. */
  events?: { event: CaseEvent; data?: Record<string, string> }[];
  effects?: Omit<RequestEffects, 'notify'>;
  /** Codes and ids for the audit entry: never free text or scores. */
  detail?: Record<string, string>;
}

/**
 * One change to an open episode, as every episode action makes it: who is acting is checked first (refusals
 * audited), then the change is worked out on the episode as stored, and written with its request in one
 * versioned, audited step with its notifications and any time it claims or gives back.
 */
export async function changeEpisode(
  ctx: AppContext, actor: Actor, cmd: EpisodeRef, action: string, party: EpisodeParty,
  change: (episode: Episode, config: EpisodeConfig, request: ConsultationRequest) => EpisodeChange | Promise<EpisodeChange>,
): Promise<{ request: ConsultationRequest; changed: boolean }> {
  const config = episodeConfig(catalogueFor(ctx, cmd.service));
  const request = await loadRequest(ctx, cmd.service, cmd.reference);
  if (party === 'referrer') {
    if (request.ownerId !== actor.id) await refuse(ctx, cmd.service, actor, action, cmd.reference, 'not_owner');
  } else {
    await requireEpisodeLead(ctx, request, actor, action);
  }
  // A card shows the episode at one version: a second click, or a click on a card older than a change made since,
  // would act on what the person no longer sees (a session moved twice), so it changes nothing.
  if (cmd.version !== undefined && cmd.version !== request.version) throw new DomainError('stale_card');
  const result = await change(openEpisodeOf(request), config, request);
  if (!result.changed) return { request, changed: false };
  const now = ctx.clock.now();
  const next: ConsultationRequest = { ...request, episode: result.episode, updatedAt: now.toISOString(), version: request.version + 1 };
  const notify = (result.events ?? []).map((e) => notification(next, e.event, now, e.data ?? {}));
  await ctx.store.requests.update(next, auditOk(ctx, actor, action, request.reference, result.detail), { ...result.effects, notify });
  return { request: next, changed: true };
}
