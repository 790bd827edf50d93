import type { ChildProcess } from 'node:child_process';

/** Counts of what a bot process wrote that a drill cares about, line by line, across restarts. */
export interface OutputCounts {
  unhandled_rejections: number;
  turn_errors: number;
  /** Actions answered "temporarily unavailable" although the store was up: an exception in a handler. */
  internal_errors: number;
  outbound_refused: number;
}

const RULES: [keyof OutputCounts, RegExp][] = [
  ['unhandled_rejections', /unhandledRejection|Unhandled/],
  ['turn_errors', /"evt":"turn_error"/],
  ['internal_errors', /"code":"store_unavailable"/],
  ['outbound_refused', /bench-loopback-guard: refused/],
];

export function watchOutput(): { counts: OutputCounts; tail(): string; attach(child: ChildProcess): void } {
  const counts: OutputCounts = { unhandled_rejections: 0, turn_errors: 0, internal_errors: 0, outbound_refused: 0 };
  let tail = '';
  const line = (l: string) => {
    for (const [name, re] of RULES) if (re.test(l)) counts[name] += 1;
  };
  return {
    counts,
    tail: () => tail,
    attach(child) {
      for (const stream of [child.stdout, child.stderr]) {
        let rest = '';
        stream?.on('data', (d: Buffer) => {
          const text = rest + d.toString();
          tail = (tail + d.toString()).slice(-4000);
          const lines = text.split('\n');
          rest = lines.pop() ?? '';
          lines.forEach(line);
        });
        stream?.on('end', () => { if (rest) line(rest); });
      }
    },
  };
}
