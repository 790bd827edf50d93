import { readFileSync } from 'node:fs';

/** One look at a process's memory: its RSS as it runs, then its heap and RSS after a full garbage collection. */
export interface MemorySample {
  /** V8 heap in use after the collection, MB: what the process still holds on to. */
  heapMb: number;
  /** Resident set size (VmRSS) after the collection, MB: memory the process keeps, whatever its young generation's size just then. */
  rssMb: number;
  /** VmRSS just before the collection, MB: what the operating system sees of the process as it runs. */
  runningRssMb: number;
}

export interface MemoryProbe {
  sample(): Promise<MemorySample>;
  close(): void;
}

/** VmRSS of a process, in MB (0 once it has gone). */
export function rssMb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Node's flag that opens the inspector on a loopback port, for `probeMemory`. */
export const inspectFlag = (port: number) => `--inspect=127.0.0.1:${port}`;

/**
 * Reads a Node process's heap through its inspector (opened with `inspectFlag`, loopback only): a full
 * collection first (HeapProfiler.collectGarbage), then the heap in use (Runtime.getHeapUsage). The bot
 * needs no code of its own for this, and nothing is exposed unless the drill starts it so. No heap
 * snapshot is taken: a snapshot of a large heap costs seconds and memory of its own.
 */
export async function probeMemory(inspectorPort: number, pid: number): Promise<MemoryProbe> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const ws = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve(), { once: true });
    ws.addEventListener('error', () => reject(new Error('inspector: could not connect')), { once: true });
  });
  let next = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  ws.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
    const call = message.id === undefined ? undefined : waiting.get(message.id);
    if (!call) return;
    waiting.delete(message.id!);
    if (message.error) call.reject(new Error(`inspector: ${message.error.message}`));
    else call.resolve(message.result);
  });
  const call = <T>(method: string): Promise<T> => new Promise<T>((resolve, reject) => {
    next += 1;
    waiting.set(next, { resolve: resolve as (v: unknown) => void, reject });
    ws.send(JSON.stringify({ id: next, method }));
  });
  return {
    async sample() {
      const running = rssMb(pid);
      await call('HeapProfiler.collectGarbage');
      const { usedSize } = await call<{ usedSize: number }>('Runtime.getHeapUsage');
      return { heapMb: usedSize / 1_048_576, rssMb: rssMb(pid), runningRssMb: running };
    },
    close: () => ws.close(),
  };
}
