/**
 * Assessment periods: week (Mon–Sun), 旬 (1–10, 11–20, 21–end of month), month, quarter, year.
 * Days are ISO strings (YYYY-MM-DD) and all arithmetic is on UTC dates, so the server's and the
 * browser's time zones never move a day into the next period.
 */
export const periodKinds = ["week", "dekad", "month", "quarter", "year"] as const;
export type PeriodKind = (typeof periodKinds)[number];
export const periodKindLabels: Record<PeriodKind, string> = {
  week: "周",
  dekad: "旬",
  month: "月",
  quarter: "季度",
  year: "年度",
};

export interface Period {
  kind: PeriodKind;
  /** 2026-W05, 2026-03-D2, 2026-03, 2026-Q1, 2026 */
  key: string;
  from: string;
  to: string;
  label: string;
}

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, "0");
export const toDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const parse = (day: string) => {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
};
export const addDays = (day: string, n: number) => toDay(new Date(parse(day).getTime() + n * DAY));
const lastOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** Days from a to b inclusive. */
export const daysBetween = (a: string, b: string) =>
  Math.round((parse(b).getTime() - parse(a).getTime()) / DAY) + 1;

const dekadNames = ["上旬", "中旬", "下旬"];

/** The period of a kind that contains a day. */
export function periodOf(kind: PeriodKind, day: string): Period {
  const d = parse(day);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  switch (kind) {
    case "week": {
      const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
      const from = addDays(day, -dow);
      // ISO week number: the week belongs to the year of its Thursday.
      const thu = parse(addDays(from, 3));
      const wy = thu.getUTCFullYear();
      const week = Math.floor((thu.getTime() - Date.UTC(wy, 0, 1)) / DAY / 7) + 1;
      return { kind, key: `${wy}-W${pad(week)}`, from, to: addDays(from, 6), label: `${wy}年第${week}周` };
    }
    case "dekad": {
      const i = d.getUTCDate() <= 10 ? 0 : d.getUTCDate() <= 20 ? 1 : 2;
      const fromD = [1, 11, 21][i]!;
      const toD = i === 2 ? lastOfMonth(y, m) : fromD + 9;
      return {
        kind,
        key: `${y}-${pad(m)}-D${i + 1}`,
        from: `${y}-${pad(m)}-${pad(fromD)}`,
        to: `${y}-${pad(m)}-${pad(toD)}`,
        label: `${y}年${m}月${dekadNames[i]}`,
      };
    }
    case "month":
      return {
        kind,
        key: `${y}-${pad(m)}`,
        from: `${y}-${pad(m)}-01`,
        to: `${y}-${pad(m)}-${pad(lastOfMonth(y, m))}`,
        label: `${y}年${m}月`,
      };
    case "quarter": {
      const q = Math.ceil(m / 3);
      const last = q * 3;
      return {
        kind,
        key: `${y}-Q${q}`,
        from: `${y}-${pad(last - 2)}-01`,
        to: `${y}-${pad(last)}-${pad(lastOfMonth(y, last))}`,
        label: `${y}年第${q}季度`,
      };
    }
    case "year":
      return { kind, key: String(y), from: `${y}-01-01`, to: `${y}-12-31`, label: `${y}年` };
  }
}

const keyPatterns: [PeriodKind, RegExp][] = [
  ["week", /^(\d{4})-W(\d{2})$/],
  ["dekad", /^(\d{4})-(\d{2})-D([123])$/],
  ["month", /^(\d{4})-(\d{2})$/],
  ["quarter", /^(\d{4})-Q([1-4])$/],
  ["year", /^(\d{4})$/],
];

/** A period from its key; null when the key is not one. */
export function parsePeriodKey(key: string): Period | null {
  for (const [kind, re] of keyPatterns) {
    const m = re.exec(key);
    if (!m) continue;
    const y = Number(m[1]);
    if (kind === "year") return periodOf(kind, `${y}-01-01`);
    if (kind === "quarter") return periodOf(kind, `${y}-${pad(Number(m[2]) * 3)}-01`);
    if (kind === "month") {
      const mo = Number(m[2]);
      return mo >= 1 && mo <= 12 ? periodOf(kind, `${y}-${pad(mo)}-01`) : null;
    }
    if (kind === "dekad") {
      const mo = Number(m[2]);
      if (mo < 1 || mo > 12) return null;
      return periodOf(kind, `${y}-${pad(mo)}-${pad([1, 11, 21][Number(m[3]) - 1]!)}`);
    }
    // week: the Monday of ISO week 1 is the Monday on or before 4 January.
    const jan4 = `${y}-01-04`;
    const p = periodOf("week", addDays(periodOf("week", jan4).from, (Number(m[2]) - 1) * 7));
    return p.key === key ? p : null;
  }
  return null;
}

/** The period just before: what "change since the last period" compares with. */
export const previousPeriod = (p: Period): Period => periodOf(p.kind, addDays(p.from, -1));

/**
 * Share of [from, to] elapsed by the end of `today`, 0…1, in calendar days. Calendar days, not
 * working days: the 时间进度 that bulletins print ("时间过半、任务过半") is the calendar's, and
 * signings, funds and visits happen on weekends too, so a working-day clock would overstate how
 * far behind a unit is after each holiday.
 */
export function elapsedShare(from: string, to: string, today: string): number {
  if (today < from) return 0;
  if (today >= to) return 1;
  return daysBetween(from, today) / daysBetween(from, to);
}

/**
 * A yearly goal's share for [from, to] (inside its year): each month's target — from the split,
 * else the year's spread over calendar days — times the part of that month the range covers.
 * Rates (not cumulative) keep the year's target for any period.
 */
export function goalForRange(
  goal: { year: number; target: number; split: number[] | null },
  cumulative: boolean,
  from: string,
  to: string,
): number {
  if (!cumulative) return goal.target;
  const y = goal.year;
  const yearDays = daysBetween(`${y}-01-01`, `${y}-12-31`);
  let sum = 0;
  for (let m = 1; m <= 12; m++) {
    const mFrom = `${y}-${pad(m)}-01`;
    const mTo = `${y}-${pad(m)}-${pad(lastOfMonth(y, m))}`;
    const a = from > mFrom ? from : mFrom;
    const b = to < mTo ? to : mTo;
    if (a > b) continue;
    const monthDays = daysBetween(mFrom, mTo);
    const monthTarget = goal.split ? goal.split[m - 1]! : (goal.target * monthDays) / yearDays;
    sum += (monthTarget * daysBetween(a, b)) / monthDays;
  }
  return sum;
}
