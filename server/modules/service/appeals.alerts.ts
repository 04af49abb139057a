import { and, eq, inArray, sql } from "drizzle-orm";
import { APPEAL_DUE_SOON_WORKDAYS, APPEAL_ESCALATE_AFTER_WORKDAYS } from "../../../common/appeal.schema.js";
import type { DbOrTx } from "../../db/client.js";
import { auditBatch } from "../../lib/audit/audit.service.js";
import { inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { groupBy } from "../../lib/group.js";
import { newId } from "../../lib/ids.js";
import type { JobCtx } from "../../lib/jobs/jobs.registry.js";
import { notify } from "../../lib/notify/notify.service.js";
import { workdaySeq } from "../../lib/workdays/workdays.queries.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { department } from "../org/org.table.js";
import { isActive } from "./appeals.queries.js";
import { appeal, appealEvent } from "./service.table.js";

interface HeldAppeal {
  id: string;
  code: string;
  title: string;
  enterpriseName: string;
  regionId: string;
  departmentId: string;
  departmentName: string;
  dueOn: string;
  escalated: boolean;
  /** working days past due: positive when overdue, ≤ 0 when still in time */
  late: number;
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
const body = (list: HeldAppeal[]) => {
  const top = [...list].sort((a, b) => b.late - a.late).slice(0, 8);
  const more = list.length > top.length ? `\n…另有 ${list.length - top.length} 件` : "";
  return top.map(line).join("\n") + more;
};

/**
 * The daily appeal alert: each department hears of its overdue and due-soon appeals (one
 * notification per department and day); an appeal overdue by more than
 * APPEAL_ESCALATE_AFTER_WORKDAYS is escalated to its region's leaders once (flag, event and audit
 * in the notification's transaction; a new routing or a reopening clears the flag).
 */
export async function runAppealAlerts(ctx: JobCtx): Promise<{ summary: string }> {
  const today = chinaDay(ctx.now());
  const held = await scanHeld(ctx.db, today);
  let sent = 0;
  for (const [departmentId, list] of groupBy(held, (a) => a.departmentId)) {
    const overdue = list.filter((a) => a.late > 0).length;
    const r = await notify(ctx, {
      to: { departmentId, roles: ["department_handler"] },
      kind: overdue ? "appeal.overdue" : "appeal.due_soon",
      title: overdue
        ? `${list[0]!.departmentName}：${overdue} 件企业诉求已逾期`
        : `${list[0]!.departmentName}：${list.length} 件企业诉求即将到期`,
      body: body(list),
      link: overdue ? "/appeals?status=active&overdue=yes" : "/appeals?status=active",
      dedupeKey: `appeals:department:${departmentId}:${today}`,
    });
    sent += r.notified.length;
  }
  const due = held.filter((a) => !a.escalated && a.late > APPEAL_ESCALATE_AFTER_WORKDAYS);
  let escalated = 0;
  for (const [regionId, list] of groupBy(due, (a) => a.regionId)) {
    await inTx(ctx, async (tx) => {
      const flipped = await tx.db
        .update(appeal)
        .set({ escalated: true })
        .where(
          and(
            inArray(
              appeal.id,
              list.map((a) => a.id),
            ),
            eq(appeal.escalated, false),
          ),
        )
        .returning({ id: appeal.id });
      if (flipped.length === 0) return;
      const ids = new Set(flipped.map((f) => f.id));
      const mine = list.filter((a) => ids.has(a.id));
      const now = tx.now();
      await tx.db.insert(appealEvent).values(
        mine.map((a) => ({
          id: newId(),
          appealId: a.id,
          kind: "escalated",
          departmentId: a.departmentId,
          text: `逾期 ${a.late} 个工作日，已报告区域领导`,
          at: now,
        })),
      );
      await auditBatch(tx, {
        action: "escalate",
        subjectType: "region",
        regionId,
        ids: [...ids],
        counts: { escalated: ids.size },
        meta: { label: "企业诉求逾期升级" },
      });
      const r = await notify(tx, {
        to: { roles: ["leader"], regionId },
        kind: "appeal.escalated",
        title: `${mine.length} 件企业诉求逾期超过 ${APPEAL_ESCALATE_AFTER_WORKDAYS} 个工作日`,
        body: body(mine),
        link: "/appeals?escalated=yes",
        dedupeKey: `appeals:escalate:${regionId}:${today}:${[...ids].sort()[0]}`,
      });
      sent += r.notified.length;
      escalated += ids.size;
    });
  }
  const overdue = held.filter((a) => a.late > 0).length;
  return {
    summary: `逾期诉求 ${overdue} 件，即将到期 ${held.length - overdue} 件，升级 ${escalated} 件，发出 ${sent} 条提醒`,
  };
}
