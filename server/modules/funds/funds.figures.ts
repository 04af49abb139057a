import { sql } from "drizzle-orm";
import {
  type FiguresQuery,
  type FundFigureRow,
  type FundFigures,
  LEVERAGE_FORMULA,
  leverageOf,
} from "../../../common/fund.schema.js";
import type { ActorCtx } from "../../lib/context.js";
import { requirePermission } from "../../lib/policy.js";
import { fundScope } from "./funds.queries.js";

interface Raw {
  park_id: string | null;
  park_name: string | null;
  year: number | string;
  fund_fen: number | string | null;
  co_fen: number | string | null;
  investments: number | string | null;
  landed: number | string | null;
}

/**
 * Per park (where the money landed) and year: fund money invested, co-investment alongside,
 * their leverage and the projects brought in by funds that were signed that year (a project
 * counted once however many funds brought it). One statement over the funds in scope.
 */
export async function fundFigures(ctx: ActorCtx, query: FiguresQuery): Promise<FundFigures> {
  requirePermission(ctx.actor.permissions, "fund.read");
  const scope = fundScope(ctx.actor);
  const inPark = (col: string) =>
    query.parkId
      ? sql`and ${sql.raw(col)} in (select id from park where id = ${query.parkId} or parent_id = ${query.parkId})`
      : sql``;
  const r = (await ctx.db.execute(sql`
    with inv as (
      select i.park_id, extract(year from i.invested_on)::int as year,
        sum(i.amount_fen)::float8 as fund_fen, sum(i.co_invest_fen)::float8 as co_fen, count(*)::int as investments
      from fund_investment i join fund on fund.id = i.fund_id
      where ${scope} ${inPark("i.park_id")}
      group by 1, 2
    ), landed as (
      select lp.park_id, extract(year from lp.signed_on)::int as year, count(*)::int as landed
      from (
        select distinct p.id, p.park_id, coalesce(c.signed_on, p.stage_dates[4]) as signed_on
        from fund_project fp join fund on fund.id = fp.fund_id
          join project p on p.id = fp.project_id
          left join project_contract c on c.project_id = p.id
        where ${scope} ${inPark("p.park_id")}
      ) lp
      where lp.signed_on is not null
      group by 1, 2
    )
    select coalesce(inv.park_id, landed.park_id) as park_id, pk.name as park_name,
      coalesce(inv.year, landed.year) as year, inv.fund_fen, inv.co_fen, inv.investments, landed.landed
    from inv full outer join landed
      on landed.park_id is not distinct from inv.park_id and landed.year = inv.year
      left join park pk on pk.id = coalesce(inv.park_id, landed.park_id)
    order by 3 desc, 2 nulls last
  `)) as unknown as { rows: Raw[] };
  const rows: FundFigureRow[] = r.rows
    .map((x) => {
      const fundFen = Number(x.fund_fen ?? 0);
      const coInvestFen = Number(x.co_fen ?? 0);
      return {
        parkId: x.park_id,
        parkName: x.park_name ?? "（未落园区）",
        year: Number(x.year),
        fundFen,
        coInvestFen,
        leverage: leverageOf(fundFen, coInvestFen),
        investments: Number(x.investments ?? 0),
        projectsLanded: Number(x.landed ?? 0),
      };
    })
    .filter((x) => query.year === undefined || x.year === query.year);
  const years = new Map<number, { fundFen: number; coInvestFen: number; projectsLanded: number }>();
  for (const x of rows) {
    const y = years.get(x.year) ?? { fundFen: 0, coInvestFen: 0, projectsLanded: 0 };
    y.fundFen += x.fundFen;
    y.coInvestFen += x.coInvestFen;
    y.projectsLanded += x.projectsLanded;
    years.set(x.year, y);
  }
  const byYear = [...years.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([year, y]) => ({ year, ...y, leverage: leverageOf(y.fundFen, y.coInvestFen) }));
  const fundFen = rows.reduce((s, x) => s + x.fundFen, 0);
  const coInvestFen = rows.reduce((s, x) => s + x.coInvestFen, 0);
  return {
    rows,
    byYear,
    total: {
      fundFen,
      coInvestFen,
      leverage: leverageOf(fundFen, coInvestFen),
      projectsLanded: rows.reduce((s, x) => s + x.projectsLanded, 0),
    },
    formula: LEVERAGE_FORMULA,
  };
}
