import { formatMoney, formatWanUsd } from "../../lib/format";

/** Registered capital as a register shows it: 万元 / 亿元, or 万美元 for foreign capital. */
export const formatCapital = (fen: number | null | undefined, currency: string): string =>
  currency === "USD" ? formatWanUsd(fen) : formatMoney(fen);
