import { goalForRange, parsePeriodKey, previousPeriod } from "../../../common/kpi.period.js";
import type {
  RankingUnit,
  RunCreate,
  RunRow,
  SchemeCreate,
  SchemeRow,
  SchemeUpdate,
  UnitKind,
} from "../../../common/kpi.schema.js";
import { rankChange, scoreGroup, type UnitInput, weightProblem } from "../../../common/kpi.score.js";
import type { DbOrTx } from "../../db/client.js";
import { audit } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { notFound } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../../lib/policy.js";
import { createRecord, deleteRecord, type RecordKind, updateRecord } from "../../lib/records.js";
import { assertRegionWritable } from "../../lib/scope.js";
import { computeResolved, type ResolvedIndicator, resolveIndicator } from "./kpi.indicators.js";
import * as q from "./kpi.queries.js";
import { indicatorOrFail, invalid, unitsIn } from "./kpi.service.js";
import { kpiScheme } from "./kpi.table.js";

type SchemeRecord = typeof kpiScheme.$inferSelect;

async function schemeRow(db: DbOrTx, s: SchemeRecord): Promise<SchemeRow> {
  const names = await q.unitNames(db, s.unitKind as UnitKind, s.unitIds);
  const items: SchemeRow["items"] = [];
  for (const it of s.items) {
    const ind = await resolveIndicator(db, it.indicatorKey);
    items.push({ ...it, indicatorName: ind?.name ?? it.indicatorKey, unit: ind?.unit ?? "" });
  }
  const last = await q.latestRun(db, s.id);
  return {
    id: s.id,
    regionId: s.regionId,
    regionName: await q.regionName(db, s.regionId),
    name: s.name,
    unitKind: s.unitKind as UnitKind,
    unitIds: s.unitIds,
    units: s.unitIds.map((id) => ({ id, name: names.get(id)?.name ?? "" })),
    periodKind: s.periodKind as SchemeRow["periodKind"],
    items,
    adjustments: s.adjustments,
    description: s.description,
    version: s.version,
    lastRun: last
      ? {
          id: last.run.id,
          periodKey: last.run.periodKey,
          periodLabel: parsePeriodKey(last.run.periodKey)?.label ?? last.run.periodKey,
        }
      : null,
  };
}

const schemeKind: RecordKind<SchemeRow, SchemeCreate> = {
  subjectType: "kpi_scheme",
  table: kpiScheme,
  permission: "kpi.manage",
  texts: { duplicate: { zh: "该行政区已有同名考核方案", en: "A scheme of that name exists" }, field: "name" },
  get: async (ctx, id) => {
    const s = await q.getScheme(ctx.db, ctx.actor, id);
    return s ? schemeRow(ctx.db, s) : null;
  },
  check: async (ctx, input, before) => {
    const regionId = input.regionId ?? before!.regionId;
    const unitKind = input.unitKind ?? before!.unitKind;
    if (input.regionId) await assertRegionWritable(ctx.db, ctx.actor, input.regionId);
    const items = input.items ?? before!.items;
    const problem = weightProblem(items);
    if (problem) throw invalid("items", problem, "Weights must add up to 100");
    const seen = new Set<string>();
    for (const [i, it] of items.entries()) {
      if (seen.has(it.indicatorKey)) throw invalid(`items.${i}.indicatorKey`, "同一指标不能重复列入方案");
      seen.add(it.indicatorKey);
      await indicatorOrFail(ctx.db, it.indicatorKey, unitKind, `items.${i}.indicatorKey`);
    }
    const keys = new Set<string>();
    for (const [i, a] of (input.adjustments ?? before?.adjustments ?? []).entries()) {
      if (keys.has(a.key)) throw invalid(`adjustments.${i}.key`, "加减分项重复");
      keys.add(a.key);
    }
    const unitIds = input.unitIds ?? before!.unitIds;
    if (new Set(unitIds).size !== unitIds.length) throw invalid("unitIds", "考核对象有重复");
    if (input.unitIds || input.unitKind || input.regionId)
      await unitsIn(ctx.db, unitKind, unitIds, regionId, "unitIds");
  },
};

