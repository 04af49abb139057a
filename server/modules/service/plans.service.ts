import type { Condition } from "../../../common/conditions.js";
import { enterpriseFields } from "../../../common/enterprise.fields.js";
import type {
  Coverage,
  PlanPeriod,
  VisitPlanCreate,
  VisitPlanRow,
  VisitPlanUpdate,
} from "../../../common/visit.schema.js";
import { assertCondition } from "../../lib/conditions.js";
import type { ActorCtx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { AppError, notFound } from "../../lib/errors.js";
import { requirePermission, systemActor } from "../../lib/policy.js";
import { createRecord, deleteRecord, type RecordKind, updateRecord } from "../../lib/records.js";
import { assertRegionWritable } from "../../lib/scope.js";
import { getPark } from "../org/org.queries.js";
import * as q from "./plans.queries.js";
import { visitPlan } from "./service.table.js";

const invalid = (path: string, zh: string, en: string) =>
  new AppError("VALIDATION", { zh, en }, [{ path, message: zh }]);
const today = (ctx: ActorCtx) => chinaDay(ctx.now());

const planKind: RecordKind<VisitPlanRow, VisitPlanCreate> = {
  subjectType: "visit_plan",
  table: visitPlan,
  permission: "visit.plan",
  texts: {},
  get: (ctx, id) => q.getPlan(ctx.db, ctx.actor, id),
  check: async (ctx, input, before) => {
    const regionId = input.regionId ?? before?.regionId;
    const parkId = input.parkId === undefined ? before?.parkId : input.parkId;
    const placeChanged = input.regionId !== undefined || input.parkId !== undefined;
    if (placeChanged) {
      // A park's specialist plans for their park; a region's staff for any of its parks.
      const p = parkId ? await getPark(ctx.db, ctx.actor, parkId) : null;
      if (parkId && !p) {
        const any = await getPark(ctx.db, systemActor, parkId);
        if (!any) throw invalid("parkId", "园区不存在", "No such park");
        throw notFound();
      }
      if (p && p.regionId !== regionId) {
        throw invalid("parkId", "所选园区不属于该行政区", "The park is not in the chosen region");
      }
      if (!p && regionId) await assertRegionWritable(ctx.db, ctx.actor, regionId);
    }
    if (input.condition) assertCondition(input.condition, enterpriseFields);
  },
};

export const listPlans = (ctx: ActorCtx, query: q.PlanQuery) => {
  requirePermission(ctx.actor.permissions, "visit.read");
  return q.listPlans(ctx.db, ctx.actor, query);
};
export const getPlan = (ctx: ActorCtx, id: string) => q.getPlan(ctx.db, ctx.actor, id);
export const createPlan = (ctx: ActorCtx, input: VisitPlanCreate) => createRecord(ctx, planKind, input);
export const updatePlan = (ctx: ActorCtx, id: string, input: VisitPlanUpdate) =>
  updateRecord(ctx, planKind, id, input);
export const deletePlan = (ctx: ActorCtx, id: string, version: number) =>
  deleteRecord(ctx, planKind, id, version);

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The first and last day of a period key: 2026, 2026-Q4 or 2026-12. */
export function periodRange(key: string): { from: string; to: string } {
  const y = Number(key.slice(0, 4));
  const quarter = /-Q([1-4])$/.exec(key);
  const month = /-(\d{2})$/.exec(key);
  if (quarter) {
    const first = (Number(quarter[1]) - 1) * 3 + 1;
    return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${lastDay(y, first + 2)}` };
  }
  if (month) {
    const m = Number(month[1]);
    return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${lastDay(y, m)}` };
  }
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/** The period of a plan's kind that holds a day. */
export function periodOf(kind: PlanPeriod, day: string): string {
  const y = day.slice(0, 4);
  const m = Number(day.slice(5, 7));
  if (kind === "year") return y;
  if (kind === "quarter") return `${y}-Q${Math.ceil(m / 3)}`;
  return `${y}-${pad(m)}`;
}

async function planFor(ctx: ActorCtx, id: string) {
  requirePermission(ctx.actor.permissions, "visit.read");
  const plan = await q.getPlan(ctx.db, ctx.actor, id);
  if (!plan) throw notFound();
  return plan;
}

/** 走访覆盖率: the plan's firms visited at least once in the period, in total and by group. */
export async function planCoverage(ctx: ActorCtx, id: string, period?: string): Promise<Coverage> {
  const plan = await planFor(ctx, id);
  const key = period ?? periodOf(plan.period, today(ctx));
  const { from, to } = periodRange(key);
  const c = await q.coverage(ctx.db, q.population(plan, ctx.actor, today(ctx)), from, to);
  return {
    planId: id,
    period: key,
    from,
    to,
    targetRate: plan.targetRate,
    rate: q.rate(c.visited, c.population),
    ...c,
  };
}

export async function planUnvisited(
  ctx: ActorCtx,
  id: string,
  query: q.UnvisitedFilter & { period?: string },
) {
  const plan = await planFor(ctx, id);
  const { from, to } = periodRange(query.period ?? periodOf(plan.period, today(ctx)));
  return q.unvisited(ctx.db, q.population(plan, ctx.actor, today(ctx)), from, to, query);
}

export async function previewPlan(
  ctx: ActorCtx,
  input: { regionId: string; parkId?: string | null; condition: Condition },
) {
  requirePermission(ctx.actor.permissions, "visit.read");
  assertCondition(input.condition, enterpriseFields);
  return q.preview(ctx.db, q.population({ parkId: null, ...input }, ctx.actor, today(ctx)));
}
