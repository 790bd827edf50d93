import type { Attendance } from '../../domain/episode/episode';
import { recordAttendance as record } from '../../domain/episode/transitions';
import type { Actor, AppContext } from '../context';
import { changeEpisode, type EpisodeRef } from './change-episode';

/**
 * The therapist records whether the parent came to a session whose time has come. A run of missed sessions as
 * long as the service's rule tells the referrer, once for the run.
 */
export function recordAttendance(ctx: AppContext, actor: Actor, cmd: EpisodeRef & { sessionId: string; outcome: Attendance }) {
  return changeEpisode(ctx, actor, cmd, 'episode.attendance', 'clinical', (episode, config) => {
    const result = record(episode, config, cmd.sessionId, cmd.outcome, actor.id, ctx.clock.now());
    return {
      ...result,
      events: result.tellReferrer ? [{ event: 'non_attendance', data: { missed: String(config.nonAttendance.consecutive) } }] : [],
      detail: { session: cmd.sessionId, outcome: cmd.outcome },
    };
  });
}
