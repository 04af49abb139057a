import fs from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import pino from "pino";
import type { DbOrTx } from "../server/db/client.js";
import type { Actor, ActorCtx } from "../server/lib/context.js";
import { permissions } from "../server/lib/policy.js";

export type Size = "small" | "medium" | "large";
export type BackendName = "pglite" | "postgres";

export interface BenchRecord {
  scenario: string;
  backend: BackendName;
  size: Size;
  metric: string;
  value: number;
  unit: string;
  reference: string;
  reference_value: number;
  ratio: number;
  budget: string | null;
  pass: boolean | null;
}

/** Median of repeated runs after warm-up, in milliseconds. */
export async function timeMs(
  fn: () => Promise<unknown>,
  opts: { warmup?: number; repeats?: number } = {},
): Promise<number> {
  for (let i = 0; i < (opts.warmup ?? 1); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < (opts.repeats ?? 5); i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** ratio = how many times slower than the reference (for rates: reference ÷ value). */
export function record(
  r: Omit<BenchRecord, "ratio" | "pass" | "budget"> & {
    budget?: { max: number; label: string };
    rate?: boolean;
  },
): BenchRecord {
  const { rate, ...rest } = r;
  const ratio = rate ? r.reference_value / r.value : r.value / r.reference_value;
  return {
    ...rest,
    value: round(r.value),
    reference_value: round(r.reference_value),
    ratio: round(ratio),
    budget: r.budget?.label ?? null,
    pass: r.budget ? (rate ? r.value >= r.budget.max : r.value <= r.budget.max) : null,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

const root = fileURLToPath(new URL("..", import.meta.url));

/** Writes latest.json and refreshes the table between the markers in docs/performance.md. */
export function writeResults(fresh: BenchRecord[]) {
  const latest = `${root}/bench/results/latest.json`;
  const key = (r: BenchRecord) => `${r.scenario}|${r.backend}|${r.size}`;
  const previous: BenchRecord[] = fs.existsSync(latest)
    ? (JSON.parse(fs.readFileSync(latest, "utf8")) as { records: BenchRecord[] }).records
    : [];
  const seen = new Set(fresh.map(key));
  // Other backends and sizes keep their last figures; this run replaces its own.
  const records = [...previous.filter((r) => !seen.has(key(r))), ...fresh].sort((a, b) =>
    key(a).localeCompare(key(b)),
  );
  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${os.platform()}`;
  fs.mkdirSync(`${root}/bench/results`, { recursive: true });
  fs.writeFileSync(latest, JSON.stringify({ at: new Date().toISOString(), machine, records }, null, 2));
  const header =
    "| scenario | backend | size | metric | value | reference | ref. value | ratio | budget | pass |\n|---|---|---|---|---|---|---|---|---|---|";
  const rows = records.map(
    (r) =>
      `| ${r.scenario} | ${r.backend} | ${r.size} | ${r.metric} | ${r.value} ${r.unit} | ${r.reference} | ${r.reference_value} ${r.unit} | ${r.ratio} | ${r.budget ?? "—"} | ${r.pass === null ? "—" : r.pass ? "yes" : "NO"} |`,
  );
  const table = `<!-- bench:start -->\nMeasured ${new Date().toISOString().slice(0, 16)} on ${machine}.\n\n${header}\n${rows.join("\n")}\n<!-- bench:end -->`;
  const file = `${root}/docs/performance.md`;
  const doc = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const next = doc.includes("<!-- bench:start -->")
    ? doc.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, table)
    : `${doc}\n${table}\n`;
  fs.writeFileSync(file, next);
}

/** The 95th percentile of some timings. */
export const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

/**
 * After a scenario's bulk load: statistics and the visibility map, as autovacuum leaves a running
 * database (without the map, index-only reads fetch every row from the table).
 */
export const settle = (db: DbOrTx, table?: string) =>
  db.execute(sql.raw(`vacuum analyze${table ? ` ${table}` : ""}`));

/** One run's time in milliseconds. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Hands rows to `write` in batches (generated data, written through an INSERT each). */
export async function insertBatched<T>(
  rows: Iterable<T>,
  write: (batch: T[]) => Promise<unknown>,
  size = 4_000,
): Promise<void> {
  let batch: T[] = [];
  for (const r of rows) {
    batch.push(r);
    if (batch.length === size) {
      await write(batch);
      batch = [];
    }
  }
  if (batch.length) await write(batch);
}

/**
 * A service context for a scenario: by default an admin over everything (the fields given
 * replace the defaults), a silent log, and the clock given.
 */
export function benchActorCtx(
  db: DbOrTx,
  actor: Partial<Actor> & { id: string },
  now: () => Date = () => new Date(),
): ActorCtx {
  return {
    db,
    actor: {
      username: "bench",
      name: "基准测试",
      roles: ["admin"],
      grants: [{ kind: "all", refId: null }],
      permissions: new Set(permissions),
      regionId: null,
      departmentId: null,
      ...actor,
    },
    lang: "zh-CN",
    now,
    log: pino({ level: "silent" }),
    requestId: "bench",
    secret: BENCH_SECRET,
  };
}

export const BENCH_SECRET = "bench-secret-bench-secret-bench-secret-00";

/** p95 of a call and of its reference, run `n` times interleaved after 3 warm-ups of each. */
export async function paired(
  n: number,
  run: (i: number) => Promise<unknown>,
  ref: (i: number) => Promise<unknown>,
): Promise<{ value: number; ref: number }> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < n + 3; i++) {
    const x = await timed(() => run(i));
    const y = await timed(() => ref(i));
    if (i >= 3) {
      a.push(x);
      b.push(y);
    }
  }
  return { value: p95(a), ref: p95(b) };
}
