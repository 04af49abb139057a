import chineseDays from "chinese-days";
import { CALENDAR_END, CALENDAR_START, type DaySource } from "../../../common/workdays.schema.js";

/**
 * The working-day rule in plain TypeScript: the SQL calendar is built from the same inputs
 * (chinese-days' holidays and adjusted working days, weekends, overrides), and the tests use
 * this twin to check what the SQL answers.
 */

export {
  CALENDAR_END,
  CALENDAR_START,
  type DaySource,
  inCalendar,
  isValidDay,
} from "../../../common/workdays.schema.js";

export interface DayInfo {
  day: string;
  isWorkday: boolean;
  source: DaySource;
  name: string | null;
}

/** A day chinese-days names: a public holiday (on a weekday or a weekend) or a worked weekend day. */
export interface DayException {
  day: string;
  isWorkday: boolean;
  name: string;
}

export interface Override {
  day: string;
  isWorkday: boolean;
  name: string | null;
}

const MS_DAY = 86_400_000;

// Days are handled as UTC midnights so no local time zone shifts them.
const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (day: string, n: number): string => fromMs(toMs(day) + n * MS_DAY);

/** Saturday or Sunday. */
export const isWeekend = (day: string): boolean => {
  const dow = new Date(toMs(day)).getUTCDay();
  return dow === 0 || dow === 6;
};

/** Every day from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = toMs(from), end = toMs(to); ms <= end; ms += MS_DAY) out.push(fromMs(ms));
  return out;
}

/**
 * The days chinese-days knows as holidays or adjusted working days. Its name for such a day is
 * "English,中文,n" (e.g. "Spring Festival,春节,4"); for an ordinary day it is the weekday's
 * English name, which is how the two are told apart.
 */
export function chineseDaysExceptions(from = CALENDAR_START, to = CALENDAR_END): DayException[] {
  const out: DayException[] = [];
  for (const day of eachDay(from, to)) {
    const d = chineseDays.getDayDetail(day);
    const parts = d.name.split(",");
    if (parts.length < 2 || !parts[1]) continue;
    out.push({ day, isWorkday: d.work, name: parts[1] });
  }
  return out;
}

/** One day under the rule: an override wins, then chinese-days, then Monday–Friday. */
export function classify(day: string, exception: DayException | undefined, override?: Override): DayInfo {
  const weekend = isWeekend(day);
  if (override) {
    return {
      day,
      isWorkday: override.isWorkday,
      source: "override",
      name: override.name ?? exception?.name ?? null,
    };
  }
  if (exception) {
    const source: DaySource = !exception.isWorkday ? "holiday" : weekend ? "adjusted_workday" : "normal";
    return { day, isWorkday: exception.isWorkday, source, name: exception.name };
  }
  return { day, isWorkday: !weekend, source: weekend ? "weekend" : "normal", name: null };
}

/** The calendar from..to as the rule has it, each day with its working-day number. */
export function buildCalendar(
  overrides: readonly Override[] = [],
  exceptions: readonly DayException[] = chineseDaysExceptions(),
  from = CALENDAR_START,
  to = CALENDAR_END,
): (DayInfo & { seq: number })[] {
  const ex = new Map(exceptions.map((e) => [e.day, e]));
  const ov = new Map(overrides.map((o) => [o.day, o]));
  let seq = 0;
  return eachDay(from, to).map((day) => {
    const info = classify(day, ex.get(day), ov.get(day));
    if (info.isWorkday) seq += 1;
    return { ...info, seq };
  });
}

/** A day lookup over a built calendar, for the pure twins below. */
export type WorkdayTest = (day: string) => boolean;

export const workdayTest = (calendar: readonly DayInfo[]): WorkdayTest => {
  const m = new Map(calendar.map((d) => [d.day, d.isWorkday]));
  return (day) => m.get(day) ?? !isWeekend(day);
};

/**
 * The Nth working day after `day`, `day` not counted; for n < 0 the Nth working day before it.
 * n = 0 gives `day` itself when it is a working day, else the next working day (the first day
 * one could act on).
 */
export function addWorkdaysPure(isWork: WorkdayTest, day: string, n: number): string {
  if (n === 0) {
    let d = day;
    while (!isWork(d)) d = addDays(d, 1);
    return d;
  }
  const step = n > 0 ? 1 : -1;
  let d = day;
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, step);
    if (isWork(d)) left -= 1;
  }
  return d;
}

/** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
export function workdaysBetweenPure(isWork: WorkdayTest, from: string, to: string): number {
  if (to < from) return -workdaysBetweenPure(isWork, to, from);
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWork(d)) n += 1;
  return n;
}
