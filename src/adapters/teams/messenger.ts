import type { ConversationReference } from 'botbuilder';
import type { Address, Message, Messenger } from '../../conversation/messenger';
import type { View } from '../../conversation/views/view';
import { renderCard, type Card } from './cards/render';
import type { TeamsDirectory } from './directory';
import type { TeamsSender } from './sender';

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
    const id = await this.sender.send(reference, {
      ...(message.view ? { card: await this.cards.render(message.view) } : {}), ...(message.text ? { text: message.text } : {}), ...(replyTo ? { replyTo } : {}),
    });
    return id ? { id } : {};
  }

  async update(address: Address, messageId: string, message: Message): Promise<boolean> {
    const reference = await this.reference(address);
    if (!reference) return false;
    await this.sender.send(reference, { ...(message.view ? { card: await this.cards.render(message.view) } : {}), ...(message.text ? { text: message.text } : {}), update: messageId });
    return true;
  }
}

/** Draws screens as cards; a triage card names the Teams ids of the people whose copies refresh themselves. */
export class TeamsCards {
  constructor(private readonly directory: TeamsDirectory) {}

  async render(view: View): Promise<Card> {
    return renderCard(view, view.kind === 'triage' ? { refreshUserIds: await this.directory.teamsIds(view.refreshFor) } : {});
  }
}
