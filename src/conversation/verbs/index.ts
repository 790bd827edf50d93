import { BOOKING_VERBS } from './booking';
import { EPISODE_VERBS } from './episode';
import { JOURNEY_VERBS } from './journey';
import { NETWORK_VERBS } from './network';
import { GOVERNANCE_VERBS } from './governance';
import { NETWORK_MEMBER_VERBS } from './network-members';
import { TEAM_VERBS } from './team';
import type { VerbSpec } from './verb';

/** Every verb a screen's button or a typed command can run, declared once with its schema and handler. */
export const VERBS = { ...JOURNEY_VERBS, ...BOOKING_VERBS, ...TEAM_VERBS, ...NETWORK_VERBS, ...NETWORK_MEMBER_VERBS, ...GOVERNANCE_VERBS, ...EPISODE_VERBS } satisfies Record<string, VerbSpec>;

export type Verb = keyof typeof VERBS;

export const isVerb = (v: string): v is Verb => Object.prototype.hasOwnProperty.call(VERBS, v);
