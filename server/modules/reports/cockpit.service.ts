import type {
  Block,
  Cockpit,
  CockpitAlerts,
  CockpitChain,
  CockpitMap,
  CockpitPipeline,
  CockpitQuery,
  CockpitRanking,
} from "../../../common/cockpit.schema.js";
import type { ProjectStage } from "../../../common/project.schema.js";
import type { Actor, ActorCtx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import type { Permission } from "../../lib/policy.js";
import { requirePermission } from "../../lib/policy.js";
import { linkFacts } from "../chains/chains.map.queries.js";
import { listChains } from "../chains/chains.queries.js";
import { latestRunInScope } from "../kpi/kpi.queries.js";
import { runRow } from "../kpi/kpi.ranking.js";
import { listProblems } from "../problems/problems.queries.js";
import { listNodes } from "../projects/nodes.queries.js";
import { pipelineStages } from "../projects/pipeline.queries.js";
import { listAppeals } from "../service/appeals.queries.js";
import { parkExtents, viewport } from "../sites/sites.queries.js";
import { figuresAndGoals } from "./cockpit.figures.js";
import { goalsToDate } from "./cockpit.goals.js";
import { narrowActor, type ScopeUnits, scopeLabel, scopeUnits, withGoals } from "./cockpit.scope.js";

export const ok = <T>(data: T): Block<T> => ({ status: "ok", data });
export const empty = { status: "empty" } as const;
export const forbidden = { status: "forbidden" } as const;
const may = (actor: Actor, p: Permission) => actor.permissions.has(p);

/** How many overdue items each alert group lists beside its count. */
const ALERT_ITEMS = 5;
/** Units shown from the latest ranking run. */
const RANKING_TOP = 10;

export async function pipelineBlock(ctx: ActorCtx, actor: Actor, today: string, teamId?: string) {
  const p = await pipelineStages(ctx.db, actor, teamId ? { teamId } : {}, today);
  const data: CockpitPipeline = {
    stages: p.stages.map((s) => ({ stage: s.stage as ProjectStage, n: s.n, investmentFen: s.investmentFen })),
    total: p.total,
    investmentFen: p.stages.reduce((a, s) => a + s.investmentFen, 0),
  };
  return data;
}

/** Overdue nodes, problems and appeals the actor reaches: counts, the most overdue few, links. */
export async function alertGroups(
  ctx: ActorCtx,
  actor: Actor,
  today: string,
  filter: { departmentId?: string } = {},
): Promise<CockpitAlerts> {
  const page = { page: 1, pageSize: ALERT_ITEMS };
  const dep = filter.departmentId ? `&departmentId=${filter.departmentId}` : "";
  // The three lists are independent reads, side by side.
  const [nodes, problems, appeals] = await Promise.all([
    may(actor, "project.read")
      ? listNodes(ctx.db, actor, { ...page, due: "overdue", ...filter }, today).then((r) => ({
          total: r.total,
          link: `/nodes?due=overdue${dep}`,
          items: r.items.map((n) => ({
            id: n.id,
            title: n.name,
            subject: n.projectName,
            dueOn: n.dueOn,
            lateWorkdays: n.lateWorkdays === null ? null : Number(n.lateWorkdays),
            link: `/projects/${n.projectId}`,
          })),
        }))
      : null,
    may(actor, "problem.read")
      ? listProblems(
          ctx.db,
          actor,
          { ...page, overdue: "yes", sort: "dueOn", order: "asc", ...filter },
          today,
        ).then((r) => ({
          total: r.total,
          link: `/problems?overdue=yes${dep}`,
          items: r.items.map((p) => ({
            id: p.id,
            title: p.title,
            subject: p.subjectName ?? p.departmentName,
            dueOn: p.dueOn,
            lateWorkdays: p.lateWorkdays,
            link: `/projects/${p.subjectId}`,
          })),
        }))
      : null,
    may(actor, "appeal.read")
      ? listAppeals(
          ctx.db,
          actor,
          { ...page, overdue: "yes", sort: "dueOn", order: "asc", ...filter },
          today,
        ).then((r) => ({
          total: r.total,
          link: `/appeals?overdue=yes${dep}`,
          items: r.items.map((a) => ({
            id: a.id,
            title: a.title,
            subject: a.enterpriseName,
            dueOn: a.dueOn,
            lateWorkdays: a.lateWorkdays,
            link: `/appeals/${a.id}`,
          })),
        }))
      : null,
  ]);
  return { nodes, problems, appeals };
}

async function rankingBlock(ctx: ActorCtx, actor: Actor, regionId?: string): Promise<Block<CockpitRanking>> {
  if (!may(actor, "kpi.read")) return forbidden;
  const id = await latestRunInScope(ctx.db, actor, { regionId });
  const run = id ? await runRow({ ...ctx, actor }, id) : null;
  if (!run || run.units.length === 0) return empty;
  return ok({
    runId: run.id,
    schemeId: run.schemeId,
    schemeName: run.schemeName,
    periodLabel: run.periodLabel,
    previousPeriodLabel: run.previousPeriodLabel,
    unitCount: run.units.length,
    units: run.units.slice(0, RANKING_TOP).map((u) => ({
      unitId: u.unitId,
      unitName: u.unitName,
      rank: u.rank,
      total: u.total,
      change: u.change,
    })),
  });
}

async function mapBlock(ctx: ActorCtx, actor: Actor): Promise<Block<CockpitMap>> {
  if (!may(actor, "site.read")) return forbidden;
  const [sites, parks] = await Promise.all([viewport(ctx.db, actor, {}), parkExtents(ctx.db, actor)]);
  if (sites.features.length === 0) return empty;
  const byStatus: Record<string, number> = {};
  for (const f of sites.features) byStatus[f.properties.status] = (byStatus[f.properties.status] ?? 0) + 1;
  return ok({
    parks: parks.filter((p): p is typeof p & { parkId: string } => p.parkId !== null),
    sites,
    byStatus,
  });
}

async function chainsBlock(
  ctx: ActorCtx,
  actor: Actor,
  today: string,
  regionId?: string,
): Promise<Block<CockpitChain[]>> {
  if (!may(actor, "chain.read")) return forbidden;
  const { items } = await listChains(ctx.db, actor, { page: 1, pageSize: 30, status: "active", regionId });
  if (items.length === 0) return empty;
  const links = await linkFacts(ctx.db, items, today);
  return ok(
    items.map((c) => {
      const mine = links.filter((l) => l.chainId === c.id);
      const by = (s: string) => mine.filter((l) => l.strength === s).length;
      return {
        chainId: c.id,
        name: c.name,
        regionName: c.regionName,
        links: mine.length,
        strong: by("strong"),
        weak: by("weak"),
        missing: by("missing"),
      };
    }),
  );
}

/** The goals of the year in scope, their progress to date computed as the KPI module does. */
export const goalsOfYear = (ctx: ActorCtx, actor: Actor, year: number) =>
  goalsToDate(ctx.db, actor, year, chinaDay(ctx.now()));

const kindOrder = { region: 0, park: 1, enclave: 2, team: 3, chain: 4 } as const;

/**
 * 领导驾驶舱: the year's figures, goals, pipeline, latest 赛马, map, chains and alerts in one
 * answer. Each block is read through its owning module with the actor's scope (narrowed to a
 * region when one is chosen) and says `empty` when that module has nothing there.
 */
export async function getCockpit(ctx: ActorCtx, query: CockpitQuery): Promise<Cockpit> {
  requirePermission(ctx.actor.permissions, "cockpit.read");
  const actor = await narrowActor(ctx.db, ctx.actor, query.regionId);
  const today = chinaDay(ctx.now());
  const year = query.year ?? Number(today.slice(0, 4));
  const units: ScopeUnits[] = await scopeUnits(ctx.db, actor);
  const c = { ...ctx, actor };

  // The blocks are independent reads: on PostgreSQL they run side by side on the pool. The key
  // figures and the goals are one pass (cockpit.figures): every indicator either needs at once.
  const [pipeline, yearly, alerts, ranking, map, chains, label] = await Promise.all([
    may(actor, "project.read") ? pipelineBlock(c, actor, today) : null,
    figuresAndGoals(ctx.db, actor, may(actor, "project.read") && units.length ? units : null, year, today),
    alertGroups(c, actor, today),
    rankingBlock(c, actor, query.regionId),
    mapBlock(c, actor),
    chainsBlock(c, actor, today, query.regionId),
    scopeLabel(ctx.db, actor, units),
  ]);
  const { figures: values, goals } = yearly;
  const figures =
    pipeline === null
      ? forbidden
      : pipeline.total === 0 || units.length === 0
        ? empty
        : ok(withGoals(values, units, goals));
  const alertTotal =
    (alerts.nodes?.total ?? 0) + (alerts.problems?.total ?? 0) + (alerts.appeals?.total ?? 0);

  return {
    year,
    asOf: today,
    generatedAt: ctx.now().toISOString(),
    scopeLabel: label,
    regionId: query.regionId ?? null,
    figures,
    goals: !may(actor, "kpi.read")
      ? forbidden
      : goals.length === 0
        ? empty
        : ok(
            [...goals]
              .sort(
                (a, b) =>
                  kindOrder[a.unitKind] - kindOrder[b.unitKind] ||
                  a.unitName.localeCompare(b.unitName, "zh-CN") ||
                  a.indicatorName.localeCompare(b.indicatorName, "zh-CN"),
              )
              .slice(0, 12),
          ),
    pipeline: pipeline === null ? forbidden : pipeline.total === 0 ? empty : ok(pipeline),
    ranking,
    map,
    chains,
    alerts:
      !alerts.nodes && !alerts.problems && !alerts.appeals
        ? forbidden
        : alertTotal === 0
          ? empty
          : ok(alerts),
  };
}
