import { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import {
  type BulletinCadence,
  type BulletinQuery,
  type BulletinRow,
  bulletinCadenceLabels,
  type GenerateBody,
  type ScheduleCreate,
  type ScheduleQuery,
  type ScheduleRow,
} from "../../../common/bulletin.schema.js";
import {
  type Period,
  parsePeriodKey,
  periodKindLabels,
  periodOf,
  previousPeriod,
} from "../../../common/kpi.period.js";
import { audit } from "../../lib/audit/audit.service.js";
import { type ActorCtx, type Ctx, inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { AppError, notFound, stale } from "../../lib/errors.js";
import type { FileStore, Received } from "../../lib/files/files.store.js";
import { storedFile } from "../../lib/files/files.table.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../../lib/policy.js";
import { createRecord, deleteRecord, type RecordKind, updateRecord } from "../../lib/records.js";
import { assertRegionWritable } from "../../lib/scope.js";
import { getScheme } from "../kpi/kpi.queries.js";
import { bulletinCharts, findCjkFont } from "./bulletins.charts.js";
import { collectFacts } from "./bulletins.data.js";
import { bulletinDocx } from "./bulletins.docx.js";
import * as q from "./bulletins.queries.js";
import { bulletin, bulletinSchedule } from "./bulletins.table.js";
import { bulletinXlsx } from "./bulletins.xlsx.js";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const invalid = (path: string, zh: string, en = zh) =>
  new AppError("VALIDATION", { zh, en }, [{ path, message: zh }]);

/** What generation needs beyond the database: the file store and the font setting. */
export interface BulletinDeps {
  store: FileStore;
  cjkFont: string | undefined;
}

// ─── schedules ────────────────────────────────────────────────────────────────────────

type ScheduleRecord = NonNullable<Awaited<ReturnType<typeof q.getSchedule>>>;
async function scheduleRow(ctx: Ctx, r: ScheduleRecord): Promise<ScheduleRow> {
  const last = await q.lastBulletinOf(ctx.db, r.s.id);
  return {
    id: r.s.id,
    regionId: r.s.regionId,
    regionName: r.regionName,
    name: r.s.name,
    cadence: r.s.cadence as BulletinCadence,
    issuer: r.s.issuer,
    docPrefix: r.s.docPrefix,
    schemeId: r.s.schemeId,
    schemeName: r.schemeName,
    recipients: r.s.recipients,
    copyTo: r.s.copyTo,
    active: r.s.active,
    note: r.s.note,
    version: r.s.version,
    lastBulletin: last
      ? { id: last.id, periodKey: last.periodKey, docNo: docNo(last.docPrefix, last.docYear, last.docSeq) }
      : null,
  };
}

const scheduleKind: RecordKind<ScheduleRow, ScheduleCreate> = {
  subjectType: "bulletin_schedule",
  table: bulletinSchedule,
  permission: "bulletin.manage",
  texts: {
    duplicate: { zh: "该行政区已有同名同周期的通报", en: "A bulletin of that name and cadence exists" },
    field: "name",
  },
  get: async (ctx, id) => {
    const r = await q.getSchedule(ctx.db, ctx.actor, id);
    return r ? scheduleRow(ctx, r) : null;
  },
  check: async (ctx, input) => {
    if (input.regionId) await assertRegionWritable(ctx.db, ctx.actor, input.regionId);
    if (input.schemeId) {
      const s = await getScheme(ctx.db, ctx.actor, input.schemeId);
      if (!s) throw invalid("schemeId", "考核方案不存在或不在您的管辖范围内", "No such scheme");
    }
  },
};

export async function listSchedules(ctx: ActorCtx, query: ScheduleQuery) {
  requirePermission(ctx.actor.permissions, "bulletin.read");
  const { items, total } = await q.listSchedules(ctx.db, ctx.actor, query);
  const rows: ScheduleRow[] = [];
  for (const r of items) rows.push(await scheduleRow(ctx, r));
  return { items: rows, total };
}
export const getSchedule = (ctx: ActorCtx, id: string) => scheduleKind.get(ctx, id);
export const createSchedule = (ctx: ActorCtx, input: ScheduleCreate) =>
  createRecord(ctx, scheduleKind, input);
export const updateSchedule = (
  ctx: ActorCtx,
  id: string,
  input: Partial<ScheduleCreate> & { version: number },
) => updateRecord(ctx, scheduleKind, id, input);
export async function deleteSchedule(ctx: ActorCtx, id: string, version: number) {
  const last = await q.lastBulletinOf(ctx.db, id);
  if (last) {
    throw new AppError("CONFLICT", {
      zh: "该通报计划已有归档通报，不能删除，可将其停用",
      en: "The schedule has archived bulletins; deactivate it instead",
    });
  }
  return deleteRecord(ctx, scheduleKind, id, version);
}

// ─── bulletins ────────────────────────────────────────────────────────────────────────

export const docNo = (prefix: string, year: number, seq: number) => `${prefix}〔${year}〕${seq}号`;

function bulletinRow(r: q.BulletinRecord): BulletinRow {
  const b = r.b;
  const period = parsePeriodKey(b.periodKey);
  return {
    id: b.id,
    regionId: b.regionId,
    scheduleId: b.scheduleId,
    scheduleName: r.scheduleName,
    cadence: b.cadence as BulletinCadence,
    periodKey: b.periodKey,
    periodLabel: period?.label ?? b.periodKey,
    from: b.fromOn,
    to: b.toOn,
    title: b.title,
    name: `${docNo(b.docPrefix, b.docYear, b.docSeq)} ${b.title}`,
    docNo: docNo(b.docPrefix, b.docYear, b.docSeq),
    status: b.status as BulletinRow["status"],
    docxFileId: b.docxFileId,
    docxName: r.docxName,
    docxSize: Number(r.docxSize),
    xlsxFileId: b.xlsxFileId,
    xlsxName: r.xlsxName,
    xlsxSize: Number(r.xlsxSize),
    generatedAt: b.generatedAt.toISOString(),
    generatedByName: r.generatedByName,
    summary: b.summary,
    durationMs: b.durationMs,
    version: b.version,
  };
}

export async function listBulletins(ctx: ActorCtx, query: BulletinQuery) {
  requirePermission(ctx.actor.permissions, "bulletin.read");
  const { items, total } = await q.listBulletins(ctx.db, ctx.actor, query);
  return { items: items.map(bulletinRow), total };
}

export async function getBulletin(ctx: ActorCtx, id: string) {
  requirePermission(ctx.actor.permissions, "bulletin.read");
  const r = await q.getBulletin(ctx.db, ctx.actor, id);
  if (!r) throw notFound();
  return { row: bulletinRow(r), docxSha: r.docxSha, xlsxSha: r.xlsxSha };
}

/** 印发: a generated bulletin is marked issued (409 on a stale version). */
export async function issueBulletin(ctx: ActorCtx, id: string, version: number) {
  const { row } = await getBulletin(ctx, id);
  requirePermission(ctx.actor.permissions, "bulletin.generate");
  if (row.status === "issued") throw new AppError("CONFLICT", { zh: "该通报已印发", en: "Already issued" });
  await inTx(ctx, async (tx) => {
    const done = await tx.db
      .update(bulletin)
      .set({ status: "issued", version: version + 1, updatedAt: tx.now() })
      .where(and(eq(bulletin.id, id), eq(bulletin.version, version)))
      .returning({ version: bulletin.version });
    if (done.length === 0) throw stale();
    await audit(tx, {
      action: "update",
      subjectType: "bulletin",
      subjectId: id,
      regionId: row.regionId,
      before: { status: row.status },
      after: { status: "issued" },
      meta: { label: row.name },
    });
  });
  return (await getBulletin(ctx, id)).row;
}

type ScheduleData = typeof bulletinSchedule.$inferSelect;

/**
 * Writes the bulletin of a schedule for a period: facts read for the issuing region, charts drawn,
 * docx and xlsx written, both stored and the archive row saved in one transaction (a failure
 * leaves neither row nor file). A second generation of the period is refused unless `regenerate`,
 * which keeps the number.
 */
export async function generate(
  ctx: Ctx,
  deps: BulletinDeps,
  s: ScheduleData,
  period: Period,
  regenerate: boolean,
): Promise<string> {
  const started = Date.now();
  const today = chinaDay(ctx.now());
  const existing = await q.bulletinOfPeriod(ctx.db, s.id, period.key);
  if (existing && !regenerate) {
    throw new AppError("CONFLICT", {
      zh: `${period.label}的通报已生成（${docNo(existing.docPrefix, existing.docYear, existing.docSeq)}），如需更新请重新生成`,
      en: "The bulletin of that period exists; regenerate it instead",
    });
  }
  const docYear = existing?.docYear ?? Number(today.slice(0, 4));
  const docSeq = existing?.docSeq ?? (await q.nextDocSeq(ctx.db, s.regionId, s.docPrefix, docYear));
  const number = docNo(existing?.docPrefix ?? s.docPrefix, docYear, docSeq);
  const facts = await collectFacts(ctx.db, s, period, today, number, ctx);
  const font = findCjkFont(deps.cjkFont);
  const [y, m, d] = facts.asOf.split("-").map(Number);
  const charts = bulletinCharts(
    { ranking: facts.ranking, goals: facts.goals, asOfLabel: `${y}年${m}月${d}日` },
    font,
  );
  const docx = await bulletinDocx(facts, charts, today);
  const xlsx = await bulletinXlsx(facts, today);
  const base = `${number} ${facts.title}`;
  const files: [Buffer, string, string][] = [
    [docx, `${base}.docx`, DOCX_MIME],
    [xlsx, `${base}.xlsx`, XLSX_MIME],
  ];
  const received: Received[] = [];
  try {
    for (const [buf] of files)
      received.push(await deps.store.receive(Readable.from([buf]), 50 * 1024 * 1024));
    const id = existing?.id ?? newId();
    const fileIds = files.map(() => newId());
    const summary = {
      goals: facts.goals.length,
      behind: facts.goals.filter((g) => g.timeAdjusted !== null && g.timeAdjusted < 1).length,
      rankedUnits: facts.ranking?.units.length ?? 0,
      lagging: facts.lagging.length,
      overdueNodes: facts.overdueNodes.total,
      openProblems: facts.problems.total,
      openAppeals: facts.appeals.total,
      charts: charts.length,
    };
    await inTx(ctx, async (tx) => {
      await tx.db.insert(storedFile).values(
        files.map(([, name, mime], i) => ({
          id: fileIds[i]!,
          sha256: received[i]!.sha256,
          name,
          mime,
          size: received[i]!.size,
          kind: "generated",
          subjectType: "bulletin",
          subjectId: id,
          regionId: s.regionId,
          uploaderId: ctx.actor?.id ?? null,
        })),
      );
      const row = {
        title: facts.title,
        status: "generated",
        docxFileId: fileIds[0]!,
        xlsxFileId: fileIds[1]!,
        summary,
        durationMs: Date.now() - started,
        generatedBy: ctx.actor?.id ?? null,
        generatedAt: tx.now(),
      };
      if (existing) {
        await tx.db
          .update(bulletin)
          .set({ ...row, version: existing.version + 1, updatedAt: tx.now() })
          .where(eq(bulletin.id, id));
      } else {
        await tx.db.insert(bulletin).values({
          id,
          regionId: s.regionId,
          scheduleId: s.id,
          cadence: s.cadence,
          periodKey: period.key,
          fromOn: period.from,
          toOn: period.to,
          docPrefix: s.docPrefix,
          docYear,
          docSeq,
          ...row,
        });
      }
      await audit(tx, {
        action: existing ? "regenerate" : "generate",
        subjectType: "bulletin",
        subjectId: id,
        regionId: s.regionId,
        before: existing ? { docxFileId: existing.docxFileId, xlsxFileId: existing.xlsxFileId } : undefined,
        after: {
          docNo: number,
          periodKey: period.key,
          docxFileId: fileIds[0],
          xlsxFileId: fileIds[1],
          summary,
        },
        meta: { label: `${number} ${facts.title}` },
      });
    });
    for (const r of received) await deps.store.commit(r);
    return id;
  } catch (err) {
    for (const r of received) await deps.store.discard(r);
    throw err;
  }
}

/** The period a request names, checked against the schedule's cadence and the calendar. */
export function periodFor(s: { cadence: string }, key: string, today: string): Period {
  const period = parsePeriodKey(key);
  if (!period) throw invalid("periodKey", "通报周期格式不正确", "Bad period key");
  if (period.kind !== s.cadence) {
    throw invalid(
      "periodKey",
      `${bulletinCadenceLabels[s.cadence as BulletinCadence]}须选择${periodKindLabels[s.cadence as BulletinCadence]}周期，所选周期类型不符`,
      "The period does not match the schedule's cadence",
    );
  }
  if (period.from > today) {
    throw invalid("periodKey", `${period.label}尚未开始，不能生成通报`, "The period has not begun");
  }
  return period;
}

/** 生成 on demand. */
export async function generateNow(ctx: ActorCtx, deps: BulletinDeps, scheduleId: string, body: GenerateBody) {
  const r = await q.getSchedule(ctx.db, ctx.actor, scheduleId);
  if (!r) throw notFound();
  requirePermission(ctx.actor.permissions, "bulletin.generate");
  const period = periodFor(r.s, body.periodKey, chinaDay(ctx.now()));
  const id = await generate(ctx, deps, r.s, period, body.regenerate);
  return (await getBulletin(ctx, id)).row;
}

/** The period a schedule's bulletin is due for on a day: the last one ended. */
export const duePeriod = (cadence: string, today: string) =>
  previousPeriod(periodOf(cadence as Period["kind"], today));

/**
 * The daily job: each active schedule's bulletin for its last ended period, when not yet in the
 * archive. Idempotent (the archive's unique period per schedule); one schedule failing does not
 * stop the others, and the run fails naming them.
 */
export async function runDueBulletins(ctx: Ctx, deps: BulletinDeps) {
  const today = chinaDay(ctx.now());
  let made = 0;
  let skipped = 0;
  const failed: string[] = [];
  for (const s of await q.activeSchedules(ctx.db)) {
    const period = duePeriod(s.cadence, today);
    if (await q.bulletinOfPeriod(ctx.db, s.id, period.key)) {
      skipped++;
      continue;
    }
    try {
      // no actor: the archive names the system; the facts are read for the region either way
      await generate(ctx, deps, s, period, false);
      made++;
    } catch (err) {
      ctx.log.error({ err, scheduleId: s.id }, "bulletin generation failed");
      failed.push(`${s.name}（${period.label}）：${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const summary = `生成 ${made} 份，已有 ${skipped} 份${failed.length ? `，失败 ${failed.length} 份` : ""}`;
  if (failed.length) throw new Error(`${summary}：${failed.join("；")}`);
  return { summary };
}
