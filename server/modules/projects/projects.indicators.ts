import { type SQL, sql } from "drizzle-orm";
import type { ComputeArgs, IndicatorDef, IndicatorProvider } from "../kpi/kpi.providers.js";
import { unitMembers, uuidArray } from "../kpi/kpi.providers.js";

/** ¥100m and ¥1bn in fen. */
const YI = 10_000_000_000;

/**
 * (unit_id, project_id, share): which projects count for which unit, and how much. Parks and
 * regions count a project whole; a team counts its credit percentage (project_credit), or the
 * whole project when no credit was split and the project names the team.
 */
function projectShares({ unitKind, unitIds }: ComputeArgs): SQL {
  if (unitKind === "team") {
    const arr = uuidArray(unitIds);
    return sql`(select c.team_id as unit_id, c.project_id, c.percent / 100.0 as share
        from project_credit c where c.team_id = any(${arr})
      union all
      select p.team_id, p.id, 1.0 from project p
        where p.team_id = any(${arr})
          and not exists (select 1 from project_credit c where c.project_id = p.id))`;
  }
  const col = unitKind === "region" ? sql`p.region_id` : sql`p.park_id`;
  return sql`(select u.unit_id, p.id as project_id, 1.0 as share
    from ${unitMembers(unitKind, unitIds)} u join project p on ${col} = u.ref_id)`;
}

const all = ["region", "park", "team", "enclave"] as const;
/** The day a project was signed: its contract's, else the pipeline's 签约 date (stage 4). */
const signedOn = sql`coalesce(c.signed_on, p.stage_dates[4])`;
const investment = sql`coalesce(c.investment_fen, p.total_investment_fen)`;

const signedAbove = (key: string, name: string, minFen: number): IndicatorDef => ({
  key,
  name,
  unit: "个",
  unitKinds: [...all],
  higherIsBetter: true,
  cumulative: true,
  description: `期内签约、总投资不低于 ${minFen / YI} 亿元的项目数；招商队伍按认定比例（项目认定）计`,
  sql: (a) => sql`select s.unit_id, sum(s.share)::float8 as value
    from ${projectShares(a)} s join project p on p.id = s.project_id
      left join project_contract c on c.project_id = p.id
    where ${signedOn} between ${a.from} and ${a.to} and ${investment} >= ${minFen}
    group by s.unit_id`,
});

export const projectIndicators: IndicatorProvider = {
  module: "项目管理",
  indicators: [
    signedAbove("projects.signed_100m", "签约亿元以上项目", YI),
    signedAbove("projects.signed_1bn", "签约十亿元以上项目", 10 * YI),
    // The cockpit's headline: every signing and its investment, whatever the size.
    {
      key: "projects.signed",
      name: "签约项目",
      unit: "个",
      unitKinds: [...all],
      higherIsBetter: true,
      cumulative: true,
      description: "期内签约的项目数，不论投资规模；招商队伍按认定比例计",
      sql: (a) => sql`select s.unit_id, sum(s.share)::float8 as value
        from ${projectShares(a)} s join project p on p.id = s.project_id
          left join project_contract c on c.project_id = p.id
        where ${signedOn} between ${a.from} and ${a.to}
        group by s.unit_id`,
    },
    {
      key: "projects.signed_investment",
      name: "签约项目总投资",
      unit: "万元",
      unitKinds: [...all],
      higherIsBetter: true,
      cumulative: true,
      description: "期内签约项目的总投资（合同投资额，未录合同按项目总投资）；招商队伍按认定比例计",
      sql: (a) => sql`select s.unit_id, sum(${investment} * s.share)::float8 / 1000000 as value
        from ${projectShares(a)} s join project p on p.id = s.project_id
          left join project_contract c on c.project_id = p.id
        where ${signedOn} between ${a.from} and ${a.to} and ${investment} is not null
        group by s.unit_id`,
    },
    {
      key: "projects.funds_in_place",
      name: "实际到位资金（内资）",
      unit: "万元",
      unitKinds: [...all],
      higherIsBetter: true,
      cumulative: true,
      description: "期内各月登记的内资到位资金；招商队伍按认定比例计",
      sql: (a) => sql`select s.unit_id, sum(f.domestic_fen * s.share)::float8 / 1000000 as value
        from ${projectShares(a)} s join project_fund f on f.project_id = s.project_id
        where f.month between ${a.from} and ${a.to}
        group by s.unit_id`,
    },
    {
      key: "projects.foreign_in_place",
      name: "实际到位外资",
      unit: "万美元",
      unitKinds: [...all],
      higherIsBetter: true,
      cumulative: true,
      description: "期内各月登记的外资到位金额（美元）；招商队伍按认定比例计",
      sql: (a) => sql`select s.unit_id, sum(f.foreign_cents * s.share)::float8 / 1000000 as value
        from ${projectShares(a)} s join project_fund f on f.project_id = s.project_id
        where f.month between ${a.from} and ${a.to} and f.foreign_cents <> 0
        group by s.unit_id`,
    },
    {
      key: "projects.construction_starts",
      name: "项目开工",
      unit: "个",
      unitKinds: [...all],
      higherIsBetter: true,
      cumulative: true,
      description: "期内进入开工阶段的项目数",
      sql: (a) => sql`select s.unit_id, sum(s.share)::float8 as value
        from ${projectShares(a)} s join project p on p.id = s.project_id
        where p.stage_dates[7] between ${a.from} and ${a.to}
        group by s.unit_id`,
    },
    {
      key: "projects.production_starts",
      name: "项目投产",
      unit: "个",
      unitKinds: [...all],
      higherIsBetter: true,
      cumulative: true,
      description: "期内进入投产阶段的项目数",
      sql: (a) => sql`select s.unit_id, sum(s.share)::float8 as value
        from ${projectShares(a)} s join project p on p.id = s.project_id
        where p.stage_dates[9] between ${a.from} and ${a.to}
        group by s.unit_id`,
    },
    {
      key: "projects.nodes_on_time",
      name: "关键节点按期完成率",
      unit: "%",
      unitKinds: [...all],
      higherIsBetter: true,
      cumulative: false,
      description: "期内完成的关键节点中不晚于期限完成的比例；期内无完成节点为无数据",
      sql: (a) => sql`select s.unit_id,
          100.0 * sum(s.share) filter (where n.due_on is null or n.done_on <= n.due_on) / sum(s.share) as value
        from ${projectShares(a)} s join project_node n on n.project_id = s.project_id
        where n.status = 'done' and n.done_on between ${a.from} and ${a.to}
        group by s.unit_id`,
    },
  ],
};
