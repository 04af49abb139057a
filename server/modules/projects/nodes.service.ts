import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { SubjectType } from "../../../common/enums.js";
import type { NodeTemplateBody, nodeUpdate, ProjectNode } from "../../../common/project.schema.js";
import { audit, changed } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { AppError, forbidden, notFound, stale } from "../../lib/errors.js";
import { getFile } from "../../lib/files/files.service.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../../lib/policy.js";
import { assertRegionWritable } from "../../lib/scope.js";
import * as orgQ from "../org/org.queries.js";
import { getNode, getTemplate } from "./nodes.queries.js";
import { getProject } from "./projects.queries.js";
import { invalid } from "./projects.service.js";
import { nodeTemplate, nodeTemplateItem, projectNode } from "./projects.table.js";

/**
 * Evidence newly attached to a node must be a file the actor can open that was uploaded to the
 * node's project: everyone who sees the project can then download it (the file store lets a
 * project's readers open its files), whoever uploaded it.
 */
async function checkEvidence(ctx: ActorCtx, node: ProjectNode, ids: readonly string[]) {
  if (new Set(ids).size !== ids.length)
    throw invalid("evidenceFileIds", "证明材料有重复", "An evidence file is listed twice");
  for (const [i, id] of ids.entries()) {
    if (node.evidenceFileIds.includes(id)) continue;
    const file = await getFile(ctx, id).catch(() => null);
    if (file?.subjectType !== "project" || file.subjectId !== node.projectId) {
      throw invalid(
        `evidenceFileIds.${i}`,
        "证明材料不存在或不属于本项目，请重新上传",
        "No such evidence file on this project; upload it again",
      );
    }
  }
}

/** The fields a department handler may set on their own department's node. */
const handlerFields = new Set(["status", "doneOn", "note", "evidenceFileIds", "version"]);

/**
 * Officers (project.write) edit any node of a project in their scope; department handlers
 * (project.node) complete their own department's nodes and nothing else (403).
 */
export async function updateNode(ctx: ActorCtx, id: string, input: z.infer<typeof nodeUpdate>) {
  return inTx(ctx, async (tx) => {
    const today = chinaDay(tx.now());
    const before = await getNode(tx.db, tx.actor, id, today);
    if (!before) throw notFound();
    const officerGrants = tx.actor.grants.filter((g) => g.kind !== "department");
    const asOfficer =
      tx.actor.permissions.has("project.write") &&
      officerGrants.length > 0 &&
      (await getProject(tx.db, { ...tx.actor, grants: officerGrants }, before.projectId, today)) !== null;
    if (!asOfficer) {
      const own = tx.actor.grants.some((g) => g.kind === "department" && g.refId === before.departmentId);
      if (!tx.actor.permissions.has("project.node") || !own) throw forbidden();
      const extra = Object.keys(input).filter((k) => !handlerFields.has(k));
      if (extra.length) {
        throw new AppError("FORBIDDEN", {
          zh: "部门经办只能办结本部门的节点，不能修改计划日期或责任部门",
          en: "Department handlers only complete their own nodes",
        });
      }
    }
    const { version, ...patch } = input;
    const status = patch.status ?? before.status;
    const doneOn = patch.doneOn === undefined ? before.doneOn : patch.doneOn;
    if (status === "done" && !doneOn)
      throw invalid("doneOn", "办结节点须填写完成日期", "A done node needs its date");
    if (doneOn && doneOn > today)
      throw invalid("doneOn", "完成日期不能晚于今天", "The date is in the future");
    if (patch.evidenceFileIds) await checkEvidence(tx, before, patch.evidenceFileIds);
    const evidence = patch.evidenceFileIds ?? before.evidenceFileIds;
    if (status === "done" && before.evidenceRequired && evidence.length === 0) {
      throw invalid(
        "evidenceFileIds",
        `节点「${before.name}」须上传证明材料（如批复、合同、证照）后才能办结`,
        `"${before.name}" needs an evidence file before it can be completed`,
      );
    }
    if (patch.departmentId && !(await orgQ.departmentById(tx.db, patch.departmentId))) {
      throw invalid("departmentId", "责任部门不存在", "No such department");
    }
    const rows = await tx.db
      .update(projectNode)
      .set({
        ...patch,
        doneOn: status === "pending" ? null : doneOn,
        doneBy: status === "done" ? tx.actor.id : null,
        version: version + 1,
        updatedAt: tx.now(),
      })
      .where(and(eq(projectNode.id, id), eq(projectNode.version, version)))
      .returning({ id: projectNode.id });
    if (rows.length === 0) throw stale();
    const after = (await getNode(tx.db, tx.actor, id, today))!;
    const p = await getProject(tx.db, tx.actor, before.projectId, today);
    await audit(tx, {
      action: status === "done" && before.status !== "done" ? "complete" : "update",
      subjectType: "project",
      subjectId: before.projectId,
      regionId: p?.regionId ?? null,
      ...changed(before, after),
      meta: { label: before.projectName, node: before.name },
    });
    return after;
  });
}

