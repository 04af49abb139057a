import { sql } from "drizzle-orm";
import type { ComputeArgs, IndicatorProvider } from "../kpi/kpi.providers.js";
import { unitMembers } from "../kpi/kpi.providers.js";

/** A park covers the money that landed in it (fund_investment.park_id); a region its funds' money. */
const place = (a: ComputeArgs, alias: string) =>
  a.unitKind === "region" ? sql.raw(`${alias}.region_id`) : sql.raw(`${alias}.park_id`);
const kinds = ["region", "park", "enclave"] as const;

/** Investments of the period per unit: fund money and co-investment. */
const invested = (a: ComputeArgs) => sql`select u.unit_id, sum(i.amount_fen)::float8 as fund_fen,
    sum(i.co_invest_fen)::float8 as co_fen
  from ${unitMembers(a.unitKind, a.unitIds)} u join fund_investment i on ${place(a, "i")} = u.ref_id
  where i.invested_on between ${a.from} and ${a.to}
  group by u.unit_id`;

export const fundIndicators: IndicatorProvider = {
  module: "产业基金",
  indicators: [
    {
      key: "funds.invested",
      name: "基金投资金额",
      unit: "万元",
      unitKinds: [...kinds],
      higherIsBetter: true,
      cumulative: true,
      description: "期内产业基金投出的基金资金（按资金落地园区计）",
      sql: (a) => sql`select x.unit_id, x.fund_fen / 1000000.0 as value from (${invested(a)}) x`,
    },
    {
      key: "funds.co_investment",
      name: "撬动跟投资金",
      unit: "万元",
      unitKinds: [...kinds],
      higherIsBetter: true,
      cumulative: true,
      description: "期内与基金同一笔投资中跟投的社会资本和金融资本",
      sql: (a) => sql`select x.unit_id, x.co_fen / 1000000.0 as value from (${invested(a)}) x`,
    },
    {
      key: "funds.leverage",
      name: "基金撬动倍数",
      unit: "倍",
      unitKinds: [...kinds],
      higherIsBetter: true,
      cumulative: false,
      description: "撬动倍数 = 跟投资金 ÷ 基金出资（期内）；期内无基金出资为无数据",
      sql: (a) => sql`select x.unit_id, round((x.co_fen / x.fund_fen)::numeric, 2)::float8 as value
        from (${invested(a)}) x where x.fund_fen > 0`,
    },
    {
      key: "funds.projects_landed",
      name: "基金招商落地项目",
      unit: "个",
      unitKinds: [...kinds],
      higherIsBetter: true,
      cumulative: true,
      description: "基金引进、期内签约的项目数（一个项目由多支基金引进只计一次）",
      sql: (a) => sql`select u.unit_id, count(distinct p.id)::float8 as value
        from ${unitMembers(a.unitKind, a.unitIds)} u join project p on ${place(a, "p")} = u.ref_id
          left join project_contract c on c.project_id = p.id
        where exists (select 1 from fund_project fp where fp.project_id = p.id)
          and coalesce(c.signed_on, p.stage_dates[4]) between ${a.from} and ${a.to}
        group by u.unit_id`,
    },
  ],
};
