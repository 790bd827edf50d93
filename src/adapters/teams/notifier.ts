import { findFreeTimes } from '../../app/booking/find-free-times';
import { catalogueFor, type AppContext } from '../../app/context';
import { assignedClinician } from '../../app/network/access';
import type { Notification } from '../../domain/network/notification';
import { audiencesFor, NETWORK_FIELDS, networkView, type Audience } from '../../domain/network/privacy';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { formatLondon } from '../../domain/time/london';
import type { Logger } from '../../logger';
import { DeliveryError, type Delivery, type Notifier } from '../../ports/notifier';
import type { ConversationReference } from 'botbuilder';
import { caseFor, triageFor, type Edge } from './booking-actions';
import { networkCaseCard, networkEntryText, timesCard } from './cards/booking-cards';
import { outcomeCard } from './cards/outcome-card';
import { noticeCard } from './cards/simple-cards';
import type { Card } from './cards/templates';
import type { TeamsDirectory } from './directory';
import type { TeamsSender } from './sender';

/** How long "already sent" is remembered for a notification's recipient: well past any retry of it. */
const SENT_MARKER_MS = 14 * 86_400_000;
/** How long the right to post a case's first card in a conversation is held: if its holder dies, another may post after this. */
const ROOT_CLAIM_MS = 60_000;

/** What the triage channel (clinicians and coordinators) gets for each event. */
const TRIAGE: Partial<Record<Notification['event'], 'post' | 'update' | ((r: ConsultationRequest) => string)>> = {
  offered: 'post', declined: 'update', booked: 'update', cancelled: 'update', rescheduled: 'update',
  escalated: (r) => `${r.reference}: no clinician has accepted yet. Coordinators, please find someone.`,
  no_times: (r) => `${r.reference}: no consultation time is free within the booking horizon. Coordinators, please add availability.`,
  review_requested: (r) => `${r.reference}: waiting for duty clinician review. Coordinators: type "reviews" in a personal chat with me.`,
};

/** The headline each person reads in personal chat. */
const HEADLINE: Partial<Record<Notification['event'], { referrer?: string; clinician?: string }>> = {
  booked: { referrer: 'Consultation booked', clinician: 'You accepted this consultation' },
  cancelled: { referrer: 'Consultation cancelled', clinician: 'Consultation cancelled' },
  rescheduled: { referrer: 'Your consultation needs a new time: please choose again', clinician: 'Consultation released for rescheduling' },
  no_show: { referrer: 'The consultation was recorded as not taken place' },
  escalated: { referrer: 'No clinician has accepted your times yet: coordinators have been alerted. You can choose other times or join the waitlist.' },
  completed: { referrer: 'The consultation is complete: outcome and next steps' },
  next_steps: { referrer: 'Next steps updated' },
};

export interface NotifierOptions {
  app: AppContext;
  edge: Edge;
  directory: TeamsDirectory;
  sender: TeamsSender;
  log: Logger;
}

/**
 * Delivers notifications as proactive Teams messages, each audience getting what the privacy policy
 * allows: the triage channel the triage card, people in personal chat the detail, the network its view.
 * Every recipient of a notification is sent to once however often the notification is delivered, and
 * every disclosure is written to the audit trail.
 */
export class TeamsNotifier implements Notifier {
  constructor(private readonly o: NotifierOptions) {}

  private get store() {
    return this.o.app.store;
  }

  /** Sends to one recipient once per notification; records the disclosure. False when they cannot be reached. */
  private async once(n: Notification, to: string, audience: Audience | 'triage', fields: string, send: () => Promise<boolean>): Promise<boolean> {
    const marker = `sent:${n.service}:${n.id}:${to}`;
    if (await this.store.hasMarker(marker)) return true;
    if (!(await send())) return false;
    await this.store.claimOnce(marker, SENT_MARKER_MS);
    await this.store.audit.append(n.service, {
      at: this.o.app.clock.now().toISOString(), actor: 'notifier', action: 'disclose', subject: n.reference, result: 'ok',
      detail: { audience, to, event: n.event, fields },
    });
    return true;
  }

  private reference = (service: string, key: string) => this.o.directory.reference(service, key);

  private async personCard(request: ConsultationRequest, viewerId: string, headline: string): Promise<Card> {
    const { app, edge } = this.o;
    const catalogue = catalogueFor(app, request.service);
    if (['cannot_proceed', 'not_recommended', 'awaiting_review'].includes(request.status)) return outcomeCard(request, catalogue);
    if (request.status === 'awaiting_booking' || request.status === 'waitlisted') {
      return timesCard(request, catalogue, await findFreeTimes(app, request.service), { headline });
    }
    return caseFor(app, edge, { id: viewerId }, request, { headline });
  }

