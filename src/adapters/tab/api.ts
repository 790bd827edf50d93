import type { Server } from 'restify';
import { z } from 'zod';
import { acceptTime } from '../../app/booking/accept-time';
import { changeBooking } from '../../app/booking/change-booking';
import { decideReview } from '../../app/booking/decide-review';
import { listRoster, removeRosterMember, setRosterMember } from '../../app/booking/manage-roster';
import { changeAvailability } from '../../app/booking/set-availability';
import { catalogueFor, type Actor, type AppContext } from '../../app/context';
import { recordOutcome } from '../../app/network/record-outcome';
import { availabilityWeek } from '../../app/workspace/availability-week';
import { findPeople } from '../../app/workspace/find-people';
import { recordAttendance } from '../../app/episode/record-attendance';
import { listMyConsultations } from '../../app/workspace/my-consultations';
import { listMySessions } from '../../app/workspace/my-sessions';
import { ATTENDANCE } from '../../domain/episode/episode';
import { myServices } from '../../app/workspace/my-services';
import { readCase } from '../../app/workspace/read-case';
import { reportService } from '../../app/workspace/report-service';
import { reviewQueue } from '../../app/workspace/review-queue';
import { listTriage } from '../../app/workspace/triage-queue';
import { hasRole, ROLES } from '../../domain/booking/roster';
import { londonDate } from '../../domain/time/london';
import { availabilityView, reviewsView } from '../../conversation/views/team';
import { stillBookedNotice } from '../../conversation/wording/availability';
import type { Logger } from '../../logger';
import type { PeopleDirectory } from '../../ports/people';
import { authenticated, parse, query, type Handler } from './http';
import { londonBlocks } from './london-blocks';
import { caseDetail, consultationSummary, rosterEntry, sessionSummary, triageItem } from './present';
import { reportCsv, reportJson } from './report-format';
import type { ReadBody } from '../../http/read-json-body';
import type { Verified } from './sso';

export interface TabApiOptions {
  app: AppContext;
  people: PeopleDirectory;
  verify: (authorization: string | undefined) => Promise<Verified>;
  log: Logger;
  /** Reads a request's body within the edge's bounds (after the token check). */
  readBody: ReadBody;
}

