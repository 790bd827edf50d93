import type { Address, Message, Messenger } from '../../src/conversation/messenger';

/** A chat platform that only records what it was asked to show, and where. */
export class RecordingMessenger implements Messenger {
  readonly sent: { address: Address; message: Message; id: string; update?: true }[] = [];
  private n = 0;
  constructor(private readonly known: Set<string>) {}
  private key = (a: Address) => (a.to === 'person' ? `person:${a.userId}` : a.to === 'conversation' ? `conv:${a.conversationId}` : `triage:${a.service}`);
  async reachable(a: Address) { return this.known.has(this.key(a)); }
  async post(address: Address, message: Message) {
    if (!this.known.has(this.key(address))) return null;
    this.n += 1;
    this.sent.push({ address, message, id: `m-${this.n}` });
    return { id: `m-${this.n}` };
  }
  async update(address: Address, id: string, message: Message) {
    if (!this.known.has(this.key(address))) return false;
    this.sent.push({ address, message, id, update: true });
    return true;
  }
  /** What reached one place since `from`, as headline (views) or text (lines). */
  to(key: string, from = 0) {
    return this.sent.slice(from).filter((s) => this.key(s.address) === key);
  }
}

