import { type AnyColumn, and, asc, desc, eq, gte, inArray, like, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type ProjectQuery, type ProjectRow, sizeTagsOf, sizeTiers } from "../../../common/project.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { offsetOf } from "../../lib/paging.js";
import { inRegionSubtree, scopeWhere } from "../../lib/scope.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { park, region, team } from "../org/org.table.js";
import { assignedSubjects } from "../reviews/reviews.queries.js";
import { users } from "../users/users.table.js";
import { project, projectContract, projectCredit, projectNode, projectStageEvent } from "./projects.table.js";

/**
 * Department handlers reach the projects that have a node of their department; experts those
 * whose review panels seat them.
 */
export const projectScope = (a: Actor) =>
  scopeWhere(a, {
    region: project.regionId,
    park: project.parkId,
    team: project.teamId,
    department: (d) =>
      sql`exists (select 1 from ${projectNode} where ${projectNode.projectId} = ${project.id}
        and ${projectNode.departmentId} = ${d})`,
    assigned: (userId) => sql`${project.id} in ${assignedSubjects("project", userId)}`,
  });

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Pending nodes past their due day. */
const overdueNodes = (today: string) =>
  sql<number>`(select count(*)::int from ${projectNode} where ${projectNode.projectId} = ${project.id}
    and ${projectNode.status} = 'pending' and ${projectNode.dueOn} < ${today})`;

export function projectWhere(actor: Actor, q: Partial<ProjectQuery>, today: string): SQL | undefined {
  const text = q.q?.trim();
  const tier = sizeTiers.find((t) => t.key === q.tier);
  return and(
    projectScope(actor),
    text
      ? or(
          like(project.name, `%${escapeLike(text)}%`),
          like(project.code, `${escapeLike(text.toUpperCase())}%`),
          sql`${project.investorId} in (select ${enterprise.id} from ${enterprise}
            where ${enterprise.name} like ${`%${escapeLike(text)}%`})`,
        )
      : undefined,
    q.regionId ? inRegionSubtree(project.regionId, q.regionId) : undefined,
    q.parkId
      ? inArray(
          project.parkId,
          sql`(select ${park.id} from ${park} where ${park.id} = ${q.parkId} or ${park.parentId} = ${q.parkId})`,
        )
      : undefined,
    q.teamId ? eq(project.teamId, q.teamId) : undefined,
    q.officerId ? eq(project.officerId, q.officerId) : undefined,
    q.investorId ? eq(project.investorId, q.investorId) : undefined,
    q.stage ? eq(project.stage, q.stage) : undefined,
    q.channel ? eq(project.channel, q.channel) : undefined,
    q.kind ? eq(project.kind, q.kind) : undefined,
    tier ? gte(project.totalInvestmentFen, tier.minFen) : undefined,
    q.tag ? sql`${q.tag} = any(${project.manualTags})` : undefined,
    q.duplicate ? sql`cardinality(${project.duplicateOf}) > 0` : undefined,
    q.overdue ? sql`${overdueNodes(today)} > 0` : undefined,
  );
}

const officer = alias(users, "officer");
const registrant = alias(users, "registrant");

const projectSelect = (today: string) => ({
  id: project.id,
  code: project.code,
  name: project.name,
  investorId: project.investorId,
  investorName: enterprise.name,
  investorUscc: enterprise.uscc,
  kind: project.kind,
  industryCode: project.industryCode,
  regionId: project.regionId,
  regionName: region.name,
  parkId: project.parkId,
  parkName: park.name,
  teamId: project.teamId,
  teamName: team.name,
  officerId: project.officerId,
  officerName: officer.name,
  channel: project.channel,
  totalInvestmentFen: project.totalInvestmentFen,
  foreignCapitalCents: project.foreignCapitalCents,
  fixedAssetFen: project.fixedAssetFen,
  landDemandM2: project.landDemandM2,
  floorDemandM2: project.floorDemandM2,
  expectedOutputFen: project.expectedOutputFen,
  expectedTaxFen: project.expectedTaxFen,
  jobs: project.jobs,
  manualTags: project.manualTags,
  summary: project.summary,
  stage: project.stage,
  stageOn: project.stageOn,
  stoppedFrom: project.stoppedFrom,
  stageDates: stageDatesJson(),
  duplicateOf: project.duplicateOf,
  duplicateReason: project.duplicateReason,
  registeredAt: project.registeredAt,
  registeredBy: registrant.name,
  overdueNodes: overdueNodes(today),
  version: project.version,
  createdAt: project.createdAt,
  updatedAt: project.updatedAt,
});

function selectProjects(db: DbOrTx, today: string) {
  return db
    .select(projectSelect(today))
    .from(project)
    .innerJoin(enterprise, eq(enterprise.id, project.investorId))
    .innerJoin(region, eq(region.id, project.regionId))
    .leftJoin(park, eq(park.id, project.parkId))
    .leftJoin(team, eq(team.id, project.teamId))
    .leftJoin(officer, eq(officer.id, project.officerId))
    .leftJoin(registrant, eq(registrant.id, project.registeredBy));
}

