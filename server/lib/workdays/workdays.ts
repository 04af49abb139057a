import { createHash } from "node:crypto";
import type { DbOrTx } from "../../db/client.js";
import { AppError } from "../errors.js";
import * as q from "./workdays.queries.js";
import {
  buildCalendar,
  CALENDAR_END,
  CALENDAR_START,
  chineseDaysExceptions,
  inCalendar,
  isValidDay,
} from "./workdays.rule.js";

/**
 * Chinese working days. "N working days after D" is the Nth working day after D, D not
 * counted; n < 0 counts back the same way; n = 0 gives D when D is a working day, else the next
 * working day (a deadline "within 0 working days" of a Sunday falls on Monday). The calendar
 * covers 2020-01-01 .. 2035-12-31; a day outside it is refused with a VALIDATION error.
 */

export { addWorkdaysSql, type DateExpr, workdaySeq, workdaysBetweenSql } from "./workdays.queries.js";
export { CALENDAR_END, CALENDAR_START } from "./workdays.rule.js";

const outOfRange = () =>
  new AppError("VALIDATION", {
    zh: `日期超出工作日历范围（${CALENDAR_START} 至 ${CALENDAR_END}）`,
    en: `The date lies outside the working-day calendar (${CALENDAR_START} to ${CALENDAR_END})`,
  });

function checkDay(day: string): void {
  if (!isValidDay(day)) {
    throw new AppError("VALIDATION", {
      zh: `日期“${day}”无效，应为 YYYY-MM-DD 格式的真实日期，如 2026-02-12`,
      en: `"${day}" is not a valid date; write a real day as YYYY-MM-DD, e.g. 2026-02-12`,
    });
  }
  if (!inCalendar(day)) throw outOfRange();
}

/** The Nth working day after `day` (see above for n ≤ 0), as YYYY-MM-DD. */
export async function addWorkdays(db: DbOrTx, day: string, n: number): Promise<string> {
  checkDay(day);
  if (!Number.isInteger(n)) {
    throw new AppError("VALIDATION", {
      zh: "工作日数须为整数",
      en: "The number of working days must be an integer",
    });
  }
  const out = await q.dayAfterWorkdays(db, day, n);
  if (!out) throw outOfRange();
  return out;
}

/** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
export async function workdaysBetween(db: DbOrTx, from: string, to: string): Promise<number> {
  checkDay(from);
  checkDay(to);
  const n = await q.workdaysBetweenDays(db, from, to);
  if (n === null) throw outOfRange();
  return n;
}

export async function isWorkday(db: DbOrTx, day: string): Promise<boolean> {
  checkDay(day);
  const row = await q.calendarDay(db, day);
  if (!row) throw outOfRange();
  return row.isWorkday;
}

/** Rebuilds the calendar from chinese-days and the stored overrides; run inside a transaction. */
export async function rebuildWorkdays(db: DbOrTx): Promise<void> {
  await q.rebuildCalendar(db, chineseDaysExceptions());
}

const md5 = (s: string) => createHash("md5").update(s, "utf8").digest("hex");

/**
 * Builds the calendar when it is empty, or rebuilds it when it no longer matches what
 * chinese-days and the overrides say (a newer chinese-days that knows another year).
 * Runs after every migration, so each database — the server's, each test's — has it.
 * Returns whether it (re)built.
 */
export async function ensureWorkdays(db: DbOrTx): Promise<boolean> {
  const overrides = await q.listOverrides(db);
  const exceptions = chineseDaysExceptions();
  const expected = buildCalendar(overrides, exceptions);
  const text = expected
    .map((d) => `${d.day}:${d.isWorkday ? 1 : 0}:${d.seq}:${d.source}:${d.name ?? ""}`)
    .join(",");
  const stored = await q.calendarDigest(db);
  if (stored.n === expected.length && stored.digest === md5(text)) return false;
  await db.transaction((tx) => q.rebuildCalendar(tx, exceptions));
  return true;
}
