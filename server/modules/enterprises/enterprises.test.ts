import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Enterprise, EnterpriseYear } from "../../../common/enterprise.schema.js";
import { syntheticUscc } from "../../../common/uscc.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";

interface Page<T> {
  items: T[];
  total: number;
  totalExact: boolean;
}
interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

describe.each(backends)("enterprise registry on %s", (backend) => {
  let t: TestApp;
  let admin: string;
  let regionId: string;
  let etdz: string;
  let zhangjiang: string;
  let ningbo: string;
  const post = (url: string, payload: unknown, cookie = admin) =>
    t.app.inject({ method: "POST", url, payload: payload as object, headers: { cookie } });
  const get = (url: string, cookie = admin) => t.app.inject({ url, headers: { cookie } });
  const search = async (q: string, extra = "", cookie = admin) =>
    json<Page<Enterprise>>(await get(`/api/enterprises?q=${encodeURIComponent(q)}${extra}`, cookie));
  const parkId = async (q: string) =>
    json<Page<{ id: string }>>(await get(`/api/parks?q=${encodeURIComponent(q)}`)).items[0]!.id;

  beforeAll(async () => {
    t = await testApp(backend);
    admin = await t.login("admin");
    const regions = json<{ items: { id: string; level: string }[] }>(
      await get(`/api/regions?q=${encodeURIComponent("丽水经济技术开发区")}`),
    );
    regionId = regions.items.find((r) => r.level === "platform")!.id;
    etdz = await parkId("丽水经济技术开发区");
    zhangjiang = await parkId("张江");
    ningbo = await parkId("宁波");
  });
  afterAll(() => t.close());

  let jingrui: Enterprise;
  it("creates a registered firm and derives its search keys", async () => {
    const res = await post("/api/enterprises", {
      uscc: syntheticUscc("331100", 1).toLowerCase(),
      name: "丽水晶睿电子科技有限公司",
      legalRep: "陈某",
      registeredCapitalFen: 50_000_000_00,
      foundedOn: "2019-05-20",
      industryCode: "3985",
      regionId,
      parkId: zhangjiang,
      contacts: [{ name: "李经理", phone: "0578-1234567" }],
    });
    expect(res.statusCode, res.body).toBe(201);
    jingrui = json<Enterprise>(res);
    expect(jingrui.uscc).toBe(syntheticUscc("331100", 1));
    expect(jingrui.industryCode).toBe("C3985");
    expect(jingrui.industryName).toBe("电子专用材料制造");
    expect(jingrui.parkName).toBe("丽水经开区上海张江飞地");
  });

  it("refuses bad input with the reason and writes nothing", async () => {
    const base = { name: "测试企业有限公司", regionId };
    const cases: [unknown, string, string][] = [
      [{ ...base, uscc: "91331100MA2A0000X1" }, "uscc", "校验位"],
      [{ ...base, uscc: "9133110" }, "uscc", "18 位"],
      [{ ...base, uscc: "91331100MA2AOOOOX1" }, "uscc", "I、O、S、V、Z"],
      [{ ...base, industryCode: "Z9999" }, "industryCode", "行业代码"],
      [{ ...base, industryCode: "C9999" }, "industryCode", "GB/T 4754"],
      [{ ...base, foundedOn: "2999-01-01" }, "foundedOn", "晚于今天"],
      [{ ...base, registeredCapitalFen: -1 }, "registeredCapitalFen", "负数"],
      [{ ...base, parkId: await parkId("大创小镇") }, "parkId", "不属于"],
    ];
    for (const [payload, path, text] of cases) {
      const res = await post("/api/enterprises", payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      const body = json<ErrorBody>(res);
      const detail = body.error.details?.find((d) => d.path === path);
      expect(detail?.message ?? body.error.message, path).toContain(text);
    }
    const dup = await post("/api/enterprises", { ...base, uscc: jingrui.uscc });
    expect(dup.statusCode).toBe(409);
    expect((await search("测试企业")).total).toBe(0);
  });

  it("finds firms by 1–2 characters, pinyin, traditional forms and USCC prefix", async () => {
    await post("/api/enterprises", {
      name: "浙江华友钴业股份有限公司",
      regionId,
      parkId: etdz,
      uscc: syntheticUscc("330400", 7),
    });
    await post("/api/enterprises", { name: "晶科能源（丽水）有限公司", regionId, parkId: ningbo });
    const names = async (q: string, extra = "") => (await search(q, extra)).items.map((e) => e.name).sort();
    expect(await names("晶睿")).toEqual(["丽水晶睿电子科技有限公司"]);
    expect(await names("晶")).toEqual(["丽水晶睿电子科技有限公司", "晶科能源（丽水）有限公司"]);
    expect(await names("jr")).toEqual(["丽水晶睿电子科技有限公司"]);
    expect(await names("jingrui")).toEqual(["丽水晶睿电子科技有限公司"]);
    expect(await names("JingRui")).toEqual(["丽水晶睿电子科技有限公司"]);
    expect(await names("晶睿電子")).toEqual(["丽水晶睿电子科技有限公司"]);
    expect(await names("華友鈷業")).toEqual(["浙江华友钴业股份有限公司"]);
    expect(await names("(丽水)")).toEqual(["晶科能源（丽水）有限公司"]);
    expect(await names(syntheticUscc("331100", 1).slice(0, 10))).toEqual(["丽水晶睿电子科技有限公司"]);
    expect(await names("有限", `&parkId=${zhangjiang}`)).toEqual(["丽水晶睿电子科技有限公司"]);
    // A park filter takes in its sub-parks (一区多园).
    expect((await search("有限", `&parkId=${etdz}`)).total).toBe(3);
    expect(await names("有限", "&registered=no")).toEqual(["晶科能源（丽水）有限公司"]);
    expect(await names("有限", "&industry=C39")).toEqual(["丽水晶睿电子科技有限公司"]);
    const page = await search("有限");
    expect(page).toMatchObject({ total: 3, totalExact: true });
    // Longer runs of initials and full pinyin, alone, with a filter and in a park officer's scope.
    expect(await names("lsjrdz")).toEqual(["丽水晶睿电子科技有限公司"]);
    expect(await names("huayougu")).toEqual(["浙江华友钴业股份有限公司"]);
    expect(await names("j")).toEqual(["晶科能源（丽水）有限公司"]);
    expect(await names("youxian", `&parkId=${zhangjiang}`)).toEqual(["丽水晶睿电子科技有限公司"]);
    expect(await names("jingrui", "&registered=no")).toEqual([]);
    const officer = await t.login("officer"); // Zhangjiang enclave
    expect((await search("youxian", "", officer)).items.map((e) => e.name)).toEqual([
      "丽水晶睿电子科技有限公司",
    ]);
  });

  it("keeps pinyin search in step with a rename", async () => {
    const firm = json<Enterprise>(await post("/api/enterprises", { name: "缙云鸿翔机械有限公司", regionId }));
    const ids = async (q: string) => {
      const page = await search(q);
      expect(page.items).toHaveLength(page.total);
      return page.items.map((e) => e.id);
    };
    expect(await ids("hongxiang")).toEqual([firm.id]);
    const renamed = await t.app.inject({
      method: "PATCH",
      url: `/api/enterprises/${firm.id}`,
      payload: { name: "缙云瑞达机械有限公司", version: firm.version },
      headers: { cookie: admin },
    });
    expect(renamed.statusCode).toBe(200);
    expect(await ids("hongxiang")).toEqual([]);
    expect(await ids("ruida")).toEqual([firm.id]);
    expect(await ids("jyrdjx")).toEqual([firm.id]);
  });

  it("keeps labels with validity, filters by label and counts the ladder per park", async () => {
    const add = (label: string, extra: object = {}) =>
      post(`/api/enterprises/${jingrui.id}/labels`, { label, source: "浙江省科技厅", ...extra });
    expect((await add("hnte", { validFrom: "2024-01-01", validTo: "2026-12-31" })).statusCode).toBe(201);
    expect((await add("tech_sme", { validFrom: "2020-01-01", validTo: "2022-12-31" })).statusCode).toBe(201);
    expect((await add("srdi", { validFrom: "2026-01-01", validTo: "2025-01-01" })).statusCode).toBe(400);
    const labels = json<{ items: { label: string; current: boolean }[] }>(
      await get(`/api/enterprises/${jingrui.id}/labels`),
    ).items;
    expect(labels.map((l) => [l.label, l.current])).toEqual([
      ["hnte", true],
      ["tech_sme", false],
    ]);
    expect((await search("", "&label=hnte")).items.map((e) => e.name)).toEqual(["丽水晶睿电子科技有限公司"]);
    expect((await search("", "&label=tech_sme")).total).toBe(0);
    const ladder = json<{
      parks: { parkName: string; counts: Record<string, number> }[];
      totals: Record<string, number>;
    }>(await get("/api/enterprise-ladder"));
    expect(ladder.totals).toEqual({ hnte: 1 });
    expect(ladder.parks[0]).toMatchObject({ parkName: "丽水经开区上海张江飞地", counts: { hnte: 1 } });
  });

  it("stores yearly figures with their sources and takes the size class from the latest year", async () => {
    const put = (year: number, body: object) =>
      t.app.inject({
        method: "PUT",
        url: `/api/enterprises/${jingrui.id}/years/${year}`,
        payload: body,
        headers: { cookie: admin },
      });
    expect(
      (await put(2024, { sizeClass: "below", revenueFen: 1_800_000_000, source: "统计局 2024 年报" }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await put(2025, {
          sizeClass: "above",
          revenueFen: 2_600_000_000,
          taxFen: 120_000_000,
          landM2: 26_667,
          landCertNo: "浙(2025)丽水市不动产权第0001号",
        })
      ).statusCode,
    ).toBe(200);
    expect((await put(2025, { taxFen: -5 })).statusCode).toBe(400);
    const years = json<{ items: EnterpriseYear[] }>(await get(`/api/enterprises/${jingrui.id}/years`)).items;
    expect(years.map((y) => [y.year, y.sizeClass])).toEqual([
      [2024, "below"],
      [2025, "above"],
    ]);
    expect(years[0]!.sources.revenueFen).toBe("统计局 2024 年报");
    expect(years[1]!.sources.taxFen).toContain("填报");
    expect((await search("", "&sizeClass=above")).items.map((e) => e.id)).toEqual([jingrui.id]);
    // A stale version loses nothing.
    const stale = await put(2025, { taxFen: 1, version: 0 });
    expect(stale.statusCode).toBe(409);
  });

  it("lists likely duplicates and merges an unregistered entry into the registered firm", async () => {
    const dup = json<Enterprise>(
      await post("/api/enterprises", {
        name: "丽水晶睿电子科技有限责任公司",
        regionId,
        address: "丽水市莲都区",
      }),
    );
    await post(`/api/enterprises/${dup.id}/labels`, { label: "gazelle", source: "市科技局" });
    await t.app.inject({
      method: "PUT",
      url: `/api/enterprises/${dup.id}/years/2023`,
      payload: { revenueFen: 900_000_000 },
      headers: { cookie: admin },
    });
    const groups = json<{ items: { nameKey: string; members: { id: string }[] }[] }>(
      await get("/api/enterprise-duplicates"),
    ).items;
    expect(groups).toHaveLength(1);
    expect(groups[0]!.members.map((m) => m.id).sort()).toEqual([jingrui.id, dup.id].sort());

    const current = json<Enterprise>(await get(`/api/enterprises/${jingrui.id}`));
    const stale = await post(`/api/enterprises/${jingrui.id}/merge`, {
      sourceId: dup.id,
      version: current.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    const merged = await post(`/api/enterprises/${jingrui.id}/merge`, {
      sourceId: dup.id,
      version: current.version,
    });
    expect(merged.statusCode).toBe(200);
    const after = json<Enterprise>(merged);
    expect(after.formerNames).toContain("丽水晶睿电子科技有限责任公司");
    expect(after.address).toBe("丽水市莲都区");
    expect(after.labels).toContain("gazelle");
    expect((await get(`/api/enterprises/${dup.id}`)).statusCode).toBe(404);
    const years = json<{ items: EnterpriseYear[] }>(await get(`/api/enterprises/${jingrui.id}/years`)).items;
    expect(years.map((y) => y.year)).toEqual([2023, 2024, 2025]);
    // The former name stays searchable, the merged entry's pinyin goes; both trails keep the merge.
    expect((await search("有限责任")).items.map((e) => e.id)).toEqual([jingrui.id]);
    expect(await search("youxianzeren")).toMatchObject({ total: 0, items: [] });
    expect((await search("jingrui")).items.map((e) => e.id)).toEqual([jingrui.id]);
    const trail = json<{ items: { action: string }[] }>(
      await get(`/api/audit?subjectType=enterprise&subjectId=${dup.id}`),
    ).items;
    expect(trail.map((e) => e.action)).toContain("merged_away");

    const other = json<Enterprise>(
      await post("/api/enterprises", { name: "另一家公司", regionId, uscc: syntheticUscc("331100", 99) }),
    );
    const refused = await post(`/api/enterprises/${jingrui.id}/merge`, {
      sourceId: other.id,
      version: after.version,
    });
    expect(refused.statusCode).toBe(400);
    expect(json<ErrorBody>(refused).error.message).toContain("不同的法人");
  });

  it("scopes firms: a park officer sees only their park's firms", async () => {
    const officer = await t.login("officer"); // Zhangjiang enclave
    const seen = await search("", "", officer);
    expect(seen.items.map((e) => e.name)).toEqual(["丽水晶睿电子科技有限公司"]);
    const hidden = (await search("华友")).items[0]!;
    expect((await get(`/api/enterprises/${hidden.id}`, officer)).statusCode).toBe(404);
    const patch = await t.app.inject({
      method: "PATCH",
      url: `/api/enterprises/${hidden.id}`,
      payload: { name: "改名", version: hidden.version },
      headers: { cookie: officer },
    });
    expect(patch.statusCode).toBe(404);
    // Staff pick a firm's service specialist without user-admin rights.
    const people = json<{ items: { name: string }[] }>(
      await get("/api/people?role=service_specialist", officer),
    );
    expect(people.items.map((p) => p.name)).toContain("叶雨婷");
    // The ETDZ specialist sees the ETDZ and its sub-parks, the leader of the city everything in Lishui.
    const specialist = await t.login("specialist");
    expect((await search("有限", "", specialist)).total).toBe(3);
    const yz = await t.login("yzleader");
    expect((await search("", "", yz)).total).toBe(0);
    // Leaders read but do not write: 403 inside scope.
    const leader = await t.login("leader");
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/enterprises/${hidden.id}`,
      payload: { name: "改名", version: hidden.version },
      headers: { cookie: leader },
    });
    expect(res.statusCode).toBe(403);
  });
});
