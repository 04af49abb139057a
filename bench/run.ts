import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { migrate, openPglite, openPostgres } from "../server/db/client.js";
import { ensureRegions } from "../server/modules/org/regions.reference.js";
import { type BackendName, type BenchRecord, type Size, writeResults } from "./bench.lib.js";
import { bulletinScenarios } from "./scenarios/bulletins.bench.js";
import { chainsScenarios } from "./scenarios/chains.bench.js";
import { cockpitScenarios } from "./scenarios/cockpit.bench.js";
import { enterpriseScenarios } from "./scenarios/enterprises.bench.js";
import { evaluationScenarios } from "./scenarios/evaluation.bench.js";
import { foundationScenarios } from "./scenarios/foundation.bench.js";
import { kpiScenarios } from "./scenarios/kpi.bench.js";
import { projectScenarios } from "./scenarios/projects.bench.js";
import { serviceScenarios } from "./scenarios/service.bench.js";
import { sitesScenarios } from "./scenarios/sites.bench.js";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "small" },
    backend: { type: "string", default: "pglite" },
    only: { type: "string" },
  },
});
const size = values.size as Size;
const backend = values.backend as BackendName;
if (!["small", "medium", "large"].includes(size) || !["pglite", "postgres"].includes(backend)) {
  console.error(
    "用法: npm run bench -- --size small|medium|large --backend pglite|postgres [--only a.b,c.d]",
  );
  process.exit(2);
}
const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (backend === "postgres" && !url) {
  console.error("PostgreSQL 基准需要 BENCH_DATABASE_URL (an empty database it may fill)");
  process.exit(2);
}

const database = backend === "pglite" ? await openPglite(undefined) : await openPostgres(url!);
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
];
let records: BenchRecord[] = [];
for (const [prefixes, run] of modules) {
  const wanted =
    !only || only.some((o) => prefixes.split(",").some((p) => o.startsWith(p) || p.startsWith(o)));
  if (wanted) records.push(...(await run()));
}
if (only) records = records.filter((r) => only.some((o) => r.scenario.startsWith(o)));
await database.close();
for (const r of records) {
  console.log(
    `${r.scenario.padEnd(26)} ${String(r.value).padStart(10)} ${r.unit.padEnd(4)} ref ${r.reference_value} (${r.reference}) ratio ${r.ratio}`,
  );
}
writeResults(records);
