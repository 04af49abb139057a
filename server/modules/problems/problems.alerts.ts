import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { ESCALATE_AFTER_WORKDAYS } from "../../../common/problem.schema.js";
import type { DbOrTx } from "../../db/client.js";
import { auditBatch } from "../../lib/audit/audit.service.js";
import { inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { groupBy } from "../../lib/group.js";
import { newId } from "../../lib/ids.js";
import type { JobCtx } from "../../lib/jobs/jobs.registry.js";
import { notify } from "../../lib/notify/notify.service.js";
import { workdaySeq } from "../../lib/workdays/workdays.queries.js";
import { department } from "../org/org.table.js";
import { project } from "../projects/projects.table.js";
import { isActive } from "./problems.queries.js";
import { problem, problemEvent } from "./problems.table.js";

export interface OverdueProblem {
  id: string;
  title: string;
  subjectName: string | null;
  regionId: string;
  departmentId: string;
  departmentName: string;
  dueOn: string;
  escalated: boolean;
  /** working days past due */
  late: number;
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

function body(list: OverdueProblem[]) {
  const top = [...list].sort((a, b) => b.late - a.late).slice(0, 8);
  const more = list.length > top.length ? `\n…另有 ${list.length - top.length} 个` : "";
  return top.map(line).join("\n") + more;
}

/**
 * The daily overdue alert: each department's handlers hear of its overdue problems (one
 * notification per department and day); a problem overdue by more than ESCALATE_AFTER_WORKDAYS
 * working days is escalated to the leaders of its region, once: the flag is set with an event
 * and an audit entry in the same transaction as the notification, and a new assignment clears it.
 */
export async function runProblemAlerts(ctx: JobCtx): Promise<{ summary: string }> {
  const today = chinaDay(ctx.now());
  const overdue = await scanOverdue(ctx.db, today);
  let sent = 0;
  for (const [departmentId, list] of groupBy(overdue, (p) => p.departmentId)) {
    const r = await notify(ctx, {
      to: { departmentId, roles: ["department_handler"] },
      kind: "problem.overdue",
      title: `${list[0]!.departmentName}：${list.length} 个问题已逾期`,
      body: body(list),
      link: "/problems?status=active&overdue=yes",
      dedupeKey: `problems:department:${departmentId}:${today}`,
    });
    sent += r.notified.length;
  }
  const due = overdue.filter((p) => !p.escalated && p.late > ESCALATE_AFTER_WORKDAYS);
  let escalated = 0;
  for (const [regionId, list] of groupBy(due, (p) => p.regionId)) {
    await inTx(ctx, async (tx) => {
      const flipped = await tx.db
        .update(problem)
        .set({ escalated: true })
        .where(
          and(
            inArray(
              problem.id,
              list.map((p) => p.id),
            ),
            eq(problem.escalated, false),
          ),
        )
        .returning({ id: problem.id });
      if (flipped.length === 0) return;
      const ids = new Set(flipped.map((f) => f.id));
      const now = tx.now();
      const mine = list.filter((p) => ids.has(p.id));
      await tx.db.insert(problemEvent).values(
        mine.map((p) => ({
          id: newId(),
          problemId: p.id,
          kind: "escalated",
          departmentId: p.departmentId,
          text: `逾期 ${p.late} 个工作日，已报告区域领导`,
          at: now,
        })),
      );
      await auditBatch(tx, {
        action: "escalate",
        subjectType: "region",
        regionId,
        ids: [...ids],
        counts: { escalated: ids.size },
        meta: { label: "问题逾期升级" },
      });
      const r = await notify(tx, {
        to: { roles: ["leader"], regionId },
        kind: "problem.escalated",
        title: `${mine.length} 个问题逾期超过 ${ESCALATE_AFTER_WORKDAYS} 个工作日`,
        body: body(mine),
        link: "/problems?escalated=yes",
        // One batch per region and run: keyed by its first problem, which is escalated only once.
        dedupeKey: `problems:escalate:${regionId}:${today}:${[...ids].sort()[0]}`,
      });
      sent += r.notified.length;
      escalated += ids.size;
    });
  }
  return { summary: `扫描到 ${overdue.length} 个逾期问题，升级 ${escalated} 个，发出 ${sent} 条提醒` };
}
