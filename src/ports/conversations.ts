/**
 * Where the bot can reach people and channels later (proactively): serialised conversation
 * references by key (`user:<id>`, `triage`), and ids of cards it posted so it can update them in place
 * (`card:<reference>:triage`). Opaque strings to everything but the transport.
 */
export interface ConversationStore {
  get(service: string, key: string): Promise<string | null>;
  set(service: string, key: string, value: string): Promise<void>;
}
