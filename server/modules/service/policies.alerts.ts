import { and, eq, sql } from "drizzle-orm";
import { POLICY_STEP_WORKDAYS } from "../../../common/policy.schema.js";
import { chinaDay } from "../../lib/dates.js";
import { groupBy } from "../../lib/group.js";
import type { JobCtx } from "../../lib/jobs/jobs.registry.js";
import { notify } from "../../lib/notify/notify.service.js";
import { workdaySeq } from "../../lib/workdays/workdays.queries.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { policyApplication as app, policyClause as clause } from "./policies.table.js";

/**
 * The daily reminder of review steps due within two working days or overdue: to the clause's
 * department when it names one, else to the region's service specialists; one per group and day.
 */
export async function runApplicationAlerts(ctx: JobCtx): Promise<{ summary: string }> {
  const today = chinaDay(ctx.now());
  const t = sql`cast(${today} as date)`;
  const rows = await ctx.db
    .select({
      id: app.id,
      regionId: app.regionId,
      departmentId: clause.departmentId,
      firm: enterprise.name,
      clauseName: clause.name,
      steps: clause.steps,
      stepIndex: app.stepIndex,
      // working days left in the step: negative once overdue
      left: sql<number>`(${workdaySeq(app.stepSince)} + ${POLICY_STEP_WORKDAYS} - ${workdaySeq(t)})::int`,
    })
    .from(app)
    .innerJoin(clause, eq(clause.id, app.clauseId))
    .innerJoin(enterprise, eq(enterprise.id, app.enterpriseId))
    .where(
      and(
        eq(app.status, "reviewing"),
        sql`${workdaySeq(app.stepSince)} + ${POLICY_STEP_WORKDAYS} - ${workdaySeq(t)} <= 2`,
      ),
    );
  let sent = 0;
  const groups = groupBy(rows, (r) => (r.departmentId ? `d:${r.departmentId}` : `r:${r.regionId}`));
  for (const [key, list] of groups) {
    const overdue = list.filter((r) => Number(r.left) < 0).length;
    const first = list[0]!;
    const lines = list
      .slice(0, 8)
      .map(
        (r) =>
          `${r.firm}「${r.clauseName}」${r.steps[r.stepIndex ?? 0] ?? ""}${Number(r.left) < 0 ? `已超期 ${-Number(r.left)} 个工作日` : `剩 ${r.left} 个工作日`}`,
      );
    const res = await notify(ctx, {
      to: first.departmentId
        ? { departmentId: first.departmentId, roles: ["department_handler"] }
        : { roles: ["service_specialist"], regionId: first.regionId },
      kind: overdue ? "policy.overdue" : "policy.due_soon",
      title: overdue ? `${overdue} 件政策兑现申请审核超期` : `${list.length} 件政策兑现申请即将到审核期限`,
      body: lines.join("\n") + (list.length > 8 ? `\n…另有 ${list.length - 8} 件` : ""),
      link: "/policies/applications?status=reviewing",
      dedupeKey: `policies:${key}:${today}`,
    });
    sent += res.notified.length;
  }
  return { summary: `待审核临期或超期申请 ${rows.length} 件，发出 ${sent} 条提醒` };
}
