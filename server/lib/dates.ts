/** The calendar day (YYYY-MM-DD) in China at a moment: day-valued rules (validity, deadlines) use it. */
export function chinaDay(at: Date): string {
  return at.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
}
