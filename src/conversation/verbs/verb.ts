import { z } from 'zod';
import type { Actor } from '../../app/context';
import type { ConversationContext, Place } from '../context';
import { CURSOR_PATTERN } from '../views/paging';
import type { View } from '../views/view';

/** What an action brings besides its parsed data: every field as sent (a step's inputs), and where it was taken. */
export interface VerbInput {
  raw: Record<string, unknown>;
  place: Place;
}

/**
 * One verb: the schema its data must fit (parsed at the edge, so the handler trusts the types) and
 * the handler, which runs the use case and answers with the screen to show instead of the one clicked.
 */
export interface VerbSpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** Allowed in a channel or group chat: it shows nothing a shared conversation may not see. */
  shared?: true;
  run(cc: ConversationContext, actor: Actor, data: z.infer<S>, input: VerbInput): Promise<View>;
}

export const verb = <S extends z.ZodType>(spec: VerbSpec<S>): VerbSpec<S> => spec;

const MAX_INPUT = 5000;

/** Ids and values as cards send them: everything is a string on the wire, bounded. */
export const Service = z.string().min(1).max(40).regex(/^[a-z][a-z0-9_]*$/, 'not a valid service');
export const Reference = z.string().max(40).regex(/^[A-Z]{2,8}-\d{4}-\d{4,}$/, 'not a valid reference');
export const DraftId = z.string().min(1).max(80).regex(/^[A-Za-z0-9_.:-]+$/, 'not a valid identifier');
export const PersonId = z.string().min(1).max(200).regex(/^[A-Za-z0-9_.:@-]+$/, 'not a valid identifier');
export const Version = z.coerce.number().int().positive().max(1_000_000);
export const Instant = z.iso.datetime({ message: 'not a valid time' });
export const FreeText = z.string().max(MAX_INPUT).optional();
export const Ref = { service: Service, reference: Reference };
/** Where a page of a long list begins (see views/paging); absent or '' for the first page. */
export const Cursor = z.string().regex(CURSOR_PATTERN, 'not a place in a list').optional();

/** A string input (or nothing); anything else the card could not have sent. */
export function textInput(raw: Record<string, unknown>, id: string): string | undefined {
  const v = raw[id];
  return typeof v === 'string' && v.length <= MAX_INPUT ? v : undefined;
}

export { MAX_INPUT };