export async function listSchemes(ctx: ActorCtx, query: { page: number; pageSize: number; q?: string }) {
  requirePermission(ctx.actor.permissions, "kpi.read");
  const { items, total } = await q.listSchemes(ctx.db, ctx.actor, query);
  const rows: SchemeRow[] = [];
  for (const s of items) rows.push(await schemeRow(ctx.db, s));
  return { items: rows, total };
}
export const getScheme = (ctx: ActorCtx, id: string) => schemeKind.get(ctx, id);
export const createScheme = (ctx: ActorCtx, input: SchemeCreate) => createRecord(ctx, schemeKind, input);
export const updateScheme = (ctx: ActorCtx, id: string, input: SchemeUpdate) =>
  updateRecord(ctx, schemeKind, id, input);
export const deleteScheme = (ctx: ActorCtx, id: string, version: number) =>
  deleteRecord(ctx, schemeKind, id, version);

/**
 * Ranks the scheme's units for a period: each indicator in ONE statement over the whole unit set,
 * goals for the period from the yearly goals, adjustments checked against their caps; the inputs
 * and results are stored as the run, so a ranking once announced stays as it was computed.
 */
export async function runScheme(ctx: ActorCtx, schemeId: string, input: RunCreate): Promise<RunRow> {
  const s = await q.getScheme(ctx.db, ctx.actor, schemeId);
  if (!s) throw notFound();
  requirePermission(ctx.actor.permissions, "kpi.manage");
  const period = parsePeriodKey(input.periodKey);
  if (!period || period.kind !== s.periodKind) {
    throw invalid("periodKey", "考核周期与方案的周期类型不符", "The period does not match the scheme");
  }
  const caps = new Map(s.adjustments.map((a) => [a.key, a]));
  const units = new Set(s.unitIds);
  const given = new Map<string, Map<string, { points: number; note: string | null }>>();
  for (const [i, a] of input.adjustments.entries()) {
    const item = caps.get(a.key);
    if (!item) throw invalid(`adjustments.${i}.key`, "方案中没有该加减分项");
    if (!units.has(a.unitId)) throw invalid(`adjustments.${i}.unitId`, "该对象不在方案的考核范围内");
    const perUnit = given.get(a.unitId) ?? new Map();
    const points = (perUnit.get(a.key)?.points ?? 0) + a.points;
    if (points > item.cap)
      throw invalid(`adjustments.${i}.points`, `加减分项「${item.label}」最多 ${item.cap} 分`);
    perUnit.set(a.key, { points, note: a.note ?? null });
    given.set(a.unitId, perUnit);
  }
  const kind = s.unitKind as UnitKind;
  const inds = new Map<string, ResolvedIndicator>();
  for (const it of s.items) {
    const ind = await resolveIndicator(ctx.db, it.indicatorKey);
    if (!ind) throw invalid("items", `指标 ${it.indicatorKey} 已不存在，请修改方案`);
    inds.set(it.indicatorKey, ind);
  }
  // Indicators sharing a source in one pass, the others one statement each, issued together:
  // PostgreSQL runs them on the pool's connections side by side; PGlite takes them in turn.
  const args = { unitKind: kind, unitIds: s.unitIds, from: period.from, to: period.to };
  const values = await computeResolved(ctx.db, [...inds.values()], args);
  const year = Number(period.from.slice(0, 4));
  const goals = await q.goalsFor(ctx.db, [...inds.keys()], s.unitIds, year);
  const inputs: UnitInput[] = s.unitIds.map((unitId) => {
    const g: Record<string, number | null> = {};
    const v: Record<string, number | null> = {};
    for (const it of s.items) {
      v[it.indicatorKey] = values.get(it.indicatorKey)!.get(unitId) ?? null;
      const goal = goals.find((x) => x.unitId === unitId && x.indicatorKey === it.indicatorKey);
      g[it.indicatorKey] = goal
        ? goalForRange(goal, inds.get(it.indicatorKey)!.cumulative, period.from, period.to)
        : null;
    }
    const adj: Record<string, number> = {};
    for (const [k, x] of given.get(unitId) ?? []) adj[k] = x.points;
    return { unitId, values: v, goals: g, adjustments: adj };
  });
  const scored = scoreGroup(s.items, s.adjustments, inputs, (k) => inds.get(k)!.higherIsBetter);
  const results = scored.map((r) => ({
    ...r,
    adjustments: [...(given.get(r.unitId) ?? [])].map(([key, x]) => ({
      key,
      label: caps.get(key)!.label,
      kind: caps.get(key)!.kind,
      points: x.points,
      note: x.note,
    })),
  }));
  const id = newId();
  await inTx(ctx, async (tx) => {
    await q.insertRun(tx.db, {
      id,
      schemeId: s.id,
      regionId: s.regionId,
      periodKey: period.key,
      fromOn: period.from,
      toOn: period.to,
      schemeVersion: s.version,
      items: s.items,
      results,
      computedBy: tx.actor.id,
      computedAt: tx.now(),
    });
    await audit(tx, {
      action: "run",
      subjectType: "kpi_run",
      subjectId: id,
      regionId: s.regionId,
      after: { schemeId: s.id, periodKey: period.key, units: results.length },
      meta: { label: `${s.name} · ${period.label}` },
    });
  });
  return (await runRow(ctx, id))!;
}

