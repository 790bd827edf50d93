import type { Catalogue } from '../../domain/catalogue/catalogue';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { formatLondon } from '../../domain/time/london';
import { STATUS_LABELS } from '../wording/labels';
import type { ActionView } from './common';
import { newestFirst, PAGE_SIZE, pageInfo, pageOf, type PageInfo } from './paging';

/** A short message, with buttons for what the person can do next. */
export interface NoticeView {
  kind: 'notice';
  title: string;
  text: string;
  actions: ActionView[];
}

export const notice = (title: string, text: string, actions: ActionView[] = []): NoticeView => ({ kind: 'notice', title, text, actions });

/** The first screen: what the bot is for, and a way into each service in force. */
export interface WelcomeView {
  kind: 'welcome';
  serviceNames: string;
  services: { service: string; name: string; title: string }[];
}

export function welcome(catalogues: readonly Catalogue[]): WelcomeView {
  const one = catalogues.length === 1;
  return {
    kind: 'welcome',
    serviceNames: catalogues.map((c) => c.name).join(' or the '),
    services: catalogues.map((c) => ({ service: c.service, name: c.name, title: one ? 'Request a consultation' : `Request: ${c.name}` })),
  };
}

/** A referrer's requests across every service, newest first, a page at a time. */
export interface MyRequestsView extends PageInfo {
  kind: 'my-requests';
  requests: { service: string; reference: string; statusLabel: string; submittedAt: string }[];
  /** Requests in progress (not sent), one per service. */
  drafts: { service: string; title: string }[];
  hasDraft: boolean;
  /** Start a new request: one button per service. */
  start: { service: string; title: string }[];
}

export function myRequests(catalogues: readonly Catalogue[], requests: readonly ConsultationRequest[], draftServices: readonly string[], after?: string): MyRequestsView {
  const one = catalogues.length === 1;
  const name = (service: string) => catalogues.find((c) => c.service === service)?.referencePrefix ?? service;
  const page = pageOf(requests, (r) => `${newestFirst(r.submittedAt)}|${r.reference}`, after, PAGE_SIZE.myRequests);
  return {
    kind: 'my-requests',
    ...pageInfo(page),
    requests: page.items.map((r) => ({ service: r.service, reference: r.reference, statusLabel: STATUS_LABELS[r.status], submittedAt: formatLondon(r.submittedAt) })),
    drafts: draftServices.map((service) => ({ service, title: one ? 'Resume request in progress' : `Resume ${name(service)} request in progress` })),
    hasDraft: draftServices.length > 0,
    start: catalogues.map((c) => ({ service: c.service, title: one ? 'New request' : `New ${c.referencePrefix} request` })),
  };
}
