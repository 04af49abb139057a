import { describe, expect, it } from "vitest";
import { chinaDay, chinaTime } from "./dates.js";

describe("China days and times", () => {
  it.each([
    ["2026-12-31T15:59:59.999Z", "2026-12-31"],
    ["2026-12-31T16:00:00.000Z", "2027-01-01"],
    ["2026-02-28T16:00:00.000Z", "2026-03-01"],
    ["2024-02-28T16:00:00.000Z", "2024-02-29"],
    ["2026-10-01T00:00:00.000Z", "2026-10-01"],
  ])("%s is %s in China", (at, day) => {
    expect(chinaDay(new Date(at))).toBe(day);
  });

  it("agrees with the time zone database every 7 hours over two years", () => {
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 7 * 3_600_000) {
      const at = new Date(t);
      expect(chinaDay(at)).toBe(at.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }));
    }
  });

  it("writes a moment as Chinese users read it", () => {
    expect(chinaTime.format(new Date("2026-12-01T11:07:46Z"))).toBe("2026/12/1 19:07:46");
  });
});
