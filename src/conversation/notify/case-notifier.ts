import { findFreeTimes } from '../../app/booking/find-free-times';
import { catalogueFor } from '../../app/context';
import { assignedClinician } from '../../app/network/access';
import { detailFields } from '../../app/record-read';
import type { Notification } from '../../domain/network/notification';
import { NETWORK_FIELDS, networkView, networkWithheld, type Audience } from '../../domain/network/privacy';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import type { Logger } from '../../logger';
import { DeliveryError, type Delivery, type Notifier } from '../../ports/notifier';
import type { ConversationContext } from '../context';
import type { Address, Message, Messenger } from '../messenger';
import { timesView } from '../views/booking';
import { networkCaseView, networkEntryText } from '../views/network';
import { outcomeView } from '../views/outcome';
import { notice } from '../views/simple';
import type { View } from '../views/view';
import { caseScreen, triageScreen } from '../verbs/screens';
import { CASE_EVENTS, summaryOf, words, type CaseEventDeclaration } from './case-events';

/** How long the right to post a case's first card in a place is held: if its holder dies, another may post after this. */
const ROOT_CLAIM_MS = 60_000;
const NETWORK = NETWORK_FIELDS.join(',');

/**
 * Delivers notifications through a chat platform, each audience getting what the case-event map and the
 * privacy policy allow: the triage channel the triage card, people in personal chat their own screen of
 * the case, the network its view. Every recipient of a notification is sent to once however often the
 * notification is delivered, a case's card in a place is posted once and then updated in place, and every
 * disclosure is written to the audit trail.
 */
export class CaseNotifier implements Notifier {
  constructor(private readonly cc: ConversationContext, private readonly messenger: Messenger, private readonly log: Logger) {}

  private get store() {
    return this.cc.app.store;
  }

  /** Sends to one recipient once per notification; records the disclosure. False when they cannot be reached. */
  private async once(n: Notification, to: string, audience: Audience | 'triage', fields: string, send: () => Promise<boolean>): Promise<boolean> {
    const marker = `sent:${n.service}:${n.id}:${to}`;
    if (await this.store.hasMarker(marker)) return true;
    if (!(await send())) return false;
    // Remembered well past any retry of the notification, as long as the service's retention says (ids only).
    await this.store.claimOnce(marker, catalogueFor(this.cc.app, n.service).retention.sentMarkerDays * 86_400_000);
    await this.store.audit.append(n.service, {
      at: this.cc.app.clock.now().toISOString(), actor: 'notifier', action: 'disclose', subject: n.reference, result: 'ok',
      detail: { audience, to, event: n.event, fields },
    });
    return true;
  }

  /** Each party's own screen of the case: the referrer's follows where the request stands; everyone else sees the case. */
  private async personScreen(request: ConsultationRequest, viewerId: string, headline: string): Promise<View> {
    if (viewerId === request.ownerId) {
      const catalogue = catalogueFor(this.cc.app, request.service);
      if (['cannot_proceed', 'not_recommended', 'awaiting_review', 'review_declined'].includes(request.status)) return outcomeView(request, catalogue);
      if (request.status === 'awaiting_booking' || request.status === 'waitlisted') {
        return timesView(request, catalogue, await findFreeTimes(this.cc.app, request.service), { headline });
      }
    }
    return caseScreen(this.cc, { id: viewerId }, request, { headline, recorded: true });
  }

  /** Each person's screen of the case carries its detail: the disclosure names which parts, as the audit of reads does. */
  private toPerson(n: Notification, audience: Audience, userId: string, request: ConsultationRequest, headline: string): Promise<boolean> {
    return this.once(n, `user:${userId}`, audience, ['case_detail', ...detailFields(request)].join(','), async () =>
      (await this.messenger.post({ to: 'person', userId }, { view: await this.personScreen(request, userId, headline), summary: summaryOf(n) })) !== null);
  }

