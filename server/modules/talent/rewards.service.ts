import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import {
  type InstalmentRow,
  type instalmentCreate,
  type instalmentUpdate,
  type payoutCreate,
  type TalentProjectRow,
  type talentProjectMove,
  talentProjectMoves,
  type talentProjectRecognise,
  talentProjectStatusLabels,
} from "../../../common/talent.schema.js";
import { audit } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { AppError, notFound, stale } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../../lib/policy.js";
import { latestConclusion } from "../reviews/reviews.queries.js";
import * as q from "./talent.queries.js";
import { invalid, today, wan } from "./talent.service.js";
import { talentInstalment, talentPayout, talentProject } from "./talent.table.js";

async function writable(
  ctx: ActorCtx,
  id: string,
  permission: "talent.manage" | "talent.pay" = "talent.manage",
) {
  const p = await q.getProject(ctx.db, ctx.actor, id);
  if (!p) throw notFound();
  requirePermission(ctx.actor.permissions, permission);
  return p;
}

async function setProject(
  ctx: ActorCtx,
  p: TalentProjectRow,
  version: number,
  set: Partial<typeof talentProject.$inferInsert>,
) {
  const rows = await ctx.db
    .update(talentProject)
    .set({ ...set, version: version + 1, updatedAt: ctx.now() })
    .where(and(eq(talentProject.id, p.id), eq(talentProject.version, version)))
    .returning({ id: talentProject.id });
  if (rows.length === 0) throw stale();
}

/** 申报 → 形式审查 → 评审, or 未通过 at either check. */
export async function moveProject(ctx: ActorCtx, id: string, input: z.infer<typeof talentProjectMove>) {
  return inTx(ctx, async (tx) => {
    const p = await writable(tx, id);
    if (!talentProjectMoves[p.status].includes(input.to)) {
      throw new AppError("CONFLICT", {
        zh: `项目当前为「${talentProjectStatusLabels[p.status]}」，不能改为「${talentProjectStatusLabels[input.to]}」`,
        en: `Cannot move from ${p.status} to ${input.to}`,
      });
    }
    if (input.to === "rejected" && !input.note) {
      throw invalid("note", "未通过须写明原因", "Give the reason");
    }
    await setProject(tx, p, input.version, { status: input.to });
    await audit(tx, {
      action: "update",
      subjectType: "talent_project",
      subjectId: id,
      regionId: p.regionId,
      before: { status: p.status },
      after: { status: input.to },
      meta: { label: p.name, note: input.note ?? null },
    });
    return (await q.getProject(tx.db, tx.actor, id))!;
  });
}

const addMonths = (day: string, months: number) => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  t.setUTCDate(Math.min(d, last));
  return t.toISOString().slice(0, 10);
};

/**
 * 认定: needs the 评审 step and a passed (or conditionally passed) expert review; lays out the
 * level's reward in instalments (each the plan's share of the cap, the last taking the rounding).
 */
