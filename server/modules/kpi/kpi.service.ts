import { and, eq, sql } from "drizzle-orm";
import { goalForRange, parsePeriodKey, periodOf } from "../../../common/kpi.period.js";
import type {
  GoalCreate,
  GoalQuery,
  GoalRow,
  GoalUpdate,
  ManualIndicatorCreate,
  ManualValueCreate,
  ManualValueRow,
  UnitKind,
} from "../../../common/kpi.schema.js";
import { unitKindLabels } from "../../../common/kpi.schema.js";
import type { DbOrTx } from "../../db/client.js";
import { audit } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { AppError, notFound, stale } from "../../lib/errors.js";
import { getFile } from "../../lib/files/files.service.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../../lib/policy.js";
import { createRecord, deleteRecord, type RecordKind, updateRecord } from "../../lib/records.js";
import { assertRegionWritable, coversRegionPath } from "../../lib/scope.js";
import { region } from "../org/org.table.js";
import { type GoalRecord, goalToDate, yearToDate } from "./kpi.goals.js";
import { computeResolved, type ResolvedIndicator, resolveIndicator } from "./kpi.indicators.js";
import * as q from "./kpi.queries.js";
import { kpiGoal, kpiIndicator, kpiValue } from "./kpi.table.js";

export const invalid = (path: string, zh: string, en = zh) =>
  new AppError("VALIDATION", { zh, en }, [{ path, message: zh }]);
export const today = (ctx: ActorCtx) => chinaDay(ctx.now());

export async function indicatorOrFail(db: DbOrTx, key: string, kind: UnitKind, path = "indicatorKey") {
  const ind = await resolveIndicator(db, key);
  if (!ind) throw invalid(path, "指标不存在", "No such indicator");
  if (!ind.unitKinds.includes(kind)) {
    throw invalid(
      path,
      `指标「${ind.name}」不能按${unitKindLabels[kind]}计算`,
      `${ind.name} is not computed per ${kind}`,
    );
  }
  return ind;
}

/**
 * Units of a kind that exist and lie in the region's subtree, by id → name. Unknown or foreign
 * units are refused by the caller, naming the path.
 */
export async function unitsIn(db: DbOrTx, kind: UnitKind, ids: string[], regionId: string, path: string) {
  const names = await q.unitNames(db, kind, ids);
  const [root] = await db.select({ path: region.path }).from(region).where(eq(region.id, regionId));
  if (!root) throw invalid("regionId", "行政区不存在", "No such region");
  const regionIds = [...new Set([...names.values()].map((n) => n.regionId))];
  const paths = regionIds.length
    ? await db
        .select({ id: region.id, path: region.path })
        .from(region)
        .where(sql`${region.id} = any(${q.uuidList(regionIds)})`)
    : [];
  const pathOf = new Map(paths.map((p) => [p.id, p.path]));
  ids.forEach((id, i) => {
    const n = names.get(id);
    if (!n || !(pathOf.get(n.regionId) ?? "").startsWith(root.path)) {
      throw invalid(
        `${path}.${i}`,
        `所选${unitKindLabels[kind]}不存在或不在该行政区内`,
        `No such ${kind} in the region`,
      );
    }
  });
  return names;
}

// ─── manual indicators ────────────────────────────────────────────────────────────────

type IndicatorRecord = typeof kpiIndicator.$inferSelect;
const indicatorKind: RecordKind<IndicatorRecord, ManualIndicatorCreate> = {
  subjectType: "kpi_indicator",
  table: kpiIndicator,
  permission: "kpi.manage",
  texts: { duplicate: { zh: "该行政区已有同名指标", en: "An indicator of that name exists" }, field: "name" },
  get: (ctx, id) => q.getManualIndicator(ctx.db, ctx.actor, id),
  check: async (ctx, input) => {
    if (input.regionId) await assertRegionWritable(ctx.db, ctx.actor, input.regionId);
  },
  derive: (_input, before) => (before ? {} : { key: `manual.${newId()}` }),
};
export const createManualIndicator = (ctx: ActorCtx, input: ManualIndicatorCreate) =>
  createRecord(ctx, indicatorKind, input);
export const updateManualIndicator = (
  ctx: ActorCtx,
  id: string,
  input: Partial<ManualIndicatorCreate> & { version: number },
) => updateRecord(ctx, indicatorKind, id, input);
export const deleteManualIndicator = (ctx: ActorCtx, id: string, version: number) =>
  deleteRecord(ctx, indicatorKind, id, version);

// ─── manual values ────────────────────────────────────────────────────────────────────

const valueRow = (
  v: typeof kpiValue.$inferSelect,
  indicatorName: string,
  unitName: string,
  enteredByName: string | null,
): ManualValueRow => ({
  id: v.id,
  indicatorKey: v.indicatorKey,
  indicatorName,
  unitKind: v.unitKind as UnitKind,
  unitId: v.unitId,
  unitName,
  periodKind: v.periodKind,
  periodKey: v.periodKey,
  from: v.fromOn,
  to: v.toOn,
  value: v.value,
  evidenceFileIds: v.evidenceFileIds,
  note: v.note,
  enteredByName,
  regionId: v.regionId,
  name: `${unitName} · ${indicatorName} · ${v.periodKey}`,
  version: v.version,
});

