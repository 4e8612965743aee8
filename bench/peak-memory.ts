/**
 * Loaded with `node --import` into a process the bench measures: on exit it writes the
 * process's peak resident memory (kilobytes) to BENCH_PEAK_FILE.
 */
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.BENCH_PEAK_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
