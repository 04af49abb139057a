import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { backends, freshDatabase } from "../../test/setup.js";
import { type NameItem, searchFields, searchFieldsOf, startDeriveWorker } from "./enterprises.derive.js";
import { pinyinGramsOf, pinyinOf, planSearch } from "./enterprises.search.js";

describe("search columns derived off the main thread", () => {
  it("come out of the worker as they do here", async () => {
    expect(await startDeriveWorker()).toBe(true);
    const items: NameItem[] = Array.from({ length: 300 }, (_, i) => [
      `丽水晶睿電子科技${i}有限公司`,
      i % 3 ? [] : [`旧名"${i}",科技`],
    ]);
    for (const format of ["csv", "json"] as const)
      expect(await searchFieldsOf(items, format)).toEqual(items.map((i) => searchFields(i, format)));
  });

  it("write JSON members that read back as the columns", () => {
    const cols = JSON.parse(`{${searchFields(["丽水晶睿電子科技有限公司", ['旧名"科技']], "json")}}`);
    expect(cols).toMatchObject({
      name_pinyin: "lishuijingruidianzikejiyouxiangongsi",
      name_initials: "lsjrdzkjyxgs",
    });
    expect(cols.search_text).toBe('丽水晶睿电子科技有限公司|旧名"科技');
  });
});

describe("pinyin 4-grams", () => {
  it.each([
    ["jingrui", ["jing", "ingr", "ngru", "grui"]],
    ["abab", ["abab"]],
    ["ababab", ["abab", "baba"]],
    ["rui", []],
  ])("%s → %j", (full, grams) => {
    expect(pinyinGramsOf(full)).toEqual(grams);
  });

  it("serve fragments of four letters or more; shorter ones keep the trigram and initials paths", () => {
    expect(planSearch("hongdian")).toMatchObject({ kind: "pinyin", pinyinGrams: pinyinGramsOf("hongdian") });
    expect(planSearch("jrd")).toMatchObject({ kind: "pinyin", pinyinGrams: [] });
    expect(planSearch("jr")).toMatchObject({ kind: "pinyin", grams: ["~jr"], pinyinGrams: [] });
  });
});

describe.each(backends)("enterprise_pinyin_grams, the index's SQL for pinyin 4-grams (%s)", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(backend);
  });
  afterAll(() => database.close());

  it("cuts the same grams as pinyinGramsOf", async () => {
    for (const name of [
      "丽水晶睿电子科技有限公司",
      "浙江华友钴业股份有限公司",
      "3M中国有限公司",
      "吕氏",
      "一",
    ]) {
      const { full } = pinyinOf(name);
      const res = (await database.db.execute(
        sql`select enterprise_pinyin_grams(${full}::text) as g`,
      )) as unknown as { rows: { g: string[] }[] };
      expect([...new Set(res.rows[0]!.g)].sort()).toEqual([...pinyinGramsOf(full)].sort());
    }
  });
});