export interface NodeLink {
  type: SubjectType;
  id: string;
  label: string;
}

/**
 * Links the project's node of a gate (the land node) to the record that serves it, or clears
 * the link when `link` is null and the node is linked to `releasing`. Called by the owning
 * module (sites, on reserving and releasing) inside its own transaction, after its own checks;
 * a project whose nodes are not made yet (before signing) or that has no such node is left alone.
 */
export async function linkGateNode(
  ctx: ActorCtx,
  projectId: string,
  gate: string,
  link: NodeLink | null,
  releasing?: { type: SubjectType; id: string },
) {
  const [node] = await ctx.db
    .select({
      id: projectNode.id,
      name: projectNode.name,
      linkId: projectNode.linkId,
      version: projectNode.version,
    })
    .from(projectNode)
    .where(and(eq(projectNode.projectId, projectId), eq(projectNode.gate, gate)))
    .orderBy(projectNode.seq)
    .limit(1);
  if (!node) return;
  if (link ? node.linkId === link.id : !releasing || node.linkId !== releasing.id) return;
  await ctx.db
    .update(projectNode)
    .set({
      linkType: link?.type ?? null,
      linkId: link?.id ?? null,
      linkLabel: link?.label ?? null,
      version: node.version + 1,
      updatedAt: ctx.now(),
    })
    .where(eq(projectNode.id, node.id));
  const p = await getProject(ctx.db, ctx.actor, projectId, chinaDay(ctx.now()));
  await audit(ctx, {
    action: "update",
    subjectType: "project",
    subjectId: projectId,
    regionId: p?.regionId ?? null,
    after: { link: link ? { type: link.type, id: link.id, label: link.label } : null },
    meta: { label: p?.name ?? null, node: node.name },
  });
}

async function checkTemplate(ctx: ActorCtx, input: NodeTemplateBody) {
  await assertRegionWritable(ctx.db, ctx.actor, input.regionId);
  if (input.parkId) {
    const p = await orgQ.getPark(ctx.db, ctx.actor, input.parkId);
    if (!p) throw notFound();
    if (p.regionId !== input.regionId)
      throw invalid("parkId", "所选园区不属于该行政区", "Park not in region");
  }
  for (const [i, item] of input.items.entries()) {
    if (item.departmentId && !(await orgQ.departmentById(ctx.db, item.departmentId))) {
      throw invalid(`items.${i}.departmentId`, "责任部门不存在", "No such department");
    }
  }
}

const itemRows = (templateId: string, items: NodeTemplateBody["items"]) =>
  items.map((it, i) => ({
    templateId,
    seq: i + 1,
    name: it.name,
    departmentId: it.departmentId ?? null,
    dueWorkdays: it.dueWorkdays,
    gate: it.gate ?? null,
    evidenceRequired: it.evidenceRequired ?? false,
  }));

export async function saveTemplate(ctx: ActorCtx, id: string | null, input: NodeTemplateBody) {
  requirePermission(ctx.actor.permissions, "project.template");
  return inTx(ctx, async (tx) => {
    await checkTemplate(tx, input);
    const { items, version, ...fields } = input;
    const before = id ? await getTemplate(tx.db, id) : null;
    if (id && !before) throw notFound();
    const tid = id ?? newId();
    if (before) {
      await assertRegionWritable(tx.db, tx.actor, before.regionId);
      const rows = await tx.db
        .update(nodeTemplate)
        .set({
          ...fields,
          parkId: fields.parkId ?? null,
          projectKind: fields.projectKind ?? null,
          version: before.version + 1,
          updatedAt: tx.now(),
        })
        .where(and(eq(nodeTemplate.id, tid), eq(nodeTemplate.version, version ?? -1)))
        .returning({ id: nodeTemplate.id });
      if (rows.length === 0) throw stale();
      await tx.db.delete(nodeTemplateItem).where(eq(nodeTemplateItem.templateId, tid));
    } else {
      await tx.db.insert(nodeTemplate).values({ ...fields, id: tid });
    }
    await tx.db.insert(nodeTemplateItem).values(itemRows(tid, items));
    const after = (await getTemplate(tx.db, tid))!;
    await audit(tx, {
      action: before ? "update" : "create",
      subjectType: "setting",
      subjectId: tid,
      regionId: after.regionId,
      ...(before ? changed(before, after) : { after }),
      meta: { label: `节点模板：${after.name}` },
    });
    return after;
  });
}

export async function deleteTemplate(ctx: ActorCtx, id: string) {
  requirePermission(ctx.actor.permissions, "project.template");
  await inTx(ctx, async (tx) => {
    const before = await getTemplate(tx.db, id);
    if (!before) throw notFound();
    await assertRegionWritable(tx.db, tx.actor, before.regionId);
    await tx.db.delete(nodeTemplate).where(eq(nodeTemplate.id, id));
    await audit(tx, {
      action: "delete",
      subjectType: "setting",
      subjectId: id,
      regionId: before.regionId,
      before,
      meta: { label: `节点模板：${before.name}` },
    });
  });
}
