import { describe, expect, it } from "vitest";
import { normalizeUscc, usccCheckChar, usccProblem } from "./uscc.js";

describe("USCC (GB 32100-2015)", () => {
  it.each([
    ["91350100M000100Y43", null],
    ["91110000802100433B", null],
    ["91350100M000100Y44", "check"],
    ["91350100M000100Y4", "length"],
    ["91350100M000100Y43X", "length"],
    ["91350100M000100I43", "charset"],
    ["9135010OM000100Y43", "charset"],
    ["91ABCDEFM000100Y43", "region"],
  ])("%s → %s", (code, problem) => {
    expect(usccProblem(code)).toBe(problem);
  });

  it("computes the check character", () => {
    expect(usccCheckChar("91350100M000100Y4")).toBe("3");
  });

  it("normalises spaces and case", () => {
    expect(usccProblem(normalizeUscc(" 91350100m000100y43 "))).toBeNull();
  });
});
