import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import {
  type ContractTerms,
  type creditShares,
  type duplicateCheck,
  type ProjectCreate,
  type ProjectRow,
  type ProjectUpdate,
  projectStages,
} from "../../../common/project.schema.js";
import { audit, changed } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { mapConstraint } from "../../lib/db-errors.js";
import { AppError, notFound, stale } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../../lib/policy.js";
import { assertRegionWritable } from "../../lib/scope.js";
import { registerSubject } from "../../lib/subjects.js";
import { getEnterprise } from "../enterprises/enterprises.queries.js";
import { normalizeName } from "../enterprises/enterprises.search.js";
import { resolveIndustryCode } from "../enterprises/industries.reference.js";
import * as orgQ from "../org/org.queries.js";
import { regionById } from "../org/regions.queries.js";
import { userExists } from "../users/users.queries.js";
import * as q from "./projects.queries.js";
import { project, projectContract, projectCredit, projectStageEvent } from "./projects.table.js";

export const invalid = (path: string, zh: string, en: string) =>
  new AppError("VALIDATION", { zh, en }, [{ path, message: zh }]);

const texts = {
  duplicate: { zh: "项目编号重复，请重试", en: "Duplicate project code; try again" },
  inUse: { zh: "项目仍被其他记录引用，不能删除", en: "The project is still referenced" },
};

/** The project name without spaces, brackets and the word 项目, for duplicate checks. */
export const projectNameKey = (name: string) =>
  normalizeName(name)
    .replace(/\([^)]*\)/g, "")
    .replace(/[^\p{L}\p{N}]/gu, "")
    .replace(/项目$/, "");

const today = (ctx: ActorCtx) => chinaDay(ctx.now());

// Reviews, activities and problems attach to projects: they read one through this, in scope.
// Registered on import, so whoever loads the project services (the app, the demo) has it.
registerSubject("project", async (ctx, id) => {
  const p = await q.getProject(ctx.db, ctx.actor, id, today(ctx));
  return (
    p && {
      regionId: p.regionId,
      label: p.name,
      enterpriseIds: [p.investorId],
      writable: ctx.actor.permissions.has("project.write"),
    }
  );
});

/** The project in scope (404), then the right to change it (403). */
export async function writableProject(ctx: ActorCtx, id: string): Promise<ProjectRow> {
  const row = await q.getProject(ctx.db, ctx.actor, id, today(ctx));
  if (!row) throw notFound();
  requirePermission(ctx.actor.permissions, "project.write");
  return row;
}

async function checkRefs(ctx: ActorCtx, input: Partial<ProjectUpdate>, before?: ProjectRow) {
  const regionId = input.regionId ?? before?.regionId;
  const parkId = input.parkId === undefined ? before?.parkId : input.parkId;
  if (input.regionId && input.regionId !== before?.regionId && !parkId) {
    await assertRegionWritable(ctx.db, ctx.actor, input.regionId);
  }
  if (parkId && (input.parkId !== undefined || input.regionId !== undefined)) {
    const p = await orgQ.getPark(ctx.db, ctx.actor, parkId);
    if (!p) throw notFound();
    if (p.regionId !== regionId) {
      throw invalid("parkId", "所选园区不属于该行政区", "The park is not in the chosen region");
    }
  }
  if (input.investorId && input.investorId !== before?.investorId) {
    if (!(await getEnterprise(ctx.db, ctx.actor, input.investorId, today(ctx)))) {
      throw invalid(
        "investorId",
        "投资方企业不存在或不在您的管辖范围内，请先在企业库中登记",
        "The investor is not in the registry within your scope",
      );
    }
  }
  if (input.teamId && !(await orgQ.teamById(ctx.db, input.teamId))) {
    throw invalid("teamId", "小分队不存在", "No such team");
  }
  if (input.officerId && !(await userExists(ctx.db, input.officerId))) {
    throw invalid("officerId", "招商专员不存在", "No such officer");
  }
  if (input.industryCode && !resolveIndustryCode(input.industryCode)) {
    throw invalid(
      "industryCode",
      "行业代码不在国民经济行业分类（GB/T 4754-2017）中",
      "Unknown industry code",
    );
  }
}