/** A stored run as the ranking page shows it, with each unit's change since the last period. */
export async function runRow(ctx: ActorCtx, id: string): Promise<RunRow | null> {
  requirePermission(ctx.actor.permissions, "kpi.read");
  const found = await q.getRun(ctx.db, id);
  if (!found) return null;
  const s = await q.getScheme(ctx.db, ctx.actor, found.run.schemeId);
  if (!s) return null;
  const { run } = found;
  const period = parsePeriodKey(run.periodKey)!;
  const prevPeriod = previousPeriod(period);
  const prev = await q.latestRun(ctx.db, s.id, prevPeriod.key);
  const prevRanks = new Map((prev?.run.results ?? []).map((r) => [r.unitId, r.rank]));
  const names = await q.unitNames(
    ctx.db,
    s.unitKind as UnitKind,
    run.results.map((r) => r.unitId),
  );
  const items: RunRow["items"] = [];
  for (const it of run.items) {
    const ind = await resolveIndicator(ctx.db, it.indicatorKey);
    items.push({ ...it, indicatorName: ind?.name ?? it.indicatorKey, unit: ind?.unit ?? "" });
  }
  const units: RankingUnit[] = run.results
    .map((r) => {
      const previousRank = prevRanks.get(r.unitId) ?? null;
      return {
        ...r,
        unitName: names.get(r.unitId)?.name ?? "",
        previousRank,
        change: rankChange(r.rank, previousRank),
      };
    })
    .sort((a, b) => a.rank - b.rank || a.unitName.localeCompare(b.unitName, "zh-CN"));
  return {
    id: run.id,
    schemeId: s.id,
    schemeName: s.name,
    regionId: s.regionId,
    periodKey: run.periodKey,
    periodLabel: period.label,
    from: run.fromOn,
    to: run.toOn,
    computedAt: run.computedAt.toISOString(),
    computedByName: found.computedByName,
    previousRunId: prev?.run.id ?? null,
    previousPeriodLabel: prev ? prevPeriod.label : null,
    items,
    units,
  };
}

/** The ranking of a scheme for a period (its latest run), or its latest period; the periods run. */
export async function ranking(ctx: ActorCtx, schemeId: string, periodKey?: string) {
  requirePermission(ctx.actor.permissions, "kpi.read");
  const s = await q.getScheme(ctx.db, ctx.actor, schemeId);
  if (!s) throw notFound();
  const latest = await q.latestRun(ctx.db, schemeId, periodKey);
  return {
    run: latest ? await runRow(ctx, latest.run.id) : null,
    periods: await q.runPeriods(ctx.db, schemeId),
  };
}

export async function getRun(ctx: ActorCtx, id: string): Promise<RunRow> {
  const row = await runRow(ctx, id);
  if (!row) throw notFound();
  return row;
}
