import { and, desc, eq } from "drizzle-orm";
import type { ActorCtx } from "../context.js";
import { AppError, notFound } from "../errors.js";
import { getFile, type UploadInput, upload } from "../files/files.service.js";
import type { FileStore } from "../files/files.store.js";
import { newId } from "../ids.js";
import { requirePermission } from "../policy.js";
import { hasAll } from "../scope.js";
import { CellProblem, readValue, unitNames } from "./importer.cells.js";
import {
  detectHeaderRow,
  HEADER_SEARCH_ROWS,
  headersAt,
  type MappingEntry,
  skipReason,
  suggestMapping,
} from "./importer.header.js";
import { firstRows, type SheetKind, sheetKindOf } from "./importer.read.js";
import { OFF_THREAD_FROM_BYTES, readRowsOffThread, startReadWorker } from "./importer.read.thread.js";
import { databaseInThread } from "./importer.spill.js";
import { type ImportCorrection, type ImportCounts, type ImportError, importJob } from "./importer.table.js";
import type { AnyImportSpec, Cell, ImportRunInfo, Value } from "./importer.types.js";

const registry = new Map<string, AnyImportSpec>();

/** Modules register their imports when buildApp wires them. */
export function registerImport(spec: AnyImportSpec): void {
  registry.set(spec.entity, spec);
}

/** The module's import of `entity`, if one is registered. */
export const registeredImport = (entity: string): AnyImportSpec | undefined => registry.get(entity);

function specOf(entity: string): AnyImportSpec {
  const spec = registry.get(entity);
  if (!spec) throw new AppError("VALIDATION", { zh: `不支持导入“${entity}”`, en: `No import for ${entity}` });
  return spec;
}

/** Rows staged per round trip: short statements, so other requests interleave on PGlite. */
const STAGE_CHUNK = 2000;
/** Problems kept for the page and the report; the count stays exact. */
const ERRORS_KEPT = 10_000;
const SKIPPED_KEPT = 1_000;
const PREVIEW_ROWS = 30;

export interface Progress {
  phase: "checking" | "committing";
  done: number;
  total: number;
}
/** Progress of running jobs, served from memory (DESIGN: "Progress is served from memory"). */
const progress = new Map<string, Progress>();

type Job = typeof importJob.$inferSelect;

async function jobOf(ctx: ActorCtx, id: string): Promise<Job> {
  const [job] = await ctx.db.select().from(importJob).where(eq(importJob.id, id));
  // A job belongs to whoever uploaded it (and the system administrator).
  if (!job || (job.createdBy !== ctx.actor.id && !hasAll(ctx.actor))) throw notFound();
  return job;
}

const cellText = (c: Cell | undefined): string | null => {
  if (c === null || c === undefined) return null;
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === "object") return "formulaWithoutValue" in c ? c.formulaWithoutValue : c.error;
  return String(c);
};

async function filePath(ctx: ActorCtx, store: FileStore, job: Job) {
  const file = await getFile(ctx, job.fileId);
  return { path: store.pathOf(file.sha256), kind: sheetKindOf(file.mime, file.name), size: file.size };
}

export async function startImport(
  ctx: ActorCtx,
  store: FileStore,
  entity: string,
  file: Omit<UploadInput, "kind">,
) {
  const spec = specOf(entity);
  requirePermission(ctx.actor.permissions, spec.permission);
  // Browsers on Windows label .csv files as Excel; the name says what the user chose.
  const claimedType = /\.csv$/i.test(file.name) ? "text/csv" : file.claimedType;
  const saved = await upload(ctx, store, { ...file, claimedType, kind: "import" });
  const kind = sheetKindOf(saved.mime, saved.name);
  // A large file's dry run on PGlite reads it in a worker thread, which takes a moment to start.
  if (saved.size >= OFF_THREAD_FROM_BYTES && databaseInThread(ctx.db)) void startReadWorker();
  const rows = await firstRows(store.pathOf(saved.sha256), kind, HEADER_SEARCH_ROWS);
  if (rows.length === 0)
    throw new AppError("VALIDATION", { zh: "表格中没有任何内容", en: "The sheet is empty" });
  const cells = rows.map((r) => r.cells);
  const h = detectHeaderRow(cells, spec.columns);
  const id = newId();
  await ctx.db.insert(importJob).values({
    id,
    entity,
    fileId: saved.id,
    fileName: saved.name,
    status: "uploaded",
    headerRow: rows[h]!.rowNo,
    mapping: suggestMapping(headersAt(cells, h), spec.columns),
    regionId: ctx.actor.regionId,
    createdBy: ctx.actor.id,
  });
  return importView(ctx, store, id);
}

