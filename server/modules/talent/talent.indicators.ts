import { sql } from "drizzle-orm";
import type { ComputeArgs, IndicatorProvider } from "../kpi/kpi.providers.js";
import { unitMembers } from "../kpi/kpi.providers.js";

const place = (a: ComputeArgs, alias: string) =>
  a.unitKind === "region" ? sql.raw(`${alias}.region_id`) : sql.raw(`${alias}.park_id`);

/** 招才引智 figures the KPI module can score: recognitions, rewards paid, apartment occupancy. */
export const talentIndicators: IndicatorProvider = {
  module: "招才引智",
  indicators: [
    {
      key: "talent.recognised",
      name: "认定人才项目数",
      unit: "个",
      unitKinds: ["region", "park", "enclave"],
      higherIsBetter: true,
      cumulative: true,
      description: "期内认定（绿谷精英等人才计划）的人才项目数",
      sql: (a) => sql`select u.unit_id, count(*)::float8 as value
        from ${unitMembers(a.unitKind, a.unitIds)} u join talent_project x on ${place(a, "x")} = u.ref_id
        where x.status = 'recognised' and x.recognised_on between ${a.from} and ${a.to}
        group by u.unit_id`,
    },
    {
      key: "talent.rewards_paid",
      name: "兑现人才奖励",
      unit: "万元",
      unitKinds: ["region", "park", "enclave"],
      higherIsBetter: true,
      cumulative: true,
      description: "期内实际兑现的人才项目奖励金额",
      sql: (a) => sql`select u.unit_id, sum(p.amount_fen)::float8 / 1000000 as value
        from ${unitMembers(a.unitKind, a.unitIds)} u join talent_project x on ${place(a, "x")} = u.ref_id
          join talent_payout p on p.project_id = x.id
        where p.paid_on between ${a.from} and ${a.to}
        group by u.unit_id`,
    },
    {
      key: "talent.apartment_occupancy",
      name: "人才公寓入住率",
      unit: "%",
      unitKinds: ["region", "park", "enclave"],
      higherIsBetter: true,
      cumulative: false,
      description: "期末当日在分配期内且未退房的人才公寓套数占房源总套数的比例；无房源为无数据",
      sql: (a) => sql`select u.unit_id, 100.0 * count(*) filter (where exists (
            select 1 from talent_allocation al where al.unit_id = t.id and al.from_on <= ${a.to}
              and ${a.to} <= al.to_on and (al.checked_out_on is null or al.checked_out_on > ${a.to}))) / count(*) as value
        from ${unitMembers(a.unitKind, a.unitIds)} u join talent_unit t on ${place(a, "t")} = u.ref_id
        group by u.unit_id`,
    },
  ],
};
