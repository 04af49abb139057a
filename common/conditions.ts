import { z } from "zod";

/**
 * The one JSON condition language (DESIGN.md, "Conditions"): `all` / `any` / `not` over
 * `{ field, op, value }`. A module publishes the fields it can answer (here) and how to compute
 * them in SQL (server/lib/conditions.ts); this file evaluates and explains a condition in
 * TypeScript, so what a query selects and what a page explains agree.
 */
export const conditionOps = [
  "eq",
  "ne",
  "in",
  "gt",
  "gte",
  "lt",
  "lte",
  "between",
  "contains",
  "has_label",
  "is_null",
] as const;
export type ConditionOp = (typeof conditionOps)[number];

export const conditionOpLabels: Record<ConditionOp, string> = {
  eq: "等于",
  ne: "不等于",
  in: "属于",
  gt: "大于",
  gte: "不低于",
  lt: "小于",
  lte: "不高于",
  between: "介于",
  contains: "包含",
  has_label: "具有标签",
  is_null: "未填写",
};

export type FieldType = "number" | "text" | "boolean" | "date" | "labels";

/** A field a condition may test, as its module publishes it. */
export interface ConditionField {
  key: string;
  label: string;
  type: FieldType;
  unit?: string;
  /** closed choices (size classes, labels): the editor offers them, the check enforces them */
  options?: readonly { value: string; label: string }[];
}

/** Which operators fit which field type. */
export const opsFor: Record<FieldType, readonly ConditionOp[]> = {
  number: ["eq", "ne", "gt", "gte", "lt", "lte", "between", "in", "is_null"],
  text: ["eq", "ne", "in", "contains", "is_null"],
  boolean: ["eq", "is_null"],
  date: ["eq", "gt", "gte", "lt", "lte", "between", "is_null"],
  labels: ["has_label"],
};

export interface ConditionLeaf {
  field: string;
  op: ConditionOp;
  value?: unknown;
}
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | ConditionLeaf;

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).max(50) }),
    z.strictObject({ any: z.array(conditionSchema).max(50) }),
    z.strictObject({ not: conditionSchema }),
    z.strictObject({
      field: z.string().min(1, "请选择条件字段").max(60),
      op: z.enum(conditionOps, { error: "条件运算符无效" }),
      value: z.unknown().optional(),
    }),
  ]),
);

export const isLeaf = (c: Condition): c is ConditionLeaf => "field" in c;

/** A problem with a condition, located by its path in the tree ("all.1.any.0"). */
export interface ConditionProblem {
  path: string;
  message: string;
}

const isDay = (v: unknown) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);
const fitsType = (t: FieldType, v: unknown) =>
  t === "number"
    ? typeof v === "number" && Number.isFinite(v)
    : t === "boolean"
      ? typeof v === "boolean"
      : t === "date"
        ? isDay(v)
        : typeof v === "string" && v.length > 0;
const typeWords: Record<FieldType, string> = {
  number: "数值",
  text: "文字",
  boolean: "是或否",
  date: "日期（YYYY-MM-DD）",
  labels: "标签",
};

function checkLeaf(leaf: ConditionLeaf, f: ConditionField | undefined, path: string): ConditionProblem[] {
  if (!f) return [{ path, message: `未知的条件字段「${leaf.field}」` }];
  if (!opsFor[f.type].includes(leaf.op)) {
    return [{ path, message: `「${f.label}」不能使用「${conditionOpLabels[leaf.op]}」` }];
  }
  const v = leaf.value;
  const bad = (what: string) => [{ path, message: `「${f.label}」${conditionOpLabels[leaf.op]}：${what}` }];
  if (leaf.op === "is_null") return v === undefined || typeof v === "boolean" ? [] : bad("值应为是或否");
  const single = f.type === "labels" ? "text" : f.type;
  if (leaf.op === "in") {
    if (!Array.isArray(v) || v.length === 0) return bad("请至少选择一项");
    if (!v.every((x) => fitsType(single, x))) return bad(`每一项应为${typeWords[single]}`);
  } else if (leaf.op === "between") {
    if (!Array.isArray(v) || v.length !== 2 || !v.every((x) => fitsType(single, x))) {
      return bad(`请填写上下限两个${typeWords[single]}`);
    }
    if ((v[0] as number | string) > (v[1] as number | string)) return bad("下限不能大于上限");
  } else if (!fitsType(single, v)) {
    return bad(`值应为${typeWords[single]}`);
  }
  if (f.options) {
    const allowed = new Set(f.options.map((o) => o.value));
    const values = Array.isArray(v) ? v : [v];
    const wrong = values.find((x) => !allowed.has(String(x)));
    if (wrong !== undefined) return bad(`「${String(wrong)}」不在可选范围内`);
  }
  return [];
}

/** Every problem of a condition against a module's fields; empty when it can run. */
export function checkCondition(
  c: Condition,
  fields: readonly ConditionField[],
  path = "",
): ConditionProblem[] {
  const at = (k: string) => (path ? `${path}.${k}` : k);
  if ("all" in c) return c.all.flatMap((x, i) => checkCondition(x, fields, at(`all.${i}`)));
  if ("any" in c) {
    if (c.any.length === 0) return [{ path: at("any"), message: "“满足任一”至少需要一个条件" }];
    return c.any.flatMap((x, i) => checkCondition(x, fields, at(`any.${i}`)));
  }
  if ("not" in c) return checkCondition(c.not, fields, at("not"));
  return checkLeaf(
    c,
    fields.find((f) => f.key === c.field),
    path || "condition",
  );
}

