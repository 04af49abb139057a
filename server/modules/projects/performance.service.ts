import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type {
  actualUpsert,
  Commitment,
  CommitmentStatus,
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
import { systemActor } from "../../lib/policy.js";
import { workdaysBetween } from "../../lib/workdays/workdays.js";
import * as perfQ from "./performance.queries.js";
import { getContract, getProject } from "./projects.queries.js";
import { invalid, writableProject } from "./projects.service.js";
import { projectActual, projectFund } from "./projects.table.js";

const MU = 666.67;
const wan = (fen: number) => fen / 1_000_000;

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

const amountStatus = (
  target: number,
  actual: number | null,
  due: string | null,
  today: string,
): CommitmentStatus =>
  actual !== null && actual >= target ? "met" : due && due < today ? "missed" : "pending";

const dayNo = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/**
 * Investment accrues from signing to its due day: short of the share of that time already
 * gone by, it is behind (进度滞后) before it is missed.
 */
export function investmentStatus(
  target: number,
  actual: number | null,
  signedOn: string,
  due: string | null,
  today: string,
): CommitmentStatus {
  const status = amountStatus(target, actual, due, today);
  if (status !== "pending" || !due || due <= signedOn) return status;
  const elapsed = (dayNo(today) - dayNo(signedOn)) / (dayNo(due) - dayNo(signedOn));
  return (actual ?? 0) / target < elapsed ? "behind" : "pending";
}

/**
 * Each commitment of the contract against what the project achieved: amounts from the latest
 * yearly actuals (land from them, else the project's demand), dates from the stage dates.
 */
export async function commitmentsOf(db: DbOrTx, p: ProjectRow, today: string) {
  const stageDates = p.stageDates;
  const c = await getContract(db, p.id);
  if (!c) return { contract: null, commitments: [] as Commitment[], idleLand: null as IdleLand };
  const actuals = await perfQ.actualsOf(db, p.id);
  const latest = actuals.at(-1) ?? null;
  const landM2 = latest?.landM2 ?? p.landDemandM2;
  const mu = landM2 ? landM2 / MU : null;
  const out: Commitment[] = [];
  const round = (x: number) => Math.round(x * 100) / 100;
  if (c.investmentFen != null) {
    const actual = latest?.investmentFen ?? null;
    out.push({
      key: "investment",
      label: "累计完成投资",
      unit: "万元",
      target: wan(c.investmentFen),
      actual: actual === null ? null : wan(actual),
      gap: actual === null ? null : round(wan(actual - c.investmentFen)),
      due: c.investBy,
      status: investmentStatus(c.investmentFen, actual, c.signedOn, c.investBy, today),
    });
  }
  if (c.intensityWanPerMu != null) {
    const actual = latest?.investmentFen != null && mu ? round(wan(latest.investmentFen) / mu) : null;
    const due = c.investBy ?? c.productionBy;
    out.push({
      key: "intensity",
      label: "投资强度",
      unit: "万元/亩",
      target: c.intensityWanPerMu,
      actual,
      gap: actual === null ? null : round(actual - c.intensityWanPerMu),
      due,
      status: amountStatus(c.intensityWanPerMu, actual, due, today),
    });
  }
  if (c.taxPerMuWan != null) {
    const actual = latest?.taxFen != null && mu ? round(wan(latest.taxFen) / mu) : null;
    out.push({
      key: "tax_per_mu",
      label: "亩均税收",
      unit: "万元/亩",
      target: c.taxPerMuWan,
      actual,
      gap: actual === null ? null : round(actual - c.taxPerMuWan),
      due: c.productionBy,
      status: amountStatus(c.taxPerMuWan, actual, c.productionBy, today),
    });
  }
  if (c.outputFen != null) {
    const actual = latest?.outputFen ?? null;
    out.push({
      key: "output",
      label: "年产值",
      unit: "万元",
      target: wan(c.outputFen),
      actual: actual === null ? null : wan(actual),
      gap: actual === null ? null : round(wan(actual - c.outputFen)),
      due: c.productionBy,
      status: amountStatus(c.outputFen, actual, c.productionBy, today),
    });
  }
  if (c.jobs != null) {
    const actual = latest?.jobs ?? null;
    out.push({
      key: "jobs",
      label: "就业人数",
      unit: "人",
      target: c.jobs,
      actual,
      gap: actual === null ? null : actual - c.jobs,
      due: c.productionBy,
      status: amountStatus(c.jobs, actual, c.productionBy, today),
    });
  }
  const dateCommitment = async (
    key: "start" | "production",
    label: string,
    due: string | null,
    actual: string | null,
  ) => {
    if (!due) return;
    const late = actual
      ? await workdaysBetween(db, due, actual)
      : due < today
        ? await workdaysBetween(db, due, today)
        : null;
    out.push({
      key,
      label,
      unit: "工作日",
      target: due,
      actual,
      gap: late !== null && late > 0 ? late : null,
      due,
      status: actual ? (actual <= due ? "met" : "missed") : due < today ? "missed" : "pending",
    });
  };
  await dateCommitment("start", "开工时间", c.startBy, stageDates[6] ?? null);
  await dateCommitment("production", "投产时间", c.productionBy, stageDates[8] ?? null);
  return { contract: c, commitments: out, idleLand: idleLandOf(c.startBy, stageDates[6] ?? null, today) };
}

const addYears = (day: string, n: number) => `${Number(day.slice(0, 4)) + n}${day.slice(4)}`;

/**
 * 闲置土地: no construction a year after the contracted start (a fee of up to 20% of the land
 * price), two years (the land may be taken back without compensation).
 */
export function idleLandOf(startBy: string | null, startedOn: string | null, today: string): IdleLand {
  if (!startBy || startedOn) return null;
  if (today >= addYears(startBy, 2)) {
    return {
      level: "two_years",
      since: startBy,
      text: "超过约定开工日期满两年未动工，可依法无偿收回土地使用权",
    };
  }
  if (today >= addYears(startBy, 1)) {
    return {
      level: "one_year",
      since: startBy,
      text: "超过约定开工日期满一年未动工，可按土地出让价款的 20% 征缴土地闲置费",
    };
  }
  return null;
}

/**
 * The monthly performance alert: each officer hears of their projects with a missed commitment
 * or idle land, once per project and month (dedupe key), so the daily run repeats nothing.
 */
export async function runPerformanceAlerts(ctx: JobCtx): Promise<{ summary: string }> {
  const today = chinaDay(ctx.now());
  let flagged = 0;
  for (const { id } of await perfQ.signedProjectIds(ctx.db)) {
    const p = await getProject(ctx.db, systemActor, id, today);
    if (!p) continue;
    const { commitments, idleLand } = await commitmentsOf(ctx.db, p, today);
    const missed = commitments.filter((c) => c.status === "missed");
    if (!missed.length && !idleLand) continue;
    flagged++;
    const lines = missed.map(
      (c) => `${c.label}：承诺 ${c.target}${c.unit === "工作日" ? "" : c.unit}，实际 ${c.actual ?? "未达成"}`,
    );
    if (idleLand) lines.unshift(`闲置土地：${idleLand.text}`);
    await notify(ctx, {
      to: { userIds: p.officerId ? [p.officerId] : [], roles: ["team_lead"], regionId: p.regionId },
      kind: idleLand ? "project.idle_land" : "project.performance",
      title: `${p.name}：${idleLand ? "土地闲置预警" : `${missed.length} 项履约承诺未达成`}`,
      body: lines.join("\n"),
      subject: { type: "project", id: p.id },
      link: `/projects/${p.id}`,
      dedupeKey: `performance:${p.id}:${today.slice(0, 7)}`,
    });
  }
  return { summary: `${flagged} 个项目存在未履约承诺或土地闲置` };
}
