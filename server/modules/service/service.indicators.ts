import { sql } from "drizzle-orm";
import type { ComputeArgs, IndicatorProvider } from "../kpi/kpi.providers.js";
import { unitMembers } from "../kpi/kpi.providers.js";

const place = (a: ComputeArgs, alias: string) =>
  a.unitKind === "region" ? sql.raw(`${alias}.region_id`) : sql.raw(`${alias}.park_id`);

export const serviceIndicators: IndicatorProvider = {
  module: "企业服务",
  indicators: [
    {
      key: "service.visits",
      name: "走访企业次数",
      unit: "次",
      unitKinds: ["region", "park", "enclave"],
      higherIsBetter: true,
      cumulative: true,
      description: "期内登记的企业走访次数",
      sql: (a) => sql`select u.unit_id, count(*)::float8 as value
        from ${unitMembers(a.unitKind, a.unitIds)} u join visit v on ${place(a, "v")} = u.ref_id
        where v.visited_on between ${a.from} and ${a.to}
        group by u.unit_id`,
    },
    {
      key: "service.visit_coverage",
      name: "企业走访覆盖率",
      unit: "%",
      unitKinds: ["region", "park", "enclave"],
      higherIsBetter: true,
      cumulative: false,
      description: "期内走访过的企业数占所在园区/行政区在册企业数的比例；无在册企业为无数据",
      sql: (a) => sql`select f.unit_id, 100.0 * coalesce(v.n, 0) / f.n as value
        from (select u.unit_id, count(*) as n
            from ${unitMembers(a.unitKind, a.unitIds)} u join enterprise e on ${place(a, "e")} = u.ref_id
            group by u.unit_id) f
          left join (select u.unit_id, count(distinct x.enterprise_id) as n
            from ${unitMembers(a.unitKind, a.unitIds)} u join visit x on ${place(a, "x")} = u.ref_id
            where x.visited_on between ${a.from} and ${a.to}
            group by u.unit_id) v on v.unit_id = f.unit_id`,
    },
    {
      key: "service.appeals_on_time",
      name: "诉求按期办结率",
      unit: "%",
      unitKinds: ["region", "park", "enclave"],
      higherIsBetter: true,
      cumulative: false,
      description: "期内办结的企业诉求中不晚于期限办结的比例；期内无办结为无数据",
      sql: (a) => sql`select u.unit_id,
          100.0 * count(*) filter (where x.due_on is null or x.resolved_on <= x.due_on) / count(*) as value
        from ${unitMembers(a.unitKind, a.unitIds)} u join appeal x on ${place(a, "x")} = u.ref_id
        where x.resolved_on between ${a.from} and ${a.to}
        group by u.unit_id`,
    },
  ],
};
