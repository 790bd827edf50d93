import { z } from 'zod';
import { decideReview, listReviews } from '../../app/booking/decide-review';
import { listRoster, removeRosterMember, setRosterMember } from '../../app/booking/manage-roster';
import { changeAvailability, myAvailability } from '../../app/booking/set-availability';
import { catalogueFor, type Actor } from '../../app/context';
import { recordRead } from '../../app/record-read';
import { ROLES, type Role } from '../../domain/booking/roster';
import { isDomainError, type DomainError } from '../../domain/errors';
import type { ConversationContext } from '../context';
import { availabilityView, reviewsView, rosterView, type AvailabilityCursors, type ReviewsOptions } from '../views/team';
import { stillBookedNotice } from '../wording/availability';
import { ERROR_TEXT } from '../wording/error-text';
import { Cursor, PersonId, Ref, Reference, Service, textInput, verb } from './verb';

type Issues = DomainError['issues'];

/** The availability form's inputs for one change, named as the use case expects them. */
function availabilityChange(change: string, raw: Record<string, unknown>): Record<string, unknown> {
  const t = (id: string) => textInput(raw, id) ?? '';
  switch (change) {
    case 'add_weekly': return { change, weekday: t('weekday'), start: t('weeklyStart'), end: t('weeklyEnd') };
    case 'add_extra': return { change, date: t('extraDate'), start: t('extraStart'), end: t('extraEnd') };
    case 'add_blackout': return { change, from: t('blackoutFrom'), to: t('blackoutTo') };
    default: return { change, list: raw.list, index: raw.index };
  }
}

/**
 * The review queue a page at a time (or one request opened in full), as a coordinator sees it with the detail each
 * decision needs: every request shown is a recorded read.
 */
async function reviews(cc: ConversationContext, actor: Actor, service: string, options: ReviewsOptions = {}) {
  const waiting = await listReviews(cc.app, actor, service);
  const view = reviewsView(catalogueFor(cc.app, service), waiting, options);
  const shown = new Set(view.requests.map((r) => r.reference));
  await Promise.all(waiting.filter((r) => shown.has(r.reference))
    .map((r) => recordRead(cc.app, actor, r, 'reviews.show', ['review.reasons', 'review.justification', 'answers.details.helpWith'])));
  return view;
}

async function roster(cc: ConversationContext, actor: Actor, service: string, options: { notice?: string; errors?: Issues; after?: string } = {}) {
  const members = await listRoster(cc.app, actor, service);
  return rosterView(catalogueFor(cc.app, service), members, await cc.people.names(members.map((m) => m.id)), options);
}

/** Runs a change that may fail on what was typed; the failure becomes the screen's message. */
async function tryChange(act: () => Promise<string>): Promise<{ notice?: string; errors?: Issues }> {
  try {
    return { notice: await act() };
  } catch (e) {
    if (!isDomainError(e) || e.code !== 'invalid_input') throw e;
    return { errors: e.issues };
  }
}

/** Where each availability list's page begins, as every button on the card carries it. */
const AvailabilityAt = { weeklyAfter: Cursor, extrasAfter: Cursor, blackoutsAfter: Cursor };
const at = (cmd: { weeklyAfter?: string | undefined; extrasAfter?: string | undefined; blackoutsAfter?: string | undefined }): Partial<AvailabilityCursors> =>
  ({ weekly: cmd.weeklyAfter, extras: cmd.extrasAfter, blackouts: cmd.blackoutsAfter });