  /** With no triage channel, a new request must still reach someone who can act: each coordinator gets it personally. */
  private async triageToCoordinators(n: Notification, request: ConsultationRequest): Promise<boolean> {
    this.log.warn({ evt: 'no_triage_channel', ref: request.reference }, 'no triage channel: sending to coordinators');
    const coordinators = (await this.store.roster.list(n.service)).filter((m) => m.roles.includes('coordinator'));
    const view = await triageScreen(this.cc, request, 'No triage channel is set, so this came to you. In the clinicians\' channel, type "@Consultations triage here".');
    const reached = await Promise.all(coordinators.map((m) => this.once(n, `user:${m.id}`, 'coordinators', 'reference,status,times', async () =>
      (await this.messenger.post({ to: 'person', userId: m.id }, { view, summary: summaryOf(n) })) !== null)));
    return reached.some(Boolean);
  }

  private async triage(n: Notification, request: ConsultationRequest, plan: NonNullable<CaseEventDeclaration['triage']>): Promise<boolean> {
    const channel: Address = { to: 'triage', service: n.service };
    if (!(await this.messenger.reachable(channel))) return plan === 'post' ? this.triageToCoordinators(n, request) : false;
    return this.once(n, 'triage', 'triage', 'reference,status,times', async () => {
      if (plan !== 'post' && plan !== 'update') {
        return (await this.messenger.post(channel, { view: notice('Needs a coordinator', words(plan, request, n)), summary: summaryOf(n) })) !== null;
      }
      const view = await triageScreen(this.cc, request);
      const key = `card:${request.reference}:triage`;
      const existing = await this.store.conversations.get(key);
      if (plan === 'update' && existing) return this.messenger.update(channel, existing, { view, summary: summaryOf(n) });
      const posted = await this.messenger.post(channel, { view, summary: summaryOf(n) });
      if (posted?.id) await this.store.conversations.set(key, posted.id);
      return posted !== null;
    });
  }

  /**
   * The case's one card in a place: updated in place when it exists; otherwise posted by whichever
   * delivery claims the right to post it. Another delivery meanwhile waits (retries) rather than post a second.
   */
  private async rootCard(n: Notification, cardKey: string, address: Address, view: View): Promise<string | null> {
    const { service } = n;
    const key = `card:${cardKey}`;
    const existing = await this.store.conversations.get(key);
    if (existing) return (await this.messenger.update(address, existing, { view, summary: summaryOf(n) })) ? existing : null;
    const claim = `post:${service}:${cardKey}`;
    if (!(await this.store.claimOnce(claim, ROOT_CLAIM_MS))) throw new DeliveryError('card_being_posted');
    let posted: { id?: string } | null;
    try {
      posted = await this.messenger.post(address, { view, summary: summaryOf(n) });
    } catch (e) {
      // Not posted (a 429, say): the next attempt, by whichever delivery, may post it.
      await this.store.releaseMarker(claim);
      throw e;
    }
    if (posted === null) {
      await this.store.releaseMarker(claim);
      return null;
    }
    if (!posted.id) throw new DeliveryError('no_activity_id');
    await this.store.conversations.set(key, posted.id);
    return posted.id;
  }

  /** One case card per linked conversation, posted once and then updated in place, plus the event's line (in the card's thread where there are threads). */
  private toConversation(n: Notification, request: ConsultationRequest, conversationId: string, line: Message['text']): Promise<boolean> {
    const catalogue = catalogueFor(this.cc.app, request.service);
    const view = networkCaseView(networkView(request, catalogue), catalogue, 'conversation');
    return this.once(n, `conv:${conversationId}`, 'network', NETWORK, async () => {
      const address: Address = { to: 'conversation', conversationId };
      const root = await this.rootCard(n, `${request.reference}:conv:${conversationId}`, address, view);
      if (root === null) return false;
      return (await this.messenger.post(address, { text: line, replyTo: root, summary: summaryOf(n) })) !== null;
    });
  }