  private async toPerson(n: Notification, audience: Audience, userId: string, card: () => Promise<Card>): Promise<boolean> {
    return this.once(n, `user:${userId}`, audience, audience === 'network' ? NETWORK_FIELDS.join(',') : 'case_detail', async () => {
      const reference = await this.reference(n.service, `user:${userId}`);
      if (!reference) return false;
      await this.o.sender.send(reference, { card: await card() });
      return true;
    });
  }

  /** With no triage channel, a new request must still reach someone who can act: each coordinator gets it personally. */
  private async triageToCoordinators(n: Notification, request: ConsultationRequest): Promise<boolean> {
    this.o.log.warn({ evt: 'no_triage_channel', ref: request.reference }, 'no triage channel: sending to coordinators');
    const coordinators = (await this.store.roster.list(n.service)).filter((m) => m.roles.includes('coordinator'));
    const card = await triageFor(this.o.app, this.o.edge, request, 'No triage channel is set, so this came to you. In the clinicians\' channel, type "@bot triage here".');
    const reached = await Promise.all(coordinators.map((m) => this.toPerson(n, 'coordinators', m.id, async () => card)));
    return reached.some(Boolean);
  }

  private async triage(n: Notification, request: ConsultationRequest): Promise<boolean> {
    const plan = TRIAGE[n.event];
    if (!plan) return false;
    const channel = await this.reference(n.service, 'triage');
    if (!channel) return plan === 'post' ? this.triageToCoordinators(n, request) : false;
    return this.once(n, 'triage', 'triage', 'reference,status,times', async () => {
      if (typeof plan === 'function') {
        await this.o.sender.send(channel, { card: noticeCard('Needs a coordinator', plan(request)) });
        return true;
      }
      const card = await triageFor(this.o.app, this.o.edge, request);
      const existing = await this.o.directory.cardId(n.service, `${request.reference}:triage`);
      if (plan === 'update' && existing) {
        await this.o.sender.send(channel, { card, update: existing });
        return true;
      }
      const id = await this.o.sender.send(channel, { card });
      if (id) await this.o.directory.saveCardId(n.service, `${request.reference}:triage`, id);
      return true;
    });
  }

  /**
   * One case card per linked conversation, posted once and then updated in place, plus a short entry for
   * the event (in the card's thread in a channel). Both carry the network view only.
   */
  private async toConversation(n: Notification, request: ConsultationRequest, conversationId: string): Promise<boolean> {
    const view = networkView(request);
    const serviceName = catalogueFor(this.o.app, request.service).name;
    const card = networkCaseCard(view, serviceName, request.service, 'conversation');
    return this.once(n, `conv:${conversationId}`, 'network', NETWORK_FIELDS.join(','), async () => {
      const reference = await this.reference(n.service, `conv:${conversationId}`);
      if (!reference) return false;
      const cardKey = `${request.reference}:conv:${conversationId}`;
      const root = await this.rootCard(n.service, cardKey, reference, card);
      const inChannel = reference.conversation?.conversationType === 'channel';
      await this.o.sender.send(reference, { text: networkEntryText(view, n.event), ...(inChannel && root ? { replyTo: root } : {}) });
      return true;
    });
  }

  /**
   * The case's one card in a conversation: updated in place when it exists; otherwise posted by whichever
   * delivery claims the right to post it. Another delivery meanwhile waits (retries) rather than post a second.
   */
  private async rootCard(service: string, cardKey: string, reference: Partial<ConversationReference>, card: Card): Promise<string> {
    const existing = await this.o.directory.cardId(service, cardKey);
    if (existing) {
      await this.o.sender.send(reference, { card, update: existing });
      return existing;
    }
    const claim = `post:${service}:${cardKey}`;
    if (!(await this.store.claimOnce(claim, ROOT_CLAIM_MS))) throw new DeliveryError('card_being_posted');
    let id: string | undefined;
    try {
      id = await this.o.sender.send(reference, { card });
    } catch (e) {
      // Not posted (a 429, say): the next attempt, by whichever delivery, may post it.
      await this.store.releaseMarker(claim);
      throw e;
    }
    if (!id) throw new DeliveryError('no_activity_id');
    await this.o.directory.saveCardId(service, cardKey, id);
    return id;
  }

