import { ActivityTypes, type CloudAdapter, type ConversationReference } from 'botbuilder';
import { catalogueFor, type AppContext } from '../../app/context';
import { findFreeTimes } from '../../app/booking/find-free-times';
import { formatLondon } from '../../domain/time/london';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import type { Job } from '../../ports/job-queue';
import type { Delivery, Notifier } from '../../ports/notifier';
import type { Logger } from '../../logger';
import { triageFor, type Edge } from './booking-actions';
import { caseCard, timesCard } from './cards/booking-cards';
import { outcomeCard } from './cards/outcome-card';
import { noticeCard } from './cards/simple-cards';
import type { Card } from './cards/templates';
import type { TeamsDirectory } from './directory';

/** How long "already sent" is remembered for a job's recipient: well past any retry of that job. */
const SENT_MARKER_MS = 14 * 86_400_000;

const attachment = (card: Card) => ({ contentType: 'application/vnd.microsoft.card.adaptive', content: card });

/** Who gets what for each event: the triage channel sees the triage card only; people get detail in personal chat. */
type Plan = { triage?: 'post' | 'update' | 'alert'; alert?: string; referrer?: string; clinician?: string };

const PLANS: Record<string, (r: ConsultationRequest) => Plan> = {
  offered: () => ({ triage: 'post' }),
  declined: () => ({ triage: 'update' }),
  booked: () => ({ triage: 'update', referrer: 'Consultation booked', clinician: 'You accepted this consultation' }),
  cancelled: () => ({ triage: 'update', referrer: 'Consultation cancelled', clinician: 'Consultation cancelled' }),
  rescheduled: () => ({ triage: 'update', referrer: 'Your consultation needs a new time: please choose again', clinician: 'Consultation released for rescheduling' }),
  no_show: () => ({ referrer: 'The consultation was recorded as not taken place' }),
  escalated: (r) => ({ triage: 'update', alert: `${r.reference}: no clinician has accepted yet. Coordinators, please find someone.`,
    referrer: 'No clinician has accepted your times yet: coordinators have been alerted. You can choose other times or join the waitlist.' }),
  no_times: (r) => ({ triage: 'alert', alert: `${r.reference}: no consultation time is free within the booking horizon. Coordinators, please add availability.` }),
  reviewed: (r) => ({ referrer: r.status === 'awaiting_booking' ? 'A duty clinician approved your request: choose consultation times' : 'A duty clinician reviewed your request' }),
};

export interface NotifierOptions {
  adapter: CloudAdapter;
  appId: string;
  app: AppContext;
  edge: Edge;
  directory: TeamsDirectory;
  log: Logger;
}

/** Delivers jobs as proactive Teams messages; each recipient of a job is sent to once, even when the job is retried. */
export class TeamsNotifier implements Notifier {
  constructor(private readonly o: NotifierOptions) {}

  private async send(reference: Partial<ConversationReference>, card: Card, update?: string): Promise<string | undefined> {
    let id: string | undefined;
    await this.o.adapter.continueConversationAsync(this.o.appId, reference, async (turn) => {
      if (update) await turn.updateActivity({ id: update, type: ActivityTypes.Message, attachments: [attachment(card)] });
      else id = (await turn.sendActivity({ attachments: [attachment(card)] }))?.id;
    });
    return id;
  }

  /** Sends once per job and recipient; false when the recipient cannot be reached. */
  private async once(job: Job, key: string, send: () => Promise<boolean>): Promise<boolean> {
    const marker = `sent:${job.service}:${job.id}:${key}`;
    if (await this.o.app.store.hasMarker(marker)) return true;
    if (!(await send())) return false;
    await this.o.app.store.claimOnce(marker, SENT_MARKER_MS);
    return true;
  }

  private async toPerson(job: Job, userId: string, card: () => Promise<Card>): Promise<boolean> {
    return this.once(job, `user:${userId}`, async () => {
      const reference = await this.o.directory.reference(job.service, `user:${userId}`);
      if (!reference) return false;
      await this.send(reference, await card());
      return true;
    });
  }

  private async personCard(request: ConsultationRequest, viewerId: string, headline: string): Promise<Card> {
    const { app, edge } = this.o;
    if (['cannot_proceed', 'not_recommended', 'awaiting_review'].includes(request.status)) return outcomeCard(request, catalogueFor(app, request.service));
    if (request.status === 'awaiting_booking' || request.status === 'waitlisted') {
      return timesCard(request, catalogueFor(app, request.service), await findFreeTimes(app, request.service), { headline });
    }
    const coordinator = (await app.store.roster.get(request.service, viewerId))?.roles.includes('coordinator') ?? false;
    const nameOf = await edge.names(request.service, [request.ownerId, ...(request.booking ? [request.booking.clinicianId] : [])]);
    return caseCard(request, { id: viewerId, coordinator }, nameOf, {
      headline, calendarUrl: request.booking ? edge.calendarUrl(request) : '', catalogue: catalogueFor(app, request.service),
    });
  }

