import { INSTRUMENTS, ITEM_MAX, type Instrument } from '../../src/domain/measures/instruments';

/**
 * Synthetic answers adding up to `total`, filled from the first item; `fixed` pins answers by 1-based item number
 * (PHQ-9's item 9 is left at 0 unless pinned, so that a total never raises the self-harm flag by accident).
 */
export function answersFor(instrument: Instrument, total: number, fixed: Record<number, number> = {}): number[] {
  const { items } = INSTRUMENTS[instrument];
  const pinned = (i: number) => fixed[i + 1] !== undefined || (instrument === 'phq9' && i === 8);
  const answers = Array.from({ length: items }, (_, i) => fixed[i + 1] ?? 0);
  let left = total - answers.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items && left > 0; i++) {
    if (pinned(i)) continue;
    const add = Math.min(ITEM_MAX - answers[i]!, left);
    answers[i] = answers[i]! + add;
    left -= add;
  }
  if (left !== 0) throw new Error(`cannot build ${instrument} answers totalling ${total} with ${JSON.stringify(fixed)}`);
  return answers;
}
