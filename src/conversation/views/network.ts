import type { Catalogue } from '../../domain/catalogue/catalogue';
import type { NetworkView } from '../../domain/network/privacy';
import { formatDay, formatLondon, londonDate } from '../../domain/time/london';
import type { DeadLetter } from '../../ports/outbox';
import { nextStepLabel, STATUS_LABELS, WORK_LABELS } from '../wording/labels';
import { newestFirst, PAGE_SIZE, pageInfo, pageOf, type PageInfo } from './paging';

/** The network's case card: only what the privacy policy's network view holds. */
export interface NetworkCaseView {
  kind: 'network-case';
  service: string;
  serviceName: string;
  reference: string;
  statusLabel: string;
  submittedOn: string;
  consultationAt: string;
  nextStep: string;
  updatedAt: string;
  canFollow: boolean;
  canUnfollow: boolean;
  /** Shown below the card: that the person now follows it. */
  following: boolean;
}

export function networkCaseView(view: NetworkView, catalogue: Catalogue, place: 'conversation' | 'follower', following = false): NetworkCaseView {
  return {
    kind: 'network-case',
    service: catalogue.service, serviceName: catalogue.name, reference: view.reference, statusLabel: view.work ? WORK_LABELS[view.work] : STATUS_LABELS[view.status],
    submittedOn: formatDay(londonDate(new Date(view.submittedOn))), consultationAt: view.consultationAt ? formatLondon(view.consultationAt) : '',
    nextStep: nextStepLabel(catalogue, view.nextStep, 'network'), updatedAt: formatLondon(view.updatedAt),
    canFollow: place === 'conversation', canUnfollow: place === 'follower', following,
  };
}

/** The short line added to the network's thread for an event: what happened, in words that carry no detail. */
export function networkEntryText(view: NetworkView, catalogue: Catalogue, what: string, withTime: boolean): string {
  const when = view.consultationAt && withTime ? ` (${formatLondon(view.consultationAt)})` : '';
  return `${view.reference}: ${what}${when}. Next step: ${nextStepLabel(catalogue, view.nextStep, 'network')}.`;
}

const DEAD_WHY: Record<string, string> = {
  throttled: 'the chat service kept asking to slow down', unreachable: 'the chat service could not be reached', crashed_repeatedly: 'the notifier stopped while sending it, repeatedly',
};

const deadWhy = (code: string) =>
  DEAD_WHY[code] ?? (code.startsWith('rejected_') ? `the chat service refused it (${code.slice(9)}): the bot may have been removed there` : code);

/** Coordinators' list of undelivered notifications, newest first, a page at a time: references and error codes only. */
export interface DeadLettersView extends PageInfo {
  kind: 'dead-letters';
  service: string;
  notice: string;
  /** How many, and why, counted over them all: the list is mostly for counting. */
  summary: string;
  letters: { service: string; deadId: string; reference: string; event: string; attempts: number; at: string; why: string }[];
}

export function deadLettersView(service: string, letters: readonly DeadLetter[], notice = '', after?: string): DeadLettersView {
  const page = pageOf(letters, (d) => `${newestFirst(d.at)}|${d.deadId}`, after, PAGE_SIZE.deadLetters);
  const byWhy = new Map<string, number>();
  for (const d of letters) byWhy.set(deadWhy(d.code), (byWhy.get(deadWhy(d.code)) ?? 0) + 1);
  return {
    kind: 'dead-letters',
    service, notice,
    summary: letters.length === 0 ? '' : `${letters.length} not delivered: ${[...byWhy].map(([why, n]) => `${n} because ${why}`).join('; ')}.`,
    ...pageInfo(page),
    letters: page.items.map((d) => ({
      service, deadId: d.deadId, reference: d.notification.reference, event: d.notification.event, attempts: d.attempts, at: formatLondon(d.at), why: deadWhy(d.code),
    })),
  };
}
