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
    const unique = [...new Set(ids)];
    const found = await this.store.getMany(unique.map(nameKey));
    const names = new Map(unique.map((id, i) => [id, found[i] ?? id]));
    return (id) => names.get(id) ?? id;
  }

  async known(ids: readonly string[]): Promise<Set<string>> {
    const found = await this.store.getMany(ids.map(nameKey));
    return new Set(ids.filter((_, i) => found[i] !== null));
  }

  async find(query: string, limit: number): Promise<KnownPerson[]> {
    const wanted = query.trim().toLocaleLowerCase('en-GB');
    const people = (await this.store.entries(NAME_PREFIX, SCAN_LIMIT))
      .map(([key, name]) => ({ id: key.slice(NAME_PREFIX.length), name }))
      .filter((p) => p.name.toLocaleLowerCase('en-GB').includes(wanted));
    return people.sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id)).slice(0, limit);
  }
}
