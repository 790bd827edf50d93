import type { AppContext } from '../app/context';
import type { ConsultationRequest } from '../domain/request/consultation-request';
import type { People } from '../ports/people';

/** Links the screens offer that lead out of the chat. */
export interface Links {
  /** The booked consultation's calendar invite (.ics). */
  calendarUrl(request: ConsultationRequest): string;
  /** A case's subject-access export, behind a token that works once and expires after `exportTtlMs`. */
  exportUrl(service: string, reference: string, token: string): string;
  exportTtlMs: number;
}

/** What the conversation layer needs besides the use cases: who people are called, and links. */
export interface ConversationContext {
  app: AppContext;
  people: People;
  links: Links;
}

/** Who is acting, and where: personal chat, or a channel or group chat that others read. */
export interface Place {
  shared: boolean;
  /** A channel or group chat's own id (a channel's, not a thread's), when shared. */
  conversationId?: string;
}
