import { and, asc, desc, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { nodeQuery, ProjectNode } from "../../../common/project.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { offsetOf } from "../../lib/paging.js";
import { workdaySeq } from "../../lib/workdays/workdays.queries.js";
import { department } from "../org/org.table.js";
import { projectScope } from "./projects.queries.js";
import { nodeTemplate, nodeTemplateItem, project, projectNode } from "./projects.table.js";

/** Days at which a pending node counts as due soon: within this many working days. */
export const DUE_SOON_WORKDAYS = 3;

/** Working days past due (positive) or still left (negative) for a pending node. */
const lateWorkdays = (today: string) =>
  sql<number | null>`case when ${projectNode.status} = 'pending' and ${projectNode.dueOn} is not null
    then ${workdaySeq(sql`${today}::date`)} - ${workdaySeq(sql`${projectNode.dueOn}`)} end`;

const nodeSelect = (today: string) => ({
  id: projectNode.id,
  projectId: projectNode.projectId,
  projectName: project.name,
  seq: projectNode.seq,
  name: projectNode.name,
  departmentId: projectNode.departmentId,
  departmentName: department.name,
  gate: projectNode.gate,
  dueWorkdays: projectNode.dueWorkdays,
  dueOn: projectNode.dueOn,
  plannedOn: projectNode.plannedOn,
  doneOn: projectNode.doneOn,
  status: projectNode.status,
  note: projectNode.note,
  evidenceFileIds: projectNode.evidenceFileIds,
  evidenceRequired: projectNode.evidenceRequired,
  lateWorkdays: lateWorkdays(today),
  linkType: projectNode.linkType,
  linkId: projectNode.linkId,
  linkLabel: projectNode.linkLabel,
  version: projectNode.version,
});

function selectNodes(db: DbOrTx, today: string) {
  return db
    .select(nodeSelect(today))
    .from(projectNode)
    .innerJoin(project, eq(project.id, projectNode.projectId))
    .leftJoin(department, eq(department.id, projectNode.departmentId));
}

/**
 * Nodes in the actor's reach: a department handler sees their department's nodes only, even on a
 * project they can open; everyone else sees the nodes of the projects in their scope.
 */
export function nodeScope(actor: Actor): SQL {
  const departments = actor.grants.filter((g) => g.kind === "department" && g.refId).map((g) => g.refId!);
  const own = departments.length
    ? sql`${projectNode.departmentId} in (${sql.join(
        departments.map((d) => sql`${d}`),
        sql`, `,
      )})`
    : undefined;
  const others = actor.grants.some((g) => g.kind !== "department")
    ? projectScope({ ...actor, grants: actor.grants.filter((g) => g.kind !== "department") })
    : undefined;
  return or(own, others) ?? sql`false`;
}

export async function listNodes(db: DbOrTx, actor: Actor, q: z.infer<typeof nodeQuery>, today: string) {
  const soonSeq = sql`${workdaySeq(sql`${today}::date`)} + ${DUE_SOON_WORKDAYS}`;
  const where = and(
    nodeScope(actor),
    q.projectId ? eq(projectNode.projectId, q.projectId) : undefined,
    q.departmentId ? eq(projectNode.departmentId, q.departmentId) : undefined,
    q.status ? eq(projectNode.status, q.status) : undefined,
    q.due === "overdue"
      ? and(eq(projectNode.status, "pending"), sql`${projectNode.dueOn} < ${today}`)
      : undefined,
    q.due === "soon"
      ? and(
          eq(projectNode.status, "pending"),
          sql`${projectNode.dueOn} >= ${today}`,
          sql`${workdaySeq(sql`${projectNode.dueOn}`)} <= ${soonSeq}`,
        )
      : undefined,
  );
  const order = q.projectId
    ? [asc(projectNode.seq)]
    : [sql`${projectNode.dueOn} asc nulls last`, asc(projectNode.id)];
  const [items, [count]] = await Promise.all([
    selectNodes(db, today)
      .where(where)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(projectNode)
      .innerJoin(project, eq(project.id, projectNode.projectId))
      .where(where),
  ]);
  return { items: items as ProjectNode[], total: Number(count?.n ?? 0) };
}

export async function projectNodes(db: DbOrTx, projectId: string, today: string) {
  return (await selectNodes(db, today)
    .where(eq(projectNode.projectId, projectId))
    .orderBy(asc(projectNode.seq))) as ProjectNode[];
}

export async function getNode(db: DbOrTx, actor: Actor, id: string, today: string) {
  const [row] = await selectNodes(db, today).where(and(eq(projectNode.id, id), nodeScope(actor)));
  return (row as ProjectNode | undefined) ?? null;
}

/** The most specific template for a project: its park and kind, its park, its region and kind, its region. */
export async function templateFor(
  db: DbOrTx,
  args: { regionId: string; parkId: string | null; kind: string },
) {
  const [t] = await db
    .select({ id: nodeTemplate.id, name: nodeTemplate.name })
    .from(nodeTemplate)
    .where(
      and(
        eq(nodeTemplate.regionId, args.regionId),
        args.parkId
          ? or(isNull(nodeTemplate.parkId), eq(nodeTemplate.parkId, args.parkId))
          : isNull(nodeTemplate.parkId),
        or(isNull(nodeTemplate.projectKind), eq(nodeTemplate.projectKind, args.kind)),
      ),
    )
    .orderBy(
      sql`(${nodeTemplate.parkId} is not null) desc`,
      sql`(${nodeTemplate.projectKind} is not null) desc`,
      desc(nodeTemplate.updatedAt),
    )
    .limit(1);
  if (!t) return null;
  const items = await db
    .select()
    .from(nodeTemplateItem)
    .where(eq(nodeTemplateItem.templateId, t.id))
    .orderBy(asc(nodeTemplateItem.seq));
  return { ...t, items };
}

export async function listTemplates(db: DbOrTx, regionIds: string[] | "all") {
  const rows = await db
    .select()
    .from(nodeTemplate)
    .where(
      regionIds === "all"
        ? undefined
        : regionIds.length
          ? sql`${nodeTemplate.regionId} in (${sql.join(
              regionIds.map((r) => sql`${r}`),
              sql`, `,
            )})`
          : sql`false`,
    )
    .orderBy(asc(nodeTemplate.name));
  const items = rows.length
    ? await db
        .select()
        .from(nodeTemplateItem)
        .where(
          sql`${nodeTemplateItem.templateId} in (${sql.join(
            rows.map((r) => sql`${r.id}`),
            sql`, `,
          )})`,
        )
        .orderBy(asc(nodeTemplateItem.seq))
    : [];
  return rows.map((r) => ({ ...r, items: items.filter((i) => i.templateId === r.id) }));
}

export async function getTemplate(db: DbOrTx, id: string) {
  const [t] = await db.select().from(nodeTemplate).where(eq(nodeTemplate.id, id));
  if (!t) return null;
  const items = await db
    .select()
    .from(nodeTemplateItem)
    .where(eq(nodeTemplateItem.templateId, id))
    .orderBy(asc(nodeTemplateItem.seq));
  return { ...t, items };
}

/** Whether the project has a land node and whether all of them are done. */
export async function landGate(db: DbOrTx, projectId: string) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      open: sql<number>`count(*) filter (where ${projectNode.status} = 'pending')::int`,
    })
    .from(projectNode)
    .where(and(eq(projectNode.projectId, projectId), eq(projectNode.gate, "land")));
  return { total: Number(row?.total ?? 0), open: Number(row?.open ?? 0) };
}
