import type {
  Block,
  Dashboard,
  DashCount,
  DepartmentBlock,
  LeaderBlock,
  OfficerBlock,
  TeamBlock,
} from "../../../common/cockpit.schema.js";
import type { ProjectQuery } from "../../../common/project.schema.js";
import type { Actor, ActorCtx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { latestRunInScope } from "../kpi/kpi.queries.js";
import { runRow } from "../kpi/kpi.ranking.js";
import { departmentById, teamById } from "../org/org.queries.js";
import { listProblems } from "../problems/problems.queries.js";
import { listNodes } from "../projects/nodes.queries.js";
import { listProjects } from "../projects/projects.queries.js";
import { listAppeals } from "../service/appeals.queries.js";
import { keyFigures, scopeUnits, withGoals } from "./cockpit.scope.js";
import { alertGroups, empty, forbidden, goalsOfYear, ok, pipelineBlock } from "./cockpit.service.js";

const one = { page: 1, pageSize: 1 } as const;
const projects = (ctx: ActorCtx, q: Partial<ProjectQuery>, today: string, pageSize = 1) =>
  listProjects(ctx.db, ctx.actor, { page: 1, pageSize, ...q } as ProjectQuery, today);

/** 我的项目 and 我的逾期节点: the projects the officer is named on, and the overdue nodes on them. */
async function officerBlock(ctx: ActorCtx, today: string): Promise<Block<OfficerBlock>> {
  if (!ctx.actor.permissions.has("project.read")) return forbidden;
  const me = ctx.actor.id;
  const mine = await projects(ctx, { officerId: me, sort: "updatedAt", order: "desc" }, today, 6);
  if (mine.total === 0) return empty;
  // Projects with an overdue node, each carrying its count; a page of 500 covers any officer's load.
  const late = await projects(ctx, { officerId: me, overdue: "yes" }, today, 500);
  const lateNodes = late.items.reduce((a, p) => a + Number(p.overdueNodes ?? 0), 0);
  const counts: DashCount[] = [
    { key: "myProjects", label: "我的项目", value: mine.total, link: `/projects?officerId=${me}` },
    {
      key: "myLateProjects",
      label: "有逾期节点的项目",
      value: late.total,
      link: `/projects?officerId=${me}&overdue=yes`,
      alert: late.total > 0,
    },
    {
      key: "myOverdueNodes",
      label: "我的逾期节点",
      value: lateNodes,
      link: `/projects?officerId=${me}&overdue=yes`,
      alert: lateNodes > 0,
    },
  ];
  return ok({
    counts,
    projects: mine.items.map((p) => ({
      id: p.id,
      name: p.name,
      stage: p.stage,
      overdueNodes: Number(p.overdueNodes ?? 0),
      stageOn: p.stageOn,
    })),
  });
}

/** A department's pending and overdue nodes, active and overdue problems and appeals. */
async function departmentBlocks(ctx: ActorCtx, today: string): Promise<Block<DepartmentBlock[]>> {
  const ids = ctx.actor.grants.filter((g) => g.kind === "department" && g.refId).map((g) => g.refId!);
  if (ids.length === 0) return empty;
  const has = (p: "project.read" | "problem.read" | "appeal.read") => ctx.actor.permissions.has(p);
  const out: DepartmentBlock[] = [];
  for (const departmentId of ids) {
    const dep = await departmentById(ctx.db, departmentId);
    if (!dep) continue;
    const d = { departmentId };
    const q = `departmentId=${departmentId}`;
    const counts: DashCount[] = [];
    if (has("project.read")) {
      const [pending, soon, late] = await Promise.all([
        listNodes(ctx.db, ctx.actor, { ...one, ...d, status: "pending" }, today),
        listNodes(ctx.db, ctx.actor, { ...one, ...d, due: "soon" }, today),
        listNodes(ctx.db, ctx.actor, { ...one, ...d, due: "overdue" }, today),
      ]);
      counts.push(
        { key: "nodesPending", label: "待办节点", value: pending.total, link: `/nodes?status=pending&${q}` },
        { key: "nodesSoon", label: "即将到期节点", value: soon.total, link: `/nodes?due=soon&${q}` },
        {
          key: "nodesOverdue",
          label: "逾期节点",
          value: late.total,
          link: `/nodes?due=overdue&${q}`,
          alert: late.total > 0,
        },
      );
    }
    if (has("problem.read")) {
      const [active, late] = await Promise.all([
        listProblems(ctx.db, ctx.actor, { ...one, ...d, status: "active" }, today),
        listProblems(ctx.db, ctx.actor, { ...one, ...d, overdue: "yes" }, today),
      ]);
      counts.push(
        {
          key: "problemsActive",
          label: "办理中问题",
          value: active.total,
          link: `/problems?status=active&${q}`,
        },
        {
          key: "problemsOverdue",
          label: "逾期问题",
          value: late.total,
          link: `/problems?overdue=yes&${q}`,
          alert: late.total > 0,
        },
      );
    }
    if (has("appeal.read")) {
      const [active, late] = await Promise.all([
        listAppeals(ctx.db, ctx.actor, { ...one, ...d, status: "active" }, today),
        listAppeals(ctx.db, ctx.actor, { ...one, ...d, overdue: "yes" }, today),
      ]);
      counts.push(
        {
          key: "appealsActive",
          label: "办理中诉求",
          value: active.total,
          link: `/appeals?status=active&${q}`,
        },
        {
          key: "appealsOverdue",
          label: "逾期诉求",
          value: late.total,
          link: `/appeals?overdue=yes&${q}`,
          alert: late.total > 0,
        },
      );
    }
    const alerts = await alertGroups(ctx, ctx.actor, today, d);
    const overdue = [
      ...(alerts.nodes?.items ?? []),
      ...(alerts.problems?.items ?? []),
      ...(alerts.appeals?.items ?? []),
    ]
      .sort((a, b) => (b.lateWorkdays ?? 0) - (a.lateWorkdays ?? 0))
      .slice(0, 8);
    out.push({ departmentId, departmentName: dep.name, counts, overdue });
  }
  return out.length ? ok(out) : empty;
}

/** A team's pipeline and where it stands in the newest ranking run that names it. */
async function teamBlocks(ctx: ActorCtx, today: string): Promise<Block<TeamBlock[]>> {
  if (!ctx.actor.permissions.has("project.read")) return forbidden;
  const ids = ctx.actor.grants.filter((g) => g.kind === "team" && g.refId).map((g) => g.refId!);
  if (ids.length === 0) return empty;
  const out: TeamBlock[] = [];
  for (const teamId of ids) {
    const t = await teamById(ctx.db, teamId);
    if (!t) continue;
    const pipeline = await pipelineBlock(ctx, ctx.actor, today, teamId);
    const late = await projects(ctx, { teamId, overdue: "yes" }, today);
    let rank: TeamBlock["rank"] = null;
    if (ctx.actor.permissions.has("kpi.read")) {
      const runId = await latestRunInScope(ctx.db, ctx.actor, { unitId: teamId });
      const run = runId ? await runRow(ctx, runId) : null;
      const u = run?.units.find((x) => x.unitId === teamId);
      if (run && u) {
        rank = {
          schemeName: run.schemeName,
          periodLabel: run.periodLabel,
          rank: u.rank,
          of: run.units.length,
          change: u.change,
        };
      }
    }
    out.push({
      teamId,
      teamName: t.name,
      pipeline,
      rank,
      counts: [
        { key: "teamProjects", label: "队伍项目", value: pipeline.total, link: `/projects?teamId=${teamId}` },
        {
          key: "teamLateProjects",
          label: "有逾期节点的项目",
          value: late.total,
          link: `/projects?teamId=${teamId}&overdue=yes`,
          alert: late.total > 0,
        },
      ],
    });
  }
  return out.length ? ok(out) : empty;
}

async function leaderBlock(ctx: ActorCtx, today: string): Promise<Block<LeaderBlock>> {
  if (!ctx.actor.permissions.has("project.read")) return forbidden;
  const year = Number(today.slice(0, 4));
  const units = await scopeUnits(ctx.db, ctx.actor);
  const any = await projects(ctx, {}, today);
  if (units.length === 0 || any.total === 0) return empty;
  const [goals, figures] = await Promise.all([
    goalsOfYear(ctx, ctx.actor, year),
    keyFigures(ctx.db, units, year, today),
  ]);
  return ok({ year, figures: withGoals(figures, units, goals) });
}

const roleIs = (a: Actor, ...roles: string[]) => a.roles.some((r) => roles.includes(r));

/**
 * 工作台: the blocks the user's roles call for, each read through the owning module in the
 * user's own scope. A leader (and an administrator) gets the key figures and the way to the
 * cockpit; officers their projects; handlers their department's queue; team leads their team.
 */
export async function getDashboard(ctx: ActorCtx): Promise<Dashboard> {
  const today = chinaDay(ctx.now());
  const a = ctx.actor;
  const out: Dashboard = {};
  if (a.permissions.has("cockpit.read")) out.leader = await leaderBlock(ctx, today);
  if (roleIs(a, "officer")) out.officer = await officerBlock(ctx, today);
  if (roleIs(a, "department_handler")) out.department = await departmentBlocks(ctx, today);
  if (roleIs(a, "team_lead")) out.team = await teamBlocks(ctx, today);
  return out;
}
