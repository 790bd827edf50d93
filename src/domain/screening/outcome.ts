/** What a criterion does to a referral, most severe first. */
export const EFFECTS = ['cannot_proceed', 'not_recommended', 'clinical_review', 'supports'] as const;
export type Effect = (typeof EFFECTS)[number];

export type Outcome = 'cannot_proceed' | 'not_recommended' | 'clinical_review' | 'eligible';

/** One criterion that a referral triggered, in the service's words. */
export interface Reason {
  criterion: string;
  effect: Effect;
  text: string;
  /** Where to go instead, shown when the outcome stands in the way. */
  signposting?: string;
  /** Other services to point to, each shown only while its catalogue is in force. */
  signpostServices?: { service: string; text: string }[];
  /** Said whatever the outcome (for example, that a referral does not guarantee therapy). */
  caveat?: string;
  /** A supporting reason listed only when the referral goes forward (eligible or clinical review). */
  onlyIfForward?: true;
}

export interface ScreeningResult {
  outcome: Outcome;
  reasons: Reason[];
  catalogueVersion: string;
}

const severity = (effect: Effect): number => EFFECTS.length - EFFECTS.indexOf(effect);

/** The outcome is the most severe effect among the reasons; supporting reasons alone make a referral eligible. */
export function outcomeOf(reasons: readonly Reason[]): Outcome {
  const worst = reasons.reduce<Effect>((acc, r) => (severity(r.effect) > severity(acc) ? r.effect : acc), 'supports');
  return worst === 'supports' ? 'eligible' : worst;
}
