import type { Facts } from "../../../common/conditions.js";
import type { AmountBase, AmountRule } from "../../../common/policy.schema.js";

export const amountBaseLabels: Record<AmountBase, string> = {
  revenue: "营业收入",
  tax: "税收",
  valueAdded: "工业增加值",
  output: "产值",
  rd: "研发经费",
};

const wan = (fen: number) =>
  `${(fen / 1_000_000).toLocaleString("zh-CN", { maximumFractionDigits: 2 })} 万元`;

export function amountText(rule: AmountRule): string {
  if (rule.kind === "fixed") return `定额 ${wan(rule.amountFen)}`;
  const cap = rule.capFen ? `，最高 ${wan(rule.capFen)}` : "";
  return `按${amountBaseLabels[rule.base]}的 ${rule.percent}%${cap}`;
}

/** What the rule gives a firm on its latest figures (in fen); null when the base figure is missing. */
export function estimate(rule: AmountRule, facts: Facts | undefined): number | null {
  if (rule.kind === "fixed") return rule.amountFen;
  const base = facts?.[rule.base];
  if (typeof base !== "number") return null;
  // facts carry money in 万元: 1 万元 = 1,000,000 fen
  const fen = Math.round(base * 1_000_000 * (rule.percent / 100));
  return rule.capFen ? Math.min(fen, rule.capFen) : fen;
}
