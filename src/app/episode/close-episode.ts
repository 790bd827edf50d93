import type { Episode } from '../../domain/episode/episode';
import { closeEpisode as close, futureSessions } from '../../domain/episode/transitions';
import type { RequestEffects } from '../../ports/request-store';
import type { Actor, AppContext } from '../context';
import { changeEpisode, type EpisodeRef } from './change-episode';

/** The time of sessions still to come, given back when an episode closes. */
export function releaseFuture(episode: Episode, now: Date): Pick<RequestEffects, 'release'> {
  const future = futureSessions(episode, now);
  return future.length === 0 ? {} : { release: { clinicianId: episode.therapistId, times: future.map((s) => ({ start: s.start, end: s.end })) } };
}

/**
 * Closes the episode with a reason (completed, disengaged, the case closed to social care, moved to Adult Mental
 * Health, other) and the end measures, or why they were not taken. The sessions still to come are given back;
 * the referrer and the family's network are told it has ended (the network, nothing more).
 */
export function closeEpisode(ctx: AppContext, actor: Actor, cmd: EpisodeRef & { reason: string; endMeasuresNotTaken?: string; familyEndNotHeld?: string }) {
  return changeEpisode(ctx, actor, cmd, 'episode.close', 'clinical', (episode, config) => {
    const now = ctx.clock.now();
    const closed = close(episode, config, cmd, actor.id, now);
    return { episode: closed, changed: true, events: [{ event: 'episode_closed' }], effects: releaseFuture(closed, now), detail: { reason: cmd.reason } };
  });
}
