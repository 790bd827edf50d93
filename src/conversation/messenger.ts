import type { View } from './views/view';

/** Where a message goes: a person's personal chat, a network's channel or group chat, or a service's triage channel. */
export type Address =
  | { to: 'person'; userId: string }
  | { to: 'conversation'; conversationId: string }
  | { to: 'triage'; service: string };

/**
 * A screen, or a short line of text; `replyTo` threads it under an earlier message where the place has threads.
 * `summary` is the notification preview every message sent unprompted needs (a lock screen or an activity feed
 * shows it to whoever is nearby): a case reference and what happened, never a name or free text.
 */
export interface Message {
  view?: View;
  text?: string;
  replyTo?: string;
  summary: string;
}

/**
 * Sends messages proactively on a chat platform. Failures worth retrying throw `DeliveryError`
 * (see ports/notifier); one that retrying cannot help throws it as permanent.
 */
export interface Messenger {
  /** Whether the bot knows how to reach this address (it has met the person or conversation). */
  reachable(address: Address): Promise<boolean>;
  /** Posts a message; its id, to update it in place later (undefined when the platform gave none). Null when unreachable. */
  post(address: Address, message: Message): Promise<{ id?: string } | null>;
  /** Replaces an earlier message in place; false when unreachable. */
  update(address: Address, messageId: string, message: Message): Promise<boolean>;
}
