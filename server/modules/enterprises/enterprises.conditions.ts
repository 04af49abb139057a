import { inArray, type SQL, sql } from "drizzle-orm";
import type { Condition, Facts } from "../../../common/conditions.js";
import { enterpriseFields } from "../../../common/enterprise.fields.js";
import type { DbOrTx } from "../../db/client.js";
import { compileCondition, type SqlField } from "../../lib/conditions.js";
import { labelCurrent } from "./enterprises.queries.js";
import { enterprise, enterpriseLabel, enterpriseSize } from "./enterprises.table.js";

/** The firm's latest year of figures, joined laterally as `ly` wherever conditions run. */
const latestYear = sql`left join lateral (select * from enterprise_year y
  where y.enterprise_id = ${enterprise.id} order by y.year desc limit 1) ly on true`;

const wan = (col: string) => sql.raw(`(ly.${col} / 1000000.0)`);

const exprs: Record<string, SQL> = {
  sizeClass: sql`(select ${enterpriseSize.sizeClass} from ${enterpriseSize} where ${enterpriseSize.enterpriseId} = ${enterprise.id})`,
  fourUp: sql.raw("ly.four_up"),
  revenue: wan("revenue_fen"),
  tax: wan("tax_fen"),
  valueAdded: wan("value_added_fen"),
  output: wan("output_fen"),
  rd: wan("rd_fen"),
  rdRatio: sql.raw("(ly.rd_fen * 100.0 / nullif(ly.revenue_fen, 0))"),
  taxPerMu: sql.raw("((ly.tax_fen / 1000000.0) / nullif(ly.land_m2 / 666.67, 0))"),
  landMu: sql.raw("(ly.land_m2 / 666.67)"),
  figureYear: sql.raw("ly.year"),
  employees: sql`${enterprise.employees}`,
  registeredCapital: sql`(${enterprise.registeredCapitalFen} / 1000000.0)`,
  foundedOn: sql`${enterprise.foundedOn}`,
  industryCode: sql`${enterprise.industryCode}`,
  status: sql`${enterprise.status}`,
  registered: sql`(${enterprise.uscc} is not null)`,
};

/** The published fields (common/enterprise.fields.ts) with their SQL, for `compileCondition`. */
export const enterpriseSqlFields = (today: string): SqlField[] =>
  enterpriseFields.map((f) =>
    f.type === "labels"
      ? {
          ...f,
          hasLabel: (label: string) => sql`exists (select 1 from ${enterpriseLabel}
            where ${enterpriseLabel.enterpriseId} = ${enterprise.id} and ${enterpriseLabel.label} = ${label}
            and ${labelCurrent(today)})`,
        }
      : { ...f, expr: exprs[f.key]! },
  );

/**
 * The ids of the firms meeting a condition, as a subquery for `in (…)`; `where` narrows the
 * firms first (a region, a scope) so the condition runs only on them.
 */
export function matchingEnterprises(condition: Condition, today: string, where?: SQL): SQL {
  const predicate = compileCondition(condition, enterpriseSqlFields(today));
  return sql`(select ${enterprise.id} from ${enterprise} ${latestYear}
    where ${predicate}${where ? sql` and ${where}` : sql``})`;
}

/** Each firm's values of every field, for explaining a condition in TypeScript. */
export async function enterpriseFacts(db: DbOrTx, ids: readonly string[], today: string) {
  if (ids.length === 0) return new Map<string, Facts>();
  const cols = sql.join(
    Object.entries(exprs).map(([k, e]) => sql`${e} as ${sql.identifier(k)}`),
    sql`, `,
  );
  const labels = sql`array(select distinct ${enterpriseLabel.label} from ${enterpriseLabel}
    where ${enterpriseLabel.enterpriseId} = ${enterprise.id} and ${labelCurrent(today)} order by 1) as labels`;
  const res = await db.execute(
    sql`select ${enterprise.id} as id, ${cols}, ${labels} from ${enterprise} ${latestYear}
      where ${inArray(enterprise.id, [...ids])}`,
  );
  const rows = (res as unknown as { rows: Record<string, unknown>[] }).rows;
  return new Map(rows.map((r) => [String(r.id), normalise(r)]));
}

const numberKeys = new Set(enterpriseFields.filter((f) => f.type === "number").map((f) => f.key));

/** pg returns numerics as strings and dates as strings or Dates by driver: one shape for both. */
function normalise(r: Record<string, unknown>): Facts {
  const out: Facts = {};
  for (const [k, v] of Object.entries(r)) {
    if (k === "id") continue;
    if (v === null || v === undefined) out[k] = null;
    else if (numberKeys.has(k)) out[k] = Number(v);
    else if (v instanceof Date) out[k] = v.toISOString().slice(0, 10);
    else out[k] = v;
  }
  return out;
}
