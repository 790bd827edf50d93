import type { Activity } from 'botbuilder';
import { TeamsDirectory } from '../../../../src/adapters/teams/directory';
import type { ConversationStore } from '../../../../src/ports/conversations';

/** A directory store that counts its writes by key. */
function countingStore(): ConversationStore & { writes: Map<string, number>; values: Map<string, string> } {
  const values = new Map<string, string>();
  const writes = new Map<string, number>();
  return {
    values, writes,
    get: async (key) => values.get(key) ?? null,
    getMany: async (keys) => keys.map((key) => values.get(key) ?? null),
    entries: async (prefix, limit) => [...values.entries()].filter(([k]) => k.startsWith(prefix)).slice(0, limit),
    forget: async () => 0,
    forgetUnseen: async () => 0,
    set: async (key, value) => {
      values.set(key, value);
      writes.set(key, (writes.get(key) ?? 0) + 1);
    },
    setMany: async (entries) => {
      for (const [key, value] of entries) {
        values.set(key, value);
        writes.set(key, (writes.get(key) ?? 0) + 1);
      }
    },
  };
}

/** A turn from a person in their personal chat with the bot, as Teams sends it (synthetic ids). */
const turn = (person: string, name = 'Synthetic Person'): Activity => ({
  type: 'message', id: `m-${person}`, channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1/',
  from: { id: `29:${person}`, aadObjectId: person, name }, recipient: { id: '28:bot', name: 'Consultations' },
  conversation: { id: `a:${person}`, conversationType: 'personal', tenantId: 'tenant-test', isGroup: false, name: '' },
} as Activity);

describe('TeamsDirectory: what it remembers having written', () => {
  it('writes a busy chat once, and writes a changed name at once', async () => {
    const store = countingStore();
    const directory = new TeamsDirectory(store);
    for (let i = 0; i < 20; i += 1) await directory.rememberPerson('aad-p1', turn('aad-p1'));
    expect(store.writes.get('name:aad-p1')).toBe(1);
    expect(store.writes.get('user:aad-p1')).toBe(1);
    await directory.rememberPerson('aad-p1', turn('aad-p1', 'Synthetic Renamed'));
    expect(store.writes.get('name:aad-p1')).toBe(2);
    expect(store.values.get('name:aad-p1')).toBe('Synthetic Renamed');
    expect(store.writes.get('mri:aad-p1')).toBe(1); // the Teams id did not change
  });

  it('never holds more entries than its bound, however many people it has seen, and still writes each of them', async () => {
    const store = countingStore();
    const directory = new TeamsDirectory(store, { max: 30 });
    for (let i = 0; i < 1000; i += 1) {
      await directory.rememberPerson(`aad-p${i}`, turn(`aad-p${i}`));
      expect(directory.cached).toBeLessThanOrEqual(30);
    }
    expect(store.values.size).toBe(3000); // name, Teams id and conversation of everyone
    // The person seen first was pushed out by later ones: their next turn writes them again, the latest one's does not.
    await directory.rememberPerson('aad-p0', turn('aad-p0'));
    await directory.rememberPerson('aad-p999', turn('aad-p999'));
    expect(store.writes.get('user:aad-p0')).toBe(2);
    expect(store.writes.get('user:aad-p999')).toBe(1);
  });

  it('writes an unchanged entry again once its rewrite interval has passed, in case the store lost it', async () => {
    const store = countingStore();
    let now = 1_000;
    const directory = new TeamsDirectory(store, { rewriteAfterMs: 60_000, now: () => now });
    await directory.rememberPerson('aad-p1', turn('aad-p1'));
    now += 59_000;
    await directory.rememberPerson('aad-p1', turn('aad-p1'));
    expect(store.writes.get('user:aad-p1')).toBe(1);
    store.values.delete('user:aad-p1'); // the store lost it
    now += 2_000;
    await directory.rememberPerson('aad-p1', turn('aad-p1'));
    expect(store.writes.get('user:aad-p1')).toBe(2);
    expect(await directory.person('aad-p1')).toMatchObject({ conversation: { id: 'a:aad-p1' }, user: { id: '29:aad-p1' } });
  });
});
