import type { Config } from "../../config.js";
import type { Ctx } from "../context.js";

/** What a job run receives: a system context (the clock is the app's) plus the configuration. */
export interface JobCtx extends Ctx {
  config: Config;
}

export interface JobDef {
  /** dotted, e.g. "notify.deliver" */
  name: string;
  /** Chinese name for the admin page */
  title?: string;
  everyMinutes?: number;
  /** "HH:MM", China time (Asia/Shanghai, UTC+8 all year) */
  dailyAt?: string;
  /** must be idempotent: a run may repeat after a crash or on another instance */
  run: (ctx: JobCtx) => Promise<{ summary: string }>;
}

const registry = new Map<string, JobDef>();

/**
 * Adds a job the scheduler runs. Registering a name again replaces it, so building the app
 * twice in one process (tests) keeps one definition.
 */
export function registerJob(def: JobDef): void {
  if (!def.everyMinutes === !def.dailyAt) {
    throw new Error(`job ${def.name}: give exactly one of everyMinutes or dailyAt`);
  }
  if (def.everyMinutes !== undefined && !(Number.isInteger(def.everyMinutes) && def.everyMinutes > 0)) {
    throw new Error(`job ${def.name}: everyMinutes must be a positive integer`);
  }
  if (def.dailyAt !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(def.dailyAt)) {
    throw new Error(`job ${def.name}: dailyAt must be HH:MM`);
  }
  registry.set(def.name, def);
}

export const jobDef = (name: string): JobDef | undefined => registry.get(name);

export const jobDefs = (): JobDef[] => [...registry.values()].sort((a, b) => a.name.localeCompare(b.name));

export const scheduleText = (def: JobDef): string =>
  def.everyMinutes ? `每 ${def.everyMinutes} 分钟` : `每天 ${def.dailyAt}`;

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The moment of HH:MM China time on the China day of `at`. */
export function dailySlot(dailyAt: string, at: Date): Date {
  const china = new Date(at.getTime() + CHINA_OFFSET_MS);
  const [hh, mm] = dailyAt.split(":").map(Number) as [number, number];
  const local = Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate(), hh, mm);
  return new Date(local - CHINA_OFFSET_MS);
}

/** The scheduler ticks every 30 s: a run started a few seconds early still counts as on time. */
const SLACK_MS = 5_000;
/** A daily job that failed is tried again after this long, not on every tick. */
export const DAILY_RETRY_MS = 10 * 60_000;

export interface LastRuns {
  /** the newest run, ok or failed */
  latest: Date | null;
  /** the newest successful run */
  ok: Date | null;
}

export function isDue(def: JobDef, last: LastRuns, now: Date): boolean {
  if (def.everyMinutes) {
    return !last.latest || now.getTime() - last.latest.getTime() >= def.everyMinutes * 60_000 - SLACK_MS;
  }
  const slot = dailySlot(def.dailyAt!, now);
  if (now < slot) return false;
  if (last.ok && last.ok >= slot) return false;
  return !last.latest || last.latest < slot || now.getTime() - last.latest.getTime() >= DAILY_RETRY_MS;
}

/** When the scheduler will next start the job (for the admin page). */
export function nextRunAt(def: JobDef, last: LastRuns, now: Date): Date {
  if (def.everyMinutes) {
    if (!last.latest) return now;
    const next = new Date(last.latest.getTime() + def.everyMinutes * 60_000);
    return next < now ? now : next;
  }
  if (isDue(def, last, now)) return now;
  const slot = dailySlot(def.dailyAt!, now);
  if (now < slot) return slot;
  if (last.ok && last.ok >= slot) return new Date(slot.getTime() + 24 * 3600_000);
  return new Date(last.latest!.getTime() + DAILY_RETRY_MS);
}
