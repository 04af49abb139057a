import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { firmFiguresSql } from "../enterprises/enterprises.conditions.js";
import { labelCurrent } from "../enterprises/enterprises.queries.js";
import { enterprise, enterpriseLabel } from "../enterprises/enterprises.table.js";
import { problemScope } from "../problems/problems.queries.js";
import { problem } from "../problems/problems.table.js";
import { chainLink, chainLinkFirm, prospect, prospectLink } from "./chains.table.js";
import { prospectScope } from "./prospects.queries.js";

/* The reads behind a chain's X清单 exports (lists.service.ts shapes them into sheets). */

/**
 * 重点企业清单: every firm on the chain's links once, 链主 first (named on the chain or placed as
 * leader on a link), with its links, latest-year figures and current labels.
 */
export async function chainFirmRows(
  db: DbOrTx,
  c: { id: string; leaderFirmIds: string[] },
  day: string,
): Promise<Record<string, unknown>[]> {
  const leaders = c.leaderFirmIds.length
    ? sql`array[${sql.join(
        c.leaderFirmIds.map((x) => sql`${x}::uuid`),
        sql`, `,
      )}]::uuid[]`
    : sql`'{}'::uuid[]`;
  const res = await db.execute(sql`
      with firms as materialized (
        select distinct f.enterprise_id as id from ${chainLinkFirm} f
          where f.link_id = any(array(select l.id from ${chainLink} l where l.chain_id = ${c.id}))
      ), ff as (select * from ${firmFiguresSql(sql`firms`, [], day)} x)
      select e.name, e.uscc,
        (e.id = any(${leaders}) or bool_or(f.role = 'leader')) as leader,
        string_agg(l.name, '、' order by l.sort_order, l.name) as links,
        ff.output, ff.tax, ff.revenue,
        (select string_agg(${enterpriseLabel.label}, ',' order by ${enterpriseLabel.label}) from ${enterpriseLabel}
          where ${enterpriseLabel.enterpriseId} = e.id and ${labelCurrent(day)}) as labels
      from firms
        join ${enterprise} e on e.id = firms.id
        join ff on ff.id = firms.id
        join ${chainLinkFirm} f on f.enterprise_id = e.id
        join ${chainLink} l on l.id = f.link_id and l.chain_id = ${c.id}
      group by e.id, e.name, e.uscc, ff.output, ff.tax, ff.revenue
      order by leader desc, ff.output desc nulls last, e.name`);
  return (res as unknown as { rows: Record<string, unknown>[] }).rows;
}

/** 问题清单: the problems raised on the given projects, in the reader's problem scope. */
export async function problemsOfProjects(db: DbOrTx, actor: Actor, projectIds: string[]) {
  if (projectIds.length === 0) return [];
  return db
    .select({
      projectId: problem.subjectId,
      title: problem.title,
      category: problem.category,
      status: problem.status,
      raisedOn: problem.raisedOn,
      dueOn: problem.dueOn,
    })
    .from(problem)
    .where(
      and(eq(problem.subjectType, "project"), inArray(problem.subjectId, projectIds), problemScope(actor)),
    )
    .orderBy(asc(problem.raisedOn), asc(problem.title));
}

/** 招引目标清单: the prospects in scope on the chain's links, each once with its links named. */
export async function prospectsOnChain(db: DbOrTx, actor: Actor, chainId: string) {
  return db
    .select({
      id: prospect.id,
      name: prospect.name,
      sources: prospect.sources,
      priority: prospect.priority,
      status: prospect.status,
      links: sql<string>`string_agg(${chainLink.name}, '、' order by ${chainLink.order}, ${chainLink.name})`,
    })
    .from(prospect)
    .innerJoin(prospectLink, eq(prospectLink.prospectId, prospect.id))
    .innerJoin(chainLink, eq(chainLink.id, prospectLink.linkId))
    .where(and(eq(chainLink.chainId, chainId), prospectScope(actor)))
    .groupBy(prospect.id)
    .orderBy(asc(prospect.name));
}
