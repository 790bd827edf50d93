import { isOpen, type EpisodeSession } from '../../domain/episode/episode';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { requireRole } from '../booking/access';
import type { Actor, AppContext } from '../context';

/** How many sessions ahead the list shows: a few weeks of a therapist's caseload. */
const UPCOMING_SHOWN = 40;

export interface MySession {
  request: ConsultationRequest;
  session: EpisodeSession;
}

export interface MySessions {
  /** Their time has come and their attendance is not recorded yet, oldest first. */
  toRecord: MySession[];
  /** Still to come, soonest first. */
  upcoming: MySession[];
}

/**
 * The clinician's own sessions, across the open episodes they are the therapist of: those to record and those to
 * come. References and times only; a case's detail is read one case at a time, audited (readCase).
 */
export async function listMySessions(ctx: AppContext, actor: Actor, service: string): Promise<MySessions> {
  await requireRole(ctx, service, actor, 'clinician', 'sessions.list', service);
  const now = ctx.clock.now().getTime();
  const mine = (await ctx.store.requests.listAll(service, 20_000))
    .filter((r) => isOpen(r.episode) && r.episode.therapistId === actor.id)
    .flatMap((request) => request.episode!.sessions.filter((s) => !s.attendance).map((session) => ({ request, session })));
  const byStart = (a: MySession, b: MySession) => Date.parse(a.session.start) - Date.parse(b.session.start);
  return {
    toRecord: mine.filter((m) => Date.parse(m.session.start) <= now).sort(byStart),
    upcoming: mine.filter((m) => Date.parse(m.session.start) > now).sort(byStart).slice(0, UPCOMING_SHOWN),
  };
}