export async function findDuplicates(
  ctx: ActorCtx,
  input: z.infer<typeof duplicateCheck>,
  excludeId?: string,
) {
  requirePermission(ctx.actor.permissions, "project.read");
  const r = await regionById(ctx.db, input.regionId);
  if (!r) throw invalid("regionId", "行政区不存在", "No such region");
  return q.duplicateCandidates(ctx.db, {
    regionPath: r.path,
    investorId: input.investorId,
    nameKey: projectNameKey(input.name),
    excludeId,
  });
}

/** 项目报备: likely duplicates must be acknowledged with a reason; credit goes to the registering team. */
export async function registerProject(ctx: ActorCtx, input: ProjectCreate): Promise<ProjectRow> {
  requirePermission(ctx.actor.permissions, "project.write");
  return inTx(ctx, async (tx) => {
    await checkRefs(tx, input);
    const { duplicateReason, leadOn, ...fields } = input;
    const day = today(tx);
    if (leadOn && leadOn > day)
      throw invalid("leadOn", "线索日期不能晚于今天", "The lead date is in the future");
    const dups = await findDuplicates(tx, input);
    if (dups.length > 0 && !duplicateReason) {
      throw new AppError(
        "DUPLICATE",
        {
          zh: `发现 ${dups.length} 个疑似重复项目，请核对；如确属不同项目，请填写区别说明后再报备`,
          en: `${dups.length} likely duplicate projects; state how this one differs to register it`,
        },
        { candidates: dups },
      );
    }
    const id = newId();
    const [seq] = await tx.db
      .execute<{ n: string }>(sql`select nextval('project_code_seq')::text as n`)
      .then((r) => (r as unknown as { rows: { n: string }[] }).rows);
    const code = `XM${day.slice(0, 4)}-${String(seq!.n).padStart(5, "0")}`;
    await mapConstraint(
      () =>
        tx.db.insert(project).values({
          ...fields,
          id,
          code,
          kind: fields.kind ?? "industrial",
          industryCode: fields.industryCode ? resolveIndustryCode(fields.industryCode) : null,
          stage: "lead",
          stageOn: leadOn ?? day,
          stageDates: [leadOn ?? day],
          nameKey: projectNameKey(fields.name),
          duplicateOf: dups.map((d) => d.id),
          duplicateReason: dups.length ? duplicateReason : null,
          registeredBy: tx.actor.id,
        }),
      texts,
    );
    await tx.db
      .insert(projectCredit)
      .values({ projectId: id, teamId: input.teamId, userId: tx.actor.id, percent: 100 });
    await tx.db.insert(projectStageEvent).values({
      id: newId(),
      projectId: id,
      fromStage: null,
      toStage: "lead",
      on: leadOn ?? day,
      actorId: tx.actor.id,
    });
    const created = await q.getProject(tx.db, tx.actor, id, day);
    // Registering into a park or team outside one's own scope would hide the record from its author.
    if (!created) throw notFound();
    await audit(tx, {
      action: "create",
      subjectType: "project",
      subjectId: id,
      regionId: created.regionId,
      after: created,
      meta: { label: created.name, duplicates: dups.map((d) => d.code) },
    });
    return created;
  });
}

export async function updateProject(ctx: ActorCtx, id: string, input: ProjectUpdate): Promise<ProjectRow> {
  return inTx(ctx, async (tx) => {
    const before = await writableProject(tx, id);
    const { version, ...patch } = input;
    await checkRefs(tx, patch, before);
    const rows = await tx.db
      .update(project)
      .set({
        ...patch,
        ...(patch.name ? { nameKey: projectNameKey(patch.name) } : {}),
        ...(patch.industryCode ? { industryCode: resolveIndustryCode(patch.industryCode) } : {}),
        version: version + 1,
        updatedAt: tx.now(),
      })
      .where(and(eq(project.id, id), eq(project.version, version)))
      .returning({ id: project.id });
    if (rows.length === 0) throw stale();
    const after = (await q.getProject(tx.db, tx.actor, id, today(tx)))!;
    await audit(tx, {
      action: "update",
      subjectType: "project",
      subjectId: id,
      regionId: after.regionId,
      ...changed(before, after),
      meta: { label: after.name },
    });
    return after;
  });
}

