import { and, asc, between, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client.js";
import { CALENDAR_END, CALENDAR_START, type DayException, type DaySource } from "./workdays.rule.js";
import { workday, workdayOverride } from "./workdays.table.js";

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(db: DbOrTx, query: SQL) => ((await db.execute(query)) as unknown as Rows<T>).rows;

/** A date-valued SQL expression: a column, a parameter cast to date, current_date … */
export type DateExpr = SQL | AnyPgColumn;

/*
 * The helpers below alias the calendar as zy_wd / zy_wd2 so that a caller's expression naming
 * its own tables (even one called "workday") is not captured by the subquery.
 */

/**
 * The working-day number of a day, as a scalar subquery; null outside the calendar
 * (2020–2035). Working days after A up to and including B: workdaySeq(B) - workdaySeq(A).
 */
export const workdaySeq = (dateExpr: DateExpr): SQL<number | null> =>
  sql<number | null>`(select zy_wd.seq from ${workday} as zy_wd where zy_wd.day = ${dateExpr})`;

/** Working days after `from` up to and including `to` (negative when to < from), in SQL. */
export const workdaysBetweenSql = (from: DateExpr, to: DateExpr): SQL<number | null> =>
  sql<number | null>`(${workdaySeq(to)} - ${workdaySeq(from)})`;

/**
 * The Nth working day after a day (the day not counted; n < 0 counts back; n = 0 is the day
 * itself when it is a working day, else the next one), as a scalar subquery; null outside the
 * calendar.
 */
export const addWorkdaysSql = (dateExpr: DateExpr, n: number | SQL): SQL<string | null> => {
  const k = sql`cast(${n} as integer)`;
  return sql<string | null>`(select zy_wd2.day from ${workday} as zy_wd2
    where zy_wd2.is_workday and zy_wd2.seq = (
      select zy_wd.seq + ${k} + case when ${k} <= 0 and not zy_wd.is_workday then 1 else 0 end
      from ${workday} as zy_wd where zy_wd.day = ${dateExpr}))`;
};

const asDate = (day: string) => sql`cast(${day} as date)`;

/**
 * Replaces the whole calendar in one statement: every day of the span, weekends by the day of
 * the week, chinese-days' exceptions passed in as JSON, the overrides joined from their table;
 * seq is a running count. Call inside a transaction; the advisory lock keeps two instances
 * rebuilding at once from colliding on the primary key.
 */
export async function rebuildCalendar(db: DbOrTx, exceptions: readonly DayException[]): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('zhaoyin.workday'))`);
  await db.delete(workday);
  await db.execute(sql`
    with days as (
      select g::date as day, extract(isodow from g) >= 6 as weekend
      from generate_series(${asDate(CALENDAR_START)}, ${asDate(CALENDAR_END)}, interval '1 day') as g
    ), ex as (
      select * from json_to_recordset(cast(${JSON.stringify(exceptions)} as json))
        as x(day date, "isWorkday" boolean, name text)
    ), c as (
      select days.day,
        coalesce(o.is_workday, ex."isWorkday", not days.weekend) as is_workday,
        case
          when o.day is not null then 'override'
          when ex.day is not null and not ex."isWorkday" then 'holiday'
          when ex.day is not null and days.weekend then 'adjusted_workday'
          when ex.day is null and days.weekend then 'weekend'
          else 'normal'
        end as source,
        coalesce(o.name, ex.name) as name
      from days
      left join ex on ex.day = days.day
      left join ${workdayOverride} as o on o.day = days.day
    )
    insert into ${workday} (day, is_workday, seq, source, name)
    select day, is_workday, sum(case when is_workday then 1 else 0 end) over (order by day), source, name
    from c`);
}

/** Row count and an md5 over every day's state, to tell whether the stored calendar is current. */
export async function calendarDigest(db: DbOrTx): Promise<{ n: number; digest: string | null }> {
  const [row] = await rowsOf<{ n: number | string; digest: string | null }>(
    db,
    sql`select count(*) as n, md5(string_agg(
        to_char(day, 'YYYY-MM-DD') || ':' || case when is_workday then '1' else '0' end || ':'
          || seq || ':' || source || ':' || coalesce(name, ''),
        ',' order by day)) as digest
      from ${workday}`,
  );
  return { n: Number(row?.n ?? 0), digest: row?.digest ?? null };
}

export interface CalendarDayRow {
  day: string;
  isWorkday: boolean;
  seq: number;
  source: DaySource;
  name: string | null;
}

const daySelect = {
  day: workday.day,
  isWorkday: workday.isWorkday,
  seq: workday.seq,
  source: sql<DaySource>`${workday.source}`,
  name: workday.name,
};

export const calendarDays = (db: DbOrTx, from: string, to: string): Promise<CalendarDayRow[]> =>
  db
    .select(daySelect)
    .from(workday)
    .where(between(workday.day, from, to))
    .orderBy(asc(workday.day));

export async function calendarDay(db: DbOrTx, day: string): Promise<CalendarDayRow | null> {
  const [row] = await db.select(daySelect).from(workday).where(eq(workday.day, day));
  return row ?? null;
}

/** The day addWorkdaysSql gives, or null when the start or the answer lies outside the calendar. */
export async function dayAfterWorkdays(db: DbOrTx, day: string, n: number): Promise<string | null> {
  const [row] = await rowsOf<{ day: string | null }>(
    db,
    sql`select to_char(${addWorkdaysSql(asDate(day), n)}, 'YYYY-MM-DD') as day`,
  );
  return row?.day ?? null;
}

export async function workdaysBetweenDays(db: DbOrTx, from: string, to: string): Promise<number | null> {
  const [row] = await rowsOf<{ n: number | null }>(
    db,
    sql`select ${workdaysBetweenSql(asDate(from), asDate(to))} as n`,
  );
  return row?.n ?? null;
}

export interface OverrideRow {
  day: string;
  isWorkday: boolean;
  name: string | null;
  version: number;
  updatedBy: string | null;
  updatedAt: Date;
}

export const listOverrides = (db: DbOrTx, from = CALENDAR_START, to = CALENDAR_END): Promise<OverrideRow[]> =>
  db
    .select()
    .from(workdayOverride)
    .where(between(workdayOverride.day, from, to))
    .orderBy(asc(workdayOverride.day));

export async function getOverride(db: DbOrTx, day: string): Promise<OverrideRow | null> {
  const [row] = await db.select().from(workdayOverride).where(eq(workdayOverride.day, day));
  return row ?? null;
}

/** Inserts unless the day already has an override; false when it had. */
export async function insertOverride(
  db: DbOrTx,
  row: { day: string; isWorkday: boolean; name: string | null; updatedBy: string; updatedAt: Date },
): Promise<boolean> {
  const rows = await db
    .insert(workdayOverride)
    .values(row)
    .onConflictDoNothing()
    .returning({ day: workdayOverride.day });
  return rows.length > 0;
}

/** Updates only while the version still matches; false when it did not. */
export async function updateOverride(
  db: DbOrTx,
  day: string,
  version: number,
  patch: { isWorkday: boolean; name: string | null; updatedBy: string; updatedAt: Date },
): Promise<boolean> {
  const rows = await db
    .update(workdayOverride)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(workdayOverride.day, day), eq(workdayOverride.version, version)))
    .returning({ day: workdayOverride.day });
  return rows.length > 0;
}

export async function deleteOverride(db: DbOrTx, day: string, version: number): Promise<boolean> {
  const rows = await db
    .delete(workdayOverride)
    .where(and(eq(workdayOverride.day, day), eq(workdayOverride.version, version)))
    .returning({ day: workdayOverride.day });
  return rows.length > 0;
}
