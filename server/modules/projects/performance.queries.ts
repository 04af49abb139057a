import { and, asc, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { fundSummaryQuery } from "../../../common/project.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { workdaysBetweenSql } from "../../lib/workdays/workdays.queries.js";
import { park, team } from "../org/org.table.js";
import { projectWhere } from "./projects.queries.js";
import { project, projectActual, projectContract, projectFund } from "./projects.table.js";

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

const day = (d: string) => sql`cast(${d} as date)`;

/**
 * Working days from a promised day to the day reached, or to today once it has passed
 * unreached; null before it is due.
 */
const lateSql = (due: AnyPgColumn, reached: SQL, today: string) =>
  workdaysBetweenSql(due, sql`coalesce(${reached}, case when ${due} < ${day(today)} then ${day(today)} end)`);

/**
 * The facts the performance rules read, for every signed project with a contract (the daily
 * alert job) or for one (its page), in one statement: the contract, the latest year's actuals
 * and the working days each date commitment is late.
 */
export async function performanceFacts(db: DbOrTx, today: string, projectId?: string) {
  const latest = db
    .select({
      investmentFen: projectActual.investmentFen,
      outputFen: projectActual.outputFen,
      taxFen: projectActual.taxFen,
      jobs: projectActual.jobs,
      landM2: projectActual.landM2,
    })
    .from(projectActual)
    .where(eq(projectActual.projectId, project.id))
    .orderBy(desc(projectActual.year))
    .limit(1)
    .as("latest_actual");
  // Stage dates are 1-based in SQL: 7 is 开工 (construction), 9 is 投产 (production).
  const startedOn = sql<string | null>`${project.stageDates}[7]`;
  const producedOn = sql<string | null>`${project.stageDates}[9]`;
  return db
    .select({
      id: project.id,
      name: project.name,
      officerId: project.officerId,
      regionId: project.regionId,
      landDemandM2: project.landDemandM2,
      contract: projectContract,
      latest: {
        investmentFen: latest.investmentFen,
        outputFen: latest.outputFen,
        taxFen: latest.taxFen,
        jobs: latest.jobs,
        landM2: latest.landM2,
      },
      startedOn: sql<string | null>`to_char(${startedOn}, 'YYYY-MM-DD')`,
      producedOn: sql<string | null>`to_char(${producedOn}, 'YYYY-MM-DD')`,
      startLate: lateSql(projectContract.startBy, startedOn, today),
      productionLate: lateSql(projectContract.productionBy, producedOn, today),
    })
    .from(project)
    .innerJoin(projectContract, eq(projectContract.projectId, project.id))
    .leftJoinLateral(latest, sql`true`)
    .where(
      projectId
        ? eq(project.id, projectId)
        : sql`${project.stage} <> 'stopped' and cardinality(${project.stageDates}) >= 4`,
    )
    .orderBy(asc(project.id));
}
