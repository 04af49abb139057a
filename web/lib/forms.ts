import type { FormInstance } from "antd";
import type { Rule } from "antd/es/form";
import type { z } from "zod";
import { en as zodEn, zhCN as zodZhCN } from "zod/locales";
import { type FieldIssue, isApiError } from "./api";
import { currentLanguage } from "./i18n";

// zod's own messages ("too long") follow the UI language; messages written in
// the schemas of common/ ("请填写名称") take precedence over these.
const zodLocales = { "zh-CN": zodZhCN().localeError, en: zodEn().localeError };

type NamePath = (string | number)[];

/** "scopes[0].refId" and "scopes.0.refId" both become ["scopes", 0, "refId"]. */
export const toNamePath = (path: string): NamePath =>
  path
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .filter((s) => s !== "")
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/**
 * Puts the server's VALIDATION details onto the form's fields by `path`.
 * Returns the issues that match no field, for a general message.
 */
export const applyServerErrors = (
  form: FormInstance,
  error: unknown,
  duplicateField?: string,
): FieldIssue[] => {
  if (!isApiError(error)) return [];
  // A DUPLICATE without details is about the record's natural key (its name).
  const issues =
    error.code === "DUPLICATE" && duplicateField && error.fieldIssues.length === 0
      ? [{ path: duplicateField, message: error.message }]
      : error.fieldIssues;
  if (issues.length === 0) return [];
  const known = new Set(form.getFieldsError().map((f) => f.name.join(".")));
  const onFields: { name: NamePath; errors: string[] }[] = [];
  const rest: FieldIssue[] = [];
  for (const issue of issues) {
    const name = toNamePath(issue.path);
    if (known.has(name.join("."))) onFields.push({ name, errors: [issue.message] });
    else rest.push(issue);
  }
  if (onFields.length > 0) {
    form.setFields(onFields);
    const first = onFields[0];
    if (first) form.scrollToField(first.name);
  }
  return rest;
};

/**
 * An antd rule that checks a value with the zod schema of `common/`, so the
 * form says what the server would say ("请填写名称"). An empty input is
 * checked as "" ("text"), as null ("null": pickers, numbers) or as absent
 * ("omit": optional fields the body leaves out).
 */
const emptyValues = { text: "", null: null, omit: undefined } as const;

export const zodRule = (schema: z.ZodType, empty: "text" | "null" | "omit" = "text"): Rule => ({
  validator: async (_rule, value: unknown) => {
    const blank = value === undefined || value === null || value === "";
    const v = blank ? emptyValues[empty] : value;
    const r = schema.safeParse(v, { error: zodLocales[currentLanguage()] });
    if (!r.success) throw new Error(r.error.issues[0]?.message ?? "");
  },
});

/** Form text to API body: trims strings, turns blanks into null. */
export const blanksToNull = <T extends Record<string, unknown>>(values: T): T => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === "string") {
      const t = v.trim();
      out[k] = t === "" ? null : t;
    } else out[k] = v === undefined ? null : v;
  }
  return out as T;
};