export async function listValues(ctx: ActorCtx, query: Parameters<typeof q.listValues>[2]) {
  requirePermission(ctx.actor.permissions, "kpi.read");
  const { items, total } = await q.listValues(ctx.db, ctx.actor, query);
  const names = new Map<string, string>();
  const rows: ManualValueRow[] = [];
  for (const { v, enteredByName } of items) {
    if (!names.has(v.indicatorKey))
      names.set(v.indicatorKey, (await resolveIndicator(ctx.db, v.indicatorKey))?.name ?? v.indicatorKey);
    const unit = (await q.unitNames(ctx.db, v.unitKind as UnitKind, [v.unitId])).get(v.unitId);
    rows.push(valueRow(v, names.get(v.indicatorKey)!, unit?.name ?? "", enteredByName));
  }
  return { items: rows, total };
}

/**
 * Enters (or replaces) a manual value for a unit and period, with its evidence. The unit must be
 * inside the actor's scope: their region, or their own park or team.
 */
export async function saveValue(ctx: ActorCtx, input: ManualValueCreate): Promise<ManualValueRow> {
  requirePermission(ctx.actor.permissions, "kpi.enter");
  return inTx(ctx, async (tx) => {
    const m = await q.manualIndicatorByKey(tx.db, input.indicatorKey);
    if (!m)
      throw invalid(
        "indicatorKey",
        "只有手工填报指标可以录入数值",
        "Only manual indicators take entered values",
      );
    if (!(m.unitKinds as string[]).includes(input.unitKind)) {
      throw invalid("unitKind", `指标「${m.name}」不适用于${unitKindLabels[input.unitKind]}`);
    }
    const period = parsePeriodKey(input.periodKey);
    if (!period) throw invalid("periodKey", "考核周期格式不正确", "Bad period");
    const unit = (await q.unitNames(tx.db, input.unitKind, [input.unitId])).get(input.unitId);
    if (!unit) throw invalid("unitId", "考核对象不存在", "No such unit");
    const [{ path } = { path: "" }] = await tx.db
      .select({ path: region.path })
      .from(region)
      .where(eq(region.id, unit.regionId));
    const own = tx.actor.grants.some(
      (g) => (g.kind === "park" || g.kind === "team") && g.refId === input.unitId,
    );
    if (!own && !coversRegionPath(tx.actor, path)) throw notFound();
    for (const [i, id] of input.evidenceFileIds.entries()) {
      const file = await getFile(tx, id).catch(() => null);
      if (!file) throw invalid(`evidenceFileIds.${i}`, "佐证材料不存在，请重新上传", "No such evidence file");
    }
    const [before] = await tx.db
      .select()
      .from(kpiValue)
      .where(
        and(
          eq(kpiValue.indicatorKey, m.key),
          eq(kpiValue.unitId, input.unitId),
          eq(kpiValue.periodKey, period.key),
        ),
      );
    const fields = {
      value: input.value,
      evidenceFileIds: input.evidenceFileIds,
      note: input.note ?? null,
      enteredBy: tx.actor.id,
      updatedAt: tx.now(),
    };
    const id = before?.id ?? newId();
    if (before) {
      await tx.db
        .update(kpiValue)
        .set({ ...fields, version: before.version + 1 })
        .where(eq(kpiValue.id, id));
    } else {
      await tx.db.insert(kpiValue).values({
        id,
        indicatorKey: m.key,
        regionId: unit.regionId,
        unitKind: input.unitKind,
        unitId: input.unitId,
        periodKind: period.kind,
        periodKey: period.key,
        fromOn: period.from,
        toOn: period.to,
        ...fields,
      });
    }
    const [after] = await tx.db.select().from(kpiValue).where(eq(kpiValue.id, id));
    const row = valueRow(after!, m.name, unit.name, tx.actor.name);
    await audit(tx, {
      action: before ? "update" : "create",
      subjectType: "kpi_value",
      subjectId: id,
      regionId: unit.regionId,
      before: before ?? undefined,
      after: after,
      meta: { label: row.name },
    });
    return row;
  });
}

export async function deleteValue(ctx: ActorCtx, id: string, version: number) {
  requirePermission(ctx.actor.permissions, "kpi.enter");
  await inTx(ctx, async (tx) => {
    const before = await q.getValue(tx.db, tx.actor, id);
    if (!before) throw notFound();
    if (before.version !== version) throw stale();
    await tx.db.delete(kpiValue).where(eq(kpiValue.id, id));
    await audit(tx, {
      action: "delete",
      subjectType: "kpi_value",
      subjectId: id,
      regionId: before.regionId,
      before,
    });
  });
}

// ─── goals ────────────────────────────────────────────────────────────────────────────

