import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import pino from "pino";
import type { JobRunResult, JobView } from "../../../common/jobs.schema.js";
import type { Config } from "../../config.js";
import type { Database, Db } from "../../db/client.js";
import { audit } from "../audit/audit.service.js";
import { type Actor, type ActorCtx, inTx } from "../context.js";
import { AppError } from "../errors.js";
import { newId } from "../ids.js";
import { requirePermission } from "../policy.js";
import { lockKey, withAdvisoryLock } from "./jobs.lock.js";
import * as q from "./jobs.queries.js";
import {
  isDue,
  type JobCtx,
  type JobDef,
  jobDef,
  jobDefs,
  nextRunAt,
  scheduleText,
} from "./jobs.registry.js";

/** What running a job needs; buildApp hangs one on the app, tests may pass their own clock. */
export interface JobDeps {
  database: Database;
  config: Config;
  secret: string;
  now?: () => Date;
  log?: FastifyBaseLogger;
}

declare module "fastify" {
  interface FastifyInstance {
    jobDeps: JobDeps;
  }
}

export interface RunOptions {
  /** overrides the deps' clock for this run */
  now?: () => Date;
  /** who started it by hand */
  actor?: Actor | null;
  /** the scheduler's call: run only if the job is due (checked under the lock) */
  ifDue?: boolean;
}

const depsOf = (target: FastifyInstance | JobDeps): JobDeps =>
  "database" in target ? target : target.jobDeps;

/** Names running in this process, per database: PGlite's one session re-enters its own advisory locks. */
const runningByDb = new WeakMap<Db, Set<string>>();
const runningSet = (db: Db) => {
  let set = runningByDb.get(db);
  if (!set) {
    set = new Set();
    runningByDb.set(db, set);
  }
  return set;
};

const skipped: JobRunResult = { status: "skipped", runId: null, summary: null, error: null };
const RETENTION_MS = 30 * 24 * 3600_000;

/**
 * Runs a registered job once, now: skipped when this process or another instance is running it
 * (a PostgreSQL advisory lock keyed by the name). The run is recorded in job_run; a job's error is
 * recorded as a failed run, not thrown.
 */
export async function runJob(
  target: FastifyInstance | JobDeps,
  name: string,
  opts: RunOptions = {},
): Promise<JobRunResult> {
  const deps = depsOf(target);
  const def = jobDef(name);
  if (!def)
    throw new AppError("NOT_FOUND", { zh: `没有名为 ${name} 的定时任务`, en: `No job named ${name}` });
  const db = deps.database.db;
  const running = runningSet(db);
  if (running.has(name)) return skipped;
  running.add(name);
  try {
    const result = await withAdvisoryLock(db, lockKey(name), () => execute(deps, def, opts));
    return result ?? skipped;
  } finally {
    running.delete(name);
  }
}

async function execute(deps: JobDeps, def: JobDef, opts: RunOptions): Promise<JobRunResult> {
  const db = deps.database.db;
  const now = opts.now ?? deps.now ?? (() => new Date());
  if (opts.ifDue && !isDue(def, await q.lastRuns(db, def.name), now())) return skipped;
  const runId = newId();
  const log = (deps.log ?? pino({ level: "silent" })).child({ job: def.name, runId });
  const ctx: JobCtx = {
    db,
    actor: opts.actor ?? null,
    lang: "zh-CN",
    now,
    log,
    requestId: `job:${def.name}:${runId}`,
    secret: deps.secret,
    config: deps.config,
  };
  const startedAt = now();
  let summary: string | null = null;
  let error: string | null = null;
  try {
    summary = (await def.run(ctx)).summary;
  } catch (err) {
    error = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
    log.error({ err }, "job failed");
  }
  const status = error === null ? "ok" : "failed";
  // Recorded before the lock is let go, so an instance that takes it next sees this run.
  await q.insertRun(db, {
    id: runId,
    name: def.name,
    startedAt,
    finishedAt: now(),
    status,
    summary,
    error,
    actorId: opts.actor?.id ?? null,
  });
  await q.pruneRuns(db, def.name, new Date(startedAt.getTime() - RETENTION_MS));
  return { status, runId, summary, error };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Every registered job with its schedule and last run (admin). */
export async function listJobs(ctx: ActorCtx): Promise<JobView[]> {
  requirePermission(ctx.actor.permissions, "settings.manage");
  const running = runningSet(ctx.db as Db);
  const now = ctx.now();
  const out: JobView[] = [];
  for (const def of jobDefs()) {
    const last = await q.lastRun(ctx.db, def.name);
    const lastRuns = await q.lastRuns(ctx.db, def.name);
    out.push({
      name: def.name,
      title: def.title ?? def.name,
      everyMinutes: def.everyMinutes ?? null,
      dailyAt: def.dailyAt ?? null,
      schedule: scheduleText(def),
      running: running.has(def.name),
      lastRun: last
        ? {
            id: last.id,
            name: last.name,
            startedAt: last.startedAt.toISOString(),
            finishedAt: iso(last.finishedAt),
            status: last.status as "ok" | "failed",
            summary: last.summary,
            error: last.error,
          }
        : null,
      nextRunAt: iso(nextRunAt(def, lastRuns, now)),
    });
  }
  return out;
}

/** An admin starts a job by hand; 409 while it is running anywhere. */
export async function runJobByHand(ctx: ActorCtx, target: FastifyInstance, name: string) {
  requirePermission(ctx.actor.permissions, "settings.manage");
  const def = jobDef(name);
  if (!def)
    throw new AppError("NOT_FOUND", { zh: `没有名为 ${name} 的定时任务`, en: `No job named ${name}` });
  const result = await runJob(target, name, { actor: ctx.actor, now: ctx.now });
  if (result.status === "skipped") {
    throw new AppError("CONFLICT", {
      zh: "该任务正在运行，请稍后再试",
      en: "The job is running; try again later",
    });
  }
  await inTx(ctx, (tx) =>
    audit(tx, {
      action: "job_run",
      subjectType: "setting",
      regionId: null,
      meta: { label: def.title ?? def.name, job: name, status: result.status, summary: result.summary },
    }),
  );
  return result;
}
