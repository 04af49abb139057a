import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type {
  actualUpsert,
  Commitment,
  fundUpsert,
  IdleLand,
  ProjectRow,
} from "../../../common/project.schema.js";
import type { DbOrTx } from "../../db/client.js";
import { audit, changed } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { stale } from "../../lib/errors.js";
import type { JobCtx } from "../../lib/jobs/jobs.registry.js";
import { notify } from "../../lib/notify/notify.service.js";
import * as perfQ from "./performance.queries.js";
import { commitmentsFrom, type PerformanceFacts } from "./performance.rules.js";
import { invalid, writableProject } from "./projects.service.js";
import { projectActual, projectFund } from "./projects.table.js";

// The pure rules moved to performance.rules.ts; callers and tests still find them here.
export { idleLandOf, investmentStatus } from "./performance.rules.js";

/** Records the funds in place of one month (all-or-nothing; 409 on a stale version). */
export async function saveFund(ctx: ActorCtx, id: string, month: string, input: z.infer<typeof fundUpsert>) {
  return inTx(ctx, async (tx) => {
    const p = await writableProject(tx, id);
    const first = `${month}-01`;
    if (first > chinaDay(tx.now())) throw invalid("month", "不能登记未来月份的到位资金", "Future month");
    const { version, ...fields } = input;
    const before = await perfQ.fundAt(tx.db, id, first);
    if (before) {
      if (version !== before.version) throw stale();
      await tx.db
        .update(projectFund)
        .set({ ...fields, version: before.version + 1, updatedAt: tx.now(), enteredBy: tx.actor.id })
        .where(
          and(
            eq(projectFund.projectId, id),
            eq(projectFund.month, first),
            eq(projectFund.version, before.version),
          ),
        );
    } else {
      await tx.db
        .insert(projectFund)
        .values({ ...fields, projectId: id, month: first, enteredBy: tx.actor.id });
    }
    const after = (await perfQ.fundAt(tx.db, id, first))!;
    await audit(tx, {
      action: before ? "update" : "create",
      subjectType: "project",
      subjectId: id,
      regionId: p.regionId,
      ...(before ? changed(before, after) : { after }),
      meta: { label: p.name, part: "funds", month },
    });
    return after;
  });
}

export async function saveActual(
  ctx: ActorCtx,
  id: string,
  year: number,
  input: z.infer<typeof actualUpsert>,
) {
  return inTx(ctx, async (tx) => {
    const p = await writableProject(tx, id);
    if (year > Number(chinaDay(tx.now()).slice(0, 4)))
      throw invalid("year", "不能登记未来年度的实绩", "Future year");
    const { version, ...fields } = input;
    const before = await perfQ.actualAt(tx.db, id, year);
    if (before) {
      if (version !== before.version) throw stale();
      await tx.db
        .update(projectActual)
        .set({ ...fields, version: before.version + 1, updatedAt: tx.now() })
        .where(and(eq(projectActual.projectId, id), eq(projectActual.year, year)));
    } else {
      await tx.db.insert(projectActual).values({ ...fields, projectId: id, year });
    }
    const after = (await perfQ.actualAt(tx.db, id, year))!;
    await audit(tx, {
      action: before ? "update" : "create",
      subjectType: "project",
      subjectId: id,
      regionId: p.regionId,
      ...(before ? changed(before, after) : { after }),
      meta: { label: p.name, part: "actuals", year },
    });
    return after;
  });
}

type Facts = Awaited<ReturnType<typeof perfQ.performanceFacts>>[number];

const factsOf = (row: Facts): PerformanceFacts => ({
  contract: row.contract,
  latest: row.latest,
  landDemandM2: row.landDemandM2,
  startedOn: row.startedOn,
  producedOn: row.producedOn,
  startLate: row.startLate,
  productionLate: row.productionLate,
});

/** One project's contract, its commitments against what it achieved, and idle land. */
export async function commitmentsOf(db: DbOrTx, p: ProjectRow, today: string) {
  const [row] = await perfQ.performanceFacts(db, today, p.id);
  if (!row) return { contract: null, commitments: [] as Commitment[], idleLand: null as IdleLand };
  return { contract: row.contract, ...commitmentsFrom(factsOf(row), today) };
}

/**
 * The monthly performance alert: each officer hears of their projects with a missed commitment
 * or idle land, once per project and month (dedupe key), so the daily run repeats nothing. The
 * facts of every signed project come from one query; only the flagged ones cost a write.
 */
export async function runPerformanceAlerts(ctx: JobCtx): Promise<{ summary: string }> {
  const today = chinaDay(ctx.now());
  let flagged = 0;
  for (const row of await perfQ.performanceFacts(ctx.db, today)) {
    const { commitments, idleLand } = commitmentsFrom(factsOf(row), today);
    const missed = commitments.filter((c) => c.status === "missed");
    if (!missed.length && !idleLand) continue;
    flagged++;
    const lines = missed.map(
      (c) => `${c.label}：承诺 ${c.target}${c.unit === "工作日" ? "" : c.unit}，实际 ${c.actual ?? "未达成"}`,
    );
    if (idleLand) lines.unshift(`闲置土地：${idleLand.text}`);
    await notify(ctx, {
      to: { userIds: row.officerId ? [row.officerId] : [], roles: ["team_lead"], regionId: row.regionId },
      kind: idleLand ? "project.idle_land" : "project.performance",
      title: `${row.name}：${idleLand ? "土地闲置预警" : `${missed.length} 项履约承诺未达成`}`,
      body: lines.join("\n"),
      subject: { type: "project", id: row.id },
      link: `/projects/${row.id}`,
      dedupeKey: `performance:${row.id}:${today.slice(0, 7)}`,
    });
  }
  return { summary: `${flagged} 个项目存在未履约承诺或土地闲置` };
}
