import { eq, sql } from "drizzle-orm";
import { fundQuery } from "../../common/fund.schema.js";
import type { Database } from "../../server/db/client.js";
import { newId } from "../../server/lib/ids.js";
import { fundFigures } from "../../server/modules/funds/funds.figures.js";
import { fundDetail, listFunds } from "../../server/modules/funds/funds.service.js";
import { region } from "../../server/modules/org/org.table.js";
import {
  type BackendName,
  type BenchRecord,
  benchActorCtx,
  paired,
  record,
  type Size,
} from "../bench.lib.js";
import { rng } from "../generate/enterprises.gen.js";
import { type FundSizes, fundIdOf, generateFunds } from "../generate/funds.gen.js";

/**
 * The issues name no size for funds: a county's funds at province scale are taken as 2,000 funds
 * with 100k investments, 20k projects brought in and 20k investee firms in 50 parks (large); a
 * fifth and a fiftieth of that below.
 */
const sizes: Record<Size, FundSizes> = {
  small: { parks: 50, funds: 100, investments: 2_000, projects: 1_000, firms: 1_000 },
  medium: { parks: 50, funds: 500, investments: 20_000, projects: 5_000, firms: 5_000 },
  large: { parks: 50, funds: 2_000, investments: 100_000, projects: 20_000, firms: 20_000 },
};

/** The figures written by hand: investments by park and year, projects landed by park and year. */
const referenceFigures = (regionId: string, parkId?: string) => sql`
  with inv as (
    select park_id, extract(year from invested_on)::int as year, sum(amount_fen) as fund_fen,
      sum(co_invest_fen) as co_fen, count(*) as investments
    from fund_investment where region_id = ${regionId} ${parkId ? sql`and park_id = ${parkId}` : sql``}
    group by 1, 2
  ), landed as (
    select park_id, extract(year from signed_on)::int as year, count(*) as landed
    from (select distinct p.id, p.park_id, coalesce(c.signed_on, p.stage_dates[4]) as signed_on
      from fund_project fp join project p on p.id = fp.project_id left join project_contract c on c.project_id = p.id
      where fp.region_id = ${regionId} ${parkId ? sql`and p.park_id = ${parkId}` : sql``}) lp
    where signed_on is not null group by 1, 2
  )
  select coalesce(inv.park_id, landed.park_id), pk.name, coalesce(inv.year, landed.year), inv.fund_fen, inv.co_fen,
    inv.investments, landed.landed
  from inv full join landed on landed.park_id is not distinct from inv.park_id and landed.year = inv.year
    left join park pk on pk.id = coalesce(inv.park_id, landed.park_id)
  order by 3 desc, 2 nulls last`;

/**
 * Industrial funds at scale, as a county leader reads them: the figures page (fund money,
 * co-investment and leverage per park and year, projects brought in) for the county and for one
 * park, a fund's page (its investments list with exits, calls and projects) and the funds list,
 * each beside hand-written SQL reading the same rows.
 */