/**
 * Progress of goals, computed set-wise: the goals of one unit kind and year share one pass per
 * period (the year to date, each quarter begun) over all their units, the indicators of one source
 * folded into one statement (computeResolved), the periods side by side. `quarters: false` skips
 * the quarters' passes for readers that print the year to date only (a bulletin): their rows keep
 * each quarter's target with no actual.
 */
export async function goalRows(
  db: DbOrTx,
  goals: GoalRecord[],
  day: string,
  opts: { quarters?: boolean } = {},
): Promise<GoalRow[]> {
  const withQuarters = opts.quarters ?? true;
  const groups = new Map<string, GoalRecord[]>();
  for (const g of goals) {
    const k = `${g.unitKind}|${g.year}`;
    groups.set(k, [...(groups.get(k) ?? []), g]);
  }
  const out = new Map<string, GoalRow>();
  for (const list of groups.values()) {
    const first = list[0]!;
    const kind = first.unitKind as UnitKind;
    const keys = [...new Set(list.map((g) => g.indicatorKey))];
    const inds = new Map(
      await Promise.all(keys.map(async (k) => [k, await resolveIndicator(db, k)] as const)),
    );
    const resolved = [...inds.values()].filter((i): i is ResolvedIndicator => i !== null);
    const ids = [...new Set(list.map((g) => g.unitId))];
    const compute = (period: { from: string; to: string } | null) =>
      period && resolved.length
        ? computeResolved(db, resolved, { unitKind: kind, unitIds: ids, ...period })
        : Promise.resolve(new Map<string, Map<string, number>>());
    const quarterPeriods = ["01", "04", "07", "10"].map((m) => periodOf("quarter", `${first.year}-${m}-01`));
    const [names, ytdAll, ...quarterValues] = await Promise.all([
      q.unitNames(db, kind, ids),
      compute(yearToDate(first.year, day)),
      ...quarterPeriods.map((p) =>
        withQuarters && p.from <= day ? compute({ from: p.from, to: p.to < day ? p.to : day }) : null,
      ),
    ]);
    for (const g of list) {
      const ind = inds.get(g.indicatorKey) ?? null;
      const ytd = ytdAll.get(g.indicatorKey) ?? new Map<string, number>();
      const quarters = quarterPeriods.map((p, i) => ({
        p,
        values: quarterValues[i] ? (quarterValues[i].get(g.indicatorKey) ?? new Map<string, number>()) : null,
      }));
      const cumulative = ind?.cumulative ?? true;
      out.set(g.id, {
        ...goalToDate(g, ind, day, ytd.get(g.unitId), names.get(g.unitId)?.name ?? ""),
        quarters: quarters.map(({ p, values }) => ({
          key: p.key,
          label: p.label.slice(5),
          target: goalForRange(g, cumulative, p.from, p.to),
          actual: values ? (values.get(g.unitId) ?? null) : null,
        })),
      });
    }
  }
  return goals.map((g) => out.get(g.id)!);
}

const goalKind: RecordKind<GoalRow, GoalCreate> = {
  subjectType: "goal",
  table: kpiGoal,
  permission: "kpi.manage",
  texts: {
    duplicate: { zh: "该对象本年度已有此项目标", en: "That goal exists for the year" },
    field: "indicatorKey",
  },
  get: async (ctx, id) => {
    const g = await q.getGoal(ctx.db, ctx.actor, id);
    return g ? (await goalRows(ctx.db, [g], today(ctx)))[0]! : null;
  },
  check: async (ctx, input, before) => {
    if (!before) {
      await assertRegionWritable(ctx.db, ctx.actor, input.regionId!);
      await indicatorOrFail(ctx.db, input.indicatorKey!, input.unitKind!);
      await unitsIn(ctx.db, input.unitKind!, [input.unitId!], input.regionId!, "unitId");
      return;
    }
    const target = input.target ?? before.target;
    const split = input.split === undefined ? before.split : input.split;
    if (split && Math.abs(split.reduce((s, x) => s + x, 0) - target) > 1e-6) {
      throw invalid("split", "分月目标之和须等于年度目标", "Monthly targets must add up to the year's");
    }
  },
};

export async function listGoals(ctx: ActorCtx, query: GoalQuery) {
  requirePermission(ctx.actor.permissions, "kpi.read");
  const { items, total } = await q.listGoals(ctx.db, ctx.actor, query);
  return { items: await goalRows(ctx.db, items, today(ctx)), total };
}
export const getGoal = (ctx: ActorCtx, id: string) => goalKind.get(ctx, id);
export const createGoal = (ctx: ActorCtx, input: GoalCreate) => createRecord(ctx, goalKind, input);
export const updateGoal = (ctx: ActorCtx, id: string, input: GoalUpdate) =>
  updateRecord(ctx, goalKind, id, input as Partial<GoalCreate> & { version: number });
export const deleteGoal = (ctx: ActorCtx, id: string, version: number) =>
  deleteRecord(ctx, goalKind, id, version);
