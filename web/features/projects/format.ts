import { FEN_PER_WAN, M2_PER_MU } from "../../lib/format";

const grouped = (n: number, digits: number): string =>
  n.toLocaleString("zh-CN", { minimumFractionDigits: 0, maximumFractionDigits: digits });

const blank = (v: number | null | undefined): v is null | undefined => v === null || v === undefined;

/** Investment as a ledger writes it: 万元, grouped, two decimals at most. */
export const wanText = (fen: number | null | undefined, unit = "万元"): string =>
  blank(fen) ? "" : `${grouped(fen / FEN_PER_WAN, 2)} ${unit}`;

/** Foreign capital is kept in US cents and read in 万美元. */
export const usdText = (cents: number | null | undefined, unit = "万美元"): string =>
  blank(cents) ? "" : `${grouped(cents / FEN_PER_WAN, 2)} ${unit}`;

/** Land is kept in m² and read in 亩. */
export const muText = (m2: number | null | undefined, unit = "亩"): string =>
  blank(m2) ? "" : `${grouped(m2 / M2_PER_MU, 2)} ${unit}`;

export const m2Text = (m2: number | null | undefined, unit = "m²"): string =>
  blank(m2) ? "" : `${grouped(m2, 2)} ${unit}`;

/** 亿元 from one 亿 up, 万元 below: the cards and the pipeline totals. */
export const amountText = (fen: number | null | undefined, units = { wan: "万元", yi: "亿元" }): string => {
  if (blank(fen)) return "";
  return Math.abs(fen) >= 10_000 * FEN_PER_WAN
    ? `${grouped(fen / (10_000 * FEN_PER_WAN), 2)} ${units.yi}`
    : `${grouped(fen / FEN_PER_WAN, 2)} ${units.wan}`;
};

/** A percentage from a 0–1 rate: 66.7%. */
export const percentText = (rate: number | null | undefined): string =>
  blank(rate) ? "—" : `${grouped(rate * 100, 1)}%`;

/** A stored month (its first day, 2026-03-01) or YYYY-MM as ledgers write it: 2026年3月. */
export const monthText = (month: string, lang = "zh-CN"): string => {
  const [y, m] = month.split("-");
  return lang === "en" ? `${y}-${m}` : `${y}年${Number(m)}月`;
};

/** A number with its unit, grouped as the ledgers group it; blank for nothing. */
export const quantityText = (v: number | null | undefined, unit: string, digits = 2): string =>
  blank(v) ? "" : `${grouped(v, digits)} ${unit}`.trim();