type RawRow = Awaited<ReturnType<ReturnType<typeof selectProjects>["where"]>>[number];
const present = (r: RawRow): ProjectRow =>
  ({
    ...r,
    sizeTags: sizeTagsOf(r.totalInvestmentFen),
    registeredAt: r.registeredAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }) as ProjectRow;

const sorts: Record<string, AnyColumn> = {
  name: project.name,
  code: project.code,
  totalInvestmentFen: project.totalInvestmentFen,
  stageOn: project.stageOn,
  registeredAt: project.registeredAt,
  updatedAt: project.updatedAt,
};

export async function listProjects(db: DbOrTx, actor: Actor, q: ProjectQuery, today: string) {
  const where = projectWhere(actor, q, today);
  const col = sorts[q.sort ?? ""];
  const order = col
    ? [q.order === "desc" ? sql`${col} desc nulls last` : sql`${col} asc nulls last`, desc(project.id)]
    : [q.order === "asc" ? asc(project.id) : desc(project.id)];
  const [items, [count]] = await Promise.all([
    selectProjects(db, today)
      .where(where)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: sql<number>`count(*)::int` }).from(project).where(where),
  ]);
  return { items: items.map(present), total: Number(count?.n ?? 0) };
}

export async function getProject(db: DbOrTx, actor: Actor, id: string, today: string) {
  const [row] = await selectProjects(db, today).where(and(eq(project.id, id), projectScope(actor)));
  return row ? present(row) : null;
}

/** Likely duplicates: the same investor, an investor of the same name key, or a similar project name. */
export async function duplicateCandidates(
  db: DbOrTx,
  args: { regionPath: string; investorId: string; nameKey: string; excludeId?: string },
) {
  const investorKey = sql`(select ${enterprise.nameKey} from ${enterprise} where ${enterprise.id} = ${args.investorId})`;
  return db
    .select({
      id: project.id,
      code: project.code,
      name: project.name,
      investorName: enterprise.name,
      teamName: team.name,
      stage: project.stage,
      registeredAt: project.registeredAt,
    })
    .from(project)
    .innerJoin(enterprise, eq(enterprise.id, project.investorId))
    .innerJoin(region, eq(region.id, project.regionId))
    .leftJoin(team, eq(team.id, project.teamId))
    .where(
      and(
        like(region.path, `${escapeLike(args.regionPath)}%`),
        args.excludeId ? sql`${project.id} <> ${args.excludeId}` : undefined,
        or(
          eq(project.investorId, args.investorId),
          eq(enterprise.nameKey, investorKey),
          sql`${project.nameKey} % ${args.nameKey}`,
        ),
      ),
    )
    .orderBy(asc(project.registeredAt))
    .limit(20);
}

export async function listCredits(db: DbOrTx, projectId: string) {
  return db
    .select({
      teamId: projectCredit.teamId,
      teamName: team.name,
      userId: projectCredit.userId,
      userName: users.name,
      percent: projectCredit.percent,
    })
    .from(projectCredit)
    .innerJoin(team, eq(team.id, projectCredit.teamId))
    .leftJoin(users, eq(users.id, projectCredit.userId))
    .where(eq(projectCredit.projectId, projectId))
    .orderBy(desc(projectCredit.percent), asc(team.name));
}

export async function listStageEvents(db: DbOrTx, projectId: string) {
  return db
    .select({
      id: projectStageEvent.id,
      fromStage: projectStageEvent.fromStage,
      toStage: projectStageEvent.toStage,
      on: projectStageEvent.on,
      reason: projectStageEvent.reason,
      actorName: users.name,
      createdAt: projectStageEvent.createdAt,
    })
    .from(projectStageEvent)
    .leftJoin(users, eq(users.id, projectStageEvent.actorId))
    .where(eq(projectStageEvent.projectId, projectId))
    .orderBy(asc(projectStageEvent.on), asc(projectStageEvent.createdAt), asc(projectStageEvent.id));
}

/** The day each stage was first reached (signing, construction start…). */
export async function stageDays(db: DbOrTx, projectId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ stage: projectStageEvent.toStage, on: sql<string>`min(${projectStageEvent.on})::text` })
    .from(projectStageEvent)
    .where(eq(projectStageEvent.projectId, projectId))
    .groupBy(projectStageEvent.toStage);
  return new Map(rows.map((r) => [r.stage, r.on]));
}

export async function getContract(db: DbOrTx, projectId: string) {
  const [row] = await db.select().from(projectContract).where(eq(projectContract.projectId, projectId));
  return row ?? null;
}

/** Stage dates read as JSON: Drizzle's array parser reads a null item as the text "NULL". */
export const stageDatesJson = () => sql<(string | null)[]>`to_json(${project.stageDates})`;

/** Stage dates as SQL: Drizzle would write a null item as the text "NULL". */
export const stageDatesSql = (days: readonly (string | null)[]) =>
  days.length
    ? sql`array[${sql.join(
        days.map((d) => (d ? sql`${d}::date` : sql`null::date`)),
        sql`, `,
      )}]::date[]`
    : sql`'{}'::date[]`;

/** The ids of the projects in an actor's scope, as a subquery other modules filter by. */
export const projectIdsInScope = (actor: Actor): SQL =>
  sql`(select ${project.id} from ${project} where ${projectScope(actor)})`;
