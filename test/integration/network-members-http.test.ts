import { BotClient, cardText, findAction, type TestUser, type Where } from '../support/bot-client';
import { eventually, useBotOnRedis } from '../support/bot-harness';
import { PEOPLE, ROSTER, submitEligible } from '../support/booking';

jest.setTimeout(30_000);

const { referrer, coordinator } = PEOPLE;
const gp = { id: 'aad-gp-m', name: 'Synthetic GP' };
const hv = { id: 'aad-hv-m', name: 'Synthetic Health Visitor' };
const outsider = { id: 'aad-outsider-m', name: 'Synthetic Outsider' };
const env = useBotOnRedis({ ROSTER, OUTBOX_BLOCK_MS: '100' });

let n = 0;
const GROUP = () => BotClient.group(`19:members-group-${n}@thread.v2`);
const CHANNEL = () => BotClient.channel(`19:members-channel-${n}@thread.tacv2`);
const TEAM_OF = (where: Where) => (where.channelData?.team as { id: string }).id;

beforeEach(async () => {
  n += 1;
  await env.h.client.installInTeam(coordinator);
});

const request = (reference: string) => env.h.bot.app.store.requests.get('fass', reference);
const followers = async (reference: string) => ((await request(reference))!.followers ?? []).map((f) => f.userId).sort();
const audit = () => env.h.bot.app.store.audit.recent('fass', 200);

/** A case linked to a group chat (by the referrer) and a team channel, with the GP following from the first and the health visitor from the second. */
async function followedCase(): Promise<{ reference: string; group: Where; channel: Where }> {
  const { reference } = await submitEligible(env.h.client, referrer);
  const group = GROUP();
  const channel = CHANNEL();
  await env.h.client.sayIn(referrer, group, `<at>Consultations</at> link ${reference}`);
  await env.h.client.sayIn(referrer, channel, `<at>Consultations</at> link ${reference}`);
  for (const [who, where] of [[gp, group], [hv, channel]] as const) {
    await env.h.client.say(who, 'help');
    expect(cardText(await env.h.client.executeIn(who, where, 'network.follow', { service: 'fass', reference }))).toContain('You follow this case');
  }
  expect(await followers(reference)).toEqual([gp.id, hv.id]);
  return { reference, group, channel };
}

/** Teams telling the bot that people left a conversation (or, for a channel, its team). */
async function removed(where: Where, who: (TestUser | 'bot')[]): Promise<void> {
  const res = await env.h.client.post({
    type: 'conversationUpdate', id: `rm-${Math.random()}`, channelId: 'msteams', serviceUrl: env.h.connector.url, timestamp: new Date().toISOString(),
    from: { id: `29:${coordinator.id}`, aadObjectId: coordinator.id }, recipient: { id: '28:bot', name: 'Consultations' }, ...where,
    membersRemoved: who.map((w) => (w === 'bot' ? { id: '28:bot' } : { id: `29:${w.id}`, aadObjectId: w.id })),
  });
  expect(res.status).toBe(200);
}

describe('reviewing and revoking who follows a case', () => {
  it('lets the referrer list and remove followers and links; unlinking ends the follows that came from it', async () => {
    const { reference, group, channel } = await followedCase();
    const caseCard = await env.h.client.execute(referrer, 'booking.view', { service: 'fass', reference });
    const list = await env.h.client.execute(referrer, 'network.members', findAction(caseCard, 'network.members', 'Who follows this case (4)').data);
    const text = cardText(list);
    for (const shown of ['Who follows', 'Group chat', 'Team channel', gp.name, hv.name, `Linked by ${referrer.name}`]) expect(text).toContain(shown);

    const afterRemove = await env.h.client.execute(referrer, 'network.remove_follower', findAction(list, 'network.remove_follower', `Stop ${gp.name} following`).data);
    expect(cardText(afterRemove)).toContain('They no longer follow this case.');
    expect(await followers(reference)).toEqual([hv.id]);

    // Unlinking the channel ends the health visitor's follow, which came from it; the group chat stays linked.
    const unlinkChannel = { service: 'fass', reference, conversationId: channel.conversation.id };
    const afterUnlink = await env.h.client.execute(referrer, 'network.remove_link', unlinkChannel);
    expect(cardText(afterUnlink)).toContain('the follows that came from it have ended');
    expect(await followers(reference)).toEqual([]);
    expect((await request(reference))!.links!.map((l) => l.conversationId)).toEqual([group.conversation.id]);
    expect(await env.h.bot.app.store.requests.linkedTo('fass', channel.conversation.id)).toEqual([]);
    expect(await audit()).toEqual(expect.arrayContaining([
      expect.objectContaining({ actor: referrer.id, action: 'network.remove_follower', subject: reference, detail: { follower: gp.id } }),
      expect.objectContaining({ actor: referrer.id, action: 'network.unlink', subject: reference, detail: { conversation: channel.conversation.id, follows_ended: '1' } }),
    ]));
  });

  it('lets a coordinator do so, and refuses (and audits) anyone else', async () => {
    const { reference } = await followedCase();
    expect(cardText(await env.h.client.execute(coordinator, 'network.members', { service: 'fass', reference }))).toContain(gp.name);
    for (const [verb, data] of [['network.members', {}], ['network.remove_follower', { userId: gp.id }], ['network.remove_link', { conversationId: 'x' }]] as const) {
      const refused = cardText(await env.h.client.execute(outsider, verb, { service: 'fass', reference, ...data }));
      expect(refused).toContain('Not something your role can do');
      expect(refused).not.toContain(gp.name);
    }
    expect(await followers(reference)).toEqual([gp.id, hv.id]);
    expect((await audit()).filter((a) => a.actor === outsider.id).map((a) => [a.action, a.result])).toEqual([
      ['network.unlink', 'denied'], ['network.remove_follower', 'denied'], ['network.list', 'denied'],
    ]);
  });

  it('ends the follows that came from a conversation when it is unlinked by command', async () => {
    const { reference, group } = await followedCase();
    await env.h.client.sayIn(referrer, group, `<at>Consultations</at> unlink ${reference}`);
    expect(await followers(reference)).toEqual([hv.id]);
  });
});

describe('membership of linked conversations', () => {
  it('a member removed from a linked group chat stops following; others do not', async () => {
    const { reference, group } = await followedCase();
    await removed(group, [gp]);
    await eventually(async () => (await followers(reference)).length === 1, 'the follow to end');
    expect(await followers(reference)).toEqual([hv.id]);
    expect(await audit()).toContainEqual(expect.objectContaining({ actor: 'membership', action: 'network.member_left', subject: reference, detail: { follower: gp.id, conversation: group.conversation.id } }));
  });

  it('a member removed from the team of a linked channel stops following', async () => {
    const { reference, channel } = await followedCase();
    // Teams reports a team's membership change from the team's General channel, naming the team.
    const general = BotClient.channel(TEAM_OF(channel));
    await removed({ ...general, channelData: { ...general.channelData, team: { id: TEAM_OF(channel) } } }, [hv]);
    expect(await followers(reference)).toEqual([gp.id]);
  });

  it('the bot removed from a linked conversation unlinks it there, ending its follows', async () => {
    const { reference, group } = await followedCase();
    await removed(group, ['bot']);
    expect((await request(reference))!.links!.map((l) => l.conversationId)).not.toContain(group.conversation.id);
    expect(await followers(reference)).toEqual([hv.id]);
  });
});
