/** A span of time in UTC milliseconds, start inclusive and end exclusive. */
export interface Interval {
  start: number;
  end: number;
}

/** True when the two spans share any time once each is widened by `gapMs` (the buffer between consultations). */
export const overlaps = (a: Interval, b: Interval, gapMs = 0): boolean => a.start < b.end + gapMs && b.start < a.end + gapMs;

/** What is left of `spans` once every `holes` span is cut out. */
export function subtract(spans: readonly Interval[], holes: readonly Interval[]): Interval[] {
  let rest = [...spans];
  for (const hole of holes) {
    rest = rest.flatMap((s) => {
      if (!overlaps(s, hole)) return [s];
      const parts: Interval[] = [];
      if (s.start < hole.start) parts.push({ start: s.start, end: hole.start });
      if (hole.end < s.end) parts.push({ start: hole.end, end: s.end });
      return parts;
    });
  }
  return rest;
}

export const toInterval = (span: { start: string; end: string }): Interval => ({ start: Date.parse(span.start), end: Date.parse(span.end) });

/** The same time as `spans`, with overlapping or touching spans joined, in order. */
export function merge(spans: readonly Interval[]): Interval[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