  /** A follower's own copy of the network card, updated in place in their personal chat. */
  private toFollower(n: Notification, request: ConsultationRequest, userId: string): Promise<boolean> {
    const catalogue = catalogueFor(this.cc.app, request.service);
    const view = networkCaseView(networkView(request, catalogue), catalogue, 'follower');
    return this.once(n, `follower:${userId}`, 'network', NETWORK, async () =>
      (await this.rootCard(n, `${request.reference}:follower:${userId}`, { to: 'person', userId }, view)) !== null);
  }

  private async network(n: Notification, request: ConsultationRequest, network: NonNullable<CaseEventDeclaration['network']>): Promise<boolean[]> {
    const catalogue = catalogueFor(this.cc.app, request.service);
    const line = networkEntryText(networkView(request, catalogue), catalogue, network.line, network.withTime === true);
    if (network.only === 'linked_conversation') return [await this.toConversation(n, request, n.data.conversationId!, line)];
    if (network.only === 'follower') return [await this.toFollower(n, request, n.data.userId!)];
    // Only conversations and followers that were there when it happened: a conversation linked later starts from the card.
    const conversations = (request.links ?? []).filter((l) => l.at <= n.at).map((l) => this.toConversation(n, request, l.conversationId, line));
    const followers = (request.followers ?? []).filter((f) => f.at <= n.at).map((f) => this.toFollower(n, request, f.userId));
    // Every send of this attempt finishes before the attempt counts as failed, so a retry never races the
    // sends of the attempt before it, and each attempt gets as far as it can.
    const settled = await Promise.allSettled([...conversations, ...followers]);
    const failed = settled.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
    if (failed.length > 0) throw failed.find((e) => e instanceof DeliveryError && e.retryAfterMs !== undefined) ?? failed[0];
    return settled.map((r) => (r as PromiseFulfilledResult<boolean>).value);
  }

  /** The clinician a person-to-person event concerns: for a reminder, the booking's (if it is still the one reminded of). */
  private clinicianFor(n: Notification, request: ConsultationRequest): string | undefined {
    if (n.event === 'reminder') return request.booking?.id === n.data.bookingId ? request.booking?.clinicianId : undefined;
    return assignedClinician(request);
  }

  async deliver(n: Notification, request: ConsultationRequest): Promise<Delivery> {
    // A reminder for a booking that has since changed tells nobody anything.
    if (n.event === 'reminder' && (request.status !== 'booked' || request.booking?.id !== n.data.bookingId)) return 'sent';
    const declared: CaseEventDeclaration = CASE_EVENTS[n.event];
    const reached: boolean[] = [];
    if (declared.triage) reached.push(await this.triage(n, request, declared.triage));
    if (declared.referrer) reached.push(await this.toPerson(n, 'referrer', request.ownerId, request, words(declared.referrer, request, n)));
    if (declared.coordinators) {
      const coordinators = (await this.store.roster.list(n.service)).filter((m) => m.roles.includes('coordinator'));
      const headline = words(declared.coordinators, request, n);
      for (const m of coordinators) reached.push(await this.toPerson(n, 'coordinators', m.id, request, headline));
    }
    const clinicianId = this.clinicianFor(n, request);
    if (declared.clinician && clinicianId && clinicianId !== request.ownerId) {
      reached.push(await this.toPerson(n, 'clinician', clinicianId, request, words(declared.clinician, request, n)));
    }
    // Nothing reaches the network while the family has not been told of the referral (a safeguarding override).
    if (declared.network && !networkWithheld(request)) reached.push(...await this.network(n, request, declared.network));
    if (reached.length > 0 && !reached.some(Boolean)) this.log.warn({ evt: 'notify_undeliverable', ref: request.reference, event: n.event }, 'nobody to tell');
    return reached.some(Boolean) || reached.length === 0 ? 'sent' : 'undeliverable';
  }
}
