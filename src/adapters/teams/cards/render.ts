import type { StepView } from '../../../conversation/views/journey';
import type { View, ViewKind } from '../../../conversation/views/view';
import { fitCard } from './card-budget';
import { expand, type Card } from './templates';

export type { Card };

/** The design in cards/ that draws each screen (a step is drawn from parts, below). */
const DESIGNS: { readonly [K in Exclude<ViewKind, 'step'>]: string } = {
  welcome: 'welcome', notice: 'notice', 'my-requests': 'my-requests', review: 'review', outcome: 'outcome',
  times: 'booking/times', case: 'booking/case', triage: 'booking/triage', availability: 'booking/availability',
  roster: 'booking/roster', reviews: 'booking/reviews', 'network-case': 'network/case', 'dead-letters': 'network/dead-letters',
  episode: 'episode/episode', 'episode-open': 'episode/open',
  'network-members': 'network/members', 'export-link': 'governance/export-link',
};

/** The designs in cards/ a screen is drawn from. */
export function designsOf(view: View): string[] {
  return view.kind === 'step' ? ['parts/step-header', `steps/${view.step}`, 'parts/step-actions'] : [DESIGNS[view.kind]];
}

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

/** Draws a screen from its design exactly as designed, however long it comes out: what the worst-case card test measures. */
export function drawCard(view: View, options: RenderOptions = {}): Card {
  if (view.kind === 'step') return stepCard(view);
  if (view.kind === 'triage') return expand(DESIGNS.triage, { ...view, refreshUserIds: (options.refreshUserIds ?? []).slice(0, 60) });
  return expand(DESIGNS[view.kind], view);
}

/**
 * Draws a screen as an Adaptive Card (schema 1.5, what Teams renders for bots) from its design in cards/,
 * within Teams' size limit; `shortened` says the render-time guard had to cut it (see card-budget.ts).
 */
export function renderCardChecked(view: View, options: RenderOptions = {}): { card: Card; shortened: boolean; size: number } {
  return fitCard(drawCard(view, options));
}

/** Draws a screen as an Adaptive Card within Teams' size limit. */
export const renderCard = (view: View, options: RenderOptions = {}): Card => renderCardChecked(view, options).card;
