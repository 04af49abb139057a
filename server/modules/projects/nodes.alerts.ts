import { and, eq, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { chinaDay } from "../../lib/dates.js";
import { groupBy } from "../../lib/group.js";
import type { JobCtx } from "../../lib/jobs/jobs.registry.js";
import { notify } from "../../lib/notify/notify.service.js";
import { addWorkdaysSql, workdaySeq } from "../../lib/workdays/workdays.queries.js";
import { department } from "../org/org.table.js";
import { DUE_SOON_WORKDAYS } from "./nodes.queries.js";
import { project, projectNode } from "./projects.table.js";

export interface NodeAlert {
  nodeId: string;
  nodeName: string;
  dueOn: string;
  departmentId: string | null;
  departmentName: string | null;
  projectId: string;
  projectName: string;
  officerId: string | null;
  /** working days past due (> 0) or left (≤ 0) */
  late: number;
}

/**
 * Pending nodes overdue or due within DUE_SOON_WORKDAYS working days: one range scan of the
 * (status, due_on) index up to the last day that is still "soon".
 */
export async function scanNodeAlerts(db: DbOrTx, today: string): Promise<NodeAlert[]> {
  const t = sql`cast(${today} as date)`;
  const rows = await db
    .select({
      nodeId: projectNode.id,
      nodeName: projectNode.name,
      dueOn: sql<string>`${projectNode.dueOn}::text`,
      departmentId: projectNode.departmentId,
      departmentName: department.name,
      projectId: project.id,
      projectName: project.name,
      officerId: project.officerId,
      late: sql<number>`(${workdaySeq(t)} - ${workdaySeq(projectNode.dueOn)})::int`,
    })
    .from(projectNode)
    .innerJoin(project, eq(project.id, projectNode.projectId))
    .leftJoin(department, eq(department.id, projectNode.departmentId))
    .where(
      and(
        eq(projectNode.status, "pending"),
        lte(projectNode.dueOn, sql`${addWorkdaysSql(t, DUE_SOON_WORKDAYS)}`),
        sql`${project.stage} <> 'stopped'`,
      ),
    );
  return rows.map((r) => ({ ...r, late: Number(r.late) }));
}

const line = (a: NodeAlert) =>
  `${a.projectName}「${a.nodeName}」${a.late > 0 ? `已逾期 ${a.late} 个工作日` : `${a.dueOn} 到期`}`;

function summary(alerts: NodeAlert[]) {
  const overdue = alerts.filter((a) => a.late > 0).length;
  const soon = alerts.length - overdue;
  const parts = [overdue ? `${overdue} 个已逾期` : "", soon ? `${soon} 个即将到期` : ""].filter(Boolean);
  const top = [...alerts].sort((a, b) => b.late - a.late).slice(0, 8);
  const more = alerts.length > top.length ? `\n…另有 ${alerts.length - top.length} 个` : "";
  return { head: parts.join("，"), body: top.map(line).join("\n") + more };
}

/**
 * The daily alert: each department hears of its overdue and due-soon nodes, each officer of
 * those on their projects; one notification per recipient group and day (dedupe keys), so a
 * rerun writes nothing twice.
 */
export async function runNodeAlerts(ctx: JobCtx): Promise<{ summary: string }> {
  const today = chinaDay(ctx.now());
  const alerts = await scanNodeAlerts(ctx.db, today);
  const byDept = groupBy(alerts, (a) => a.departmentId);
  const byOfficer = groupBy(alerts, (a) => a.officerId);
  let sent = 0;
  for (const [departmentId, list] of byDept) {
    const s = summary(list);
    const r = await notify(ctx, {
      to: { departmentId, roles: ["department_handler"] },
      kind: "project.node_due",
      title: `${list[0]!.departmentName ?? "本部门"}：项目关键节点${s.head}`,
      body: s.body,
      link: "/nodes",
      dedupeKey: `nodes:department:${departmentId}:${today}`,
    });
    sent += r.notified.length;
  }
  for (const [officerId, list] of byOfficer) {
    const s = summary(list);
    const r = await notify(ctx, {
      to: { userIds: [officerId] },
      kind: "project.node_due",
      title: `您负责的项目关键节点${s.head}`,
      body: s.body,
      link: list.length === 1 ? `/projects/${list[0]!.projectId}` : "/projects?overdue=yes",
      dedupeKey: `nodes:officer:${officerId}:${today}`,
    });
    sent += r.notified.length;
  }
  return { summary: `扫描到 ${alerts.length} 个逾期或即将到期的节点，发出 ${sent} 条提醒` };
}
