import { inArray, type SQL, sql } from "drizzle-orm";
import type { Condition, Facts } from "../../../common/conditions.js";
import { enterpriseFields } from "../../../common/enterprise.fields.js";
import type { DbOrTx } from "../../db/client.js";
import { compileCondition, type SqlField } from "../../lib/conditions.js";
import { labelCurrent } from "./enterprises.queries.js";
import { enterprise, enterpriseLabel, enterpriseSize } from "./enterprises.table.js";

/**
 * A figure of the firm's latest year on record. Each is its own correlated lookup on the
 * (enterprise, year) index, so a compiled condition is a predicate over the enterprise row alone
 * and goes into any read of firms; a lateral join made every caller add it and misled the
 * planner into nested loops over the firm table twice.
 */
const latest = (expr: string) =>
  sql.raw(`(select ${expr} from enterprise_year y where y.enterprise_id = "enterprise"."id"
    order by y.year desc limit 1)`);
const wan = (col: string) => latest(`y.${col} / 1000000.0`);

const exprs: Record<string, SQL> = {
  sizeClass: sql`(select ${enterpriseSize.sizeClass} from ${enterpriseSize} where ${enterpriseSize.enterpriseId} = ${enterprise.id})`,
  fourUp: latest("y.four_up"),
  revenue: wan("revenue_fen"),
  tax: wan("tax_fen"),
  valueAdded: wan("value_added_fen"),
  output: wan("output_fen"),
  rd: wan("rd_fen"),
  rdRatio: latest("y.rd_fen * 100.0 / nullif(y.revenue_fen, 0)"),
  taxPerMu: latest("(y.tax_fen / 1000000.0) / nullif(y.land_m2 / 666.67, 0)"),
  landMu: latest("y.land_m2 / 666.67"),
  figureYear: latest("y.year"),
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

/** A condition as a predicate over the enterprise row, for any read of firms. */
export const enterpriseCondition = (condition: Condition, today: string): SQL =>
  compileCondition(condition, enterpriseSqlFields(today));

/** The ids of the firms meeting a condition, as a subquery; `where` narrows the firms first. */
export function matchingEnterprises(condition: Condition, today: string, where?: SQL): SQL {
  return sql`(select ${enterprise.id} from ${enterprise}
    where ${enterpriseCondition(condition, today)}${where ? sql` and ${where}` : sql``})`;
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
    sql`select ${enterprise.id} as id, ${cols}, ${labels} from ${enterprise}
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

/**
 * Latest-year figures (万元) and current label flags of a set of firms in one subquery: columns
 * id, output, tax, revenue and one boolean per label asked. For modules that aggregate many firms
 * at once (a chain's links), where the per-row lookups above would probe the indexes once per
 * firm and figure. `firms` names a relation with a column `id` (a CTE); `many` reads the year and
 * label tables whole with hash joins (thousands of firms), else each firm by index.
 */
export function firmFiguresSql(firms: SQL, labels: readonly string[], today: string, many = false): SQL {
  const flags = labels.map((l) => sql`coalesce(lb.${sql.identifier(l)}, false) as ${sql.identifier(l)}`);
  const aggs = labels.map((l) => sql`bool_or(${enterpriseLabel.label} = ${l}) as ${sql.identifier(l)}`);
  const flagCols = labels.length ? sql`, ${sql.join(flags, sql`, `)}` : sql``;
  const aggCols = labels.length ? sql`, ${sql.join(aggs, sql`, `)}` : sql``;
  if (many) {
    return sql`(select f.id, y.output_fen / 1000000.0 as output, y.tax_fen / 1000000.0 as tax,
        y.revenue_fen / 1000000.0 as revenue${flagCols}
      from ${firms} f
      left join (select distinct on (enterprise_id) enterprise_id, output_fen, tax_fen, revenue_fen
        from enterprise_year where enterprise_id in (select id from ${firms})
        order by enterprise_id, year desc) y on y.enterprise_id = f.id
      left join (select ${enterpriseLabel.enterpriseId} as enterprise_id${aggCols} from ${enterpriseLabel}
        where ${enterpriseLabel.enterpriseId} in (select id from ${firms}) and ${labelCurrent(today)}
        group by 1) lb on lb.enterprise_id = f.id)`;
  }
  return sql`(select f.id, y.output_fen / 1000000.0 as output, y.tax_fen / 1000000.0 as tax,
      y.revenue_fen / 1000000.0 as revenue${flagCols}
    from ${firms} f
    left join lateral (select output_fen, tax_fen, revenue_fen from enterprise_year
      where enterprise_id = f.id order by year desc limit 1) y on true
    left join lateral (select 1 as one${aggCols} from ${enterpriseLabel}
      where ${enterpriseLabel.enterpriseId} = f.id and ${labelCurrent(today)}) lb on true)`;
}
