/** People are shown by the name their chat gave the bot, or by their id when it never saw one. */
export type NameOf = (id: string) => string;

/**
 * What the service knows of the professionals who use it: the display names their chat platform gave
 * (shown on cards as who accepted, who declined). Never anything about a family.
 */
export interface People {
  names(ids: readonly string[]): Promise<NameOf>;
}
