import { sql } from "drizzle-orm";
import type { ComputeArgs, IndicatorProvider } from "../kpi/kpi.providers.js";
import { unitMembers } from "../kpi/kpi.providers.js";

const place = (a: ComputeArgs) => (a.unitKind === "region" ? sql.raw("x.region_id") : sql.raw("x.park_id"));

export const evaluationIndicators: IndicatorProvider = {
  module: "亩均评价",
  indicators: [
    {
      key: "evaluation.tax_per_mu",
      name: "亩均税收",
      unit: "万元/亩",
      unitKinds: ["region", "park", "enclave"],
      higherIsBetter: true,
      cumulative: false,
      description:
        "各企业最近一次完成的亩均评价（评价年度不晚于本期所在年度）中，参评（T 类除外）企业的税收合计 ÷ 用地合计；无评价为无数据",
      // Each firm once, from its latest finished run; shared parcels split by their members.
      sql: (a) => sql`select u.unit_id,
          sum((x.figures->>'taxWan')::float8 / x.members)
            / nullif(sum((x.figures->>'landMu')::float8 / x.members) filter (where x.figures->>'taxWan' is not null), 0)
            as value
        from ${unitMembers(a.unitKind, a.unitIds)} u
        join (select distinct on (r.enterprise_id) r.*
            from evaluation_result r join evaluation_run run on run.id = r.run_id
            where run.status = 'done' and run.year <= extract(year from ${a.to}::date)
            order by r.enterprise_id, run.year desc, run.finished_at desc) x on ${place(a)} = u.ref_id
        where x.class <> 'T'
        group by u.unit_id`,
    },
  ],
};
