/**
 * Samples a process's resident memory and CPU time from /proc while it runs, for the hostile-input suite's
 * budgets ("stays under 400 MB resident"). Linux only, like the lab.
 */
import { readFileSync } from 'node:fs';

export interface ProcStats {
  peakRssMb: number;
  lastRssMb: number;
  cpuSeconds: number;
  samples: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function sample(pid: number): { rssMb: number; cpu: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpu = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    return { rssMb: rssKb / 1024, cpu };
  } catch {
    return null; // the process has exited
  }
}

/** Polls every `everyMs` until stop(); a process that exits keeps its last sample. */
export function watchProcess(pid: number, everyMs = 100): { stop(): ProcStats; now(): ProcStats } {
  const stats: ProcStats = { peakRssMb: 0, lastRssMb: 0, cpuSeconds: 0, samples: 0 };
  const take = () => {
    const s = sample(pid);
    if (!s) return;
    stats.samples++;
    stats.lastRssMb = s.rssMb;
    stats.peakRssMb = Math.max(stats.peakRssMb, s.rssMb);
    stats.cpuSeconds = s.cpu;
  };
  take();
  const timer = setInterval(take, everyMs);
  const round = (): ProcStats => ({
    peakRssMb: Math.round(stats.peakRssMb),
    lastRssMb: Math.round(stats.lastRssMb),
    cpuSeconds: Math.round(stats.cpuSeconds * 10) / 10,
    samples: stats.samples,
  });
  return {
    now: () => (take(), round()),
    stop: () => {
      take();
      clearInterval(timer);
      return round();
    },
  };
}
