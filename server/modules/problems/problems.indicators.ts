import { sql } from "drizzle-orm";
import type { ComputeArgs, IndicatorProvider } from "../kpi/kpi.providers.js";
import { unitMembers } from "../kpi/kpi.providers.js";

/** A problem counts for a region by its own region, for a park by the project it is about. */
const joinOn = (a: ComputeArgs) =>
  a.unitKind === "region"
    ? sql`join problem x on x.region_id = u.ref_id`
    : sql`join project p on p.park_id = u.ref_id
        join problem x on x.subject_type = 'project' and x.subject_id = p.id`;

export const problemIndicators: IndicatorProvider = {
  module: "问题督办",
  indicators: [
    {
      key: "problems.closed_on_time",
      name: "问题按期解决率",
      unit: "%",
      unitKinds: ["region", "park", "enclave"],
      higherIsBetter: true,
      cumulative: false,
      description: "期内解决的督办问题中不晚于期限解决的比例；期内无解决为无数据",
      sql: (a) => sql`select u.unit_id,
          100.0 * count(*) filter (where x.due_on is null or x.resolved_on <= x.due_on) / count(*) as value
        from ${unitMembers(a.unitKind, a.unitIds)} u ${joinOn(a)}
        where x.resolved_on between ${a.from} and ${a.to}
        group by u.unit_id`,
    },
  ],
};
