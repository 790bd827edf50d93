/** Things to stop when a drill ends, in reverse order of starting, however it ends. */
export function cleanupStack(): { defer(stop: () => Promise<unknown>): void; close(): Promise<void> } {
  const stops: (() => Promise<unknown>)[] = [];
  return {
    defer: (stop) => { stops.push(stop); },
    async close() {
      while (stops.length > 0) await stops.pop()!().catch(() => undefined);
    },
  };
}
