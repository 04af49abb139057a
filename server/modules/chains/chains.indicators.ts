import { sql } from "drizzle-orm";
import type { IndicatorProvider } from "../kpi/kpi.providers.js";
import { uuidArray } from "../kpi/kpi.providers.js";
import { chainFirmsSql } from "./chains.fragments.js";

/**
 * Indicators of a chain as a unit (链长制: goals per chain). The projects module counts signings,
 * funds and starts per chain from the projects on its links; these read the chain's own firms and
 * its prospect pool.
 */
export const chainIndicators: IndicatorProvider = {
  module: "产业链",
  indicators: [
    {
      key: "chains.firms",
      name: "链上企业",
      unit: "家",
      unitKinds: ["chain"],
      higherIsBetter: true,
      cumulative: false,
      description: "产业链各环节上的企业数（按当前在链企业，一家企业在多个环节只计一次）",
      sql: (a) => sql`select f.unit_id, count(*)::float8 as value
        from ${chainFirmsSql(uuidArray(a.unitIds))} f group by f.unit_id`,
    },
    {
      key: "chains.output",
      name: "链上企业产值",
      unit: "万元",
      unitKinds: ["chain"],
      higherIsBetter: true,
      cumulative: false,
      description: "在链企业本期所在年度的产值合计（企业年度数据）；该年度无企业填报为无数据",
      sql: (a) => sql`select f.unit_id, sum(y.output_fen)::float8 / 1000000 as value
        from ${chainFirmsSql(uuidArray(a.unitIds))} f
        join enterprise_year y on y.enterprise_id = f.enterprise_id
          and y.year = extract(year from ${a.to}::date) and y.output_fen is not null
        group by f.unit_id`,
    },
    {
      key: "chains.prospects_converted",
      name: "招引目标转化线索",
      unit: "个",
      unitKinds: ["chain"],
      higherIsBetter: true,
      cumulative: true,
      description: "期内由该链招引目标池转为项目线索的目标数（目标填补该链任一环节）",
      sql: (a) => sql`select l.chain_id as unit_id, count(distinct pr.id)::float8 as value
        from prospect pr
        join prospect_link pl on pl.prospect_id = pr.id
        join chain_link l on l.id = pl.link_id
        join project p on p.id = pr.project_id
        where l.chain_id = any(${uuidArray(a.unitIds)})
          and (p.created_at at time zone 'Asia/Shanghai')::date between ${a.from} and ${a.to}
        group by l.chain_id`,
    },
  ],
};
