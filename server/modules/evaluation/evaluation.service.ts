import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { evaluationFields } from "../../../common/evaluation.fields.js";
import { type PresetKey, presets } from "../../../common/evaluation.presets.js";
import {
  type FigureKey,
  figureLabels,
  type IndicatorKey,
  indicatorDefs,
  type overrideBody,
  type ResultQuery,
  type runCreate,
  type SchemeBody,
  type SchemeCreate,
  type SchemeQuery,
  type SchemeRow,
  type SchemeUpdate,
  schemeBody,
} from "../../../common/evaluation.schema.js";
import { type Averages, rawOf, toUnits } from "../../../common/evaluation.score.js";
import { audit } from "../../lib/audit/audit.service.js";
import { assertCondition } from "../../lib/conditions.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { AppError, notFound, stale } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../../lib/policy.js";
import { createRecord, deleteRecord, type RecordKind, updateRecord } from "../../lib/records.js";
import { assertRegionWritable } from "../../lib/scope.js";
import { getEnterprise } from "../enterprises/enterprises.queries.js";
import { explainResult } from "./evaluation.explain.js";
import * as q from "./evaluation.queries.js";
import { preflightSql, previousSumsSql, runStatement, scopeCountsSql } from "./evaluation.sql.js";
import { evaluationResult, evaluationRun, evaluationScheme } from "./evaluation.table.js";

type Rows<T> = { rows: T[] };
const invalid = (path: string, zh: string, en: string) =>
  new AppError("VALIDATION", { zh, en }, [{ path, message: zh }]);

/** Every condition of a scheme checked against the evaluation fields. */
function checkBody(body: SchemeBody) {
  assertCondition(body.scope, evaluationFields, "body.scope");
  const lists = { exclusions: body.exclusions, adjustments: body.adjustments, negative: body.negative };
  for (const [name, xs] of Object.entries(lists)) {
    for (const [i, x] of xs.entries()) assertCondition(x.condition, evaluationFields, `body.${name}.${i}`);
  }
}

const schemeKind: RecordKind<SchemeRow, SchemeCreate & { preset?: string | null }> = {
  subjectType: "evaluation_scheme",
  table: evaluationScheme,
  permission: "evaluation.manage",
  texts: {},
  get: (ctx, id) => q.getScheme(ctx.db, ctx.actor, id),
  check: async (ctx, input, before) => {
    if (!before || (input.regionId && input.regionId !== before.regionId)) {
      await assertRegionWritable(ctx.db, ctx.actor, input.regionId ?? before!.regionId);
    }
    if (input.body) checkBody(input.body);
  },
};

export function listSchemes(ctx: ActorCtx, query: SchemeQuery) {
  requirePermission(ctx.actor.permissions, "evaluation.read");
  return q.listSchemes(ctx.db, ctx.actor, query);
}
export const getScheme = (ctx: ActorCtx, id: string) => q.getScheme(ctx.db, ctx.actor, id);
export const createScheme = (ctx: ActorCtx, input: SchemeCreate) => createRecord(ctx, schemeKind, input);
export const updateScheme = (ctx: ActorCtx, id: string, input: SchemeUpdate) =>
  updateRecord(ctx, schemeKind, id, input);
export async function deleteScheme(ctx: ActorCtx, id: string, version: number) {
  if (await q.schemeHasRuns(ctx.db, id)) {
    throw invalid("id", "该方案已有评价批次，不能删除；可复制后修改", "The scheme has runs");
  }
  return deleteRecord(ctx, schemeKind, id, version);
}

/** 复制: a preset shipped with the product or an existing scheme, into a region and year. */
export async function copyScheme(
  ctx: ActorCtx,
  from: { preset?: PresetKey; schemeId?: string },
  target: { regionId: string; name: string; year: number },
) {
  let body: SchemeBody;
  let preset: string | null = null;
  if (from.preset) {
    const p = presets.find((x) => x.key === from.preset);
    if (!p) throw notFound();
    body = schemeBody.parse(p.body);
    preset = p.key;
  } else {
    const s = from.schemeId ? await q.getScheme(ctx.db, ctx.actor, from.schemeId) : null;
    if (!s) throw notFound();
    body = s.body;
    preset = s.preset;
  }
  return createRecord(ctx, schemeKind, { ...target, body, preset, note: null });
}

async function schemeFor(ctx: ActorCtx, id: string) {
  requirePermission(ctx.actor.permissions, "evaluation.read");
  const s = await q.getScheme(ctx.db, ctx.actor, id);
  if (!s) throw notFound();
  return s;
}

const derivedKeys = (body: SchemeBody) => [
  ...new Set([...body.above, ...body.below].filter((i) => i.benchmark.kind === "derived").map((i) => i.key)),
];