/** The job as the page shows it: mapping, columns to map to, a preview, findings and progress. */
export async function importView(ctx: ActorCtx, store: FileStore, id: string) {
  const job = await jobOf(ctx, id);
  const spec = specOf(job.entity);
  const { path, kind } = await filePath(ctx, store, job);
  const preview = await firstRows(path, kind, PREVIEW_ROWS);
  return {
    ...job,
    errors: job.errors.slice(0, 500),
    skipped: job.skipped.slice(0, 200),
    label: spec.label,
    columns: spec.columns.map(({ key, label, type, unit, required, allowUsd }) => ({
      key,
      label,
      type,
      unit,
      required,
      allowUsd,
      units: unit ? unitNames(unit) : undefined,
    })),
    preview: preview.map((r) => ({ rowNo: r.rowNo, cells: r.cells.map(cellText) })),
    progress: progress.get(id) ?? null,
  };
}

export async function listImports(ctx: ActorCtx, entity: string | undefined) {
  return ctx.db
    .select({
      id: importJob.id,
      entity: importJob.entity,
      fileName: importJob.fileName,
      status: importJob.status,
      counts: importJob.counts,
      createdAt: importJob.createdAt,
    })
    .from(importJob)
    .where(and(eq(importJob.createdBy, ctx.actor.id), entity ? eq(importJob.entity, entity) : undefined))
    .orderBy(desc(importJob.createdAt))
    .limit(20);
}

const editable = new Set(["uploaded", "validated", "invalid", "failed", "expired"]);

export async function updateImport(
  ctx: ActorCtx,
  store: FileStore,
  id: string,
  input: {
    headerRow?: number;
    mapping?: { index: number; key: string | null; unit?: string | null }[];
    options?: Record<string, unknown>;
    corrections?: ImportCorrection[];
  },
) {
  const job = await jobOf(ctx, id);
  const spec = specOf(job.entity);
  if (!editable.has(job.status))
    throw new AppError("CONFLICT", {
      zh: "导入正在进行或已完成，不能修改",
      en: "The import is running or done",
    });
  let mapping = job.mapping;
  if (input.headerRow !== undefined && input.headerRow !== job.headerRow) {
    const { path, kind } = await filePath(ctx, store, job);
    const rows = await firstRows(path, kind, input.headerRow + 1);
    const h = rows.findIndex((r) => r.rowNo === input.headerRow);
    if (h < 0)
      throw new AppError("VALIDATION", { zh: "表头行不存在或为空行", en: "No such header row" }, [
        { path: "headerRow", message: "表头行不存在或为空行" },
      ]);
    mapping = suggestMapping(
      headersAt(
        rows.map((r) => r.cells),
        h,
      ),
      spec.columns,
    );
  }
  if (input.mapping) {
    const keys = new Set(spec.columns.map((c) => c.key));
    mapping = mapping.map((m) => {
      const chosen = input.mapping!.find((x) => x.index === m.index);
      if (!chosen) return m;
      if (chosen.key !== null && !keys.has(chosen.key))
        throw new AppError("VALIDATION", {
          zh: `未知的字段 ${chosen.key}`,
          en: `Unknown field ${chosen.key}`,
        });
      return { ...m, key: chosen.key, unit: chosen.unit === undefined ? m.unit : chosen.unit };
    });
  }
  const options = input.options ? { ...job.options, ...input.options } : job.options;
  const corrections = mergeCorrections(job.corrections, input.corrections ?? []);
  await spec.clear(ctx, id);
  await ctx.db
    .update(importJob)
    .set({
      headerRow: input.headerRow ?? job.headerRow,
      mapping,
      options,
      corrections,
      status: "uploaded",
      counts: null,
      errors: [],
      skipped: [],
      message: null,
      updatedAt: ctx.now(),
    })
    .where(eq(importJob.id, id));
  return importView(ctx, store, id);
}

const cellKey = (rowNo: number, index: number) => `${rowNo}:${index}`;

function mergeCorrections(old: ImportCorrection[], added: ImportCorrection[]): ImportCorrection[] {
  const byCell = new Map(old.map((c) => [cellKey(c.rowNo, c.index), c]));
  for (const c of added) byCell.set(cellKey(c.rowNo, c.index), { ...c, value: c.value?.trim() || null });
  return [...byCell.values()].sort((a, b) => a.rowNo - b.rowNo || a.index - b.index);
}

