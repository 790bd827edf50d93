import type { Instrument } from '../../domain/measures/instruments';
import type { MeasurePoint } from '../../domain/episode/episode';
import { recordMeasure as record } from '../../domain/episode/transitions';
import type { Actor, AppContext } from '../context';
import { changeEpisode, type EpisodeRef } from './change-episode';

/**
 * The therapist records a PHQ-9 or GAD-7, scored as NHS Talking Therapies reads it. A thought of self-harm
 * (PHQ-9 item 9 above 0) or a severe band alerts the therapist and every coordinator at once, in personal chat,
 * from the same write (hazard H14).
 */
export function recordMeasure(ctx: AppContext, actor: Actor, cmd: EpisodeRef & { instrument: Instrument; point: MeasurePoint; items: number[] }) {
  return changeEpisode(ctx, actor, cmd, 'episode.measure', 'clinical', (episode, config) => {
    const { episode: next, measure, alert } = record(episode, config, cmd, ctx.ids.next(), actor.id, ctx.clock.now());
    return {
      episode: next, changed: true,
      events: alert ? [{ event: 'measure_alert', data: { measureId: measure.id } }] : [],
      detail: { instrument: cmd.instrument, point: cmd.point, alert: alert ? 'yes' : 'no' },
    };
  });
}
