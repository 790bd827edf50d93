/**
 * Which activities the bot serves at all: from Microsoft Teams (and, in local mode only, the channels the
 * Agents Playground can speak as), from the organisation's own tenants. Checked on the activity before the
 * adapter runs, so that a refused activity costs nothing and stores nothing.
 */
export interface InboundPolicy {
  /** Tenant ids served, or any tenant. */
  tenants: ReadonlySet<string> | 'any';
  /** Local mode: no app id, nothing authenticated (the playground). */
  localMode: boolean;
}

/** The channels the Microsoft 365 Agents Playground can be told to use (`--channel-id`); served in local mode only. */
const PLAYGROUND_CHANNELS = new Set(['msteams', 'emulator', 'webchat', 'directline', 'agents']);

interface ActivityLike {
  channelId?: unknown;
  channelData?: { tenant?: { id?: unknown } };
  conversation?: { tenantId?: unknown };
}

/** The tenant an activity comes from: Teams puts it in channelData (and, for most activities, on the conversation). */
export function tenantOf(activity: unknown): string | undefined {
  const a = (activity ?? {}) as ActivityLike;
  const id = a.channelData?.tenant?.id ?? a.conversation?.tenantId;
  return typeof id === 'string' && id.length > 0 && id.length <= 100 ? id : undefined;
}

/** Why an activity is refused (403), or null when it may go on to authentication and the bot. */
export function refusal(activity: unknown, policy: InboundPolicy): 'channel_not_allowed' | 'tenant_not_allowed' | null {
  const a = (activity ?? {}) as ActivityLike;
  const channel = typeof a.channelId === 'string' ? a.channelId : '';
  if (channel !== 'msteams' && !(policy.localMode && PLAYGROUND_CHANNELS.has(channel))) return 'channel_not_allowed';
  if (policy.tenants === 'any') return null;
  const tenant = tenantOf(activity);
  return tenant && policy.tenants.has(tenant) ? null : 'tenant_not_allowed';
}
