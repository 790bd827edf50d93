import { DomainError } from '../../domain/errors';
import { closeEpisode, referToAdultMentalHealth as refer } from '../../domain/episode/transitions';
import type { Actor, AppContext } from '../context';
import { changeEpisode, type EpisodeRef } from './change-episode';
import { releaseFuture } from './close-episode';

export interface AdultMentalHealthCommand extends EpisodeRef {
  date: string;
  amhService: string;
  reason: string;
  then: 'liaison' | 'close';
  endMeasuresNotTaken?: string;
  familyEndNotHeld?: string;
}

/**
 * The case meets Adult Mental Health thresholds: the therapist records the onward referral (date, service, why).
 * The episode stays open with the team as the liaison point, or closes with that outcome (as any closure does:
 * end measures and the end family session, or why not).
 */
export function referToAdultMentalHealth(ctx: AppContext, actor: Actor, cmd: AdultMentalHealthCommand) {
  return changeEpisode(ctx, actor, cmd, 'episode.amh', 'clinical', (episode, config) => {
    if (!cmd.amhService.trim()) throw new DomainError('invalid_input', [{ field: 'amhService', message: 'name the service referred to' }]);
    if (!cmd.reason.trim()) throw new DomainError('invalid_input', [{ field: 'amhReason', message: 'say why the case meets its thresholds' }]);
    const now = ctx.clock.now();
    const referred = refer(episode, config, { date: cmd.date, service: cmd.amhService.trim(), reason: cmd.reason.trim(), then: cmd.then }, actor.id, now);
    if (cmd.then === 'liaison') return { episode: referred, changed: true, events: [{ event: 'amh_referred' }], detail: { then: 'liaison' } };
    const reason = config.closureReasons.find((r) => r.adultMentalHealth)!.id;
    const closed = closeEpisode(referred, config, { reason, ...optional(cmd) }, actor.id, now);
    return {
      episode: closed, changed: true, events: [{ event: 'amh_referred' }, { event: 'episode_closed' }],
      effects: releaseFuture(closed, now), detail: { then: 'close' },
    };
  });
}

const optional = (cmd: AdultMentalHealthCommand) => ({
  ...(cmd.endMeasuresNotTaken ? { endMeasuresNotTaken: cmd.endMeasuresNotTaken } : {}),
  ...(cmd.familyEndNotHeld ? { familyEndNotHeld: cmd.familyEndNotHeld } : {}),
});
