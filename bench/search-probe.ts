/**
 * Re-measures enterprise search on a database an earlier `npm run bench` filled (it stays filled),
 * without rebuilding it: the same sampled queries as the bench's search scenarios, p95 per shape.
 * Prints only; bench/results and docs/performance.md are left alone.
 *
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/search-probe.ts [--size large]
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openPostgres } from "../server/db/client.js";
import type { Size } from "./bench.lib.js";
import { benchCtx, searchScenarios } from "./scenarios/enterprises.bench.js";

const { values } = parseArgs({ options: { size: { type: "string", default: "large" } } });
const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  console.error("BENCH_DATABASE_URL: a database filled by npm run bench -- --backend postgres");
  process.exit(2);
}
const database = await openPostgres(url);
const rows = (await database.db.execute(sql`select count(*)::int as n from enterprise`)) as unknown as {
  rows: { n: number }[];
};
const total = rows.rows[0]?.n ?? 0;
if (total === 0) {
  console.error("no firms in this database: run npm run bench -- --backend postgres first");
  process.exit(2);
}
const records = await searchScenarios(
  database,
  await benchCtx(database),
  values.size as Size,
  "postgres",
  total,
);
await database.close();
for (const r of records)
  console.log(
    `${r.scenario.padEnd(36)} ${String(r.value).padStart(8)} ${r.unit}  ${r.metric}  ${r.pass === false ? "over budget" : ""}`,
  );
