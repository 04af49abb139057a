import { type SQL, sql } from "drizzle-orm";
import { chainProjectsSql } from "../chains/chains.fragments.js";
import type {
  ComputeArgs,
  FoldJoin,
  IndicatorDef,
  IndicatorFold,
  IndicatorProvider,
} from "../kpi/kpi.providers.js";
import { foldedSql, unitMembers, uuidArray } from "../kpi/kpi.providers.js";

/** ¥100m and ¥1bn in fen. */
const YI = 10_000_000_000;

/**
 * (unit_id, project_id, share): which projects count for which unit, and how much. Parks and
 * regions count a project whole, as does a chain one of whose links it serves; a team counts its credit percentage (project_credit), or the
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
  if (unitKind === "chain") {
    return sql`(select c.unit_id, c.project_id, 1.0 as share from ${chainProjectsSql(uuidArray(unitIds))} c)`;
  }
  const col = unitKind === "region" ? sql`p.region_id` : sql`p.park_id`;
  return sql`(select u.unit_id, p.id as project_id, 1.0 as share
    from ${unitMembers(unitKind, unitIds)} u join project p on ${col} = u.ref_id)`;
}

/**
 * Every project each unit counts, read once: `s` (unit_id, share) beside the project `p`. Places
 * match the project's own column; teams and chains go through their shares.
 */
function projectRows(a: ComputeArgs): SQL {
  if (a.unitKind === "team" || a.unitKind === "chain") {
    return sql`${projectShares(a)} s join project p on p.id = s.project_id`;
  }
  const col = a.unitKind === "region" ? sql`p.region_id` : sql`p.park_id`;
  return sql`(select u.unit_id, u.ref_id, 1.0 as share from ${unitMembers(a.unitKind, a.unitIds)} u) s
    join project p on ${col} = s.ref_id`;
}

/** A project's contract: one at most (its key is the project). */
const contract: FoldJoin = {
  key: "contract",
  sql: () => sql`left join project_contract c on c.project_id = p.id`,
};
/**
 * Every monthly funds-in-place row of the period each unit counts: `s` (unit_id, share) beside
 * the row `pf`. Its own pass, not a join of the projects' one: driven from the period's rows, the
 * planner can hash them against many units' projects or probe a few projects' rows by key (a
 * lateral per project probed every project in scope, 130k for a county's 200 teams).
 */
function fundRows(a: ComputeArgs): SQL {
  const inPeriod = sql`pf.month between ${a.from} and ${a.to}`;
  if (a.unitKind === "team" || a.unitKind === "chain") {
    return sql`${projectShares(a)} s join project_fund pf on pf.project_id = s.project_id and ${inPeriod}`;
  }
  return sql`${projectRows(a)} join project_fund pf on pf.project_id = p.id and ${inPeriod}`;
}

/** An indicator's statement and its part in the one pass over the projects it shares. */
function folded(
  joins: FoldJoin[],
  where: IndicatorFold["where"],
  value: IndicatorFold["value"],
): Pick<IndicatorDef, "sql" | "fold"> {
  const fold: IndicatorFold = { source: "projects", from: projectRows, joins, where, value };
  return { fold, sql: foldedSql(fold) };
}
/** The same over the period's funds rows (`fundRows`). */
function foldedFunds(
  where: IndicatorFold["where"],
  value: IndicatorFold["value"],
): Pick<IndicatorDef, "sql" | "fold"> {
  const fold: IndicatorFold = { source: "project_funds", from: fundRows, where, value };
  return { fold, sql: foldedSql(fold) };
}
const share = (flt: SQL) => sql`sum(s.share) ${flt}::float8`;

const all = ["region", "park", "team", "enclave", "chain"] as const;
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
  ...folded(
    [contract],
    (a) => sql`${signedOn} between ${a.from} and ${a.to} and ${investment} >= ${minFen}`,
    share,
  ),
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
      ...folded([contract], (a) => sql`${signedOn} between ${a.from} and ${a.to}`, share),
    },
    {
      key: "projects.signed_investment",
      name: "签约项目总投资",
      unit: "万元",
      unitKinds: [...all],
      higherIsBetter: true,
      cumulative: true,
      description: "期内签约项目的总投资（合同投资额，未录合同按项目总投资）；招商队伍按认定比例计",
      ...folded(
        [contract],
        (a) => sql`${signedOn} between ${a.from} and ${a.to} and ${investment} is not null`,
        (flt) => sql`sum(${investment} * s.share) ${flt}::float8 / 1000000`,
      ),
    },
    {
      key: "projects.funds_in_place",
      name: "实际到位资金（内资）",
      unit: "万元",
      unitKinds: [...all],
      higherIsBetter: true,
      cumulative: true,
      description: "期内各月登记的内资到位资金；招商队伍按认定比例计",
      ...foldedFunds(
        () => sql`true`,
        (flt) => sql`sum(pf.domestic_fen * s.share) ${flt}::float8 / 1000000`,
      ),
    },
    {
      key: "projects.foreign_in_place",
      name: "实际到位外资",
      unit: "万美元",
      unitKinds: [...all],
      higherIsBetter: true,
      cumulative: true,
      description: "期内各月登记的外资到位金额（美元）；招商队伍按认定比例计",
      ...foldedFunds(
        () => sql`pf.foreign_cents <> 0`,
        (flt) => sql`sum(pf.foreign_cents * s.share) ${flt}::float8 / 1000000`,
      ),
    },
    {
      key: "projects.construction_starts",
      name: "项目开工",
      unit: "个",
      unitKinds: [...all],
      higherIsBetter: true,
      cumulative: true,
      description: "期内进入开工阶段的项目数",
      ...folded([], (a) => sql`p.stage_dates[7] between ${a.from} and ${a.to}`, share),
    },
    {
      key: "projects.production_starts",
      name: "项目投产",
      unit: "个",
      unitKinds: [...all],
      higherIsBetter: true,
      cumulative: true,
      description: "期内进入投产阶段的项目数",
      ...folded([], (a) => sql`p.stage_dates[9] between ${a.from} and ${a.to}`, share),
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
