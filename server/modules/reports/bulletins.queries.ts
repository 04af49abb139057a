import { and, asc, desc, eq, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { BulletinQuery, ScheduleQuery } from "../../../common/bulletin.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { storedFile } from "../../lib/files/files.table.js";
import { offsetOf, orderBy } from "../../lib/paging.js";
import { inRegionSubtree, scopeWhere } from "../../lib/scope.js";
import { schemeScope } from "../kpi/kpi.queries.js";
import { kpiScheme } from "../kpi/kpi.table.js";
import { region } from "../org/org.table.js";
import { users } from "../users/users.table.js";
import { bulletin, bulletinSchedule } from "./bulletins.table.js";

/**
 * Bulletins belong to their region: region grants reach them. A park or team officer also reads
 * the bulletins whose scheme ranks their unit (an enclave's officer reads the enclaves' 月通报),
 * through the KPI module's own scheme scope.
 */
export function scheduleScope(actor: Actor): SQL {
  const byRegion = scopeWhere(actor, { region: bulletinSchedule.regionId });
  if (!actor.grants.some((g) => g.kind === "park" || g.kind === "team")) return byRegion;
  return or(
    byRegion,
    sql`${bulletinSchedule.schemeId} in (select ${kpiScheme.id} from ${kpiScheme} where ${schemeScope(actor)})`,
  )!;
}
const bulletinScope = (actor: Actor) =>
  sql`${bulletin.scheduleId} in (select ${bulletinSchedule.id} from ${bulletinSchedule} where ${scheduleScope(actor)})`;

const scheduleSelect = {
  s: bulletinSchedule,
  regionName: region.name,
  schemeName: kpiScheme.name,
};
const selectSchedules = (db: DbOrTx) =>
  db
    .select(scheduleSelect)
    .from(bulletinSchedule)
    .innerJoin(region, eq(region.id, bulletinSchedule.regionId))
    .leftJoin(kpiScheme, eq(kpiScheme.id, bulletinSchedule.schemeId));

export async function listSchedules(db: DbOrTx, actor: Actor, q: ScheduleQuery) {
  const where = and(
    scheduleScope(actor),
    q.cadence ? eq(bulletinSchedule.cadence, q.cadence) : undefined,
    q.regionId ? inRegionSubtree(bulletinSchedule.regionId, q.regionId) : undefined,
    q.active ? eq(bulletinSchedule.active, q.active === "yes") : undefined,
    q.q ? sql`${bulletinSchedule.name} like ${`%${q.q}%`}` : undefined,
  );
  const sorts = {
    name: bulletinSchedule.name,
    cadence: bulletinSchedule.cadence,
    updatedAt: bulletinSchedule.updatedAt,
  };
  const [items, [count]] = await Promise.all([
    selectSchedules(db)
      .where(where)
      .orderBy(...orderBy(sorts, q, "updatedAt", bulletinSchedule.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: sql<number>`count(*)::int` }).from(bulletinSchedule).where(where),
  ]);
  return { items, total: Number(count?.n ?? 0) };
}

export const getSchedule = async (db: DbOrTx, actor: Actor, id: string) =>
  (await selectSchedules(db).where(and(eq(bulletinSchedule.id, id), scheduleScope(actor))))[0] ?? null;

/** Every active schedule, for the daily job. */
export const activeSchedules = (db: DbOrTx) =>
  db
    .select()
    .from(bulletinSchedule)
    .where(eq(bulletinSchedule.active, true))
    .orderBy(asc(bulletinSchedule.id));

export async function lastBulletinOf(db: DbOrTx, scheduleId: string) {
  const [row] = await db
    .select({
      id: bulletin.id,
      periodKey: bulletin.periodKey,
      docPrefix: bulletin.docPrefix,
      docYear: bulletin.docYear,
      docSeq: bulletin.docSeq,
    })
    .from(bulletin)
    .where(eq(bulletin.scheduleId, scheduleId))
    .orderBy(desc(bulletin.toOn))
    .limit(1);
  return row ?? null;
}

export const bulletinOfPeriod = async (db: DbOrTx, scheduleId: string, periodKey: string) =>
  (
    await db
      .select()
      .from(bulletin)
      .where(and(eq(bulletin.scheduleId, scheduleId), eq(bulletin.periodKey, periodKey)))
  )[0] ?? null;

/** The next number in the issuer's yearly sequence (开发区招商〔2026〕N号). */
export async function nextDocSeq(db: DbOrTx, regionId: string, prefix: string, year: number) {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${bulletin.docSeq}), 0)::int` })
    .from(bulletin)
    .where(and(eq(bulletin.regionId, regionId), eq(bulletin.docPrefix, prefix), eq(bulletin.docYear, year)));
  return Number(row?.n ?? 0) + 1;
}

const docx = alias(storedFile, "docx");
const xlsx = alias(storedFile, "xlsx");
const bulletinSelect = {
  b: bulletin,
  scheduleName: bulletinSchedule.name,
  generatedByName: users.name,
  docxName: docx.name,
  docxSize: docx.size,
  docxSha: docx.sha256,
  xlsxName: xlsx.name,
  xlsxSize: xlsx.size,
  xlsxSha: xlsx.sha256,
};
const selectBulletins = (db: DbOrTx) =>
  db
    .select(bulletinSelect)
    .from(bulletin)
    .innerJoin(bulletinSchedule, eq(bulletinSchedule.id, bulletin.scheduleId))
    .innerJoin(docx, eq(docx.id, bulletin.docxFileId))
    .innerJoin(xlsx, eq(xlsx.id, bulletin.xlsxFileId))
    .leftJoin(users, eq(users.id, bulletin.generatedBy));
export type BulletinRecord = Awaited<ReturnType<ReturnType<typeof selectBulletins>["where"]>>[number];

export async function listBulletins(db: DbOrTx, actor: Actor, q: BulletinQuery) {
  const where = and(
    bulletinScope(actor),
    q.scheduleId ? eq(bulletin.scheduleId, q.scheduleId) : undefined,
    q.cadence ? eq(bulletin.cadence, q.cadence) : undefined,
    q.status ? eq(bulletin.status, q.status) : undefined,
    q.year ? eq(bulletin.docYear, q.year) : undefined,
    q.q
      ? or(sql`${bulletin.title} like ${`%${q.q}%`}`, sql`${bulletin.periodKey} like ${`%${q.q}%`}`)
      : undefined,
  );
  const sorts = {
    toOn: bulletin.toOn,
    generatedAt: bulletin.generatedAt,
    title: bulletin.title,
    docSeq: bulletin.docSeq,
  };
  const [items, [count]] = await Promise.all([
    selectBulletins(db)
      .where(where)
      .orderBy(...orderBy(sorts, q, "generatedAt", bulletin.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: sql<number>`count(*)::int` }).from(bulletin).where(where),
  ]);
  return { items, total: Number(count?.n ?? 0) };
}

export const getBulletin = async (db: DbOrTx, actor: Actor, id: string) =>
  (await selectBulletins(db).where(and(eq(bulletin.id, id), bulletinScope(actor))))[0] ?? null;
