import { sql } from "drizzle-orm";
import type { ComputeArgs, IndicatorDef, IndicatorProvider } from "../kpi/kpi.providers.js";
import { unitMembers } from "../kpi/kpi.providers.js";

const col = (a: ComputeArgs) =>
  a.unitKind === "region" ? sql`x.region_id` : a.unitKind === "team" ? sql`x.team_id` : sql`x.park_id`;

const countOf = (key: string, name: string, kinds: string[], description: string): IndicatorDef => ({
  key,
  name,
  unit: "次",
  unitKinds: ["region", "park", "team", "enclave"],
  higherIsBetter: true,
  cumulative: true,
  description,
  sql: (a) => sql`select u.unit_id, count(*)::float8 as value
    from ${unitMembers(a.unitKind, a.unitIds)} u join activity x on ${col(a)} = u.ref_id
    where x.kind in (${sql.join(
      kinds.map((k) => sql`${k}`),
      sql`, `,
    )}) and x.held_on between ${a.from} and ${a.to}
    group by u.unit_id`,
});

export const activityIndicators: IndicatorProvider = {
  module: "招商活动",
  indicators: [
    countOf("activities.receptions", "来访接待", ["reception"], "期内登记的客商来访接待次数"),
    countOf("activities.trips", "外出招商", ["trip"], "期内登记的外出招商（走出去）次数"),
  ],
};
