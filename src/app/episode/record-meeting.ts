import { recordMeeting as record, requestMeeting } from '../../domain/episode/transitions';
import type { Actor, AppContext } from '../context';
import { changeEpisode, type EpisodeRef } from './change-episode';

/** The therapist records a meeting about the children (CP, core group, CIN, unit) and whether they attended, or answers one they were asked to. */
export function recordMeeting(ctx: AppContext, actor: Actor, cmd: EpisodeRef & { meetingId?: string; type: string; date: string; attended: boolean }) {
  return changeEpisode(ctx, actor, cmd, 'episode.meeting', 'clinical', (episode, config) => ({
    episode: record(episode, config, cmd, ctx.ids.next(), actor.id, ctx.clock.now()), changed: true,
    detail: { type: cmd.type, attended: cmd.attended ? 'yes' : 'no' },
  }));
}

/** The referrer asks the therapist to attend a meeting about the children; the therapist is told in personal chat. */
export function askToAttendMeeting(ctx: AppContext, actor: Actor, cmd: { service: string; reference: string; type: string; date: string }) {
  return changeEpisode(ctx, actor, cmd, 'episode.meeting_request', 'referrer', (episode, config) => {
    const result = requestMeeting(episode, config, cmd, ctx.ids.next(), actor.id, ctx.clock.now());
    return { ...result, events: [{ event: 'meeting_requested', data: { type: cmd.type, date: cmd.date } }], detail: { type: cmd.type } };
  });
}
