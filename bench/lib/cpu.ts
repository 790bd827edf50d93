import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second, the unit of /proc/<pid>/stat's CPU times. */
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** ppid, user and system ticks of a process, or undefined once it is gone. */
function stat(pid: number): { ppid: number; ticks: number } | undefined {
  try {
    // The command name (field 2) may hold spaces and parentheses: the fields that matter follow its closing ')'.
    const after = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)!.split(' ');
    return { ppid: Number(after[1]), ticks: Number(after[11]) + Number(after[12]) };
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds (user + system) used so far by a process and its live children: a cluster's primary and its
 * workers. Read before and after a load, it gives what the bot processes spent on it, whatever shares the cores.
 */
export function cpuSeconds(pid: number): number {
  let ticks = stat(pid)?.ticks ?? 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(Number(entry));
    if (s?.ppid === pid) ticks += s.ticks;
  }
  return ticks / TICKS;
}
