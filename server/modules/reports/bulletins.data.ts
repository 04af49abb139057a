import { eq } from "drizzle-orm";
import { type Period, periodOf, previousPeriod } from "../../../common/kpi.period.js";
import type { GoalRow, RunRow } from "../../../common/kpi.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor, ActorCtx } from "../../lib/context.js";
import { systemActor } from "../../lib/policy.js";
import * as kq from "../kpi/kpi.queries.js";
import { runRow } from "../kpi/kpi.ranking.js";
import { goalRows } from "../kpi/kpi.service.js";
import { region } from "../org/org.table.js";
import { openAsOf } from "./bulletins.lists.js";

/** How many overdue nodes, problems and appeals a bulletin lists by name (the counts are whole). */
export const LIST_LIMIT = 30;
/** Units at the bottom of the ranking named as lagging: the last third, at least one. */
const laggingShare = 1 / 3;

export interface BulletinFacts {
  title: string;
  issuer: string;
  docNo: string;
  regionName: string;
  period: Period;
  /** the day the figures stand at: the period's end, or today while it runs */
  asOf: string;
  recipients: string[];
  copyTo: string[];
  goals: GoalRow[];
  ranking: RunRow | null;
  /** the scheme named but with no run for the period */
  schemeName: string | null;
  lagging: { unitName: string; reason: string }[];
  overdueNodes: {
    items: { project: string; node: string; department: string; dueOn: string; late: number }[];
    total: number;
  };
  problems: {
    items: {
      title: string;
      subject: string;
      department: string;
      dueOn: string | null;
      late: number | null;
      status: string;
    }[];
    total: number;
  };
  appeals: {
    items: {
      title: string;
      enterprise: string;
      department: string;
      dueOn: string | null;
      late: number | null;
      status: string;
    }[];
    total: number;
  };
}

/**
 * The bulletin speaks for the issuing region, whoever presses 生成: its figures are read with the
 * region's whole subtree in reach, not narrowed to the requester's park or team.
 */
export async function regionActor(db: DbOrTx, regionId: string): Promise<Actor> {
  const [r] = await db.select({ path: region.path }).from(region).where(eq(region.id, regionId));
  return { ...systemActor, grants: [{ kind: "region", refId: regionId, path: r?.path ?? "" }], regionId };
}

/** The run a bulletin prints: the scheme's run for the period, or for its latest period ended within it. */
async function runFor(ctx: ActorCtx, schemeId: string, schemeKind: string, period: Period) {
  let p = periodOf(schemeKind as Period["kind"], period.to);
  if (p.to > period.to) p = previousPeriod(p);
  for (let i = 0; i < 3 && p.to >= period.from; i++, p = previousPeriod(p)) {
    const latest = await kq.latestRun(ctx.db, schemeId, p.key);
    if (latest) return runRow(ctx, latest.run.id);
  }
  return null;
}

export async function collectFacts(
  db: DbOrTx,
  s: {
    regionId: string;
    name: string;
    issuer: string;
    schemeId: string | null;
    recipients: string[];
    copyTo: string[];
  },
  period: Period,
  today: string,
  docNo: string,
  base: Omit<ActorCtx, "actor" | "db">,
): Promise<BulletinFacts> {
  const actor = await regionActor(db, s.regionId);
  const ctx: ActorCtx = { ...base, db, actor };
  const asOf = period.to < today ? period.to : today;
  const year = Number(period.from.slice(0, 4));

  const goalPage = await kq.listGoals(db, actor, {
    page: 1,
    pageSize: 200,
    year,
    sort: "indicatorKey",
    order: "asc",
  });
  // The bulletin prints each goal's year to date, not its quarters: their passes are skipped.
  const goals = await goalRows(db, goalPage.items, asOf, { quarters: false });

  let ranking: RunRow | null = null;
  let schemeName: string | null = null;
  if (s.schemeId) {
    const scheme = await kq.getScheme(db, actor, s.schemeId);
    if (scheme) {
      schemeName = scheme.name;
      ranking = await runFor(ctx, scheme.id, scheme.periodKind, period);
    }
  }

  const lagging: BulletinFacts["lagging"] = [];
  if (ranking && ranking.units.length > 1) {
    const n = ranking.units.length;
    const cut = n - Math.max(1, Math.floor(n * laggingShare));
    for (const u of ranking.units) {
      if (u.rank > cut)
        lagging.push({
          unitName: u.unitName,
          reason: `赛马排名第 ${u.rank} 名（共 ${n} 个），总分 ${u.total.toFixed(1)}`,
        });
    }
  }
  for (const g of goals) {
    if (g.timeAdjusted !== null && g.timeAdjusted < 1) {
      lagging.push({
        unitName: g.unitName,
        reason: `${g.indicatorName}完成 ${pct(g.progress)}，落后时间进度 ${pct(g.expectedShare)}`,
      });
    }
  }

  const lists = await openAsOf(db, s.regionId, asOf, LIST_LIMIT);
  const { label } = period;
  return {
    title: `${s.name}${label}通报`,
    issuer: s.issuer,
    docNo,
    regionName: await kq.regionName(db, s.regionId),
    period,
    asOf,
    recipients: s.recipients,
    copyTo: s.copyTo,
    goals,
    ranking,
    schemeName,
    lagging,
    ...lists,
  };
}

export const pct = (x: number | null) => (x === null ? "—" : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);
