/**
 * What a server process uses, read from Linux's /proc: CPU time of all its threads (libvips'
 * included) and resident memory. The bench reads the server's, not its own.
 */
import { readFile } from 'node:fs/promises';

/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every common architecture. */
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds of every thread of the process so far. */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / TICKS_PER_SECOND;
}

/** Resident memory now (VmRSS) and its high-water mark (VmHWM), in MB. */
export async function residentMemory(pid: number): Promise<{ rssMb: number; peakMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kilobytes = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;
  return { rssMb: mb(kilobytes('VmRSS')), peakMb: mb(kilobytes('VmHWM')) };
}

/** Samples resident memory every `everyMs` until stopped; gives the highest value seen. */
export function sampleMemory(pid: number, everyMs = 100) {
  let highest = 0;
  const look = () =>
    residentMemory(pid)
      .then(({ rssMb }) => {
        highest = Math.max(highest, rssMb);
      })
      .catch(() => undefined);
  void look();
  const timer = setInterval(() => void look(), everyMs);
  return {
    async stop(): Promise<number> {
      clearInterval(timer);
      await look();
      return highest;
    },
  };
}

/**
 * Waits until the process has used under a tenth of a core for a quarter second, or `limitMs`
 * passed; gives the milliseconds waited. A load run that stops abandons the requests in flight,
 * but the server still answers them: at 1M a slow page (the sitemap) leaves minutes of work
 * that would otherwise be charged to the next run.
 */
export async function waitUntilIdle(pid: number, limitMs = 120_000): Promise<number> {
  const started = Date.now();
  const everyMs = 250;
  let before = await cpuSeconds(pid);
  while (Date.now() - started < limitMs) {
    await new Promise((resolve) => setTimeout(resolve, everyMs));
    const now = await cpuSeconds(pid);
    if (now - before < (everyMs / 1000) * 0.1) break;
    before = now;
  }
  return Date.now() - started;
}
