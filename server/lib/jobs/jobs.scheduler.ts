import type { FastifyInstance } from "fastify";
import { jobDefs } from "./jobs.registry.js";
import { type JobDeps, runJob } from "./jobs.service.js";

const TICK_MS = 30_000;

export interface Scheduler {
  /** stops ticking and waits for runs in progress */
  stop: () => Promise<void>;
}

/**
 * Starts the in-process scheduler: every 30 s each registered job that is due runs (each
 * instance ticks; the advisory lock and the due check under it let one of them run the job).
 * Started from the server's start path only; tests call runJob directly.
 */
export function startScheduler(target: FastifyInstance | JobDeps, tickMs = TICK_MS): Scheduler {
  const deps = "database" in target ? target : target.jobDeps;
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    for (const def of jobDefs()) {
      const p = runJob(deps, def.name, { ifDue: true })
        .catch((err: unknown) => deps.log?.error({ err, job: def.name }, "scheduler could not run job"))
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
  };
  const first = setTimeout(tick, Math.min(5_000, tickMs));
  const timer = setInterval(tick, tickMs);
  first.unref();
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await Promise.allSettled([...inFlight]);
    },
  };
}
