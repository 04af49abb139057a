import { and, eq, sql } from "drizzle-orm";
import {
  type ProjectStage,
  projectStages,
  type StageMove,
  stageIndex,
  stageLabels,
} from "../../../common/project.schema.js";
import { audit } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { AppError, stale } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { addWorkdaysSql } from "../../lib/workdays/workdays.queries.js";
import { latestConclusion } from "../reviews/reviews.queries.js";
import { landGate, templateFor } from "./nodes.queries.js";
import { getContract, getProject } from "./projects.queries.js";
import { invalid, writableProject } from "./projects.service.js";
import { project, projectNode, projectStageEvent } from "./projects.table.js";
import { stageGates, stageListeners } from "./stages.hooks.js";

const gateFailed = (zh: string, en: string, stage: ProjectStage) =>
  new AppError("VALIDATION", { zh, en }, [{ path: "to", message: zh, stage }]);

/**
 * The gate of each stage a forward move enters, checked in order: 签约 needs the contract terms,
 * 开工 needs every land node done; then the gates other modules register (stages.hooks.ts).
 * A move that skips stages must pass the gates it skips.
 */
async function checkGates(ctx: ActorCtx, projectId: string, entered: ProjectStage[], on: string) {
  for (const s of entered) {
    if (s === "signed") {
      const r = await latestConclusion(ctx.db, "project", projectId);
      if (!r || r.conclusion === "fail") {
        throw gateFailed(
          r ? "项目研判未通过，不能签约" : "签约前须通过项目研判（专家评审）",
          "Signing needs a passed expert review",
          s,
        );
      }
      const c = await getContract(ctx.db, projectId);
      if (!c) {
        throw gateFailed(
          "签约前须先录入合同条款（签约日期与承诺事项）",
          "Record the contract terms before signing",
          s,
        );
      }
      if (c.signedOn > on) {
        throw gateFailed(
          `签约日期（${c.signedOn}）晚于本次变更日期`,
          "The contract is signed after this date",
          s,
        );
      }
    }
    if (s === "construction") {
      const land = await landGate(ctx.db, projectId);
      if (land.open > 0) {
        throw gateFailed(
          `开工前须完成供地节点（尚有 ${land.open} 个未完成）`,
          "Complete the land nodes before construction starts",
          s,
        );
      }
    }
    for (const gate of stageGates()) {
      const refusal = await gate(ctx, projectId, s);
      if (refusal) throw gateFailed(refusal.zh, refusal.en, s);
    }
  }
}

/** Lays out the key nodes from the most specific template, due N working days after signing. */
async function generateNodes(
  ctx: ActorCtx,
  p: { id: string; regionId: string; parkId: string | null; kind: string },
  signedOn: string,
) {
  const existing = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(projectNode)
    .where(eq(projectNode.projectId, p.id));
  if (Number(existing[0]?.n ?? 0) > 0) return 0;
  const t = await templateFor(ctx.db, p);
  if (!t) return 0;
  for (const item of t.items) {
    const due = addWorkdaysSql(sql`cast(${signedOn} as date)`, item.dueWorkdays);
    await ctx.db.insert(projectNode).values({
      id: newId(),
      projectId: p.id,
      seq: item.seq,
      name: item.name,
      departmentId: item.departmentId,
      gate: item.gate,
      evidenceRequired: item.evidenceRequired,
      dueWorkdays: item.dueWorkdays,
      dueOn: sql`${due}`,
      plannedOn: sql`${due}`,
    });
  }
  return t.items.length;
}

/** Moves a project along the pipeline, back with a reason, to 中止 and out of it. */
export async function moveStage(ctx: ActorCtx, id: string, input: StageMove) {
  return inTx(ctx, async (tx) => {
    const p = await writableProject(tx, id);
    const today = chinaDay(tx.now());
    const reason = input.reason?.trim() || null;
    if (input.to === p.stage) throw invalid("to", "项目已处于该阶段", "The project is already at this stage");
    if (input.on > today) throw invalid("on", "变更日期不能晚于今天", "The date is in the future");
    if (input.on < p.stageOn) {
      throw invalid(
        "on",
        `变更日期不能早于当前阶段（${stageLabels[p.stage]}）的日期 ${p.stageOn}`,
        "The date precedes the current stage's date",
      );
    }
    const from = p.stage === "stopped" ? (p.stoppedFrom as ProjectStage) : p.stage;
    let stoppedFrom: ProjectStage | null = null;
    if (input.to === "stopped") {
      if (!reason) throw invalid("reason", "中止项目须填写原因", "Stopping needs a reason");
      stoppedFrom = p.stage;
    } else {
      const back = stageIndex(input.to) < stageIndex(from);
      if ((back || p.stage === "stopped") && !reason) {
        throw invalid(
          "reason",
          p.stage === "stopped" ? "恢复中止的项目须填写原因" : "退回到之前的阶段须填写原因",
          "Going back or resuming needs a reason",
        );
      }
      if (!back) {
        const entered = projectStages.slice(stageIndex(from) + 1, stageIndex(input.to) + 1);
        await checkGates(tx, id, entered, input.on);
      }
    }
    const updated = await tx.db
      .update(project)
      .set({
        stage: input.to,
        stageOn: input.on,
        stoppedFrom,
        ...(input.to === "stopped"
          ? {}
          : {
              stageDates: sql`(select array_agg(case when i = ${stageIndex(input.to) + 1}
                then coalesce(${project.stageDates}[i], ${input.on}::date) else ${project.stageDates}[i] end order by i)
                from generate_series(1, greatest(cardinality(${project.stageDates}), ${stageIndex(input.to) + 1})) i)`,
            }),
        version: input.version + 1,
        updatedAt: tx.now(),
      })
      .where(and(eq(project.id, id), eq(project.version, input.version)))
      .returning({ id: project.id });
    if (updated.length === 0) throw stale();
    await tx.db.insert(projectStageEvent).values({
      id: newId(),
      projectId: id,
      fromStage: p.stage,
      toStage: input.to,
      on: input.on,
      reason,
      actorId: tx.actor.id,
    });
    const reachedSigning =
      input.to !== "stopped" &&
      stageIndex(input.to) >= stageIndex("signed") &&
      stageIndex(from) < stageIndex("signed");
    const nodes = reachedSigning ? await generateNodes(tx, p, (await getContract(tx.db, id))!.signedOn) : 0;
    // After the move's own effects, so a listener finds the nodes signing made.
    for (const listener of stageListeners()) {
      await listener(tx, { projectId: id, from: p.stage, to: input.to, on: input.on });
    }
    const after = (await getProject(tx.db, tx.actor, id, today))!;
    await audit(tx, {
      action: "stage",
      subjectType: "project",
      subjectId: id,
      regionId: p.regionId,
      before: { stage: p.stage, stageOn: p.stageOn },
      after: { stage: after.stage, stageOn: after.stageOn },
      meta: { label: p.name, reason, nodes },
    });
    return after;
  });
}
