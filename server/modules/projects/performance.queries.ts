import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import type { z } from "zod";
import type { fundSummaryQuery } from "../../../common/project.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { park, team } from "../org/org.table.js";
import { projectWhere } from "./projects.queries.js";
import { project, projectActual, projectFund } from "./projects.table.js";

export const fundsOf = (db: DbOrTx, projectId: string) =>
  db.select().from(projectFund).where(eq(projectFund.projectId, projectId)).orderBy(asc(projectFund.month));

export async function fundAt(db: DbOrTx, projectId: string, month: string) {
  const [row] = await db
    .select()
    .from(projectFund)
    .where(and(eq(projectFund.projectId, projectId), eq(projectFund.month, month)));
  return row ?? null;
}

export const actualsOf = (db: DbOrTx, projectId: string) =>
  db
    .select()
    .from(projectActual)
    .where(eq(projectActual.projectId, projectId))
    .orderBy(asc(projectActual.year));

export async function actualAt(db: DbOrTx, projectId: string, year: number) {
  const [row] = await db
    .select()
    .from(projectActual)
    .where(and(eq(projectActual.projectId, projectId), eq(projectActual.year, year)));
  return row ?? null;
}

/** Funds in place in a year, per park, team or month, over the projects in the actor's scope. */
export async function fundSummary(
  db: DbOrTx,
  actor: Actor,
  q: z.infer<typeof fundSummaryQuery>,
  today: string,
) {
  const where = and(
    projectWhere(actor, { parkId: q.parkId, teamId: q.teamId }, today),
    gte(projectFund.month, `${q.year}-01-01`),
    lt(projectFund.month, `${q.year + 1}-01-01`),
  );
  const key =
    q.groupBy === "park"
      ? { id: project.parkId, name: park.name }
      : q.groupBy === "team"
        ? { id: project.teamId, name: team.name }
        : {
            id: sql<string>`to_char(${projectFund.month}, 'YYYY-MM')`,
            name: sql<string>`to_char(${projectFund.month}, 'YYYY-MM')`,
          };
  const rows = await db
    .select({
      id: key.id,
      name: key.name,
      domesticFen: sql<number>`sum(${projectFund.domesticFen})::float8`,
      foreignCents: sql<number>`sum(${projectFund.foreignCents})::float8`,
      projects: sql<number>`count(distinct ${projectFund.projectId})::int`,
    })
    .from(projectFund)
    .innerJoin(project, eq(project.id, projectFund.projectId))
    .leftJoin(park, eq(park.id, project.parkId))
    .leftJoin(team, eq(team.id, project.teamId))
    .where(where)
    .groupBy(key.id, key.name)
    .orderBy(q.groupBy === "month" ? asc(key.id) : sql`sum(${projectFund.domesticFen}) desc`);
  return rows.map((r) => ({
    ...r,
    domesticFen: Number(r.domesticFen),
    foreignCents: Number(r.foreignCents),
  }));
}

/** Signed projects with a contract, for the daily performance scan. */
export async function signedProjectIds(db: DbOrTx) {
  return db
    .select({ id: project.id, officerId: project.officerId, name: project.name })
    .from(project)
    .where(sql`${project.stage} <> 'stopped' and cardinality(${project.stageDates}) >= 4`);
}
