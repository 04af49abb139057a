import { z } from "zod";

/** The span the working-day calendar covers. */
export const CALENDAR_START = "2020-01-01";
export const CALENDAR_END = "2035-12-31";
export const CALENDAR_FIRST_YEAR = 2020;
export const CALENDAR_LAST_YEAR = 2035;

export const daySources = ["weekend", "holiday", "adjusted_workday", "override", "normal"] as const;
export type DaySource = (typeof daySources)[number];

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isValidDay(s: string): boolean {
  const m = DAY_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

export const inCalendar = (day: string): boolean => day >= CALENDAR_START && day <= CALENDAR_END;

/** A day inside the calendar, refused with one message saying what is wrong. */
export const calendarDay = z.string({ error: "请填写日期，如 2026-02-12" }).superRefine((s, ctx) => {
  if (!DAY_RE.test(s)) ctx.addIssue({ code: "custom", message: "日期格式应为 YYYY-MM-DD，如 2026-02-12" });
  else if (!isValidDay(s)) ctx.addIssue({ code: "custom", message: `不存在的日期：${s}` });
  else if (!inCalendar(s)) {
    ctx.addIssue({ code: "custom", message: `日期须在 ${CALENDAR_START} 至 ${CALENDAR_END} 之间` });
  }
});

const yearText = `年份须为 ${CALENDAR_FIRST_YEAR} 至 ${CALENDAR_LAST_YEAR} 之间的整数`;

export const calendarQuery = z.object({
  year: z.coerce
    .number({ error: yearText })
    .int(yearText)
    .min(CALENDAR_FIRST_YEAR, yearText)
    .max(CALENDAR_LAST_YEAR, yearText),
  month: z.coerce
    .number({ error: "月份须为 1 至 12 之间的整数" })
    .int("月份须为 1 至 12 之间的整数")
    .min(1, "月份须为 1 至 12 之间的整数")
    .max(12, "月份须为 1 至 12 之间的整数")
    .optional(),
});

export const workdayDay = z.object({
  day: z.string(),
  isWorkday: z.boolean(),
  /** the working-day number since the calendar's first day */
  seq: z.number().int(),
  source: z.enum(daySources),
  name: z.string().nullable(),
});
export type WorkdayDay = z.infer<typeof workdayDay>;

export const workdayCalendar = z.object({
  year: z.number().int(),
  month: z.number().int().nullable(),
  from: z.string(),
  to: z.string(),
  workdays: z.number().int(),
  days: z.array(workdayDay),
});
export type WorkdayCalendar = z.infer<typeof workdayCalendar>;

export const dayParam = z.object({ day: calendarDay });

export const overrideQuery = z.object({
  year: calendarQuery.shape.year.optional(),
});

export const overridePut = z.strictObject({
  isWorkday: z.boolean({ error: "请选择该日为工作日或休息日" }),
  name: z
    .string()
    .trim()
    .max(20, "名称不能超过 20 个字")
    .nullable()
    .optional()
    .transform((v) => v || null),
  /** the version read; leave out to add an override for a day that has none */
  version: z
    .number({ error: "版本号须为正整数" })
    .int("版本号须为正整数")
    .min(1, "版本号须为正整数")
    .optional(),
});
export type OverridePut = z.input<typeof overridePut>;

export const overrideDeleteQuery = z.object({
  version: z.coerce.number({ error: "请提供版本号" }).int("版本号须为正整数").min(1, "版本号须为正整数"),
});

export const workdayOverride = z.object({
  day: z.string(),
  isWorkday: z.boolean(),
  name: z.string().nullable(),
  version: z.number().int(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type WorkdayOverride = z.infer<typeof workdayOverride>;

const nText = "工作日数须为 -1000 至 1000 之间的整数";
export const addQuery = z.object({
  from: calendarDay,
  n: z.coerce.number({ error: nText }).int(nText).min(-1000, nText).max(1000, nText),
});

export const addResult = z.object({ from: z.string(), n: z.number().int(), day: z.string() });
export type AddResult = z.infer<typeof addResult>;
