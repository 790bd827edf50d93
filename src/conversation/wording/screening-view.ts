import type { ScreeningResult } from '../../domain/screening/outcome';
import { EFFECT_LABELS, OUTCOMES, type Tone } from './labels';

/** A screening result as the screens show it: the outcome in plain words, then every reason in the service's words. */
export interface ScreeningView {
  title: string;
  summary: string;
  style: Tone;
  catalogueVersion: string;
  /** Each reason; `signposting` only where the outcome stands in the way, a `caveat` whatever the outcome. */
  reasons: { effectLabel: string; text: string; signposting: string; caveat: string }[];
}

export function screeningView(result: ScreeningResult): ScreeningView {
  const showSignposting = result.outcome === 'not_recommended' || result.outcome === 'cannot_proceed';
  return {
    ...OUTCOMES[result.outcome],
    catalogueVersion: result.catalogueVersion,
    reasons: result.reasons.map((r) => ({
      effectLabel: EFFECT_LABELS[r.effect],
      text: r.text,
      signposting: showSignposting ? [r.signposting, ...(r.signpostServices ?? []).map((s) => s.text)].filter(Boolean).join(' ') : '',
      caveat: r.caveat ?? '',
    })),
  };
}