  /** A follower's own copy of the network card, updated in place in their personal chat. */
  private async toFollower(n: Notification, request: ConsultationRequest, userId: string): Promise<boolean> {
    const card = networkCaseCard(networkView(request), catalogueFor(this.o.app, request.service).name, request.service, 'follower');
    return this.once(n, `follower:${userId}`, 'network', NETWORK_FIELDS.join(','), async () => {
      const reference = await this.reference(n.service, `user:${userId}`);
      if (!reference) return false;
      await this.rootCard(n.service, `${request.reference}:follower:${userId}`, reference, card);
      return true;
    });
  }

  private async network(n: Notification, request: ConsultationRequest): Promise<boolean[]> {
    if (n.event === 'linked') return [await this.toConversation(n, request, n.data.conversationId!)];
    if (n.event === 'followed') return [await this.toFollower(n, request, n.data.userId!)];
    // Only conversations and followers that were there when it happened: a conversation linked later starts from the card.
    const conversations = (request.links ?? []).filter((l) => l.at <= n.at).map((l) => this.toConversation(n, request, l.conversationId));
    const followers = (request.followers ?? []).filter((f) => f.at <= n.at).map((f) => this.toFollower(n, request, f.userId));
    // Every send of this attempt finishes before the attempt counts as failed, so a retry never races the
    // sends of the attempt before it, and each attempt gets as far as it can.
    const settled = await Promise.allSettled([...conversations, ...followers]);
    const failed = settled.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
    if (failed.length > 0) throw failed.find((e) => e instanceof DeliveryError && e.retryAfterMs !== undefined) ?? failed[0];
    return settled.map((r) => (r as PromiseFulfilledResult<boolean>).value);
  }

  async deliver(n: Notification, request: ConsultationRequest): Promise<Delivery> {
    const audiences = audiencesFor(n.event);
    const reached: boolean[] = [];
    if (audiences.has('coordinators') && TRIAGE[n.event]) reached.push(await this.triage(n, request));
    if (n.event === 'waitlist_offer') {
      const headline = `A consultation time has come free (${formatLondon(n.data.start ?? '')}): you are first on the waitlist.`;
      reached.push(await this.toPerson(n, 'referrer', request.ownerId, () => this.personCard(request, request.ownerId, headline)));
    } else if (n.event === 'reminder') {
      reached.push(...await this.remind(n, request));
    } else if (n.event === 'reviewed') {
      const headline = request.status === 'awaiting_booking' ? 'A duty clinician approved your request: choose consultation times' : 'A duty clinician reviewed your request';
      reached.push(await this.toPerson(n, 'referrer', request.ownerId, () => this.personCard(request, request.ownerId, headline)));
    } else {
      const headline = HEADLINE[n.event];
      if (audiences.has('referrer') && headline?.referrer) {
        reached.push(await this.toPerson(n, 'referrer', request.ownerId, () => this.personCard(request, request.ownerId, headline.referrer!)));
      }
      const clinicianId = assignedClinician(request);
      if (audiences.has('clinician') && headline?.clinician && clinicianId && clinicianId !== request.ownerId) {
        reached.push(await this.toPerson(n, 'clinician', clinicianId, () => this.personCard(request, clinicianId, headline.clinician!)));
      }
    }
    if (audiences.has('network') || n.event === 'followed') reached.push(...await this.network(n, request));
    if (reached.length > 0 && !reached.some(Boolean)) this.o.log.warn({ evt: 'notify_undeliverable', ref: request.reference, event: n.event }, 'nobody to tell');
    return reached.some(Boolean) || reached.length === 0 ? 'sent' : 'undeliverable';
  }

  private async remind(n: Notification, request: ConsultationRequest): Promise<boolean[]> {
    if (request.status !== 'booked' || request.booking?.id !== n.data.bookingId) return [];
    const hours = Number(n.data.hours);
    const headline = `Reminder: consultation ${hours >= 24 ? `in ${hours / 24 === 1 ? '24 hours' : `${hours / 24} days`}` : `in ${hours} hour${hours === 1 ? '' : 's'}`}`;
    const booking = request.booking;
    if (!booking) return [];
    return [
      await this.toPerson(n, 'referrer', request.ownerId, () => this.personCard(request, request.ownerId, headline)),
      await this.toPerson(n, 'clinician', booking.clinicianId, () => this.personCard(request, booking.clinicianId, headline)),
    ];
  }
}

