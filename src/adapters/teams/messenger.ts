import type { ConversationReference } from 'botbuilder';
import type { Address, Message, Messenger } from '../../conversation/messenger';
import type { View } from '../../conversation/views/view';
import type { Logger } from '../../logger';
import { renderCardChecked, type Card } from './cards/render';
import type { TeamsDirectory } from './directory';
import type { Outgoing, TeamsSender } from './sender';

/** Sends the conversation layer's messages as Teams activities: screens as Adaptive Cards, lines as text, threads in channels. */
export class TeamsMessenger implements Messenger {
  constructor(private readonly directory: TeamsDirectory, private readonly sender: TeamsSender, private readonly cards: TeamsCards) {}

  private reference(address: Address): Promise<Partial<ConversationReference> | null> {
    switch (address.to) {
      case 'person': return this.directory.person(address.userId);
      case 'conversation': return this.directory.conversation(address.conversationId);
      case 'triage': return this.directory.triage(address.service);
    }
  }

  async reachable(address: Address): Promise<boolean> {
    return (await this.reference(address)) !== null;
  }

  async post(address: Address, message: Message): Promise<{ id?: string } | null> {
    const reference = await this.reference(address);
    if (!reference) return null;
    // Only a channel has threads: elsewhere the line follows the card.
    const replyTo = reference.conversation?.conversationType === 'channel' ? message.replyTo : undefined;
    const id = await this.sender.send(reference, { ...(await this.content(message)), ...(replyTo ? { replyTo } : {}) });
    return id ? { id } : {};
  }

  async update(address: Address, messageId: string, message: Message): Promise<boolean> {
    const reference = await this.reference(address);
    if (!reference) return false;
    await this.sender.send(reference, { ...(await this.content(message)), update: messageId });
    return true;
  }

  private async content(message: Message): Promise<Outgoing> {
    return {
      ...(message.view ? { card: await this.cards.render(message.view) } : {}), ...(message.text ? { text: message.text } : {}),
      summary: message.summary,
    };
  }
}

/**
 * Draws screens as cards; a triage card names the Teams ids of the people whose copies refresh themselves.
 * A card the size guard had to shorten is logged (its kind and size only), so the design can be fixed.
 */
export class TeamsCards {
  constructor(private readonly directory: TeamsDirectory, private readonly log?: Logger) {}

  async render(view: View): Promise<Card> {
    const { card, shortened, size } = renderCardChecked(view, view.kind === 'triage' ? { refreshUserIds: await this.directory.teamsIds(view.refreshFor) } : {});
    if (shortened) this.log?.warn({ evt: 'card_shortened', view: view.kind, size }, 'card shortened to fit Teams\' size limit');
    return card;
  }
}
