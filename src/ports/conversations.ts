/**
 * Where the bot can reach people and conversations later (proactively): a transport's serialised
 * addresses by key (`user:<id>` once per person, whatever the service; `conv:<id>`; `triage:<service>`),
 * and ids of messages it posted so it can update them in place (`card:<reference>:triage`). Opaque strings
 * to everything but the transport.
 */
export interface ConversationStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  /** Up to `limit` entries whose key starts with `prefix`, in no set order (the workspace lists the people the bot has met). */
  entries(prefix: string, limit: number): Promise<[string, string][]>;
}
