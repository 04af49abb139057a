import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { migrate, openPglite, openPostgres } from "../server/db/client.js";
import { ensureRegions } from "../server/modules/org/regions.reference.js";
import { type BackendName, type BenchRecord, record, type Size, writeResults } from "./bench.lib.js";
import { bulletinScenarios } from "./scenarios/bulletins.bench.js";
import { chainsScenarios } from "./scenarios/chains.bench.js";
import { cockpitScenarios } from "./scenarios/cockpit.bench.js";
import { enterpriseScenarios } from "./scenarios/enterprises.bench.js";
import { evaluationScenarios } from "./scenarios/evaluation.bench.js";
import { foundationScenarios } from "./scenarios/foundation.bench.js";
import { fundsScenarios } from "./scenarios/funds.bench.js";
import { kpiScenarios } from "./scenarios/kpi.bench.js";
import { projectScenarios } from "./scenarios/projects.bench.js";
import { serviceScenarios } from "./scenarios/service.bench.js";
import { sitesScenarios } from "./scenarios/sites.bench.js";
import { talentScenarios } from "./scenarios/talent.bench.js";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "small" },
    backend: { type: "string", default: "pglite" },
    only: { type: "string" },
    /**
     * PGlite's data directory, as the product runs it (on disk); without it PGlite is in memory,
     * which holds the whole database in the process (a 1M-firm registry outgrew 24 GB).
     */
    "pglite-dir": { type: "string" },
    /** print the figures only: bench/results and docs/performance.md are left as they are */
    "no-results": { type: "boolean", default: false },
  },
});
const size = values.size as Size;
const backend = values.backend as BackendName;
if (!["small", "medium", "large"].includes(size) || !["pglite", "postgres"].includes(backend)) {
  console.error(
    "用法: npm run bench -- --size small|medium|large --backend pglite|postgres [--pglite-dir DIR] [--only a.b,c.d]",
  );
  process.exit(2);
}
const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (backend === "postgres" && !url) {
  console.error("PostgreSQL 基准需要 BENCH_DATABASE_URL (an empty database it may fill)");
  process.exit(2);
}

const pgliteDir = values["pglite-dir"];
if (pgliteDir && fs.existsSync(pgliteDir) && fs.readdirSync(pgliteDir).length) {
  console.error(`--pglite-dir ${pgliteDir} 不是空目录 (must be empty or absent)`);
  process.exit(2);
}
const database = backend === "pglite" ? await openPglite(pgliteDir) : await openPostgres(url!);
if (backend === "postgres") {
  await database.db.execute(
    sql.raw(
      "drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public",
    ),
  );
}
await migrate(database);
await ensureRegions(database.db);
const only = values.only?.split(",");
/** Each module's scenarios; --only runs the modules named (by scenario prefix). */
const modules: [string, () => Promise<BenchRecord[]>][] = [
  ["org.,audit.", () => foundationScenarios(database, size, backend)],
  ["enterprises.", () => enterpriseScenarios(database, size, backend, url)],
  ["projects.", () => projectScenarios(database, size, backend)],
  ["service.", () => serviceScenarios(database, size, backend)],
  ["sites.", () => sitesScenarios(database, size, backend)],
  ["chains.", () => chainsScenarios(database, size, backend)],
  ["evaluation.", () => evaluationScenarios(database, size, backend)],
  ["kpi.", () => kpiScenarios(database, size, backend)],
  ["kpi.cockpit", () => cockpitScenarios(database, size, backend)],
  ["kpi.bulletin", () => bulletinScenarios(database, size, backend)],
  ["talent.", () => talentScenarios(database, size, backend)],
  ["funds.", () => fundsScenarios(database, size, backend)],
];
/** A time stamp with the load average, so a long run's log tells what the cores were doing. */
const stamp = (what: string) =>
  console.log(
    `[bench ${new Date().toISOString().slice(11, 19)}] ${what} (load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")})`,
  );
const loadTimer = setInterval(() => stamp("running"), 180_000);
loadTimer.unref();
const runStart = performance.now();
let records: BenchRecord[] = [];
const failed: string[] = [];
for (const [prefixes, run] of modules) {
  const wanted =
    !only || only.some((o) => prefixes.split(",").some((p) => o.startsWith(p) || p.startsWith(o)));
  if (!wanted) continue;
  stamp(`${prefixes} start`);
  const t0 = performance.now();
  try {
    records.push(...(await run()));
    stamp(`${prefixes} done in ${Math.round((performance.now() - t0) / 1000)} s`);
  } catch (e) {
    // One module's failure keeps the others' figures; the run still exits non-zero.
    failed.push(prefixes);
    stamp(`${prefixes} FAILED after ${Math.round((performance.now() - t0) / 1000)} s`);
    console.error(e instanceof Error ? (e.stack ?? e.message).slice(0, 4000) : e);
  }
}
clearInterval(loadTimer);
if (only) records = records.filter((r) => only.some((o) => r.scenario.startsWith(o)));
await database.close();
// The run's own figures go into the table for whole runs only (a partial run would replace them).
const own = runRecords(performance.now() - runStart);
if (only) for (const r of own) console.log(`${r.scenario} ${r.value} ${r.unit} (${r.metric}; not recorded)`);
else records.push(...own);
for (const r of records) {
  console.log(
    `${r.scenario.padEnd(26)} ${String(r.value).padStart(10)} ${r.unit.padEnd(4)} ref ${r.reference_value} (${r.reference}) ratio ${r.ratio}`,
  );
}
if (!values["no-results"]) writeResults(records);
if (failed.length) {
  console.error(`基准模块失败: ${failed.join(" ")}`);
  process.exitCode = 1;
}

/**
 * The whole run's wall time and the bench process's peak RSS: the services (and PGlite) run in
 * this process, so that is the server's memory under the run.
 */
function runRecords(wallMs: number): BenchRecord[] {
  const status = fs.existsSync("/proc/self/status") ? fs.readFileSync("/proc/self/status", "utf8") : "";
  const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? process.resourceUsage().maxRSS);
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  const scope = only ? `modules ${only.join(",")}` : "every module";
  return [
    record({
      scenario: "bench.peak_rss",
      backend,
      size,
      metric: `peak RSS of the bench process (services${backend === "pglite" ? " and PGlite" : ""} in-process), ${scope}`,
      value: hwmKb / 1024,
      unit: "MB",
      reference: "RSS at the end of the run",
      reference_value: rssMb,
    }),
    record({
      scenario: "bench.wall_time",
      backend,
      size,
      metric: `wall time of the run, ${scope} (generation included)`,
      value: wallMs / 60_000,
      unit: "min",
      reference: "—",
      reference_value: wallMs / 60_000,
    }),
  ];
}
