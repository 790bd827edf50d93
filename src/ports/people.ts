/** People are shown by the name their chat gave the bot, or by their id when it never saw one. */
export type NameOf = (id: string) => string;

/**
 * What the service knows of the professionals who use it: the display names their chat platform gave
 * (shown on cards as who accepted, who declined). Never anything about a family.
 */
export interface People {
  names(ids: readonly string[]): Promise<NameOf>;
}

/** Someone the bot has met: their chat platform's id for them and the name it gave. */
export interface KnownPerson {
  id: string;
  name: string;
}

/** The people the bot has met, to be picked by name (coordinators building a roster never type an id). */
export interface PeopleDirectory extends People {
  /** Up to `limit` people whose name contains `query` (any case; all of them for an empty query), by name. */
  find(query: string, limit: number): Promise<KnownPerson[]>;
  /** Whose names the directory holds, among these ids. */
  known(ids: readonly string[]): Promise<Set<string>>;
}
