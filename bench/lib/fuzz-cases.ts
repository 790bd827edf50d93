import fc from 'fast-check';
import { VERBS } from '../../src/conversation/verbs';
import { FIELDS } from '../../src/domain/referral/fields';
import { STEPS } from '../../src/domain/referral/steps';
import type { Known } from './fuzz-state';

/**
 * What the fuzz drill posts: a card action as an invoke (personal chat or a channel), the same as an
 * Action.Submit message (clients without Universal Actions), or a body that is not an activity at all.
 */
export type FuzzCase =
  | { kind: 'invoke' | 'channel' | 'submit'; value: unknown; replyTo: boolean }
  | { kind: 'bad_body'; raw: string; contentType: string };

export const KNOWN_VERBS = Object.keys(VERBS);
const SCHEMAS = Object.fromEntries(Object.entries(VERBS).map(([verb, spec]) => [verb, spec.schema as unknown as { shape: Record<string, unknown> }]));
/** Inputs the handlers read from the raw data besides the schema's fields. */
const RAW_INPUTS = Object.keys(FIELDS).concat(
  'weekday', 'weeklyStart', 'weeklyEnd', 'extraDate', 'extraStart', 'extraEnd', 'blackoutFrom', 'blackoutTo', 'list', 'index', 'reason_0', 'reason_1');
const DEEP = '\u0000DEEP:';

/** A structure nested `depth` levels, spliced in when the case is rendered (building it here would cost the stack). */
const deep = fc.tuple(fc.constantFrom(64, 1000, 20_000), fc.constantFrom('obj', 'arr')).map(([d, k]) => `${DEEP}${d}:${k}`);
const huge = fc.tuple(fc.integer({ min: 5001, max: 120_000 }), fc.constantFrom('x', 'é', '😀', '\u0000', '"', '\\')).map(([n, c]) => c.repeat(n));
const nasty = fc.constantFrom('', ' ', '\u0000', '\uFFFD', '\uD800', '../../etc/passwd', '<script>alert(1)</script>', "' OR 1=1 --", '{{$root}}', '${7*7}',
  '__proto__', 'constructor', 'NaN', '-1', '0', '1e309', '0x10', 'true', 'null', '2030-13-45T25:61:00Z', 'FASS-2026-0001', 'fass ', 'FASS', 'pps', '*', '%s%n');
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40, unit: 'grapheme' }) },
  { weight: 3, arbitrary: nasty },
  { weight: 2, arbitrary: fc.oneof(fc.array(fc.string(), { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 5 }), fc.object({ maxDepth: 3 })) },
  { weight: 1, arbitrary: huge },
  { weight: 1, arbitrary: deep },
);

/** Plausible values for each field name, aimed at things that exist but that the fuzzer does not own. */
function goodValue(field: string, k: Known): fc.Arbitrary<unknown> {
  const pick = (...xs: unknown[]) => fc.constantFrom(...xs);
  const table: Record<string, fc.Arbitrary<unknown>> = {
    service: pick(k.service, k.service, 'pps'), reference: pick(...k.references), draftId: pick(k.draftId, 'd-not-a-draft'),
    version: pick(String(k.draftVersion), k.draftVersion, '1', String(k.draftVersion + 1)), step: pick(...STEPS),
    start: pick(...k.starts), times: pick(k.starts.join(','), k.starts[1]!, k.starts.slice(1).join(',')), bookingId: pick(k.bookingId),
    change: pick('add_weekly', 'add_extra', 'add_blackout', 'remove'), memberId: pick('aad-fuzz-outsider', ...k.memberIds),
    roles: pick('coordinator+clinician', 'clinician', 'coordinator', ''), approved: pick('true', 'false'), reasonField: pick('reason_0', 'reason_1'),
    fresh: pick(true, 'true', false), deadId: pick('1-0', '0-1'), fromConversationId: pick('19:fuzz@thread.tacv2', 'a:fuzz'),
    weekday: pick('1', '7', '0'), list: pick('weekly', 'extra', 'blackout'), index: pick('0', '1', '-1', 0),
  };
  return table[field] ?? fc.oneof(fc.string({ maxLength: 30 }), nasty);
}

