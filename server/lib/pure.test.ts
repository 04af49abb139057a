import { describe, expect, it } from "vitest";
import { generatePassword } from "../modules/users/users.service.js";
import { idsDigest, rowHash } from "./audit/audit.chain.js";
import { canonicalJson } from "./canonical.js";
import { langOf } from "./errors.js";

describe("canonical JSON", () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ z: { y: 1, x: [3, { d: 1, c: 2 }] } }, '{"z":{"x":[3,{"c":2,"d":1}],"y":1}}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    [{ at: new Date("2026-11-23T01:02:03.004Z") }, '{"at":"2026-11-23T01:02:03.004Z"}'],
    ["园区", '"园区"'],
  ])("%j → %s", (input, out) => {
    expect(canonicalJson(input)).toBe(out);
  });
});

describe("audit hashing", () => {
  const row = {
    id: "01a207b6-0000-7000-8000-000000000001",
    chainKey: "global",
    seq: 1,
    at: new Date("2026-11-23T00:00:00Z"),
    actorId: null,
    actorName: "王晓东",
    action: "create",
    subjectType: "park",
    subjectId: "x",
    regionId: null,
    before: null,
    after: { name: "丽水经开区" },
    meta: null,
  };
  it("depends on the previous hash, the secret and every field", () => {
    const h = rowHash("s", "GENESIS", row);
    expect(rowHash("s", "GENESIS", { ...row })).toBe(h);
    expect(rowHash("t", "GENESIS", row)).not.toBe(h);
    expect(rowHash("s", "other", row)).not.toBe(h);
    expect(rowHash("s", "GENESIS", { ...row, after: { name: "丽水" } })).not.toBe(h);
  });
  it("digests ids regardless of order", () => {
    expect(idsDigest(["b", "a"])).toBe(idsDigest(["a", "b"]));
    expect(idsDigest(["a"])).not.toBe(idsDigest(["a", "b"]));
  });
});

describe("generated passwords", () => {
  it("have letters and digits and satisfy the password rule", () => {
    for (let i = 0; i < 50; i++) {
      const p = generatePassword();
      expect(p).toHaveLength(12);
      expect(p).toMatch(/[A-Za-z]/);
      expect(p).toMatch(/\d/);
    }
  });
});

describe("request language", () => {
  it.each([
    [undefined, "zh-CN"],
    ["zh-CN,zh;q=0.9", "zh-CN"],
    ["en-US,en;q=0.9", "en"],
    ["fr", "zh-CN"],
  ])("%s → %s", (header, lang) => {
    expect(langOf(header)).toBe(lang);
  });
});