/** The previous year's averages per size group for the scheme's derived benchmarks. */
async function previousAverages(ctx: ActorCtx, s: SchemeRow): Promise<Averages> {
  const out: Averages = { above: {}, below: {} };
  const keys = derivedKeys(s.body);
  if (!keys.length) return out;
  const r = (await ctx.db.execute(previousSumsSql(s.year - 1, s.regionId, keys))) as unknown as Rows<
    Record<string, string | number | null>
  >;
  for (const row of r.rows) {
    const g = row.grp === "above" ? "above" : "below";
    for (const k of keys) {
      const def = indicatorDefs[k];
      const n = row[`${k}_n`];
      const d = row[`${k}_d`];
      if (n === null || d === null || n === undefined || d === undefined) continue;
      // The same conversion as yearAverages in common/evaluation.score.ts.
      const raw = { [rawOf[def.num]]: Number(n), [rawOf[def.den]]: Number(d) } as never;
      const u = toUnits({ ...emptyRaw, ...(raw as object) });
      out[g][k] = u[def.num]! / u[def.den]!;
    }
  }
  return out;
}
const emptyRaw = {
  taxFen: null,
  valueAddedFen: null,
  revenueFen: null,
  rdFen: null,
  landM2: null,
  energyTce: null,
  electricityKwh: null,
  emissionsT: null,
  employeesAvg: null,
};

/** 运行前检查: firms in scope missing figures, and derived benchmarks lacking last year's data. */
export async function preflight(ctx: ActorCtx, schemeId: string) {
  const s = await schemeFor(ctx, schemeId);
  const rows = (
    (await ctx.db.execute(preflightSql(s.body, s.year, s.regionId))) as unknown as Rows<{
      enterprise_id: string;
      name: string;
      size_class: string | null;
      missing: string[];
    }>
  ).rows;
  const previous = await previousAverages(ctx, s);
  const scoped = (
    (await ctx.db.execute(scopeCountsSql(s.body, s.year, s.regionId))) as unknown as Rows<{
      grp: string;
      evaluated: number;
      excluded: number;
    }>
  ).rows;
  const evaluated = { above: 0, below: 0 };
  let excluded = 0;
  for (const r of scoped) {
    evaluated[r.grp === "above" ? "above" : "below"] += Number(r.evaluated);
    excluded += Number(r.excluded);
  }
  // A group no firm is in needs no benchmark.
  const benchmarks = (["above", "below"] as const)
    .filter((g) => evaluated[g] > 0)
    .flatMap((g) =>
      s.body[g]
        .filter((i) => i.benchmark.kind === "derived")
        .map((i) => ({ group: g, key: i.key as IndicatorKey, average: previous[g][i.key] ?? null })),
    );
  return {
    evaluated,
    excluded,
    missing: rows.length,
    items: rows.slice(0, 200).map((r) => ({
      enterpriseId: r.enterprise_id,
      name: r.name,
      sizeClass: r.size_class,
      missing: r.missing.map((k) => figureLabels[k as FigureKey] ?? k),
    })),
    benchmarks,
    noBenchmark: benchmarks.filter((b) => b.average === null).length,
  };
}

/**
 * 运行: one set-based statement writes every result row; the run keeps the scheme as run, the
 * averages used and a digest of its rows, and one audit entry records counts and digest.
 */
export async function runScheme(ctx: ActorCtx, input: z.infer<typeof runCreate>) {
  requirePermission(ctx.actor.permissions, "evaluation.run");
  const s = await schemeFor(ctx, input.schemeId);
  await assertRegionWritable(ctx.db, ctx.actor, s.regionId);
  // Without `force` the preflight decides; with it the caller has seen the preflight (the run
  // page shows it first) and the run counts the firms scored with a figure missing itself.
  const pre = input.force ? null : await preflight(ctx, s.id);
  if (pre && (pre.missing > 0 || pre.noBenchmark > 0)) {
    const parts = [
      pre.missing ? `${pre.missing} 家企业缺少评价数据` : "",
      pre.noBenchmark ? `${pre.noBenchmark} 项基准值缺少上年数据` : "",
    ].filter(Boolean);
    throw new AppError(
      "VALIDATION",
      {
        zh: `${parts.join("，")}；请补齐数据，或确认后仍然运行`,
        en: "Figures are missing; confirm to run anyway",
      },
      pre.items.slice(0, 20).map((r) => ({ path: r.name, message: `缺少：${r.missing.join("、")}` })),
    );
  }
  return inTx(ctx, async (tx) => {
    // The run sorts and hashes every firm of the region once: memory for that, this transaction only.
    await tx.db.execute(sql`set local work_mem = '256MB'`);
    const runId = newId();
    const previous = await previousAverages(tx, s);
    await tx.db.insert(evaluationRun).values({
      id: runId,
      schemeId: s.id,
      regionId: s.regionId,
      year: s.year,
      schemeName: s.name,
      scheme: s.body,
      previous,
      status: "running",
      forced: input.force ? 1 : 0,
      note: input.note ?? null,
      createdBy: tx.actor.id,
      startedAt: tx.now(),
    });
    const { counts, digest, missing } = q.runSummaryOf(
      await tx.db.execute(
        runStatement({ runId, year: s.year, regionId: s.regionId, scheme: s.body, previous }),
      ),
    );
    await tx.db
      .update(evaluationRun)
      .set({ status: "done", counts, digest, missing, finishedAt: tx.now() })
      .where(eq(evaluationRun.id, runId));
    await audit(tx, {
      action: "evaluation_run",
      subjectType: "evaluation_run",
      subjectId: runId,
      regionId: s.regionId,
      meta: {
        label: `${s.name}（${s.year} 年度）`,
        counts,
        digest,
        missing,
        forced: input.force,
      },
    });
    return (await q.getRun(tx.db, tx.actor, runId))!;
  });
}

