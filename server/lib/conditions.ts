import { type SQL, sql } from "drizzle-orm";
import {
  type Condition,
  type ConditionField,
  type ConditionLeaf,
  checkCondition,
} from "../../common/conditions.js";
import { AppError } from "./errors.js";

/**
 * How a module computes one of its published condition fields in SQL. A labels field gives the
 * predicate "has this label"; every other field an expression of the field's type.
 */
export type SqlField = ConditionField & ({ expr: SQL } | { hasLabel: (label: string) => SQL });

const scalar = (f: SqlField): SQL => {
  if ("expr" in f) return f.expr;
  throw new Error(`field ${f.key} is a labels field`);
};

const cast = (f: ConditionField, v: unknown): SQL =>
  f.type === "number"
    ? sql`${v}::double precision`
    : f.type === "date"
      ? sql`${v}::date`
      : f.type === "boolean"
        ? sql`${v}::boolean`
        : sql`${v}::text`;

function leafSql(leaf: ConditionLeaf, f: SqlField): SQL {
  if (leaf.op === "has_label") {
    if (!("hasLabel" in f)) throw new Error(`field ${f.key} has no labels`);
    return f.hasLabel(String(leaf.value));
  }
  const x = scalar(f);
  const v = leaf.value;
  if (leaf.op === "is_null") return (v ?? true) ? sql`(${x}) is null` : sql`(${x}) is not null`;
  const cmp = (op: string) => sql`(${x}) ${sql.raw(op)} ${cast(f, v)}`;
  // coalesce(…, false): a missing figure fails a comparison, and `not` of it then holds, as the
  // TypeScript evaluator decides (common/conditions.ts).
  const body = (() => {
    switch (leaf.op) {
      case "eq":
        return cmp("=");
      case "ne":
        return cmp("<>");
      case "gt":
        return cmp(">");
      case "gte":
        return cmp(">=");
      case "lt":
        return cmp("<");
      case "lte":
        return cmp("<=");
      case "in":
        return sql`(${x}) in (${sql.join(
          (v as unknown[]).map((i) => cast(f, i)),
          sql`, `,
        )})`;
      case "between": {
        const [lo, hi] = v as unknown[];
        return sql`(${x}) between ${cast(f, lo)} and ${cast(f, hi)}`;
      }
      case "contains":
        return sql`strpos((${x})::text, ${String(v)}) > 0`;
    }
  })();
  return sql`coalesce(${body}, false)`;
}

/** A checked condition compiled to one SQL predicate over the module's field expressions. */
export function compileCondition(c: Condition, fields: readonly SqlField[]): SQL {
  assertCondition(c, fields);
  return build(c, fields);
}

function build(c: Condition, fields: readonly SqlField[]): SQL {
  if ("all" in c) {
    return c.all.length
      ? sql`(${sql.join(
          c.all.map((x) => build(x, fields)),
          sql` and `,
        )})`
      : sql`true`;
  }
  if ("any" in c)
    return sql`(${sql.join(
      c.any.map((x) => build(x, fields)),
      sql` or `,
    )})`;
  if ("not" in c) return sql`not (${build(c.not, fields)})`;
  return leafSql(c, fields.find((f) => f.key === c.field)!);
}

/** The same problems as a validation error, for routes that store a condition. */
export function assertCondition(c: Condition, fields: readonly ConditionField[], path = "condition"): void {
  const problems = checkCondition(c, fields);
  if (problems.length) {
    throw new AppError(
      "VALIDATION",
      { zh: `条件有误：${problems[0]!.message}`, en: "The condition is invalid" },
      problems.map((p) => ({ path: `${path}.${p.path}`, message: p.message })),
    );
  }
}