/** An action's data for a verb: valid-looking, corrupted field by field, cut short, padded, or not an object. */
function dataFor(verb: string, k: Known): fc.Arbitrary<unknown> {
  // Unknown verbs get a known verb's fields; `verb in SCHEMAS` would find toString and friends.
  const required = Object.keys((Object.hasOwn(SCHEMAS, verb) ? SCHEMAS[verb]! : SCHEMAS['booking.accept']!).shape);
  const fields = required.concat(RAW_INPUTS.slice(0, 3));
  const template = fc.record(Object.fromEntries(fields.map((f) => [f, goodValue(f, k)])), { requiredKeys: required });
  return fc.oneof(
    { weight: 3, arbitrary: template },
    { weight: 4, arbitrary: fc.tuple(template, fc.constantFrom(...fields, ...RAW_INPUTS), junk).map(([t, f, j]) => ({ ...t, [f]: j })) },
    { weight: 2, arbitrary: fc.tuple(template, fc.subarray(fields)).map(([t, drop]) => Object.fromEntries(Object.entries(t).filter(([f]) => !drop.includes(f)))) },
    { weight: 2, arbitrary: fc.tuple(template, fc.constantFrom('__proto__', 'constructor', 'prototype', 'verb', 'action', 'x'), junk).map(([t, f, j]) => ({ ...t, [f]: j })) },
    { weight: 2, arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), junk, { maxKeys: 6 }) },
    { weight: 1, arbitrary: junk },
  );
}

const verbs = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...KNOWN_VERBS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 70 }) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'REQUEST.START', ' request.start', 'booking.', '', 'x'.repeat(65)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...KNOWN_VERBS), fc.constantFrom(' ', '\u0000', '.', 'x', '\u200b')).map(([v, s]) => v + s) },
);

/** The invoke's value: mostly a well-formed Action.Execute, sometimes the wrong action type or no action at all. */
function valueFor(k: Known): fc.Arbitrary<unknown> {
  const action = verbs.chain((verb) => dataFor(verb, k).map((data) => ({ verb, data })));
  return fc.oneof(
    { weight: 16, arbitrary: action.map((a) => ({ action: { type: 'Action.Execute', ...a } })) },
    { weight: 1, arbitrary: fc.tuple(action, junk).map(([a, trigger]) => ({ action: { type: 'Action.Execute', ...a }, trigger })) },
    { weight: 1, arbitrary: action.map((a) => ({ action: { type: 'Action.Submit', ...a } })) },
    { weight: 1, arbitrary: fc.tuple(action, junk).map(([a, j]) => ({ action: { type: 'Action.Execute', verb: j, data: a.data } })) },
    { weight: 1, arbitrary: junk.map((j) => ({ action: j })) },
    { weight: 1, arbitrary: junk },
  );
}

/** The Action.Submit message's value: the verb sits beside the inputs. */
const submitValue = (k: Known) => verbs.chain((verb) => dataFor(verb, k).map((data) => (data && typeof data === 'object' && !Array.isArray(data) ? { ...data, verb } : { verb, data })));

const badBodies = fc.oneof(
  fc.constantFrom('', '{', '}', '[', 'null', 'true', '42', '"invoke"', '[]', '{}', 'undefined', 'NaN', "{'type':'invoke'}", '{"type":"invoke",}', '\u0000',
    '{"type":"invoke","value":', '{"type":5}', '{"type":"invoke"}', '{"type":"invoke","name":"adaptiveCard/action","conversation":null}', '{"type":"invoke","from":null,"conversation":{}}')
    .map((raw) => ({ raw, contentType: 'application/json' })),
  fc.string({ maxLength: 200, unit: 'binary' }).map((raw) => ({ raw, contentType: 'application/json' })),
  fc.tuple(fc.string({ maxLength: 100 }), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream', ''))
    .map(([raw, contentType]) => ({ raw, contentType })),
);

/** Every case, weighted towards invokes in personal chat, where most card actions happen. */
export function fuzzCases(k: Known): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    { weight: 78, arbitrary: fc.tuple(valueFor(k), fc.boolean()).map(([value, replyTo]) => ({ kind: 'invoke' as const, value, replyTo })) },
    { weight: 6, arbitrary: fc.tuple(valueFor(k), fc.boolean()).map(([value, replyTo]) => ({ kind: 'channel' as const, value, replyTo })) },
    { weight: 8, arbitrary: fc.tuple(fc.oneof({ weight: 5, arbitrary: submitValue(k) }, { weight: 1, arbitrary: junk }), fc.boolean()).map(([value, replyTo]) => ({ kind: 'submit' as const, value, replyTo })) },
    { weight: 8, arbitrary: badBodies.map((b) => ({ kind: 'bad_body' as const, ...b })) },
  );
}

/** Splices the deep structures in; JSON.parse on the bot's side handles any depth, stringify on ours would not. */
export function spliceDeep(json: string): string {
  return json.replace(/"\\u0000DEEP:(\d+):(obj|arr)"/g, (_m, d: string, kind: string) => {
    const n = Number(d);
    return kind === 'obj' ? `${'{"a":'.repeat(n)}1${'}'.repeat(n)}` : `${'['.repeat(n)}1${']'.repeat(n)}`;
  });
}
