import { toInterval } from '../../domain/booking/interval';
import { DomainError } from '../../domain/errors';
import type { MoveReason } from '../../domain/episode/episode';
import { blockedBy, nextFreeWeek, sessionAt, SESSION_TIME } from '../../domain/episode/series';
import { moveSession as move } from '../../domain/episode/transitions';
import { formatLondonTime, londonDate } from '../../domain/time/london';
import { busyEverywhere } from '../booking/busy-elsewhere';
import { catalogueFor, type Actor, type AppContext } from '../context';
import { changeEpisode, type EpisodeRef } from './change-episode';

const MINUTE = 60_000;

export interface MoveSessionCommand extends EpisodeRef {
  sessionId: string;
  why: Extract<MoveReason, 'cancelled_by_family' | 'cancelled_by_service' | 'rearranged'>;
  /** The new date (and time, else the series' time); with neither, the first free week after the series' last session. */
  date?: string;
  time?: string;
}

/**
 * A cancellation or rearrangement moves that one session, never the series: to the time given, or by default to
 * the first free week after the last session, at the series' time. The old time is given back and the new one
 * claimed in the same atomic, overlap-checked step. A blackout at the new time is refused before anything is written.
 */
export function moveSession(ctx: AppContext, actor: Actor, cmd: MoveSessionCommand) {
  return changeEpisode(ctx, actor, cmd, 'episode.move_session', 'clinical', async (episode, config) => {
    const bufferMs = catalogueFor(ctx, cmd.service).booking.bufferMinutes * MINUTE;
    const now = ctx.clock.now();
    const session = episode.sessions.find((s) => s.id === cmd.sessionId);
    const [availability, busy] = await Promise.all([
      ctx.store.availability.get(cmd.service, episode.therapistId), busyEverywhere(ctx, cmd.service, episode.therapistId, now),
    ]);
    // The session's own time does not stand in its way.
    const others = busy.filter((b) => !(session && b.reference === cmd.reference && b.start === Date.parse(session.start)));
    const blocked = blockedBy((availability?.blackouts ?? []).map(toInterval), others, bufferMs);
    let span;
    if (cmd.date) {
      const time = cmd.time || (session ? formatLondonTime(session.start) : episode.time);
      if (!SESSION_TIME.test(time)) throw new DomainError('invalid_input', [{ field: 'moveTime', message: 'must be between 07:00 and 20:59' }]);
      span = sessionAt(cmd.date, time, config.sessionMinutes);
      const why = blocked(span);
      if (why === 'blackout') throw new DomainError('invalid_input', [{ field: 'moveDate', message: 'the therapist is away then (a blackout)' }]);
      if (why === 'busy') throw new DomainError('clinician_busy');
    } else {
      const last = [...episode.sessions].sort((a, b) => Date.parse(b.start) - Date.parse(a.start))[0]!;
      span = nextFreeWeek(last.start, episode.time, config.sessionMinutes, blocked, config.maxWeeksMoved + 4);
      if (!span) throw new DomainError('series_unavailable');
    }
    const to = { start: new Date(span.start).toISOString(), end: new Date(span.end).toISOString() };
    const { episode: moved, from } = move(episode, cmd.sessionId, to, cmd.why, actor.id, now);
    return {
      episode: moved, changed: true,
      effects: {
        release: { clinicianId: episode.therapistId, times: [{ start: from.start, end: from.end }] },
        claim: { clinicianId: episode.therapistId, bufferMs, times: [to] },
      },
      detail: { session: cmd.sessionId, why: cmd.why, to: londonDate(new Date(span.start)) },
    };
  });
}
