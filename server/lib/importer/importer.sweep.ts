import { and, eq, inArray, lt } from "drizzle-orm";
import type { Ctx } from "../context.js";
import { registerJob } from "../jobs/jobs.registry.js";
import { registeredImport } from "./importer.service.js";
import { clearSpilled, removeSpillFilesBefore } from "./importer.spill.js";
import { importJob } from "./importer.table.js";

/** A dry run not imported within this many days loses the rows it set aside. */
export const DRY_RUN_KEPT_DAYS = 7;

/** Jobs that may hold staged or set-aside rows and are not running a commit. */
const SWEPT = ["uploaded", "validating", "validated", "invalid", "failed"];

export const EXPIRED_MESSAGE = `超过 ${DRY_RUN_KEPT_DAYS} 天未完成导入，暂存的校验结果已清理；如需导入，请重新校验`;

/**
 * Clears what abandoned imports left behind: each job untouched for DRY_RUN_KEPT_DAYS drops its
 * staged rows and set-aside chunks and becomes `expired` (its counts and problems stay on the
 * page; 重新校验 reads the file again). PGlite chunk files that old are removed too, whichever
 * database made them. Idempotent: an expired job is not swept again.
 */
export async function sweepImports(ctx: Ctx): Promise<{ summary: string }> {
  const before = new Date(ctx.now().getTime() - DRY_RUN_KEPT_DAYS * 86_400_000);
  const stale = await ctx.db
    .select({ id: importJob.id, entity: importJob.entity })
    .from(importJob)
    .where(and(inArray(importJob.status, SWEPT), lt(importJob.updatedAt, before)));
  for (const job of stale) {
    await registeredImport(job.entity)?.clear(ctx, job.id);
    await clearSpilled(ctx.db, job.id);
    await ctx.db
      .update(importJob)
      .set({ status: "expired", message: EXPIRED_MESSAGE, updatedAt: ctx.now() })
      .where(and(eq(importJob.id, job.id), inArray(importJob.status, SWEPT)));
  }
  const files = await removeSpillFilesBefore(before);
  return { summary: `清理过期的导入 ${stale.length} 个，临时文件 ${files} 个` };
}

/** buildApp calls this once. */
export function registerImportJobs(): void {
  registerJob({ name: "imports.sweep", title: "清理过期的试导入", dailyAt: "03:30", run: sweepImports });
}
