import type autocannon from 'autocannon';
import { buildAnswers, FASS_STEPS } from '../../test/support/builders';
import { asCardInputs } from '../../test/support/journey';

/** Journeys need distinct people and conversations; the counter is shared by all connections of a process. */
let journeys = 0;
let completed = 0;
export const journeyCount = () => ({ started: journeys, completed });

type Context = Record<string, string>;

const invoke = (ctx: Context, sinkUrl: string, verb: string, data: Record<string, unknown>, as: 'referrer' | 'clinician' = 'referrer') => JSON.stringify({
  type: 'invoke', name: 'adaptiveCard/action', id: `i-${ctx.n}-${verb}`, channelId: 'msteams', serviceUrl: sinkUrl, timestamp: new Date().toISOString(),
  value: { action: { type: 'Action.Execute', verb, data } },
  from: as === 'referrer' ? { id: `29:${ctx.user}`, aadObjectId: ctx.user, name: 'Bench Referrer' } : { id: `29:${ctx.clinician}`, aadObjectId: ctx.clinician, name: 'Bench Clinician' },
  recipient: { id: '28:bot', name: 'Consultations' },
  conversation: as === 'referrer'
    ? { id: `a:${ctx.user}`, conversationType: 'personal', tenantId: 'tenant-bench' }
    : { id: '19:bench-triage@thread.tacv2;messageid=1', conversationType: 'channel', tenantId: 'tenant-bench' },
  ...(as === 'clinician' ? { channelData: { channel: { id: '19:bench-triage@thread.tacv2' }, team: { id: '19:bench-team' } } } : {}),
});

/** Finds the data of the first Action.Execute with this verb in an invoke response body. */
function actionData(body: string, verb: string): Record<string, unknown> | undefined {
  const i = body.indexOf(`"verb":"${verb}"`);
  if (i < 0) return undefined;
  const m = /"data":(\{[^}]*\})/.exec(body.slice(i));
  return m ? (JSON.parse(m[1]!) as Record<string, unknown>) : undefined;
}

/**
 * One consultation journey as the real card payloads: install (welcome), start, every step, submit, the
 * times card, the referrer's pick, and a clinician's accept in the triage channel: 12 turns.
 */
export interface JourneyHooks {
  /** A referrer (by id) was shown a reference: the request is saved, as far as they know. */
  onSubmitted?: (reference: string, referrerId: string) => void;
  /** Any answer, for counting what people saw. */
  onAnswer?: (status: number, body: string) => void;
}

export function journeyRequests(sinkUrl: string, clinicians: readonly string[], hooks: JourneyHooks = {}): autocannon.Request[] {
  const answers = buildAnswers();
  const steps: autocannon.Request[] = [
    {
      setupRequest: (req, context) => {
        const ctx = context as Context;
        journeys += 1;
        ctx.n = String(journeys);
        ctx.user = `aad-bench-${process.pid}-${journeys}`;
        ctx.clinician = clinicians[journeys % clinicians.length]!;
        return { ...req, body: JSON.stringify({
          type: 'conversationUpdate', id: `c-${ctx.n}`, channelId: 'msteams', serviceUrl: sinkUrl, membersAdded: [{ id: '28:bot' }],
          from: { id: `29:${ctx.user}`, aadObjectId: ctx.user }, recipient: { id: '28:bot' }, conversation: { id: `a:${ctx.user}`, conversationType: 'personal', tenantId: 'tenant-bench' },
        }) };
      },
    },
    {
      setupRequest: (req, context) => ({ ...req, body: invoke(context as Context, sinkUrl, 'request.start', { service: 'fass' }) }),
      onResponse: (_s, body, context) => { Object.assign(context, { save: JSON.stringify(actionData(body, 'draft.save') ?? {}) }); },
    },
    ...FASS_STEPS.map((step): autocannon.Request => ({
      setupRequest: (req, context) => {
        const ctx = context as Context;
        return { ...req, body: invoke(ctx, sinkUrl, 'draft.save', { ...(JSON.parse(ctx.save ?? '{}') as object), ...asCardInputs(answers[step]) }) };
      },
      onResponse: (_s, body, context) => {
        const ctx = context as Context;
        const next = actionData(body, 'draft.save');
        if (next) ctx.save = JSON.stringify(next);
        const submit = actionData(body, 'request.submit');
        if (submit) ctx.submit = JSON.stringify(submit);
      },
    })),
    {
      setupRequest: (req, context) => ({ ...req, body: invoke(context as Context, sinkUrl, 'request.submit', JSON.parse((context as Context).submit ?? '{}') as Record<string, unknown>) }),
      onResponse: (status, body, context) => {
        const reference = /Request (FASS-\d{4}-\d{4,})/.exec(body)?.[1] ?? '';
        (context as Context).reference = reference;
        if (reference && status === 200) hooks.onSubmitted?.(reference, (context as Context).user!);
      },
    },
    {
      setupRequest: (req, context) => ({ ...req, body: invoke(context as Context, sinkUrl, 'booking.times', { service: 'fass', reference: (context as Context).reference }) }),
      onResponse: (_s, body, context) => {
        const starts = [...body.matchAll(/"value":"(\d{4}-\d{2}-\d{2}T[^"]+Z)"/g)].map((m) => m[1]!);
        (context as Context).start = starts[Number((context as Context).n) % Math.max(1, starts.length)] ?? '';
      },
    },
    {
      setupRequest: (req, context) => {
        const ctx = context as Context;
        return { ...req, body: invoke(ctx, sinkUrl, 'booking.offer', { service: 'fass', reference: ctx.reference, times: ctx.start }) };
      },
    },
    {
      setupRequest: (req, context) => {
        const ctx = context as Context;
        return { ...req, body: invoke(ctx, sinkUrl, 'booking.accept', { service: 'fass', reference: ctx.reference, start: ctx.start }, 'clinician') };
      },
      onResponse: (_s, body) => { if (/Accepted by|Already taken|You are booked then/.test(body)) completed += 1; },
    },
  ];
  if (hooks.onAnswer) {
    for (const step of steps) {
      const own = step.onResponse;
      step.onResponse = (status, body, context, headers) => {
        hooks.onAnswer!(status, body);
        if (typeof own === 'function') own(status, body, context, headers);
      };
    }
  }
  return steps;
}

/** The same turn count for the echo bot: message activities in distinct conversations. */
export function echoRequests(sinkUrl: string, turnsPerLoop: number): autocannon.Request[] {
  return Array.from({ length: turnsPerLoop }, (_, i): autocannon.Request => ({
    setupRequest: (req, context) => {
      const ctx = context as Context;
      if (i === 0) { journeys += 1; ctx.user = `aad-echo-${journeys}`; }
      return { ...req, body: JSON.stringify({
        type: 'message', id: `e-${journeys}-${i}`, channelId: 'msteams', serviceUrl: sinkUrl, text: `turn ${i}`,
        from: { id: `29:${ctx.user}`, aadObjectId: ctx.user }, recipient: { id: '28:bot' }, conversation: { id: `a:${ctx.user}`, conversationType: 'personal', tenantId: 'tenant-bench' },
      }) };
    },
  }));
}
