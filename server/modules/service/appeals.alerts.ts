import { and, eq, inArray, sql } from "drizzle-orm";
import { APPEAL_DUE_SOON_WORKDAYS, APPEAL_ESCALATE_AFTER_WORKDAYS } from "../../../common/appeal.schema.js";
import type { DbOrTx } from "../../db/client.js";
import { chinaDay } from "../../lib/dates.js";
import { escalateOverdue, type HeldItem, notifyDepartments, topLines } from "../../lib/escalation.js";
import { newId } from "../../lib/ids.js";
import type { JobCtx } from "../../lib/jobs/jobs.registry.js";
import { workdaySeq } from "../../lib/workdays/workdays.queries.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { department } from "../org/org.table.js";
import { isActive } from "./appeals.queries.js";
import { appeal, appealEvent } from "./service.table.js";

interface HeldAppeal extends HeldItem {
  code: string;
  title: string;
  enterpriseName: string;
  dueOn: string;
}

/** Active appeals due within the reminder window or past it: one range scan of the partial index. */
async function scanHeld(db: DbOrTx, today: string): Promise<HeldAppeal[]> {
  const t = sql`cast(${today} as date)`;
  const rows = await db
    .select({
      id: appeal.id,
      code: appeal.code,
      title: appeal.title,
      enterpriseName: enterprise.name,
      regionId: appeal.regionId,
      departmentId: department.id,
      departmentName: department.name,
      dueOn: sql<string>`${appeal.dueOn}::text`,
      escalated: appeal.escalated,
      late: sql<number>`(${workdaySeq(t)} - ${workdaySeq(appeal.dueOn)})::int`,
    })
    .from(appeal)
    .innerJoin(department, eq(department.id, appeal.departmentId))
    .innerJoin(enterprise, eq(enterprise.id, appeal.enterpriseId))
    .where(
      and(
        isActive,
        sql`${appeal.dueOn} is not null`,
        sql`${workdaySeq(appeal.dueOn)} - ${workdaySeq(t)} <= ${APPEAL_DUE_SOON_WORKDAYS}`,
      ),
    );
  // A due day the calendar does not know yet (beyond 2035) counts as one day late.
  return rows.map((r) => ({ ...r, late: r.late == null ? 1 : Number(r.late) }));
}

const line = (a: HeldAppeal) =>
  a.late > 0
    ? `${a.enterpriseName}「${a.title}」已逾期 ${a.late} 个工作日（${a.dueOn} 到期）`
    : `${a.enterpriseName}「${a.title}」${a.dueOn} 到期`;
const body = (list: HeldAppeal[]) => topLines(list, line, "件");

/**
 * The daily appeal alert: each department hears of its overdue and due-soon appeals (one
 * notification per department and day); an appeal overdue by more than
 * APPEAL_ESCALATE_AFTER_WORKDAYS is escalated to its region's leaders once (lib/escalation.ts;
 * a new routing or a reopening clears the flag).
 */
export async function runAppealAlerts(ctx: JobCtx): Promise<{ summary: string }> {
  const today = chinaDay(ctx.now());
  const held = await scanHeld(ctx.db, today);
  const toDepartments = await notifyDepartments(ctx, held, (departmentId, list) => {
    const overdue = list.filter((a) => a.late > 0).length;
    return {
      to: { departmentId, roles: ["department_handler"] },
      kind: overdue ? "appeal.overdue" : "appeal.due_soon",
      title: overdue
        ? `${list[0]!.departmentName}：${overdue} 件企业诉求已逾期`
        : `${list[0]!.departmentName}：${list.length} 件企业诉求即将到期`,
      body: body(list),
      link: overdue ? "/appeals?status=active&overdue=yes" : "/appeals?status=active",
      dedupeKey: `appeals:department:${departmentId}:${today}`,
    };
  });
  const up = await escalateOverdue(ctx, held, APPEAL_ESCALATE_AFTER_WORKDAYS, {
    flip: async (db, ids) =>
      (
        await db
          .update(appeal)
          .set({ escalated: true })
          .where(and(inArray(appeal.id, ids), eq(appeal.escalated, false)))
          .returning({ id: appeal.id })
      ).map((r) => r.id),
    events: async (db, items, at) => {
      await db.insert(appealEvent).values(
        items.map((a) => ({
          id: newId(),
          appealId: a.id,
          kind: "escalated",
          departmentId: a.departmentId,
          text: `逾期 ${a.late} 个工作日，已报告区域领导`,
          at,
        })),
      );
    },
    label: "企业诉求逾期升级",
    notice: (regionId, items, firstId) => ({
      to: { roles: ["leader"], regionId },
      kind: "appeal.escalated",
      title: `${items.length} 件企业诉求逾期超过 ${APPEAL_ESCALATE_AFTER_WORKDAYS} 个工作日`,
      body: body(items),
      link: "/appeals?escalated=yes",
      dedupeKey: `appeals:escalate:${regionId}:${today}:${firstId}`,
    }),
  });
  const overdue = held.filter((a) => a.late > 0).length;
  return {
    summary: `逾期诉求 ${overdue} 件，即将到期 ${held.length - overdue} 件，升级 ${up.escalated} 件，发出 ${toDepartments + up.sent} 条提醒`,
  };
}
