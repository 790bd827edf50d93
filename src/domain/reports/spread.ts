/** A wait as a service reports it: the median and the 90th percentile, in hours, over `n` requests (null when none). */
export interface Spread {
  median: number | null;
  p90: number | null;
  n: number;
}

/**
 * The nearest-rank percentile: always a wait some request really had, so "90% waited this long or less" holds
 * exactly, which interpolating between two requests would not.
 */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const tenth = (hours: number | null) => (hours === null ? null : Math.round(hours * 10) / 10);

/** The spread of some waits given in hours, to a tenth of an hour. */
export function spreadOf(hours: readonly number[]): Spread {
  const sorted = [...hours].sort((a, b) => a - b);
  return { median: tenth(nearestRank(sorted, 50)), p90: tenth(nearestRank(sorted, 90)), n: sorted.length };
}
