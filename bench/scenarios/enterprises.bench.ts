import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import pg from "pg";
import copyStreams from "pg-copy-streams";
import { enterpriseQuery } from "../../common/enterprise.schema.js";
import type { Database } from "../../server/db/client.js";
import type { ActorCtx } from "../../server/lib/context.js";
import { FileStore } from "../../server/lib/files/files.store.js";
import { newId } from "../../server/lib/ids.js";
import {
  commitImport,
  importJobOf,
  registerImport,
  startImport,
  validateImport,
} from "../../server/lib/importer/importer.service.js";
import { enterpriseYearImport } from "../../server/modules/enterprises/enterprise-years.import.js";
import { enterpriseImport } from "../../server/modules/enterprises/enterprises.import.js";
import { listEnterprises } from "../../server/modules/enterprises/enterprises.queries.js";
import { pinyinOf } from "../../server/modules/enterprises/enterprises.search.js";
import { park, region } from "../../server/modules/org/org.table.js";
import { users } from "../../server/modules/users/users.table.js";
import {
  type BackendName,
  type BenchRecord,
  benchActorCtx,
  p95,
  record,
  type Size,
  settle,
  timeMs,
} from "../bench.lib.js";
import {
  countiesFrom,
  ENTERPRISE_HEADER,
  type GenPark,
  generateFirms,
  generateYears,
  writeCsv,
  YEAR_HEADER,
} from "../generate/enterprises.gen.js";

const firmsBySize: Record<Size, number> = { small: 10_000, medium: 100_000, large: 1_000_000 };
const XLSX_ROWS = 100_000;
const regionsCsv = fileURLToPath(new URL("../../server/db/reference/regions.csv", import.meta.url));
type Rows<T> = { rows: T[] };

/** Enterprise import (CSV and xlsx, dry run and commit) against COPY, and search latency at size. */
export async function enterpriseScenarios(
  database: Database,
  size: Size,
  backend: BackendName,
  url?: string,
): Promise<BenchRecord[]> {
  const db = database.db;
  const out: BenchRecord[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zhaoyin-bench-"));
  const store = new FileStore(path.join(tmp, "files"));
  registerImport(enterpriseImport);
  registerImport(enterpriseYearImport);
  const ctx = await benchCtx(database);

  // 100 parks spread over the counties, so firms sit in parks and lists can filter by one.
  const counties = countiesFrom(fs.readFileSync(regionsCsv, "utf8"));
  const regionIds = new Map(
    (await db.select({ id: region.id, code: region.code }).from(region)).map((r) => [r.code, r.id]),
  );
  const parks: GenPark[] = Array.from({ length: 100 }, (_, i) => ({
    name: `企业基准园区${i + 1}`,
    countyCode: counties[(i * 29) % counties.length]!.code,
  }));
  await db.insert(park).values(
    parks.map((p) => ({
      id: newId(),
      regionId: regionIds.get(p.countyCode)!,
      name: p.name,
      kind: "industrial_park",
    })),
  );

  const n = firmsBySize[size];
  const firmsCsv = path.join(tmp, "firms.csv");
  await writeCsv(
    firmsCsv,
    ENTERPRISE_HEADER,
    (function* () {
      for (const f of generateFirms(n, counties, parks)) yield f.row;
    })(),
  );
  const csv = await runImport(ctx, store, "enterprise", firmsCsv, "text/csv");
  const copyMs = await firmsCopyReference(database, url, "true");
  const importRecord = (
    scenario: string,
    metric: string,
    value: number,
    reference: string,
    ref: number,
    budget?: number,
  ) =>
    record({
      scenario,
      backend,
      size,
      metric,
      value,
      unit: "ms",
      reference,
      reference_value: ref,
      budget: budget ? { max: budget, label: "≤ 2× reference" } : undefined,
    });
  out.push(
    importRecord(
      "enterprises.import_csv_commit",
      `commit of ${n} rows`,
      csv.commitMs,
      "COPY of the same final rows into the same indexed table",
      copyMs,
      2 * copyMs,
    ),
  );
  out.push(
    importRecord(
      "enterprises.import_csv_dry_run",
      `dry run of ${n} rows`,
      csv.dryMs,
      "COPY of the same final rows into the same indexed table",
      copyMs,
    ),
  );

  const yearsCsv = path.join(tmp, "years.csv");
  await writeCsv(yearsCsv, YEAR_HEADER, generateYears(generateFirms(n, counties, parks), 2025));
  const years = await runImport(ctx, store, "enterprise_year", yearsCsv, "text/csv");
  const yearsCopyMs = await copyReference(database, url, "enterprise_year", "enterprise_year_ref");
  out.push(
    importRecord(
      "enterprises.import_years_commit",
      `commit of ${n} yearly rows`,
      years.commitMs,
      "COPY of the same final rows into the same indexed table",
      yearsCopyMs,
      2 * yearsCopyMs,
    ),
  );

  // An xlsx of new firms: dry run against exceljs's bare streaming read, commit against COPY.
  const m = Math.min(n, XLSX_ROWS);
  const xlsxPath = path.join(tmp, "firms.xlsx");
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxPath, useSharedStrings: true });
  const sheet = writer.addWorksheet("企业名录");
  sheet.addRow(ENTERPRISE_HEADER).commit();
  for (const f of generateFirms(m, counties, parks, { seed: 99, firstSerial: n + 1 }))
    sheet.addRow(f.row).commit();
  await writer.commit();
  const bareMs = await timeMs(
    async () => {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(xlsxPath, {
        sharedStrings: "cache",
        styles: "cache",
        hyperlinks: "ignore",
        worksheets: "emit",
      });
      for await (const ws of reader)
        for await (const _row of ws) {
          // reading is the work
        }
    },
    { warmup: 0, repeats: 1 },
  );
  const xlsx = await runImport(
    ctx,
    store,
    "enterprise",
    xlsxPath,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  );
  const xlsxCopyMs = await firmsCopyReference(
    database,
    url,
    "created_at = (select max(created_at) from enterprise)",
  );
  out.push(
    importRecord(
      "enterprises.import_xlsx_dry_run",
      `dry run of ${m} rows`,
      xlsx.dryMs,
      "exceljs bare streaming read of the same file",
      bareMs,
      2 * bareMs,
    ),
  );
  out.push(
    importRecord(
      "enterprises.import_xlsx_commit",
      `commit of ${m} rows`,
      xlsx.commitMs,
      "COPY of the same final rows into the same indexed table",
      xlsxCopyMs,
      2 * xlsxCopyMs,
    ),
  );

  out.push(...(await searchScenarios(database, ctx, size, backend, n + m)));
  fs.rmSync(tmp, { recursive: true, force: true });
  return out;
}