export async function recogniseProject(
  ctx: ActorCtx,
  id: string,
  input: z.infer<typeof talentProjectRecognise>,
) {
  return inTx(ctx, async (tx) => {
    const p = await writable(tx, id);
    if (p.status !== "reviewing") {
      throw new AppError("CONFLICT", {
        zh: `项目当前为「${talentProjectStatusLabels[p.status]}」，须进入评审环节后才能认定`,
        en: "Only a project under review can be recognised",
      });
    }
    const r = await latestConclusion(tx.db, "talent_project", id);
    if (!r || r.conclusion === "fail") {
      throw invalid(
        "level",
        r ? "专家评审未通过，不能认定" : "认定前须完成专家评审并通过",
        "Recognition needs a passed expert review",
      );
    }
    const programme = (await q.getProgramme(tx.db, tx.actor, p.programmeId))!;
    const level = programme.levels.find((l) => l.code === input.level);
    if (!level) throw invalid("level", `「${programme.name}」没有 ${input.level} 等级`, "Unknown level");
    const on = input.recognisedOn ?? today(tx);
    await setProject(tx, p, input.version, {
      status: "recognised",
      levelRecognised: level.code,
      recognisedOn: on,
    });
    let left = level.capFen;
    const rows = level.instalments.map((plan, i) => {
      const last = i === level.instalments.length - 1;
      const amountFen = last ? left : Math.round((level.capFen * plan.percent) / 100);
      left -= amountFen;
      return {
        id: newId(),
        projectId: id,
        seq: i + 1,
        amountFen,
        condition: plan.condition,
        dueOn: addMonths(on, plan.monthsAfter),
      };
    });
    const payable = rows.filter((x) => x.amountFen > 0);
    if (payable.length) await tx.db.insert(talentInstalment).values(payable);
    await audit(tx, {
      action: "talent.recognise",
      subjectType: "talent_project",
      subjectId: id,
      regionId: p.regionId,
      before: { status: p.status },
      after: { status: "recognised", level: level.code, recognisedOn: on, capFen: level.capFen },
      meta: { label: p.name, review: r.id, instalments: payable.length },
    });
    return (await q.getProject(tx.db, tx.actor, id))!;
  });
}

export async function instalments(ctx: ActorCtx, projectId: string): Promise<InstalmentRow[]> {
  const p = await q.getProject(ctx.db, ctx.actor, projectId);
  if (!p) throw notFound();
  requirePermission(ctx.actor.permissions, "talent.read");
  return q.instalmentsOf(ctx.db, projectId);
}

function capCheck(p: TalentProjectRow, plannedFen: number) {
  if (p.capFen !== null && plannedFen > p.capFen) {
    throw invalid(
      "amountFen",
      `各期奖励合计 ${wan(plannedFen)} 将超过「${p.levelRecognised}」等级奖励上限 ${wan(p.capFen)}`,
      "The instalments would exceed the level's cap",
    );
  }
}

const recognised = (p: TalentProjectRow) => {
  if (p.status !== "recognised") {
    throw new AppError("CONFLICT", {
      zh: "项目尚未认定，不能安排或兑现奖励",
      en: "The project is not recognised",
    });
  }
};

export async function addInstalment(
  ctx: ActorCtx,
  projectId: string,
  input: z.infer<typeof instalmentCreate>,
) {
  return inTx(ctx, async (tx) => {
    const p = await writable(tx, projectId);
    recognised(p);
    // The project row lock serialises changes to its instalments (the cap is over all of them).
    await tx.db
      .select({ id: talentProject.id })
      .from(talentProject)
      .where(eq(talentProject.id, projectId))
      .for("update");
    const list = await q.instalmentsOf(tx.db, projectId);
    capCheck(p, list.reduce((a, i) => a + i.amountFen, 0) + input.amountFen);
    const id = newId();
    const seq = list.reduce((a, i) => Math.max(a, i.seq), 0) + 1;
    await tx.db.insert(talentInstalment).values({ id, projectId, seq, ...input, dueOn: input.dueOn ?? null });
    await audit(tx, {
      action: "talent.instalment_add",
      subjectType: "talent_project",
      subjectId: projectId,
      regionId: p.regionId,
      after: { seq, ...input },
      meta: { label: p.name },
    });
    return (await q.instalmentsOf(tx.db, projectId)).find((i) => i.id === id)!;
  });
}

async function instalmentOf(ctx: ActorCtx, id: string, permission: "talent.manage" | "talent.pay") {
  const row = await q.lockInstalment(ctx.db, id);
  if (!row) throw notFound();
  const p = await writable(ctx, row.projectId, permission);
  return { row, p };
}