export async function deleteProject(ctx: ActorCtx, id: string, version: number) {
  await inTx(ctx, async (tx) => {
    const before = await writableProject(tx, id);
    if (before.version !== version) throw stale();
    if (
      projectStages.indexOf(before.stage as (typeof projectStages)[number]) >= projectStages.indexOf("signed")
    ) {
      throw new AppError("CONFLICT", {
        zh: "已签约的项目不能删除，请改为中止",
        en: "A signed project cannot be deleted; stop it instead",
      });
    }
    await mapConstraint(() => tx.db.delete(project).where(eq(project.id, id)), texts);
    await audit(tx, {
      action: "delete",
      subjectType: "project",
      subjectId: id,
      regionId: before.regionId,
      before,
      meta: { label: before.name },
    });
  });
}

/** Credit shares in percent summing to 100 (checked by the schema); replaces the previous split. */
export async function setCredits(ctx: ActorCtx, id: string, input: z.infer<typeof creditShares>) {
  return inTx(ctx, async (tx) => {
    const row = await q.getProject(tx.db, tx.actor, id, today(tx));
    if (!row) throw notFound();
    requirePermission(tx.actor.permissions, "project.credit");
    for (const [i, s] of input.shares.entries()) {
      if (!(await orgQ.teamById(tx.db, s.teamId))) {
        throw invalid(`shares.${i}.teamId`, "小分队不存在", "No such team");
      }
      if (s.userId && !(await userExists(tx.db, s.userId))) {
        throw invalid(`shares.${i}.userId`, "人员不存在", "No such user");
      }
    }
    const bumped = await tx.db
      .update(project)
      .set({ version: input.version + 1, updatedAt: tx.now() })
      .where(and(eq(project.id, id), eq(project.version, input.version)))
      .returning({ id: project.id });
    if (bumped.length === 0) throw stale();
    const before = await q.listCredits(tx.db, id);
    await tx.db.delete(projectCredit).where(eq(projectCredit.projectId, id));
    await tx.db.insert(projectCredit).values(
      input.shares.map((s) => ({
        projectId: id,
        teamId: s.teamId,
        userId: s.userId ?? null,
        percent: s.percent,
      })),
    );
    const after = await q.listCredits(tx.db, id);
    await audit(tx, {
      action: "credit",
      subjectType: "project",
      subjectId: id,
      regionId: row.regionId,
      before,
      after,
      meta: { label: row.name },
    });
    return { items: after, version: input.version + 1 };
  });
}

/** Records or corrects the terms of the signed contract (the gate to 签约 asks for them). */
export async function saveContract(ctx: ActorCtx, id: string, input: ContractTerms) {
  return inTx(ctx, async (tx) => {
    const row = await writableProject(tx, id);
    const { version, ...terms } = input;
    if (terms.signedOn > today(tx))
      throw invalid("signedOn", "签约日期不能晚于今天", "Signing date in the future");
    for (const f of ["startBy", "productionBy", "investBy"] as const) {
      if (terms[f] && terms[f]! < terms.signedOn) {
        throw invalid(f, "承诺日期不能早于签约日期", "A committed date precedes the signing");
      }
    }
    if (terms.startBy && terms.productionBy && terms.productionBy < terms.startBy) {
      throw invalid(
        "productionBy",
        "承诺投产日期不能早于承诺开工日期",
        "Production before construction start",
      );
    }
    const before = await q.getContract(tx.db, id);
    if (before) {
      if (version !== before.version) throw stale();
      await tx.db
        .update(projectContract)
        .set({ ...terms, version: before.version + 1, updatedAt: tx.now() })
        .where(and(eq(projectContract.projectId, id), eq(projectContract.version, before.version)));
    } else {
      await tx.db.insert(projectContract).values({ ...terms, projectId: id });
    }
    const after = (await q.getContract(tx.db, id))!;
    await audit(tx, {
      action: before ? "update" : "create",
      subjectType: "project",
      subjectId: id,
      regionId: row.regionId,
      ...(before ? changed(before, after) : { after }),
      meta: { label: row.name, part: "contract" },
    });
    return after;
  });
}