export async function benchCtx(database: Database): Promise<ActorCtx> {
  const id = newId();
  await database.db
    .insert(users)
    .values({ id, username: `bench-${id.slice(-6)}`, name: "基准测试", email: `${id}@bench.local` });
  return benchActorCtx(database.db, { id });
}

async function waitFor(ctx: ActorCtx, id: string, busy: string) {
  for (;;) {
    const job = await importJobOf(ctx, id);
    if (job.status !== busy) {
      if (job.status === "failed" || job.status === "invalid")
        throw new Error(`import ${job.status}: ${job.message ?? JSON.stringify(job.errors.slice(0, 3))}`);
      return job;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Upload, dry run and commit through the app's importer; the two timed phases are returned. */
async function runImport(ctx: ActorCtx, store: FileStore, entity: string, file: string, type: string) {
  const job = await startImport(ctx, store, entity, {
    stream: fs.createReadStream(file),
    name: path.basename(file),
    claimedType: type,
  });
  const t0 = performance.now();
  await validateImport(ctx, store, job.id);
  await waitFor(ctx, job.id, "validating");
  const dryMs = performance.now() - t0;
  const t1 = performance.now();
  await commitImport(ctx, store, job.id);
  await waitFor(ctx, job.id, "committing");
  return { dryMs, commitMs: performance.now() - t1 };
}

/**
 * The reference for an import of firms: COPY of their final rows into enterprise and of their
 * pinyin rows into enterprise_pinyin, which the import fills through enterprise's triggers and
 * LIKE … INCLUDING ALL does not copy. `where` picks the firms.
 */
async function firmsCopyReference(database: Database, url: string | undefined, where: string) {
  const firms = await copyReference(database, url, "enterprise", "enterprise_ref", where);
  const pinyin = await copyReference(
    database,
    url,
    "enterprise_pinyin",
    "enterprise_pinyin_ref",
    `enterprise_id in (select id from enterprise where ${where})`,
  );
  return firms + pinyin;
}

/**
 * COPY the table's final rows out as CSV, then time COPY of them into an empty copy of the table
 * with all its indexes and foreign keys. LIKE … INCLUDING ALL copies no foreign key, and the
 * real table checks every written row against its own (enterprise_year.enterprise_id: 0.65 s of
 * a 100k-row yearly commit): without them the reference did less work than "the same indexed
 * table" it stands for.
 */
async function copyReference(
  database: Database,
  url: string | undefined,
  table: string,
  ref: string,
  where = "true",
): Promise<number> {
  const db = database.db;
  await db.execute(sql.raw(`drop table if exists ${ref}`));
  await db.execute(sql.raw(`create table ${ref} (like ${table} including all)`));
  const fks = (await db.execute(
    sql`select pg_get_constraintdef(oid) as def from pg_constraint
        where conrelid = ${table}::regclass and contype = 'f' order by conname`,
  )) as unknown as Rows<{ def: string }>;
  for (const fk of fks.rows) await db.execute(sql.raw(`alter table ${ref} add ${fk.def}`));
  if (database.pglite) {
    const res = await database.pglite.query(
      `copy (select * from ${table} where ${where}) to '/dev/blob' with (format csv)`,
    );
    const blob = res.blob!;
    const t0 = performance.now();
    await database.pglite.query(`copy ${ref} from '/dev/blob' with (format csv)`, [], { blob });
    const ms = performance.now() - t0;
    await db.execute(sql.raw(`drop table ${ref}`));
    return ms;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const file = path.join(os.tmpdir(), `${ref}-${process.pid}.csv`);
  await pipeline(
    client.query(copyStreams.to(`copy (select * from ${table} where ${where}) to stdout with (format csv)`)),
    fs.createWriteStream(file),
  );
  const t0 = performance.now();
  await pipeline(
    fs.createReadStream(file),
    client.query(copyStreams.from(`copy ${ref} from stdin with (format csv)`)),
  );
  const ms = performance.now() - t0;
  await client.query(`drop table ${ref}`);
  await client.end();
  fs.rmSync(file, { force: true });
  return ms;
}

/** Fragments sampled from real generated names, pinyin of them, USCC prefixes and filtered lists. */
export async function searchScenarios(
  database: Database,
  ctx: ActorCtx,
  size: Size,
  backend: BackendName,
  total: number,
): Promise<BenchRecord[]> {
  const db = database.db;
  await settle(db);
  const sample = (
    (await db.execute(
      sql`select id, uscc, name, name_initials from enterprise order by id limit 200 offset ${Math.floor(total / 3)}`,
    )) as unknown as Rows<{ id: string; uscc: string; name: string; name_initials: string }>
  ).rows;
  const brand = (name: string, len: number, i: number) => {
    const chars = [...name];
    const start = 2 + (i % Math.max(1, chars.length - 6 - len));
    return chars.slice(start, start + len).join("");
  };
  const parkRow = (await db.select({ id: park.id }).from(park).where(eq(park.name, "企业基准园区1")))[0]!;
  const shapes: Record<string, { q?: string; parkId?: string; label?: string; sizeClass?: string }[]> = {
    "2 characters": sample.slice(0, 50).map((s, i) => ({ q: brand(s.name, 2, i) })),
    "3 characters": sample.slice(50, 100).map((s, i) => ({ q: brand(s.name, 3, i) })),
    "4 characters": sample.slice(100, 150).map((s, i) => ({ q: brand(s.name, 4, i) })),
    "pinyin initials": sample
      .slice(0, 50)
      .map((s, i) => ({ q: s.name_initials.slice(2 + (i % 2), 5 + (i % 2)) })),
    "full pinyin": sample.slice(50, 100).map((s, i) => ({ q: pinyinOf(brand(s.name, 2, i)).full })),
    "USCC prefix": sample.slice(150, 200).map((s) => ({ q: s.uscc.slice(0, 10) })),
    "filtered list": [
      ...Array.from({ length: 10 }, () => ({ parkId: parkRow.id })),
      ...Array.from({ length: 10 }, () => ({ label: "hnte" })),
      ...Array.from({ length: 10 }, () => ({ label: "little_giant" })),
      ...Array.from({ length: 10 }, () => ({ sizeClass: "above", parkId: parkRow.id })),
      ...Array.from({ length: 10 }, (_, i) => ({ q: brand(sample[i]!.name, 2, i), sizeClass: "above" })),
    ],
  };
  const today = new Date().toISOString().slice(0, 10);
  const run = async (params: Record<string, string | undefined>) => {
    const t0 = performance.now();
    const page = await listEnterprises(
      db,
      ctx.actor,
      enterpriseQuery.parse({ ...params, pageSize: 20 }),
      today,
    );
    return { ms: performance.now() - t0, total: page.total };
  };
  const refIds = sample.slice(0, 20).map((s) => s.id);
  const refTimes: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    await db.execute(
      sql`select * from enterprise where id in (${sql.join(
        refIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    refTimes.push(performance.now() - t0);
  }
  const refP95 = p95(refTimes);
  const out: BenchRecord[] = [];
  const common: number[] = [];
  for (const [shape, queries] of Object.entries(shapes)) {
    for (const q of queries.slice(0, 5)) await run(q); // warm-up
    const times: number[] = [];
    for (const q of queries) {
      const r = await run(q);
      // Fragments matching over 5% of all firms (有限, 科技…) are reported apart, without a budget.
      if (q.q && r.total > total * 0.05) common.push(r.ms);
      else times.push(r.ms);
    }
    out.push(
      record({
        scenario: `enterprises.search_${shape.replace(/\s+/g, "_").toLowerCase()}`,
        backend,
        size,
        metric: `p95 of ${times.length} queries`,
        value: p95(times),
        unit: "ms",
        reference: "primary-key fetch of 20 rows",
        reference_value: refP95,
        budget: backend === "postgres" ? { max: 50, label: "p95 ≤ 50 ms (PostgreSQL)" } : undefined,
      }),
    );
  }
  for (const q of ["有限", "公司", "科技", "有限公司"]) common.push((await run({ q })).ms);
  out.push(
    record({
      scenario: "enterprises.search_common_fragments",
      backend,
      size,
      metric: `p95 of ${common.length} queries matching > 5%`,
      value: p95(common),
      unit: "ms",
      reference: "primary-key fetch of 20 rows",
      reference_value: refP95,
    }),
  );
  return out;
}
