/**
 * The calendar day (YYYY-MM-DD) in China at a moment: day-valued rules (validity, deadlines) use
 * it. China keeps UTC+8 all year (no daylight saving since 1991), so the day is the UTC day eight
 * hours on (toLocaleDateString with a time zone built a formatter on every call, and lists call
 * this per row).
 */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A moment as Chinese users read it (2026/12/1 19:07:46, China time): one formatter, reused. */
export const chinaTime = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  hour12: false,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});