export const TEAM_VERBS = {
  'availability.show': verb({
    schema: z.object({ service: Service, ...AvailabilityAt }),
    run: async (cc, actor, cmd) => availabilityView(await myAvailability(cc.app, actor, cmd.service), catalogueFor(cc.app, cmd.service), cc.app.clock.now(), { at: at(cmd) }),
  }),
  'availability.change': verb({
    schema: z.object({ service: Service, version: z.coerce.number().int().min(0).max(1_000_000), change: z.enum(['add_weekly', 'add_extra', 'add_blackout', 'remove']), ...AvailabilityAt }),
    async run(cc, actor, cmd, { raw }) {
      const catalogue = catalogueFor(cc.app, cmd.service);
      try {
        const { availability, stale, stillBooked } = await changeAvailability(cc.app, actor, { ...cmd, change: availabilityChange(cmd.change, raw) });
        return availabilityView(availability, catalogue, cc.app.clock.now(), {
          notice: stale ? 'This card was out of date, so nothing was changed: here is your availability as it stands now.' : ['Saved.', stillBookedNotice(stillBooked)].join(' ').trim(), at: at(cmd),
        });
      } catch (e) {
        if (!isDomainError(e) || e.code !== 'invalid_input') throw e;
        return availabilityView(await myAvailability(cc.app, actor, cmd.service), catalogue, cc.app.clock.now(), { errors: e.issues, at: at(cmd) });
      }
    },
  }),
  'roster.show': verb({
    schema: z.object({ service: Service, after: Cursor }),
    run: (cc, actor, cmd) => roster(cc, actor, cmd.service, { after: cmd.after }),
  }),
  'roster.set': verb({
    schema: z.object({ service: Service, memberId: z.string().max(5000).optional(), roles: z.string().max(200).optional() }),
    async run(cc, actor, cmd) {
      const roles = (cmd.roles ?? '').split(',').map((r) => r.trim()).filter((r): r is Role => (ROLES as readonly string[]).includes(r));
      const memberId = (cmd.memberId ?? '').trim();
      let options: { notice?: string; errors?: Issues } = {};
      if (!/^[A-Za-z0-9_.:@-]{1,200}$/.test(memberId)) options = { errors: [{ field: 'memberId', message: 'enter their Teams user id' }] };
      else if (roles.length === 0) options = { errors: [{ field: 'roles', message: 'choose at least one role' }] };
      else options = await tryChange(async () => (await setRosterMember(cc.app, actor, { service: cmd.service, memberId, roles }), 'Saved.'));
      return roster(cc, actor, cmd.service, options);
    },
  }),
  'roster.remove': verb({
    schema: z.object({ service: Service, memberId: PersonId, after: Cursor }),
    async run(cc, actor, cmd) {
      const options = await tryChange(async () => ((await removeRosterMember(cc.app, actor, cmd)) ? 'Removed.' : 'They were not on the roster.'));
      return roster(cc, actor, cmd.service, { ...options, after: cmd.after });
    },
  }),
  'reviews.show': verb({
    schema: z.object({ service: Service, after: Cursor }),
    run: async (cc, actor, cmd) => reviews(cc, actor, cmd.service, { after: cmd.after }),
  }),
  'review.open': verb({
    schema: z.object({ ...Ref, after: Cursor }),
    async run(cc, actor, cmd) {
      const waiting = await listReviews(cc.app, actor, cmd.service);
      // Decided meanwhile: the queue as it stands, saying so.
      const errors = waiting.some((r) => r.reference === cmd.reference) ? [] : [{ field: cmd.reference, message: ERROR_TEXT.request_moved_on.text }];
      return reviews(cc, actor, cmd.service, { after: cmd.after, open: cmd.reference, errors });
    },
  }),
  'review.decide': verb({
    schema: z.object({ ...Ref, approved: z.enum(['true', 'false']), reasonField: z.string().regex(/^reason_\d{1,4}$/), after: Cursor, opened: Reference.or(z.literal('')).optional() }),
    async run(cc, actor, cmd, { raw }) {
      let options: { notice?: string; errors?: Issues; open?: string } = {};
      try {
        const { request } = await decideReview(cc.app, actor, { ...cmd, approved: cmd.approved === 'true', reason: textInput(raw, cmd.reasonField) });
        options = { notice: `${request.reference}: ${request.status === 'awaiting_booking' ? 'approved for booking' : 'not taken forward'}. The referrer has been told.` };
      } catch (e) {
        if (!isDomainError(e) || (e.code !== 'invalid_input' && e.code !== 'request_moved_on')) throw e;
        options = { errors: e.code === 'invalid_input' ? e.issues.map((i) => ({ ...i, field: `${cmd.reference} ${i.field}` })) : [{ field: cmd.reference, message: ERROR_TEXT.request_moved_on.text }] };
        // Asked from the request opened on its own: it stays open, with what to put right.
        if (e.code === 'invalid_input' && cmd.opened) options.open = cmd.opened;
      }
      return reviews(cc, actor, cmd.service, { ...options, after: cmd.after });
    },
  }),
};