function runInfo(job: Job, spec: AnyImportSpec): ImportRunInfo {
  const { blankClears, ...options } = job.options;
  return {
    jobId: job.id,
    fileName: job.fileName,
    options: spec.options.parse(options),
    mapped: job.mapping.filter((m) => m.key).map((m) => m.key!),
    blankClears: blankClears === true,
  };
}

function checkMapping(job: Job, spec: AnyImportSpec) {
  const mapped = job.mapping.map((m) => m.key).filter(Boolean) as string[];
  const twice = mapped.filter((k, i) => mapped.indexOf(k) !== i);
  const missing = spec.columns.filter((c) => c.required && !mapped.includes(c.key)).map((c) => c.label);
  const problems = [
    ...missing.map((l) => `必填列“${l}”未对应到表格中的列`),
    ...[...new Set(twice)].map((k) => `字段“${spec.columns.find((c) => c.key === k)?.label}”对应了多列`),
  ];
  if (problems.length > 0) {
    throw new AppError(
      "VALIDATION",
      { zh: problems.join("；"), en: "The column mapping is incomplete" },
      problems.map((message) => ({ path: "mapping", message })),
    );
  }
}

/** The dry run: every row read, typed, checked and staged; nothing touches the module's tables. */
export async function validateImport(ctx: ActorCtx, store: FileStore, id: string) {
  const job = await jobOf(ctx, id);
  const spec = specOf(job.entity);
  requirePermission(ctx.actor.permissions, spec.permission);
  if (!editable.has(job.status))
    throw new AppError("CONFLICT", { zh: "导入正在进行或已完成", en: "The import is running or done" });
  checkMapping(job, spec);
  const file = await filePath(ctx, store, job);
  const run = { ...runInfo(job, spec), fileBytes: file.size };
  await ctx.db
    .update(importJob)
    .set({ status: "validating", counts: null, errors: [], skipped: [], message: null, updatedAt: ctx.now() })
    .where(eq(importJob.id, id));
  progress.set(id, { phase: "checking", done: 0, total: file.size });
  void dryRun(ctx, spec, job, run, file).catch((err) => fail(ctx, id, err));
  return importView(ctx, store, id);
}

async function fail(ctx: ActorCtx, id: string, err: unknown) {
  progress.delete(id);
  const message = err instanceof AppError ? err.messageIn("zh-CN") : "处理文件时出错";
  if (!(err instanceof AppError)) {
    ctx.log.error({ err, importJob: id }, "import failed");
    console.error(err);
  }
  await ctx.db
    .update(importJob)
    .set({ status: "failed", message, updatedAt: ctx.now() })
    .where(eq(importJob.id, id));
}

