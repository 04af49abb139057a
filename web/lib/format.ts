import dayjs from "dayjs";

/** 1 亩 = 2000/3 m² exactly (15 亩 = 1 公顷). */
export const M2_PER_MU = 2000 / 3;

const isBlank = (v: unknown): v is null | undefined | "" => v === null || v === undefined || v === "";

/** A day as 2026-05-01 (forms, tables, exports). */
export const formatDate = (v: string | Date | null | undefined): string =>
  isBlank(v) ? "" : dayjs(v).format("YYYY-MM-DD");

/** A day as Chinese prose writes it: 2026年5月1日. */
export const formatDateCn = (v: string | Date | null | undefined): string =>
  isBlank(v) ? "" : dayjs(v).format("YYYY年M月D日");

/** A moment to the minute: 2026-05-01 14:03. */
export const formatDateTime = (v: string | Date | null | undefined): string =>
  isBlank(v) ? "" : dayjs(v).format("YYYY-MM-DD HH:mm");

/** A moment to the second, for audit trails. */
export const formatDateTimeSec = (v: string | Date | null | undefined): string =>
  isBlank(v) ? "" : dayjs(v).format("YYYY-MM-DD HH:mm:ss");

const grouped = (n: number, digits: number): string =>
  n.toLocaleString("zh-CN", { minimumFractionDigits: 0, maximumFractionDigits: digits });

export const m2ToMu = (m2: number): number => m2 / M2_PER_MU;
export const muToM2 = (mu: number): number => mu * M2_PER_MU;

/** 12,000 m² → "18 亩"; two decimals at most, trailing zeros dropped. */
export const formatMu = (m2: number | null | undefined, unit = "亩"): string =>
  isBlank(m2) ? "" : `${grouped(m2ToMu(m2), 2)} ${unit}`;

export const formatM2 = (m2: number | null | undefined, unit = "m²"): string =>
  isBlank(m2) ? "" : `${grouped(m2, 2)} ${unit}`;

/** "21,000 m²（31.5 亩）" — land shows both; English gets ASCII brackets. */
export const formatArea = (m2: number | null | undefined, units = { m2: "m²", mu: "亩" }): string => {
  if (isBlank(m2)) return "";
  const [open, close] = units.mu === "亩" ? ["（", "）"] : [" (", ")"];
  return `${formatM2(m2, units.m2)}${open}${formatMu(m2, units.mu)}${close}`;
};

/** Money is integer fen. 1 万元 = 1,000,000 fen; 1 亿元 = 10,000,000,000 fen. */
export const FEN_PER_WAN = 1_000_000;
export const FEN_PER_YI = 10_000_000_000;

export const fenToWan = (fen: number): number => fen / FEN_PER_WAN;
export const fenToYi = (fen: number): number => fen / FEN_PER_YI;
export const wanToFen = (wan: number): number => Math.round(wan * FEN_PER_WAN);
export const yuanToFen = (yuan: number): number => Math.round(yuan * 100);

export const formatWan = (fen: number | null | undefined, digits = 2): string =>
  isBlank(fen) ? "" : `${grouped(fenToWan(fen), digits)} 万元`;

export const formatYi = (fen: number | null | undefined, digits = 2): string =>
  isBlank(fen) ? "" : `${grouped(fenToYi(fen), digits)} 亿元`;

/** 亿元 from one 亿 up, 万元 below: how Chinese reports state sums. */
export const formatMoney = (fen: number | null | undefined): string => {
  if (isBlank(fen)) return "";
  return Math.abs(fen) >= FEN_PER_YI ? formatYi(fen) : formatWan(fen);
};

/** Foreign capital in 万美元 (fen here are US cents). */
export const formatWanUsd = (cents: number | null | undefined, digits = 2): string =>
  isBlank(cents) ? "" : `${grouped(fenToWan(cents), digits)} 万美元`;
