import dayjs, { type Dayjs } from "dayjs";
import type { TFunction } from "i18next";
import type { PlanPeriod } from "../../../../common/visit.schema";

/** The kind of a period key: 2026 (year), 2026-Q4 (quarter), 2026-12 (month). */
export const kindOfPeriod = (key: string): PlanPeriod =>
  key.includes("-Q") ? "quarter" : key.includes("-") ? "month" : "year";

/** The key of the period a day falls in, for a plan of the given kind. */
export const periodOf = (kind: PlanPeriod, d: Dayjs = dayjs()): string =>
  kind === "year"
    ? d.format("YYYY")
    : kind === "month"
      ? d.format("YYYY-MM")
      : `${d.format("YYYY")}-Q${Math.floor(d.month() / 3) + 1}`;

/** The first day of a period, for the period picker. */
export const startOfPeriod = (key: string): Dayjs => {
  const [y, rest] = key.split("-");
  if (!rest) return dayjs(`${y}-01-01`);
  if (rest.startsWith("Q")) {
    const month = (Number(rest.slice(1)) - 1) * 3 + 1;
    return dayjs(`${y}-${String(month).padStart(2, "0")}-01`);
  }
  return dayjs(`${y}-${rest}-01`);
};

/** 2026年第4季度, 2026年12月, 2026年 (or their English forms). */
export const periodLabel = (key: string, t: TFunction): string => {
  const [y, rest] = key.split("-");
  if (!rest) return t("visits:period.yearLabel", { y });
  if (rest.startsWith("Q")) return t("visits:period.quarterLabel", { y, q: rest.slice(1) });
  return t("visits:period.monthLabel", { y, m: Number(rest) });
};