const Reference = z.string().regex(/^[A-Z]{2,8}-\d{4}-\d{4,8}$/, 'must be a reference such as FASS-2026-0001');
const Text = z.string().max(5000).optional();
const PersonId = z.string().regex(/^[A-Za-z0-9_.:@-]{1,200}$/, 'must be someone the bot has met');
/** The tab's API (`/api/tab/...`): every route checks the token first, then runs one use case as its person. */
export function registerTabApi(server: Server, options: TabApiOptions): void {
  const { app, people } = options;
  // A service not in force is unknown (404) before any use case runs, so nothing is read or audited under a made-up name.
  const Service = z.string().max(40).refine((s) => app.catalogues.has(s), 'must be a service in force');
  const ServiceQuery = z.object({ service: Service });
  const CaseParams = z.object({ service: Service, reference: Reference });
  const route = (handler: Handler) => authenticated(options.verify, options.log, handler, options.readBody);
  const json = (body: unknown, status = 200) => ({ json: body, status });
  const isCoordinator = async (service: string, actor: Actor) => hasRole(await app.store.roster.get(service, actor.id), 'coordinator');
  const isClinician = async (service: string, actor: Actor) => hasRole(await app.store.roster.get(service, actor.id), 'clinician');

  server.get('/api/tab/me', route(async (actor) => json({ id: actor.id, services: await myServices(app, actor) })));

  server.get('/api/tab/services', route(async (actor) => json({
    services: (await myServices(app, actor)).map((s) => ({ ...s, name: catalogueFor(app, s.service).name, shortName: catalogueFor(app, s.service).referencePrefix })),
  })));

  server.get('/api/tab/reports', route(async (actor, req) => {
    const q = parse(z.object({ service: Service, from: z.string().max(20).optional(), to: z.string().max(20).optional(), format: z.enum(['json', 'csv']).default('json') }), query(req));
    const report = await reportService(app, actor, q);
    return q.format === 'csv' ? { csv: reportCsv(report), filename: `${q.service}-report-${report.from}-to-${report.to}.csv` } : json(reportJson(report, catalogueFor(app, q.service)));
  }));

  /** The workspace shows each of a clinician's lists whole, as plain lists of items. */
  const wholeLists = (v: ReturnType<typeof availabilityView>) => ({ ...v, weekly: v.weekly.items, extras: v.extras.items, blackouts: v.blackouts.items });
  async function week(actor: Actor, service: string, date: string) {
    const catalogue = catalogueFor(app, service);
    const w = await availabilityWeek(app, actor, { service, date });
    const now = app.clock.now();
    return {
      ...wholeLists(availabilityView(w.availability, catalogue, now, { whole: true })), today: londonDate(now),
      week: { days: w.days, open: londonBlocks(w.open), blackouts: londonBlocks(w.blackouts), busy: w.busy.flatMap((b) => londonBlocks([b]).map((block) => ({ ...block, reference: b.reference }))) },
    };
  }
  server.get('/api/tab/availability', route(async (actor, req) => {
    const q = parse(z.object({ service: Service, week: z.string().max(20).optional() }), query(req));
    return json(await week(actor, q.service, q.week ?? londonDate(app.clock.now())));
  }));
  server.post('/api/tab/availability', route(async (actor, req) => {
    const body = parse(z.object({ service: Service, week: z.string().max(20), version: z.number().int().min(0), change: z.record(z.string(), z.unknown()) }), req.body);
    const { stale, stillBooked } = await changeAvailability(app, actor, body);
    // Bookings the change left outside the clinician's time, as the chat card says them, for the page to show.
    return json({ stale, still_booked: stillBookedNotice(stillBooked), ...(await week(actor, body.service, body.week)) });
  }));

  server.get('/api/tab/consultations', route(async (actor, req) => {
    const { service } = parse(ServiceQuery, query(req));
    const catalogue = catalogueFor(app, service);
    const mine = await listMyConsultations(app, actor, service);
    return json({ upcoming: mine.upcoming.map((r) => consultationSummary(r, catalogue)), past: mine.past.map((r) => consultationSummary(r, catalogue)) });
  }));

  const sessions = async (actor: Actor, service: string) => {
    const catalogue = catalogueFor(app, service);
    const mine = await listMySessions(app, actor, service);
    return { toRecord: mine.toRecord.map((m) => sessionSummary(m, catalogue)), upcoming: mine.upcoming.map((m) => sessionSummary(m, catalogue)) };
  };
  server.get('/api/tab/sessions', route(async (actor, req) => json(await sessions(actor, parse(ServiceQuery, query(req)).service))));
  server.post('/api/tab/cases/:service/:reference/sessions/:sessionId', route(async (actor, req) => {
    const p = parse(CaseParams.extend({ sessionId: z.string().regex(/^s\d{1,3}$/, 'must be a session of the episode') }), req.params);
    const body = parse(z.object({ outcome: z.enum(ATTENDANCE), version: z.number().int().positive().optional() }), req.body);
    await recordAttendance(app, actor, { service: p.service, reference: p.reference, sessionId: p.sessionId, outcome: body.outcome, ...(body.version ? { version: body.version } : {}) });
    return json(await sessions(actor, p.service));
  }));

  const detail = async (actor: Actor, service: string, reference: string) => {
    const request = await readCase(app, actor, { service, reference });
    const nameOf = await people.names([request.ownerId, ...(request.booking ? [request.booking.clinicianId] : [])]);
    return caseDetail(request, { id: actor.id, coordinator: await isCoordinator(service, actor) }, nameOf, catalogueFor(app, service), app.clock.now());
  };
  server.get('/api/tab/cases/:service/:reference', route(async (actor, req) => {
    const p = parse(CaseParams, req.params);
    return json(await detail(actor, p.service, p.reference));
  }));
  server.post('/api/tab/cases/:service/:reference/outcome', route(async (actor, req) => {
    const p = parse(CaseParams, req.params);
    const body = parse(z.object({ outcome: z.string().max(100), notes: Text }), req.body);
    await recordOutcome(app, actor, { ...p, ...body });
    return json(await detail(actor, p.service, p.reference));
  }));
  server.post('/api/tab/cases/:service/:reference/attendance', route(async (actor, req) => {
    const p = parse(CaseParams, req.params);
    const body = parse(z.object({ attended: z.literal(false), bookingId: z.string().max(100), reason: Text }), req.body);
    await changeBooking(app, actor, { ...p, kind: 'no_show', bookingId: body.bookingId, reason: body.reason });
    return json(await detail(actor, p.service, p.reference));
  }));

  server.get('/api/tab/triage', route(async (actor, req) => {
    const { service } = parse(ServiceQuery, query(req));
    const queue = await listTriage(app, actor, service);
    const clinician = await isClinician(service, actor);
    return json({ requests: queue.map((r) => triageItem(r, catalogueFor(app, service), clinician)) });
  }));
  server.post('/api/tab/triage/:service/:reference/accept', route(async (actor, req) => {
    const p = parse(CaseParams, req.params);
    const body = parse(z.object({ start: z.iso.datetime() }), req.body);
    const { request } = await acceptTime(app, actor, { ...p, start: body.start });
    return json({ reference: request.reference, status: request.status });
  }));

  server.get('/api/tab/reviews', route(async (actor, req) => {
    const { service } = parse(ServiceQuery, query(req));
    return json(reviewsView(catalogueFor(app, service), await reviewQueue(app, actor, service), { whole: true }));
  }));
  server.post('/api/tab/reviews/:service/:reference', route(async (actor, req) => {
    const p = parse(CaseParams, req.params);
    const body = parse(z.object({ approved: z.boolean(), reason: Text }), req.body);
    const { request } = await decideReview(app, actor, { ...p, ...body });
    return json({ reference: request.reference, status: request.status });
  }));

  const roster = async (actor: Actor, service: string) => {
    const members = await listRoster(app, actor, service);
    const ids = members.map((m) => m.id);
    const [nameOf, known] = await Promise.all([people.names(ids), people.known(ids)]);
    return { service, members: members.map((m) => rosterEntry(m, nameOf, known)) };
  };
  server.get('/api/tab/roster', route(async (actor, req) => json(await roster(actor, parse(ServiceQuery, query(req)).service))));
  server.get('/api/tab/people', route(async (actor, req) => {
    const q = parse(z.object({ service: Service, q: z.string().max(100).optional() }), query(req));
    return json({ people: await findPeople(app, people, actor, { service: q.service, query: q.q }) });
  }));
  server.put('/api/tab/roster/:service/:member', route(async (actor, req) => {
    const p = parse(z.object({ service: Service, member: PersonId }), req.params);
    const body = parse(z.object({ roles: z.array(z.enum(ROLES)).min(1, 'choose at least one role').max(ROLES.length) }), req.body);
    await setRosterMember(app, actor, { service: p.service, memberId: p.member, roles: body.roles });
    return json(await roster(actor, p.service));
  }));
  server.del('/api/tab/roster/:service/:member', route(async (actor, req) => {
    const p = parse(z.object({ service: Service, member: PersonId }), req.params);
    await removeRosterMember(app, actor, { service: p.service, memberId: p.member });
    return json(await roster(actor, p.service));
  }));
}
