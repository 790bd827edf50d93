import { follow, leftConversation, link, unlink } from '../../../../src/domain/network/links';
import { buildRequest } from '../../../support/builders';

const at = new Date('2026-03-01T10:00:00Z');
const GROUP = '19:group@thread.v2';
const CHANNEL = '19:channel@thread.tacv2';
const TEAM = '19:team@thread.tacv2';

/** A case linked to a group chat and a team's channel; the GP follows from the group chat, the health visitor from the channel. */
function followed() {
  let r = link(buildRequest(), GROUP, 'groupChat', 'sw', at);
  r = link(r, CHANNEL, 'channel', 'sw', at, TEAM);
  r = follow(r, 'gp', at, GROUP);
  return follow(r, 'hv', at, CHANNEL);
}
const who = (r: ReturnType<typeof followed>) => (r.followers ?? []).map((f) => f.userId);

describe('following a case through its linked conversations', () => {
  it('ends the follows that came from a conversation when it is unlinked, and only those', () => {
    expect(who(unlink(followed(), GROUP, at))).toEqual(['hv']);
    expect(who(unlink(followed(), CHANNEL, at))).toEqual(['gp']);
  });

  it('ends a follow when its person leaves the conversation it came from, or the team of that channel', () => {
    expect(who(leftConversation(followed(), 'gp', { conversationId: GROUP }, at))).toEqual(['hv']);
    expect(who(leftConversation(followed(), 'hv', { conversationId: TEAM, teamId: TEAM }, at))).toEqual(['gp']);
    const unchanged = followed();
    expect(leftConversation(unchanged, 'gp', { conversationId: CHANNEL }, at)).toBe(unchanged);
    expect(leftConversation(unchanged, 'someone-else', { conversationId: GROUP }, at)).toBe(unchanged);
  });

  it('ends a follow recorded without its origin when its person leaves any linked conversation', () => {
    const legacy = { ...followed(), followers: [{ userId: 'school', at: at.toISOString() }] };
    expect(who(leftConversation(legacy, 'school', { conversationId: GROUP }, at))).toEqual([]);
    expect(leftConversation(legacy, 'school', { conversationId: '19:not-linked@thread.v2' }, at)).toBe(legacy);
  });
});
