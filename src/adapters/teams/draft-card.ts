import { previewScreening } from '../../app/preview-screening';
import type { AppContext } from '../../app/context';
import type { FieldIssue } from '../../domain/errors';
import type { Draft } from '../../domain/referral/draft';
import { ANSWER_STEPS } from '../../domain/referral/steps';
import { londonDate } from '../../domain/time/london';
import { reviewCard } from './cards/review-card';
import { stepCard } from './cards/step-card';
import type { Card } from './cards/templates';

export interface DraftCardOptions {
  errors?: readonly FieldIssue[];
  values?: Record<string, string>;
  notice?: string;
}

/** The card for where a draft stands: its current step, or the review once every step is answered. */
export function draftCard(ctx: AppContext, draft: Draft, options: DraftCardOptions = {}): Card {
  const catalogue = ctx.catalogues.get(draft.service)!;
  if (draft.step === 'review') {
    const preview = previewScreening(ctx, draft);
    if (preview) return reviewCard(draft, preview, catalogue, options);
  }
  const step = draft.step === 'review' ? ANSWER_STEPS.find((s) => !draft.answers[s]) ?? 'details' : draft.step;
  return stepCard(draft, step, catalogue, { ...options, today: londonDate(ctx.clock.now()) });
}
