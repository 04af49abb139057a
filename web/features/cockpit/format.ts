import type { KeyFigure } from "../../../common/cockpit.schema";

/** A figure as a wall screen shows it: 万元 past 1 亿 in 亿元, counts whole, no data as null. */
export function figureText(
  f: Pick<KeyFigure, "value" | "unit">,
  yi: string,
): { value: string; unit: string } | null {
  if (f.value === null) return null;
  if (f.unit === "万元" && Math.abs(f.value) >= 10_000) {
    return { value: (f.value / 10_000).toLocaleString("zh-CN", { maximumFractionDigits: 2 }), unit: yi };
  }
  const digits = f.unit === "个" ? 1 : 2;
  return { value: f.value.toLocaleString("zh-CN", { maximumFractionDigits: digits }), unit: f.unit };
}

/** 0.915 → "91.5%"; null (a goal of zero, or no data) → null. */
export const pct = (x: number | null | undefined): string | null =>
  x === null || x === undefined ? null : `${Math.round(x * 1000) / 10}%`;

/** Fen as 亿元 or 万元, for the pipeline's investment. */
export const amountText = (fen: number, units: { wan: string; yi: string }): string =>
  fen >= 10_000_000_000
    ? `${(fen / 10_000_000_000).toLocaleString("zh-CN", { maximumFractionDigits: 2 })} ${units.yi}`
    : `${(fen / 1_000_000).toLocaleString("zh-CN", { maximumFractionDigits: 0 })} ${units.wan}`;
