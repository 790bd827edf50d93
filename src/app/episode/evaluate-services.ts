import { toEvaluationEpisode } from '../../domain/episode/to-evaluation';
import { evaluate, type Evaluation } from '../../domain/measures/evaluation';
import type { Period } from '../../domain/measures/evaluation-input';
import type { AppContext } from '../context';

/** The most requests read per service: several years of a county's referrals. */
const MAX_REQUESTS = 20_000;

/**
 * The service evaluation for a period, over every service in force that offers episodes: episodes opened,
 * closed and active, sessions attended of those held, and the NHS Talking Therapies outcome shares from paired
 * measures. Counts and shares only: no reference, name or score of any one family leaves here.
 */
export async function evaluateServices(ctx: AppContext, period: Period): Promise<Evaluation> {
  const services = [...ctx.catalogues.values()].filter((c) => c.episodes).map((c) => c.service);
  const episodes = (await Promise.all(services.map(async (service) => (await ctx.store.requests.listAll(service, MAX_REQUESTS))
    .flatMap((r) => (r.episode ? [toEvaluationEpisode(service, r.episode)] : []))))).flat();
  return evaluate({ period, episodes }, services);
}
