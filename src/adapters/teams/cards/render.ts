import type { StepView } from '../../../conversation/views/journey';
import type { View, ViewKind } from '../../../conversation/views/view';
import { expand, type Card } from './templates';

export type { Card };

/** The design in cards/ that draws each screen (a step is drawn from parts, below). */
const DESIGNS: { readonly [K in Exclude<ViewKind, 'step'>]: string } = {
  welcome: 'welcome', notice: 'notice', 'my-requests': 'my-requests', review: 'review', outcome: 'outcome',
  times: 'booking/times', case: 'booking/case', triage: 'booking/triage', availability: 'booking/availability',
  roster: 'booking/roster', reviews: 'booking/reviews', 'network-case': 'network/case', 'dead-letters': 'network/dead-letters',
  'network-members': 'network/members', 'export-link': 'governance/export-link',
};

/** A step: the journey's header, the step's questions (the ones the service asks), and Next/Back/Cancel. */
function stepCard(view: StepView): Card {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [...expand<unknown[]>('parts/step-header', view), ...expand<unknown[]>(`steps/${view.step}`, view)],
    actions: expand<unknown[]>('parts/step-actions', view),
  };
}

export interface RenderOptions {
  /** Teams ids (MRIs) of the people whose copy of a triage card refreshes itself when viewed. */
  refreshUserIds?: readonly string[];
}

/** Draws a screen as an Adaptive Card (schema 1.5, what Teams renders for bots) from its design in cards/. */
export function renderCard(view: View, options: RenderOptions = {}): Card {
  if (view.kind === 'step') return stepCard(view);
  if (view.kind === 'triage') return expand(DESIGNS.triage, { ...view, refreshUserIds: (options.refreshUserIds ?? []).slice(0, 60) });
  return expand(DESIGNS[view.kind], view);
}