async function dryRun(
  ctx: ActorCtx,
  spec: AnyImportSpec,
  job: Job,
  run: ImportRunInfo,
  file: { path: string; kind: SheetKind },
) {
  await spec.clear(ctx, job.id);
  const lookups = await spec.prepare(ctx, run);
  const byKey = new Map(spec.columns.map((c) => [c.key, c]));
  const mapped = job.mapping.filter((m): m is MappingEntry & { key: string } => m.key !== null);
  const p = progress.get(job.id)!;
  const errors: ImportError[] = [];
  const skipped: { rowNo: number; reason: string }[] = [];
  const counts: ImportCounts = {
    rows: 0,
    valid: 0,
    errors: 0,
    skipped: 0,
    duplicates: 0,
    create: 0,
    update: 0,
  };
  const seen = new Map<string, number>();
  const errorRows = new Set<number>();
  let batch: { rowNo: number; row: unknown }[] = [];
  const report = (
    rowNo: number,
    m: MappingEntry | undefined,
    value: string | null,
    message: string,
    column: string | null = m ? m.header || m.key : null,
  ) => {
    counts.errors++;
    errorRows.add(rowNo);
    if (errors.length < ERRORS_KEPT) errors.push({ rowNo, column, index: m?.index ?? null, value, message });
  };
  const corrected = new Map(job.corrections.map((c) => [cellKey(c.rowNo, c.index), c.value]));
  // One chunk is written while the next is read and checked: on PostgreSQL the server works in
  // parallel with this process. Its failure surfaces at the next await.
  let staging: Promise<void> = Promise.resolve();
  const stage = async (rows: { rowNo: number; row: unknown }[]) => {
    await staging;
    staging = spec.stage(ctx, run, rows);
    staging.catch(() => {});
  };
  // On PGlite a large file is read in a worker thread, so that reading overlaps the checks and
  // the database's lookups, which share this thread. With PostgreSQL this thread has less to do,
  // and handing the rows over cost more than reading them here (100k rows: 5.7–6.9 s here,
  // 7.6–8.9 s through the worker, alternating runs).
  const offThread = databaseInThread(ctx.db) ? {} : { fromBytes: Number.POSITIVE_INFINITY };
  for await (const row of readRowsOffThread(file.path, file.kind, (n) => (p.done = n), offThread)) {
    const { rowNo } = row;
    if (rowNo <= job.headerRow) continue;
    let cells: Cell[] = row.cells;
    if (corrected.size > 0) {
      cells = [...row.cells];
      for (const m of mapped) {
        const key = cellKey(rowNo, m.index);
        if (corrected.has(key)) cells[m.index] = corrected.get(key) ?? null;
      }
    }
    const reason = skipReason(cells);
    if (reason) {
      counts.skipped++;
      if (skipped.length < SKIPPED_KEPT) skipped.push({ rowNo, reason });
      continue;
    }
    counts.rows++;
    const values: Record<string, Value> = {};
    let bad = false;
    for (const m of mapped) {
      const col = byKey.get(m.key)!;
      try {
        values[m.key] = readValue(cells[m.index] ?? null, col, m.unit);
        if (col.required && values[m.key] === null) throw new CellProblem("必填，不能为空");
      } catch (err) {
        if (!(err instanceof CellProblem)) throw err;
        bad = true;
        report(rowNo, m, cellText(cells[m.index]), err.message, m.header || col.label);
      }
    }
    // Rows with bad cells are still checked as a whole, so one pass reports everything wrong.
    const prepared = spec.row(values, lookups, run);
    for (const problem of prepared.problems) {
      if (bad && problem.key && values[problem.key] === undefined) continue;
      const m = mapped.find((x) => x.key === problem.key);
      report(rowNo, m, m ? cellText(cells[m.index]) : null, problem.message);
    }
    if (bad || prepared.problems.length > 0) continue;
    if (prepared.dedupeKey) {
      const first = seen.get(prepared.dedupeKey);
      if (first !== undefined) {
        counts.duplicates++;
        report(rowNo, undefined, prepared.dedupeKey, `与第 ${first} 行重复（${prepared.dedupeKey}）`);
        continue;
      }
      seen.set(prepared.dedupeKey, rowNo);
    }
    batch.push({ rowNo, row: prepared.row });
    if (batch.length >= STAGE_CHUNK) {
      await stage(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await stage(batch);
  await staging;
  const review = await spec.review(ctx, run);
  for (const pr of review.problems) {
    report(
      pr.rowNo,
      mapped.find((x) => x.key === pr.key),
      null,
      pr.message,
    );
  }
  counts.valid = counts.rows - errorRows.size;
  counts.create = review.create;
  counts.update = review.update;
  errors.sort((a, b) => a.rowNo - b.rowNo);
  if (counts.errors > 0) await spec.clear(ctx, job.id);
  progress.delete(job.id);
  await ctx.db
    .update(importJob)
    .set({
      status: counts.errors > 0 ? "invalid" : "validated",
      counts,
      errors,
      skipped,
      updatedAt: ctx.now(),
    })
    .where(eq(importJob.id, job.id));
}

/** All or nothing: the staged rows merge in one transaction, or nothing is written. */
export async function commitImport(ctx: ActorCtx, store: FileStore, id: string) {
  const job = await jobOf(ctx, id);
  const spec = specOf(job.entity);
  requirePermission(ctx.actor.permissions, spec.permission);
  if (job.status !== "validated") {
    throw new AppError("CONFLICT", {
      zh:
        job.status === "invalid"
          ? `仍有 ${job.counts?.errors ?? 0} 处错误，请修正后重新上传`
          : job.status === "expired"
            ? "校验结果已过期，请重新校验后再导入"
            : "请先完成校验（试导入）",
      en: "Validate the file without errors first",
    });
  }
  const run = { ...runInfo(job, spec), validRows: job.counts?.valid ?? 0 };
  await ctx.db
    .update(importJob)
    .set({ status: "committing", updatedAt: ctx.now() })
    .where(eq(importJob.id, id));
  progress.set(id, { phase: "committing", done: 0, total: job.counts?.valid ?? 0 });
  void (async () => {
    const result = await spec.commit(ctx, run);
    await spec.clear(ctx, id);
    progress.delete(id);
    await ctx.db
      .update(importJob)
      .set({ status: "committed", counts: { ...job.counts!, ...result }, updatedAt: ctx.now() })
      .where(eq(importJob.id, id));
  })().catch((err) => fail(ctx, id, err));
  return importView(ctx, store, id);
}

export const importJobOf = jobOf;
export const importSpecOf = specOf;
