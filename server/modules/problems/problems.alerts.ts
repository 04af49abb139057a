import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { ESCALATE_AFTER_WORKDAYS } from "../../../common/problem.schema.js";
import type { DbOrTx } from "../../db/client.js";
import { chinaDay } from "../../lib/dates.js";
import { escalateOverdue, type HeldItem, notifyDepartments, topLines } from "../../lib/escalation.js";
import { newId } from "../../lib/ids.js";
import type { JobCtx } from "../../lib/jobs/jobs.registry.js";
import { workdaySeq } from "../../lib/workdays/workdays.queries.js";
import { department } from "../org/org.table.js";
import { project } from "../projects/projects.table.js";
import { isActive } from "./problems.queries.js";
import { problem, problemEvent } from "./problems.table.js";

export interface OverdueProblem extends HeldItem {
  title: string;
  subjectName: string | null;
  dueOn: string;
}

/** Open problems past their due day: one range scan of the partial (due_on) index. */
export async function scanOverdue(db: DbOrTx, today: string): Promise<OverdueProblem[]> {
  const t = sql`cast(${today} as date)`;
  const rows = await db
    .select({
      id: problem.id,
      title: problem.title,
      subjectName: project.name,
      regionId: problem.regionId,
      departmentId: department.id,
      departmentName: department.name,
      dueOn: sql<string>`${problem.dueOn}::text`,
      escalated: problem.escalated,
      late: sql<number>`(${workdaySeq(t)} - ${workdaySeq(problem.dueOn)})::int`,
    })
    .from(problem)
    .innerJoin(department, eq(department.id, problem.departmentId))
    .leftJoin(project, and(eq(problem.subjectType, "project"), eq(project.id, problem.subjectId)))
    .where(and(isActive, sql`${problem.dueOn} is not null`, lt(problem.dueOn, today)));
  // A due day the calendar does not know yet (beyond 2035) counts as one day late.
  return rows.map((r) => ({ ...r, late: r.late == null ? 1 : Number(r.late) }));
}

const line = (p: OverdueProblem) =>
  `${p.subjectName ?? ""}「${p.title}」已逾期 ${p.late} 个工作日（${p.departmentName}，${p.dueOn} 到期）`;
const body = (list: OverdueProblem[]) => topLines(list, line, "个");

/**
 * The daily overdue alert: each department's handlers hear of its overdue problems (one
 * notification per department and day); a problem overdue by more than ESCALATE_AFTER_WORKDAYS
 * working days is escalated to the leaders of its region, once (lib/escalation.ts; a new
 * assignment clears the flag).
 */
export async function runProblemAlerts(ctx: JobCtx): Promise<{ summary: string }> {
  const today = chinaDay(ctx.now());
  const overdue = await scanOverdue(ctx.db, today);
  const toDepartments = await notifyDepartments(ctx, overdue, (departmentId, list) => ({
    to: { departmentId, roles: ["department_handler"] },
    kind: "problem.overdue",
    title: `${list[0]!.departmentName}：${list.length} 个问题已逾期`,
    body: body(list),
    link: "/problems?status=active&overdue=yes",
    dedupeKey: `problems:department:${departmentId}:${today}`,
  }));
  const up = await escalateOverdue(ctx, overdue, ESCALATE_AFTER_WORKDAYS, {
    flip: async (db, ids) =>
      (
        await db
          .update(problem)
          .set({ escalated: true })
          .where(and(inArray(problem.id, ids), eq(problem.escalated, false)))
          .returning({ id: problem.id })
      ).map((r) => r.id),
    events: async (db, items, at) => {
      await db.insert(problemEvent).values(
        items.map((p) => ({
          id: newId(),
          problemId: p.id,
          kind: "escalated",
          departmentId: p.departmentId,
          text: `逾期 ${p.late} 个工作日，已报告区域领导`,
          at,
        })),
      );
    },
    label: "问题逾期升级",
    notice: (regionId, items, firstId) => ({
      to: { roles: ["leader"], regionId },
      kind: "problem.escalated",
      title: `${items.length} 个问题逾期超过 ${ESCALATE_AFTER_WORKDAYS} 个工作日`,
      body: body(items),
      link: "/problems?escalated=yes",
      dedupeKey: `problems:escalate:${regionId}:${today}:${firstId}`,
    }),
  });
  return {
    summary: `扫描到 ${overdue.length} 个逾期问题，升级 ${up.escalated} 个，发出 ${toDepartments + up.sent} 条提醒`,
  };
}