export async function updateInstalment(ctx: ActorCtx, id: string, input: z.infer<typeof instalmentUpdate>) {
  return inTx(ctx, async (tx) => {
    const { row, p } = await instalmentOf(tx, id, "talent.manage");
    if (row.version !== input.version) throw stale();
    const list = await q.instalmentsOf(tx.db, row.projectId);
    const me = list.find((i) => i.id === id)!;
    if (input.amountFen !== undefined) {
      if (input.amountFen < me.paidFen) {
        throw invalid(
          "amountFen",
          `本期已兑现 ${wan(me.paidFen)}，金额不能低于已兑现数`,
          "Below the amount paid",
        );
      }
      capCheck(
        p,
        list.reduce((a, i) => a + (i.id === id ? input.amountFen! : i.amountFen), 0),
      );
    }
    const { version, ...patch } = input;
    const metOn =
      input.conditionMet === undefined ? undefined : input.conditionMet ? (row.metOn ?? today(tx)) : null;
    if (input.conditionMet === false && me.paidFen > 0) {
      throw new AppError("CONFLICT", { zh: "本期已有兑现记录，不能撤销条件达成", en: "Already paid" });
    }
    await tx.db
      .update(talentInstalment)
      .set({ ...patch, ...(metOn !== undefined ? { metOn } : {}), version: version + 1, updatedAt: tx.now() })
      .where(eq(talentInstalment.id, id));
    await audit(tx, {
      action: "talent.instalment_update",
      subjectType: "talent_project",
      subjectId: row.projectId,
      regionId: p.regionId,
      before: {
        seq: row.seq,
        amountFen: row.amountFen,
        condition: row.condition,
        dueOn: row.dueOn,
        conditionMet: row.conditionMet,
      },
      after: { seq: row.seq, ...patch },
      meta: { label: p.name },
    });
    return (await q.instalmentsOf(tx.db, row.projectId)).find((i) => i.id === id)!;
  });
}

/**
 * A payout: only of an instalment whose condition is marked met, at most what the instalment has
 * left, and never taking the project's total past its level's cap (the cap is read at payment, so
 * a programme that lowered it stops payments beyond the new cap).
 */
export async function payInstalment(ctx: ActorCtx, id: string, input: z.infer<typeof payoutCreate>) {
  return inTx(ctx, async (tx) => {
    const { row, p } = await instalmentOf(tx, id, "talent.pay");
    recognised(p);
    if (!row.conditionMet) {
      throw invalid(
        "amountFen",
        `第 ${row.seq} 期的兑现条件「${row.condition}」尚未确认达成，不能兑现`,
        "The condition is not met",
      );
    }
    if (p.recognisedOn && input.paidOn < p.recognisedOn) {
      throw invalid("paidOn", `兑现日期不能早于认定日期 ${p.recognisedOn}`, "Paid before recognition");
    }
    const [{ paid }] = (await tx.db
      .select({ paid: sql<number>`coalesce(sum(${talentPayout.amountFen}), 0)::float8` })
      .from(talentPayout)
      .where(eq(talentPayout.instalmentId, id))) as [{ paid: number }];
    if (Number(paid) + input.amountFen > row.amountFen) {
      throw invalid(
        "amountFen",
        `第 ${row.seq} 期应兑现 ${wan(row.amountFen)}，已兑现 ${wan(Number(paid))}，本次最多可兑现 ${wan(row.amountFen - Number(paid))}`,
        "More than the instalment has left",
      );
    }
    const total = p.paidFen + input.amountFen;
    if (p.capFen !== null && total > p.capFen) {
      throw invalid(
        "amountFen",
        `累计兑现 ${wan(total)} 将超过「${p.levelRecognised}」等级奖励上限 ${wan(p.capFen)}，不能兑现`,
        "The payout would exceed the level's cap",
      );
    }
    const payoutId = newId();
    await tx.db.insert(talentPayout).values({
      id: payoutId,
      instalmentId: id,
      projectId: row.projectId,
      ...input,
      note: input.note ?? null,
      createdBy: tx.actor.id,
    });
    await audit(tx, {
      action: "talent.payout",
      subjectType: "talent_project",
      subjectId: row.projectId,
      regionId: p.regionId,
      after: { seq: row.seq, ...input },
      meta: { label: p.name, payout: payoutId },
    });
    return (await q.instalmentsOf(tx.db, row.projectId)).find((i) => i.id === id)!;
  });
}