export async function fundsScenarios(
  database: Database,
  size: Size,
  backend: BackendName,
): Promise<BenchRecord[]> {
  const db = database.db;
  const n = sizes[size];
  const [county] = await db
    .select({ id: region.id, path: region.path })
    .from(region)
    .where(eq(region.code, "331123"));
  const regionId = county!.id;
  const loadStart = performance.now();
  const data = await generateFunds(db, regionId, n);
  const loadMs = performance.now() - loadStart;

  // A county leader: every permission, the county's subtree in reach.
  const ctx = benchActorCtx(
    db,
    {
      id: newId(),
      roles: ["leader"],
      grants: [{ kind: "region", refId: regionId, path: county!.path }],
      regionId,
    },
    () => new Date("2026-12-01T02:00:00Z"),
  );
  const out: BenchRecord[] = [];
  const r = rng(93);

  let rows = 0;
  const figures = await paired(
    10,
    async () => {
      rows = (await fundFigures(ctx, { year: 2026 })).rows.length;
    },
    () => db.execute(referenceFigures(regionId)),
  );
  out.push(
    record({
      scenario: "funds.figures",
      backend,
      size,
      metric: `p95 of 10, the county's 2026 figures (${rows} park rows) over ${n.investments} investments`,
      value: figures.value,
      unit: "ms",
      reference: "one hand-written GROUP BY of investments and landed projects by park and year",
      reference_value: figures.ref,
    }),
  );

  const parks = Array.from({ length: 23 }, () => data.parkIds[Math.floor(r() * data.parkIds.length)]!);
  const perPark = await paired(
    20,
    (i) => fundFigures(ctx, { parkId: parks[i]! }),
    (i) => db.execute(referenceFigures(regionId, parks[i]!)),
  );
  out.push(
    record({
      scenario: "funds.figures_park",
      backend,
      size,
      metric: `p95 of 20 parks' figures, every year (~${Math.round(n.investments / n.parks)} investments a park)`,
      value: perPark.value,
      unit: "ms",
      reference: "the same GROUP BY for the park",
      reference_value: perPark.ref,
    }),
  );

  // A fund's page: the fund with its totals, then its investments (with exits), calls, exits, projects.
  const funds = Array.from({ length: 23 }, () => fundIdOf(1 + Math.floor(r() * n.funds)));
  let investments = 0;
  const page = await paired(
    20,
    async (i) => {
      investments = (await fundDetail(ctx, funds[i]!)).investments.length;
    },
    (i) => {
      const id = funds[i]!;
      return Promise.all([
        db.execute(sql`select f.*, r.name, p.name, e.name,
            (select sum(amount_fen) from fund_investment where fund_id = f.id),
            (select sum(co_invest_fen) from fund_investment where fund_id = f.id),
            (select sum(amount_fen) from fund_call where fund_id = f.id),
            (select sum(proceeds_fen) from fund_exit where fund_id = f.id),
            (select count(*) from fund_investment where fund_id = f.id),
            (select count(*) from fund_project where fund_id = f.id)
          from fund f join region r on r.id = f.region_id left join park p on p.id = f.park_id
            left join enterprise e on e.id = f.manager_id where f.id = ${id}`),
        db.execute(sql`select i.*, f.name, p.name, e.name, pr.name,
            (select sum(proceeds_fen) from fund_exit x where x.investment_id = i.id)
          from fund_investment i join fund f on f.id = i.fund_id left join park p on p.id = i.park_id
            left join enterprise e on e.id = i.enterprise_id left join project pr on pr.id = i.project_id
          where i.fund_id = ${id} order by i.invested_on desc, i.id`),
        db.execute(sql`select * from fund_call where fund_id = ${id} order by called_on desc, id`),
        db.execute(sql`select x.*, e.name, pr.name from fund_exit x join fund_investment i on i.id = x.investment_id
            left join enterprise e on e.id = i.enterprise_id left join project pr on pr.id = i.project_id
          where x.fund_id = ${id} order by x.exited_on desc, x.id`),
        db.execute(sql`select fp.*, p.name, p.code, p.stage, pk.name, c.signed_on,
            (select sum(amount_fen) from fund_investment i where i.fund_id = fp.fund_id and i.project_id = fp.project_id)
          from fund_project fp join project p on p.id = fp.project_id left join park pk on pk.id = p.park_id
            left join project_contract c on c.project_id = p.id
          where fp.fund_id = ${id} order by fp.created_at desc, fp.id`),
      ]);
    },
  );
  out.push(
    record({
      scenario: "funds.fund_page",
      backend,
      size,
      metric: `p95 of 20 funds' pages (fund, its ${investments} investments, calls, exits, projects)`,
      value: page.value,
      unit: "ms",
      reference: "the same five hand-written SELECTs",
      reference_value: page.ref,
    }),
  );

  let total = 0;
  const list = await paired(
    20,
    async (i) => {
      total = (await listFunds(ctx, fundQuery.parse({ page: 1 + (i % 5), pageSize: 20 }))).total;
    },
    (i) =>
      db.execute(sql`select f.*, r.name, p.name, e.name, s.invested, s.co, s.n, count(*) over ()
        from fund f join region r on r.id = f.region_id left join park p on p.id = f.park_id
          left join enterprise e on e.id = f.manager_id
          left join lateral (select sum(amount_fen) as invested, sum(co_invest_fen) as co, count(*) as n
            from fund_investment where fund_id = f.id) s on true
        where f.region_id = ${regionId} order by f.created_at desc, f.id limit 20 offset ${(i % 5) * 20}`),
  );
  out.push(
    record({
      scenario: "funds.list",
      backend,
      size,
      metric: `p95 of 20 pages (1–5) of the funds list (${total} funds, sums per fund)`,
      value: list.value,
      unit: "ms",
      reference: "one hand-written SELECT of the same page with its sums and count",
      reference_value: list.ref,
    }),
  );
  console.log(
    `funds: loaded ${n.funds} funds, ${n.investments} investments, ${n.projects} projects in ${Math.round(loadMs)} ms`,
  );
  return out;
}
