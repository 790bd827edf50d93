import type { ConversationStore } from '../../ports/conversations';
import type { KnownPerson, NameOf, PeopleDirectory } from '../../ports/people';

/** Where a person's display name is kept in the directory, as the chat edge writes it. */
export const nameKey = (id: string) => `name:${id}`;
const NAME_PREFIX = nameKey('');

/** How many directory entries one search reads at most: a county's professionals are a few thousand. */
const SCAN_LIMIT = 20_000;

/** The people the bot has met, from the names the chat edge keeps in the conversation directory. */
export class StoredPeople implements PeopleDirectory {
  constructor(private readonly store: ConversationStore) {}

  async names(ids: readonly string[]): Promise<NameOf> {
    const names = new Map<string, string>();
    await Promise.all([...new Set(ids)].map(async (id) => names.set(id, (await this.store.get(nameKey(id))) ?? id)));
    return (id) => names.get(id) ?? id;
  }

  async known(ids: readonly string[]): Promise<Set<string>> {
    const found = await Promise.all(ids.map(async (id) => ((await this.store.get(nameKey(id))) === null ? null : id)));
    return new Set(found.filter((id): id is string => id !== null));
  }

  async find(query: string, limit: number): Promise<KnownPerson[]> {
    const wanted = query.trim().toLocaleLowerCase('en-GB');
    const people = (await this.store.entries(NAME_PREFIX, SCAN_LIMIT))
      .map(([key, name]) => ({ id: key.slice(NAME_PREFIX.length), name }))
      .filter((p) => p.name.toLocaleLowerCase('en-GB').includes(wanted));
    return people.sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id)).slice(0, limit);
  }
}
