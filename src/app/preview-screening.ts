import type { Draft } from '../domain/referral/draft';
import { missingSteps, toScreeningInput } from '../domain/referral/to-screening-input';
import type { ScreeningResult } from '../domain/screening/outcome';
import { screen } from '../domain/screening/screen';
import { catalogueFor, type AppContext } from './context';

/** What screening would say if the draft were submitted now; null while steps are unanswered. */
export function previewScreening(ctx: AppContext, draft: Draft): ScreeningResult | null {
  const catalogue = catalogueFor(ctx, draft.service);
  if (missingSteps(catalogue, draft.answers).length > 0) return null;
  return screen(toScreeningInput(catalogue, draft.answers), catalogue, new Set(ctx.catalogues.keys()));
}
