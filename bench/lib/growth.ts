/** Least-squares line of y over x: its slope, and the slope's standard error (how far noise alone could move it). */
export function fitLine(points: readonly { x: number; y: number }[]): { slope: number; stderr: number } {
  const n = points.length;
  if (n < 3) return { slope: 0, stderr: Infinity };
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  if (sxx === 0) return { slope: 0, stderr: Infinity };
  const slope = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
  const residuals = points.reduce((s, p) => s + (p.y - my - slope * (p.x - mx)) ** 2, 0);
  return { slope, stderr: Math.sqrt(residuals / (n - 2) / sxx) };
}

/**
 * Growth in MB per 100,000 turns after warm-up: a straight line fitted to the samples taken after the
 * first third of the run, so that caches filling, code being optimised and the heap finding its size
 * at the start do not count, and whatever still grows with the work does.
 */
export function growthPer100kTurns<T extends { turns: number; atMs: number }>(samples: readonly T[], value: (s: T) => number): { mb: number; stderr: number } {
  const end = samples.at(-1)?.atMs ?? 0;
  const { slope, stderr } = fitLine(samples.filter((s) => s.atMs >= end / 3).map((s) => ({ x: s.turns, y: value(s) })));
  return { mb: slope * 100_000, stderr: stderr * 100_000 };
}
