import type { LiaisonKind } from '../../domain/episode/episode';
import { logGpContact as log } from '../../domain/episode/transitions';
import type { Actor, AppContext } from '../context';
import { changeEpisode, type EpisodeRef } from './change-episode';

/** The therapist records the parent's GP practice, and logs each letter or call to it with its date and purpose. */
export function logGpContact(ctx: AppContext, actor: Actor, cmd: EpisodeRef & { practice?: string; kind?: LiaisonKind; date?: string; purpose?: string }) {
  return changeEpisode(ctx, actor, cmd, 'episode.gp', 'clinical', (episode) => ({
    episode: log(episode, cmd, ctx.ids.next(), actor.id, ctx.clock.now()), changed: true,
    detail: (cmd.kind ? { kind: cmd.kind } : { practice: 'set' }) as Record<string, string>,
  }));
}
