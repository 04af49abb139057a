import { sql } from "drizzle-orm";
import type { IndicatorProvider } from "../kpi/kpi.providers.js";
import { unitMembers } from "../kpi/kpi.providers.js";

export const enterpriseIndicators: IndicatorProvider = {
  module: "企业库",
  indicators: [
    {
      key: "enterprises.new_hnte",
      name: "新增高新技术企业",
      unit: "家",
      unitKinds: ["region", "park", "enclave"],
      higherIsBetter: true,
      cumulative: true,
      description: "期内生效（认定）的高新技术企业标签数，按企业所在园区/行政区计",
      sql: (a) => sql`select u.unit_id, count(distinct e.id)::float8 as value
        from ${unitMembers(a.unitKind, a.unitIds)} u
          join enterprise e on ${a.unitKind === "region" ? sql`e.region_id` : sql`e.park_id`} = u.ref_id
          join enterprise_label l on l.enterprise_id = e.id
        where l.label = 'hnte' and l.valid_from between ${a.from} and ${a.to}
        group by u.unit_id`,
    },
  ],
};
