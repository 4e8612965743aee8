/**
 * The soak: a long run at 64 connections over a mix of pages, the server's resident memory
 * sampled every few seconds, to show whether memory settles or keeps growing.
 */
import { runLoad } from './load-runner.js';
import { soakGrowth, type SoakResult } from './matrix-report.js';
import { residentMemory } from './process-usage.js';

export const SOAK_CONNECTIONS = 64;
export const SOAK_SAMPLE_SECONDS = 5;

export interface SoakPlan {
  origin: string;
  pid: number | undefined;
  paths: string[];
  seconds: number;
  warmupSeconds: number;
}

type Measured = Omit<SoakResult, 'size' | 'engine' | 'cache'>;

export async function runSoak(root: string, plan: SoakPlan): Promise<Measured> {
  const { pid } = plan;
  if (pid === undefined) throw new Error('the soak needs the server process id');
  const options = { url: `${plan.origin}/`, connections: SOAK_CONNECTIONS, paths: plan.paths };
  const beforeLoad = (await residentMemory(pid)).rssMb;
  if (plan.warmupSeconds > 0) await runLoad(root, { ...options, seconds: plan.warmupSeconds });
  const samples: { atSeconds: number; rssMb: number }[] = [];
  const started = Date.now();
  const sample = () =>
    residentMemory(pid)
      .then(({ rssMb }) => {
        samples.push({ atSeconds: Math.round((Date.now() - started) / 1000), rssMb });
      })
      .catch(() => undefined);
  const timer = setInterval(() => void sample(), SOAK_SAMPLE_SECONDS * 1000);
  let load;
  try {
    load = await runLoad(root, { ...options, seconds: plan.seconds });
  } finally {
    clearInterval(timer);
  }
  // The end of the load, so a soak shorter than one interval still has a sample.
  await sample();
  const growth = soakGrowth(samples);
  return {
    connections: SOAK_CONNECTIONS,
    seconds: plan.seconds,
    paths: plan.paths,
    requestsPerSecond: Math.round(load.requestsPerSecond * 10) / 10,
    latencyP99Ms: load.latencyP99Ms,
    non2xx: load.non2xx,
    errors: load.errors,
    sampleEverySeconds: SOAK_SAMPLE_SECONDS,
    rssMb: { beforeLoad, start: growth.start, peak: growth.peak, end: growth.end },
    growthPercent: growth.growthPercent,
    samples,
  };
}
