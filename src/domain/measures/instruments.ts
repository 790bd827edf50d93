/**
 * The two questionnaires PPS (and FASS's own interventions) score, declared once as data, with the NHS Talking
 * Therapies conventions for reading them. Each item is answered 0 (not at all) to 3 (nearly every day) about the
 * last two weeks; the total is the plain sum.
 *
 * Sources (checked for this code; see the README's "Measures contract"):
 * - Severity bands: the instruments' authors, PHQ-9: Kroenke, Spitzer & Williams (2001) J Gen Intern Med 16:606
 *   (cut points 5, 10, 15, 20); GAD-7: Spitzer, Kroenke, Williams & Löwe (2006) Arch Intern Med 166:1092
 *   (cut points 5, 10, 15).
 * - Caseness (PHQ-9 10 or more, GAD-7 8 or more) and reliable change (a change of 6 or more on PHQ-9, 4 or more on
 *   GAD-7): the NHS Talking Therapies for anxiety and depression Manual (NHS England; the IAPT Manual before 2023) and
 *   the IAPT Data Handbook v2.0.1 (2011), which the NHS Digital/NHS England statistics apply. Note that caseness for
 *   GAD-7 (8) is lower than its "moderate" band (10): the two answer different questions, so a GAD-7 of 8 or 9 is
 *   "mild" and yet a clinical case.
 * - The per-instrument reading of recovery and reliable recovery is this project's contract (issue 13); NHS Talking
 *   Therapies itself reads a course of treatment on PHQ-9 and the anxiety measure together: see course-outcome.ts.
 */
export const INSTRUMENT_IDS = ['phq9', 'gad7'] as const;
export type Instrument = (typeof INSTRUMENT_IDS)[number];

/** Severity bands in order, lowest first; GAD-7 has no `moderately_severe`. */
export const BAND_ORDER = ['minimal', 'mild', 'moderate', 'moderately_severe', 'severe'] as const;
export type Band = (typeof BAND_ORDER)[number];

export type Flag = 'self_harm_thoughts';

/** The highest answer to any item ("nearly every day"). */
export const ITEM_MAX = 3;

export interface InstrumentDefinition {
  readonly id: Instrument;
  readonly label: string;
  readonly items: number;
  /** Each band starts at `from` and runs to the next band's start; ascending. */
  readonly bands: readonly { readonly from: number; readonly band: Band }[];
  /** The lowest total that counts as a clinical case. */
  readonly caseness: number;
  /** The smallest change in total that is more than the measure's own error. */
  readonly reliableChange: number;
  /** An item (1-based, as printed on the form) whose answer raises a flag whatever the total. */
  readonly flags: readonly { readonly flag: Flag; readonly item: number; readonly atLeast: number }[];
}

export const INSTRUMENTS: Readonly<Record<Instrument, InstrumentDefinition>> = {
  phq9: {
    id: 'phq9',
    label: 'PHQ-9',
    items: 9,
    bands: [
      { from: 0, band: 'minimal' },
      { from: 5, band: 'mild' },
      { from: 10, band: 'moderate' },
      { from: 15, band: 'moderately_severe' },
      { from: 20, band: 'severe' },
    ],
    caseness: 10,
    reliableChange: 6,
    // Item 9 asks about "thoughts that you would be better off dead, or of hurting yourself": any answer but
    // "not at all" is for the therapist to follow up at once, however low the total.
    flags: [{ flag: 'self_harm_thoughts', item: 9, atLeast: 1 }],
  },
  gad7: {
    id: 'gad7',
    label: 'GAD-7',
    items: 7,
    bands: [
      { from: 0, band: 'minimal' },
      { from: 5, band: 'mild' },
      { from: 10, band: 'moderate' },
      { from: 15, band: 'severe' },
    ],
    caseness: 8,
    reliableChange: 4,
    flags: [],
  },
};

/** The highest total an instrument can give. */
export const maxTotal = (instrument: Instrument): number => INSTRUMENTS[instrument].items * ITEM_MAX;