/** A record's values by field key; a labels field holds the labels the record has. */
export type Facts = Record<string, unknown>;

/**
 * One leaf against a record. A missing value makes every comparison false (as SQL's coalesce
 * to false does), so `not` of a comparison on a missing figure is true in both places.
 */
export function evaluateLeaf(leaf: ConditionLeaf, facts: Facts): boolean {
  const x = facts[leaf.field];
  const v = leaf.value;
  if (leaf.op === "is_null") return (x === null || x === undefined) === (v ?? true);
  if (leaf.op === "has_label") return Array.isArray(x) && x.includes(v);
  if (x === null || x === undefined) return false;
  switch (leaf.op) {
    case "eq":
      return x === v;
    case "ne":
      return x !== v;
    case "in":
      return Array.isArray(v) && v.includes(x);
    case "gt":
      return (x as number) > (v as number);
    case "gte":
      return (x as number) >= (v as number);
    case "lt":
      return (x as number) < (v as number);
    case "lte":
      return (x as number) <= (v as number);
    case "between": {
      const [lo, hi] = v as [number, number];
      return (x as number) >= lo && (x as number) <= hi;
    }
    case "contains":
      return String(x).includes(String(v));
  }
}

export function evaluateCondition(c: Condition, facts: Facts): boolean {
  if ("all" in c) return c.all.every((x) => evaluateCondition(x, facts));
  if ("any" in c) return c.any.some((x) => evaluateCondition(x, facts));
  if ("not" in c) return !evaluateCondition(c.not, facts);
  return evaluateLeaf(c, facts);
}

const show = (f: ConditionField | undefined, v: unknown): string => {
  if (v === null || v === undefined) return "未填写";
  if (typeof v === "boolean") return v ? "是" : "否";
  const opt = f?.options?.find((o) => o.value === String(v));
  if (opt) return opt.label;
  if (typeof v === "number") {
    const n = v.toLocaleString("zh-CN", { maximumFractionDigits: 2 });
    return f?.unit ? `${n} ${f.unit}` : n;
  }
  return String(v);
};

/** A leaf in words: 「营业收入」不低于 2,000 万元. */
export function describeLeaf(leaf: ConditionLeaf, fields: readonly ConditionField[]): string {
  const f = fields.find((x) => x.key === leaf.field);
  const name = `「${f?.label ?? leaf.field}」`;
  const v = leaf.value;
  if (leaf.op === "has_label") return `具有「${show(f, v)}」标签`;
  if (leaf.op === "is_null") return `${name}${(v ?? true) ? "未填写" : "已填写"}`;
  if (leaf.op === "in") return `${name}属于 ${(v as unknown[]).map((x) => show(f, x)).join("、")}`;
  if (leaf.op === "between") {
    const [lo, hi] = v as unknown[];
    return `${name}介于 ${show(f, lo)} 至 ${show(f, hi)}`;
  }
  return `${name}${conditionOpLabels[leaf.op]} ${show(f, v)}`;
}

/** The whole condition in words, for a policy clause or a plan's population. */
export function describeCondition(c: Condition, fields: readonly ConditionField[]): string {
  const group = (xs: Condition[], word: string) =>
    xs.length === 1
      ? describeCondition(xs[0]!, fields)
      : `（${xs.map((x) => describeCondition(x, fields)).join(word)}）`;
  if ("all" in c) return c.all.length === 0 ? "全部" : group(c.all, " 且 ");
  if ("any" in c) return group(c.any, " 或 ");
  if ("not" in c) return `并非${describeCondition(c.not, fields)}`;
  return describeLeaf(c, fields);
}

/** Why a record meets a condition or not: each leaf with the record's own value. */
export interface Explanation {
  met: boolean;
  text: string;
  /** the record's value of a leaf's field, in words */
  actual?: string;
  children?: Explanation[];
}

export function explainCondition(c: Condition, facts: Facts, fields: readonly ConditionField[]): Explanation {
  if ("all" in c || "any" in c) {
    const xs = "all" in c ? c.all : c.any;
    const children = xs.map((x) => explainCondition(x, facts, fields));
    const met = "all" in c ? children.every((x) => x.met) : children.some((x) => x.met);
    return { met, text: "all" in c ? "同时满足" : "满足任一", children };
  }
  if ("not" in c) {
    const inner = explainCondition(c.not, facts, fields);
    return { met: !inner.met, text: "不满足", children: [inner] };
  }
  const f = fields.find((x) => x.key === c.field);
  const x = facts[c.field];
  const actual = Array.isArray(x) ? (x.length ? x.map((i) => show(f, i)).join("、") : "无") : show(f, x);
  return { met: evaluateLeaf(c, facts), text: describeLeaf(c, fields), actual };
}

/** The leaves of an explanation a record failed, in words, for a short reason. */
export function unmetReasons(e: Explanation): string[] {
  if (!e.children) return e.met ? [] : [`${e.text}（实际：${e.actual}）`];
  if (e.met) return [];
  if (e.text === "不满足") return [`不应${e.children[0]?.text ?? ""}`];
  return e.children.flatMap(unmetReasons);
}
