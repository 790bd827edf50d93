/**
 * Where the bot can reach people and conversations later (proactively): a transport's serialised
 * addresses by key (`user:<id>` once per person, whatever the service; `conv:<id>`; `triage:<service>`),
 * and ids of messages it posted so it can update them in place (`card:<reference>:triage`). Opaque strings
 * to everything but the transport.
 */
export interface ConversationStore {
  get(key: string): Promise<string | null>;
  /** Writes an entry; a person's (`user:`, `name:`, `mri:`) is also marked seen now, for retention. */
  set(key: string, value: string): Promise<void>;
  /** Up to `limit` entries whose key starts with `prefix`, in no set order (the workspace lists the people the bot has met). */
  /** The values of these keys, in order (null where there is none), read in one go: a card naming many people. */
  getMany(keys: readonly string[]): Promise<(string | null)[]>;
  /** `set` for several entries in one go: a person's name, Teams id and address on their first turn. */
  setMany(entries: readonly (readonly [string, string])[]): Promise<void>;
  entries(prefix: string, limit: number): Promise<[string, string][]>;
  /** Removes every entry whose key starts with `prefix` (a case's card ids, `card:<reference>:`); returns how many. */
  forget(prefix: string): Promise<number>;
  /** Removes people's entries not written since `before`, at most `limit`; returns how many. */
  forgetUnseen(before: Date, limit: number): Promise<number>;
}

/** Directory entries about a person (where to reach them, their display name): the ones retention forgets when unseen. */
export const PERSON_ENTRY = /^(user|name|mri):/;