export function listRuns(ctx: ActorCtx, schemeId?: string) {
  requirePermission(ctx.actor.permissions, "evaluation.read");
  return q.listRuns(ctx.db, ctx.actor, schemeId);
}
export async function getRun(ctx: ActorCtx, id: string) {
  requirePermission(ctx.actor.permissions, "evaluation.read");
  const r = await q.getRun(ctx.db, ctx.actor, id);
  if (!r) throw notFound();
  return r;
}
export async function listResults(ctx: ActorCtx, runId: string, query: ResultQuery) {
  await getRun(ctx, runId);
  return q.listResults(ctx.db, ctx.actor, runId, query);
}
export async function distributions(ctx: ActorCtx, runId: string) {
  await getRun(ctx, runId);
  const [all, parks, industries, chains] = await Promise.all([
    q.distribution(ctx.db, ctx.actor, runId, "class"),
    q.distribution(ctx.db, ctx.actor, runId, "park"),
    q.distribution(ctx.db, ctx.actor, runId, "industry"),
    q.distribution(ctx.db, ctx.actor, runId, "chain"),
  ]);
  return { all: all[0] ?? null, parks, industries, chains };
}

/** 企业评价卡: each indicator's value, benchmark and score, and how the class was reached. */
export async function card(ctx: ActorCtx, runId: string, enterpriseId: string) {
  const run = await getRun(ctx, runId);
  const r = await q.getResult(ctx.db, ctx.actor, runId, enterpriseId);
  if (!r) throw notFound();
  const members = r.members > 1 ? await q.unitMembers(ctx.db, runId, r.unit) : [];
  return { run, result: r, members, explanation: explainResult(run.scheme, r) };
}

/** 人工调整等级: recorded with the reason; the computed class stays beside it. */
export async function overrideClass(
  ctx: ActorCtx,
  runId: string,
  enterpriseId: string,
  input: z.infer<typeof overrideBody>,
) {
  requirePermission(ctx.actor.permissions, "evaluation.run");
  return inTx(ctx, async (tx) => {
    const before = await q.getResult(tx.db, tx.actor, runId, enterpriseId);
    if (!before) throw notFound();
    const rows = await tx.db
      .update(evaluationResult)
      .set({
        class: input.class,
        overrideReason: input.reason,
        overriddenBy: tx.actor.id,
        overriddenAt: tx.now(),
        version: input.version + 1,
      })
      .where(
        and(
          eq(evaluationResult.runId, runId),
          eq(evaluationResult.enterpriseId, enterpriseId),
          eq(evaluationResult.version, input.version),
        ),
      )
      .returning({ id: evaluationResult.enterpriseId });
    if (!rows.length) throw stale();
    const run = (await q.getRun(tx.db, tx.actor, runId))!;
    await audit(tx, {
      action: "evaluation_override",
      subjectType: "enterprise",
      subjectId: enterpriseId,
      regionId: run.regionId,
      before: { class: before.class, overrideReason: before.overrideReason },
      after: { class: input.class, overrideReason: input.reason },
      meta: { label: before.enterpriseName, runId },
    });
    return (await q.getResult(tx.db, tx.actor, runId, enterpriseId))!;
  });
}

export async function firmResults(ctx: ActorCtx, enterpriseId: string) {
  requirePermission(ctx.actor.permissions, "evaluation.read");
  const firm = await getEnterprise(ctx.db, ctx.actor, enterpriseId, new Date().toISOString().slice(0, 10));
  if (!firm) throw notFound();
  return {
    items: await q.firmResults(ctx.db, ctx.actor, enterpriseId),
    events: await q.listEvents(ctx.db, enterpriseId),
  };
}

/** 年度等级变动 against the region's latest run of the year before (null when there is none). */
export async function movement(ctx: ActorCtx, runId: string) {
  const run = await getRun(ctx, runId);
  const prev = await q.previousRun(ctx.db, run.regionId, run.year);
  if (!prev) return { previous: null, items: [] };
  return { previous: prev, items: await q.movement(ctx.db, ctx.actor, runId, prev.id) };
}