  /**
   * With no triage channel set, a new request must still reach someone who can act: each coordinator
   * gets the triage card in personal chat, and a nudge to set the channel.
   */
  private async triageToCoordinators(job: Job, request: ConsultationRequest): Promise<boolean> {
    this.o.log.warn({ evt: 'no_triage_channel', ref: request.reference }, 'no triage channel: sending to coordinators');
    const coordinators = (await this.o.app.store.roster.list(job.service)).filter((m) => m.roles.includes('coordinator'));
    const card = await triageFor(this.o.app, this.o.edge, request, 'No triage channel is set, so this came to you. In the clinicians\' channel, type "@bot triage here".');
    const reached = await Promise.all(coordinators.map((m) => this.toPerson(job, m.id, async () => card)));
    return reached.some(Boolean);
  }

  private async triage(job: Job, request: ConsultationRequest, mode: 'post' | 'update'): Promise<boolean> {
    const { directory } = this.o;
    const channel = await directory.reference(job.service, 'triage');
    if (!channel) return mode === 'post' ? this.triageToCoordinators(job, request) : false;
    return this.once(job, `triage:${mode}`, async () => {
      const reference = channel;
      const card = await triageFor(this.o.app, this.o.edge, request);
      const existing = await directory.cardId(job.service, `${request.reference}:triage`);
      if (mode === 'update' && existing) {
        await this.send(reference, card, existing);
        return true;
      }
      const id = await this.send(reference, card);
      if (id) await directory.saveCardId(job.service, `${request.reference}:triage`, id);
      return true;
    });
  }

  private async alert(job: Job, text: string): Promise<boolean> {
    return this.once(job, 'triage:alert', async () => {
      const reference = await this.o.directory.reference(job.service, 'triage');
      if (!reference) return false;
      await this.send(reference, noticeCard('Needs a coordinator', text));
      return true;
    });
  }

  async deliver(job: Job, request: ConsultationRequest): Promise<Delivery> {
    if (job.kind === 'reminder') return this.remind(job, request);
    if (job.data.event === 'waitlist_offer') {
      const headline = `A consultation time has come free (${formatLondon(job.data.start ?? '')}): you are first on the waitlist.`;
      return (await this.toPerson(job, request.ownerId, () => this.personCard(request, request.ownerId, headline))) ? 'sent' : 'undeliverable';
    }
    const plan = PLANS[job.data.event ?? '']?.(request);
    if (!plan) return 'undeliverable';
    const reached: boolean[] = [];
    if (plan.triage === 'post' || plan.triage === 'update') reached.push(await this.triage(job, request, plan.triage));
    if (plan.alert) reached.push(await this.alert(job, plan.alert));
    if (plan.referrer) reached.push(await this.toPerson(job, request.ownerId, () => this.personCard(request, request.ownerId, plan.referrer!)));
    const clinicianId = request.booking?.clinicianId ?? request.changes?.at(-1)?.clinicianId;
    if (plan.clinician && clinicianId && clinicianId !== request.ownerId) {
      reached.push(await this.toPerson(job, clinicianId, () => this.personCard(request, clinicianId, plan.clinician!)));
    }
    if (!reached.some(Boolean)) this.o.log.warn({ evt: 'notify_undeliverable', ref: request.reference, event: job.data.event }, 'nobody to tell');
    return reached.some(Boolean) ? 'sent' : 'undeliverable';
  }

  private async remind(job: Job, request: ConsultationRequest): Promise<Delivery> {
    const hours = Number(job.data.hours);
    const headline = `Reminder: consultation ${hours >= 24 ? `in ${hours / 24 === 1 ? '24 hours' : `${hours / 24} days`}` : `in ${hours} hour${hours === 1 ? '' : 's'}`}`;
    const booking = request.booking!;
    const a = await this.toPerson(job, request.ownerId, () => this.personCard(request, request.ownerId, headline));
    const b = await this.toPerson(job, booking.clinicianId, () => this.personCard(request, booking.clinicianId, headline));
    return a || b ? 'sent' : 'undeliverable';
  }
}
