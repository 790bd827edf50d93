/** Least-squares slope of y over x (0 when x does not vary). */
export function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

/**
 * Growth in MB per 100,000 turns after warm-up: a straight line fitted to the samples taken after the
 * first third of the run, so that caches filling, code being optimised and the heap finding its size
 * at the start do not count, and whatever still grows with the work does.
 */
export function growthPer100kTurns<T extends { turns: number; atMs: number }>(samples: readonly T[], value: (s: T) => number): number {
  const end = samples.at(-1)?.atMs ?? 0;
  const steady = samples.filter((s) => s.atMs >= end / 3);
  return slope(steady.map((s) => ({ x: s.turns, y: value(s) }))) * 100_000;
}
