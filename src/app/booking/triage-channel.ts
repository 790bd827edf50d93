import { hasRole } from '../../domain/booking/roster';
import type { Actor, AppContext } from '../context';
import { auditOk } from './access';

/** Teams configured to be a service's triage channel, by service (`TRIAGE_TEAM_IDS`). */
export type TriageTeams = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Reads `[service/]teamId,...`: an entry without a service is for every service in force. A service that is
 * not in force stops start-up rather than be silently ignored.
 */
export function parseTriageTeams(seed: string, services: readonly string[]): TriageTeams {
  const teams = new Map<string, Set<string>>(services.map((s) => [s, new Set<string>()]));
  for (const entry of seed.split(',').map((e) => e.trim()).filter(Boolean)) {
    const prefixed = /^([a-z][a-z0-9_]*)\/(.+)$/.exec(entry);
    const forServices = prefixed ? [prefixed[1]!] : services;
    for (const service of forServices) {
      const set = teams.get(service);
      if (!set) throw new RangeError(`TRIAGE_TEAM_IDS entry "${entry}" names no service in force`);
      set.add(prefixed ? prefixed[2]! : entry);
    }
  }
  return teams;
}

/**
 * Which of these services (ones with no triage channel yet) a team channel becomes the triage channel of,
 * now that the bot has been installed there: those whose coordinators include the installer, and those the
 * deployment configured this team for. Installing anywhere else makes the channel a network's conversation,
 * not a place where every request of the service is posted. Each adoption is audited.
 */
export async function triageOnInstall(
  ctx: AppContext, actor: Actor, cmd: { services: readonly string[]; teamId?: string; configured: TriageTeams },
): Promise<string[]> {
  const adopted: string[] = [];
  for (const service of cmd.services) {
    const configured = cmd.teamId !== undefined && (cmd.configured.get(service)?.has(cmd.teamId) ?? false);
    const coordinator = hasRole(await ctx.store.roster.get(service, actor.id), 'coordinator');
    if (!configured && !coordinator) continue;
    await ctx.store.audit.append(service, auditOk(ctx, actor, 'triage.adopt', 'triage', { via: configured ? 'configured_team' : 'coordinator' }));
    adopted.push(service);
  }
  return adopted;
}
