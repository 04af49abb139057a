import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProspectRow } from "../../../common/chain.prospect.js";
import { explainScore } from "../../../common/chain.rank.js";
import type { ChainMap, ChainRow, GapRow, LinkDetail } from "../../../common/chain.schema.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";
import { orderDrafts } from "./chains.service.js";

interface Page<T> {
  items: T[];
  total: number;
}
type Who = "admin" | "teamlead" | "leader" | "qtofficer" | "officer";
const WAN = 1_000_000;

describe("chain drafts", () => {
  const d = (key: string, parents: string[] = []) => ({
    key,
    name: key,
    segment: "midstream" as const,
    parents,
  });
  it("orders parents first and names the links on a cycle", () => {
    expect(orderDrafts([d("b", ["a"]), d("a")]).map((x) => x.key)).toEqual(["a", "b"]);
    expect(() => orderDrafts([d("a", ["c"]), d("b", ["a"]), d("c", ["b"])])).toThrow(/cycle/);
    expect(() => orderDrafts([d("a", ["a"])])).toThrow();
    expect(() => orderDrafts([d("a", ["x"])])).toThrow();
  });
});

describe("ranking explanation", () => {
  it("adds up the weighted parts and says why", () => {
    const x = {
      gap: 1,
      gapLink: "晶圆制造",
      gapStrength: "missing" as const,
      fitFirms: 5,
      signalValue: 0.5,
      signalWords: ["扩张动态"],
      sourceValue: 1,
      sourceWords: ["世界500强"],
      priorityValue: 0.5,
      priorityWord: "中",
    };
    const { score, parts } = explainScore(x, { gap: 40, fit: 20, signals: 20, source: 10, priority: 10 });
    // 40·1 + 20·0.5 + 20·0.5 + 10·1 + 10·0.5 = 75
    expect(score).toBe(75);
    expect(parts[0]).toMatchObject({ key: "gap", points: 40 });
    expect(parts[0]!.reason).toContain("可补「晶圆制造」环节（当前缺链）");
    expect(parts.find((p) => p.key === "fit")!.reason).toBe("本地已有同行业企业 5 家");
    expect(explainScore(x, { gap: 0, fit: 0, signals: 0, source: 1, priority: 0 }).score).toBe(100);
  });
});

describe.each(backends)("chains and prospects on %s", (backend) => {
  let t: TestApp;
  const cookies = {} as Record<Who, string>;
  const ids = {} as Record<"kfq" | "jingrui" | "juexin" | "yiwang" | "team" | "park", string>;
  const get = (url: string, who: Who = "admin") => t.app.inject({ url, headers: { cookie: cookies[who] } });
  const send = (
    method: "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    payload?: object,
    who: Who = "admin",
  ) => t.app.inject({ method, url, payload, headers: { cookie: cookies[who] } });
  const message = (res: { body: string }) =>
    (JSON.parse(res.body) as { error: { message: string } }).error.message;
  const firstId = async (url: string) => json<Page<{ id: string }>>(await get(url)).items[0]!.id;
  let chain: ChainRow;
  let map: ChainMap;
  const link = (name: string) => map.links.find((l) => l.name === name)!;

  beforeAll(async () => {
    t = await testApp(backend, { demo: "full" });
    for (const u of ["admin", "teamlead", "leader", "qtofficer", "officer"] as Who[])
      cookies[u] = await t.login(u);
    ids.kfq = json<Page<{ id: string; level: string }>>(
      await get(`/api/regions?q=${encodeURIComponent("丽水经济技术开发区")}`),
    ).items.find((r) => r.level === "platform")!.id;
    ids.jingrui = await firstId(`/api/enterprises?q=${encodeURIComponent("浙江晶睿")}`);
    ids.juexin = await firstId(`/api/enterprises?q=${encodeURIComponent("珏芯微电子")}`);
    ids.yiwang = await firstId(`/api/enterprises?q=${encodeURIComponent("壹网壹创")}`);
    ids.team = json<Page<{ id: string; name: string }>>(
      await get(`/api/teams?q=${encodeURIComponent("驻上海招商组")}`),
    ).items[0]!.id;
    ids.park = json<Page<{ id: string }>>(await get(`/api/parks?q=${encodeURIComponent("张江飞地")}`))
      .items[0]!.id;
    await send("PUT", `/api/enterprises/${ids.jingrui}/years/2025`, {
      outputFen: 80_000 * WAN,
      taxFen: 2_000 * WAN,
    });
  });
  afterAll(() => t.close());

  it("refuses a chain whose links form a cycle and writes nothing", async () => {
    const before = json<Page<ChainRow>>(await get("/api/chains")).total;
    const res = await send("POST", "/api/chains", {
      regionId: ids.kfq,
      name: "循环链",
      links: [
        { key: "a", name: "甲", segment: "upstream", parents: ["c"] },
        { key: "b", name: "乙", segment: "midstream", parents: ["a"] },
        { key: "c", name: "丙", segment: "downstream", parents: ["b"] },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(message(res)).toContain("循环");
    expect(json<Page<ChainRow>>(await get("/api/chains")).total).toBe(before);
  });

  it("copies a template into the region and computes strengths by the rule", async () => {
    const tpl = json<{ items: { key: string }[] }>(await get("/api/chain-templates")).items;
    expect(tpl.map((x) => x.key)).toContain("semiconductor");
    const res = await send("POST", "/api/chains/from-template", {
      template: "semiconductor",
      regionId: ids.kfq,
      name: "半导体测试链",
    });
    expect(res.statusCode).toBe(201);
    chain = json<ChainRow>(res);
    const m = await get(`/api/chains/${chain.id}/map`);
    map = json<ChainMap>(m);
    expect(map.links).toHaveLength(8);
    expect(map.totals.missing).toBe(8);
    expect(link("晶圆制造").parentIds).toHaveLength(3);
    // 晶睿 alone with ¥8亿 output: 1 firm is weak (strong needs 3 firms and ¥5亿, or a 链主)
    expect(
      (await send("POST", `/api/chain-links/${link("封装测试").id}/firms`, { enterpriseId: ids.jingrui }))
        .statusCode,
    ).toBe(201);
    await send("POST", `/api/chain-links/${link("晶圆制造").id}/firms`, {
      enterpriseId: ids.juexin,
      role: "leader",
    });
    map = json<ChainMap>(await get(`/api/chains/${chain.id}/map`));
    expect(link("封装测试")).toMatchObject({
      strength: "weak",
      firmCount: 1,
      outputWan: 80_000,
      taxWan: 2_000,
    });
    expect(link("晶圆制造")).toMatchObject({ strength: "strong", leaderCount: 1 });
    expect(map.totals).toMatchObject({ strong: 1, weak: 1, missing: 6, firms: 2, outputWan: 80_000 });
    // an admin edits the rule: one firm with ¥5亿 output now makes a link strong
    const rule = {
      strong: { field: "outputWan", op: "gte", value: 50_000 },
      weak: { field: "firmCount", op: "gte", value: 1 },
    };
    const bad = await send("PATCH", `/api/chains/${chain.id}`, {
      rule: { ...rule, strong: { field: "nope", op: "eq", value: 1 } },
      version: chain.version,
    });
    expect(bad.statusCode).toBe(400);
    chain = json<ChainRow>(await send("PATCH", `/api/chains/${chain.id}`, { rule, version: chain.version }));
    expect(chain.ruleText.strong).toContain("环节总产值");
    map = json<ChainMap>(await get(`/api/chains/${chain.id}/map`));
    expect(link("封装测试").strength).toBe("strong");
    expect(link("晶圆制造").strength).toBe("weak");
    const stale = await send("PATCH", `/api/chains/${chain.id}`, { name: "x链", version: 1 });
    expect(stale.statusCode).toBe(409);
  });

  it("keeps the stored link facts current when the registry's figures and labels change", async () => {
    const read = async () => json<ChainMap>(await get(`/api/chains/${chain.id}/map`));
    // the second read comes from the stored facts and equals the fresh computation
    const fresh = await read();
    expect(await read()).toEqual(fresh);
    const pack = link("封装测试").id;
    const at = (m: ChainMap) => m.links.find((l) => l.id === pack)!;
    expect(at(fresh)).toMatchObject({ strength: "strong", outputWan: 80_000 });
    // a newer year with a smaller output: the link turns weak by the rule (strong ≥ ¥5亿)
    expect(
      (await send("PUT", `/api/enterprises/${ids.jingrui}/years/2026`, { outputFen: 10_000 * WAN }))
        .statusCode,
    ).toBe(200);
    let m = await read();
    expect(at(m)).toMatchObject({ strength: "weak", outputWan: 10_000 });
    expect(m.totals.outputWan).toBe(10_000);
    expect(await read()).toEqual(m);
    await send("DELETE", `/api/enterprises/${ids.jingrui}/years/2026`);
    m = await read();
    expect(at(m)).toMatchObject({ strength: "strong", outputWan: 80_000 });
    // a label added and removed
    const added = await send("POST", `/api/enterprises/${ids.jingrui}/labels`, { label: "listed" });
    expect(added.statusCode).toBe(201);
    expect(at(await read()).listedCount).toBe(1);
    await send("DELETE", `/api/enterprises/${ids.jingrui}/labels/${json<{ id: string }>(added).id}`);
    expect(at(await read()).listedCount).toBe(0);
    expect(await read()).toEqual(m);
  });

  it("refuses moving a link under its own descendant and a firm of another region", async () => {
    const fab = link("晶圆制造");
    const res = await send("PATCH", `/api/chain-links/${link("芯片设计").id}`, {
      parentIds: [link("终端应用").id],
      version: link("芯片设计").version,
    });
    expect(res.statusCode).toBe(400);
    expect(message(res)).toContain("下级");
    const self = await send("PATCH", `/api/chain-links/${fab.id}`, {
      parentIds: [fab.id],
      version: fab.version,
    });
    expect(self.statusCode).toBe(400);
    const other = await send("POST", `/api/chain-links/${fab.id}/firms`, { enterpriseId: ids.yiwang });
    expect(other.statusCode).toBe(400);
    expect(message(other)).toContain("不属于该产业链所在行政区");
    const ok = await send("PATCH", `/api/chain-links/${link("传感器与模组").id}`, {
      parentIds: [fab.id],
      version: link("传感器与模组").version,
    });
    expect(ok.statusCode).toBe(200);
    const detail = json<LinkDetail>(await get(`/api/chain-links/${link("封装测试").id}`, "leader"));
    expect(detail.firms[0]).toMatchObject({ name: "浙江晶睿电子科技有限公司", outputWan: 80_000 });
    // a user of another region sees no chain there
    expect((await get(`/api/chains/${chain.id}/map`, "qtofficer")).statusCode).toBe(404);
    expect(
      (await send("POST", `/api/chain-links/${fab.id}/firms`, { enterpriseId: ids.jingrui }, "leader"))
        .statusCode,
    ).toBe(403);
  });

  it("ranks prospects with an explanation, refuses all-zero weights, and turns one into a lead", async () => {
    const mk = (name: string, over: object) =>
      send("POST", "/api/prospects", { regionId: ids.kfq, name, sources: ["listed"], ...over }, "teamlead");
    const a = json<ProspectRow>(
      await mk("示例半导体设备股份有限公司", {
        sources: ["fortune500"],
        signals: ["expansion"],
        priority: "high",
        industryCode: "C35",
        linkIds: [link("半导体设备").id],
      }),
    );
    expect(a.parts[0]).toMatchObject({ key: "gap" });
    expect(a.parts[0]!.reason).toContain("可补「半导体设备」环节（当前缺链）");
    const b = await mk("示例封测科技有限公司", { priority: "low", linkIds: [link("封装测试").id] });
    expect(b.statusCode).toBe(201);
    expect((await mk("示例封测科技有限公司", {})).statusCode).toBe(409);
    const list = json<Page<ProspectRow>>(await get(`/api/prospects?chainId=${chain.id}`, "teamlead"));
    expect(list.items.map((p) => p.name)).toEqual(["示例半导体设备股份有限公司", "示例封测科技有限公司"]);
    expect(list.items[0]!.score).toBeGreaterThan(list.items[1]!.score);
    const zero = await send("PUT", "/api/prospect-weights", {
      regionId: ids.kfq,
      weights: { gap: 0, fit: 0, signals: 0, source: 0, priority: 0 },
    });
    expect(zero.statusCode).toBe(400);
    expect(message(zero)).toContain("不能全部为 0");
    const w = await send("PUT", "/api/prospect-weights", {
      regionId: ids.kfq,
      weights: { gap: 0, fit: 0, signals: 0, source: 0, priority: 1 },
    });
    expect(w.statusCode).toBe(200);
    const byPriority = json<Page<ProspectRow>>(await get(`/api/prospects?chainId=${chain.id}`, "teamlead"));
    expect(byPriority.items[0]!.score).toBe(100);
    // uneven weights: each score is round(100 × Σ weight × value / Σ weights, 1) of its own parts
    const uneven = { gap: 7, fit: 3, signals: 13, source: 0, priority: 1 };
    const put = (weights: object, version: number) =>
      send("PUT", "/api/prospect-weights", { regionId: ids.kfq, weights, version });
    const w2 = await put(uneven, json<{ version: number }>(w).version);
    expect(w2.statusCode).toBe(200);
    const byUneven = json<Page<ProspectRow>>(await get(`/api/prospects?chainId=${chain.id}`, "teamlead"));
    for (const p of byUneven.items) {
      const tenths = p.parts.reduce((s, x) => s + x.weight * Math.round(x.value * 10), 0);
      expect(p.score).toBe(Math.round((100 * tenths) / 24) / 10);
    }
    const back = await put(
      { gap: 0, fit: 0, signals: 0, source: 0, priority: 1 },
      json<{ version: number }>(w2).version,
    );
    expect(back.statusCode).toBe(200);
    expect((await get("/api/prospects/export", "teamlead")).statusCode).toBe(200);

    const gaps = json<{ items: GapRow[] }>(await get(`/api/chains/${chain.id}/gaps`)).items;
    expect(gaps.find((g) => g.linkName === "半导体设备")!.prospects.map((p) => p.name)).toEqual([
      "示例半导体设备股份有限公司",
    ]);
    expect((await get(`/api/chains/${chain.id}/gaps/export`)).statusCode).toBe(200);
    expect((await get(`/api/chains/${chain.id}/map/export`)).statusCode).toBe(200);

    const conv = await send(
      "POST",
      `/api/prospects/${a.id}/convert`,
      { teamId: ids.team, parkId: ids.park, version: a.version },
      "officer",
    );
    expect(conv.statusCode).toBe(201);
    const out = json<{ prospect: ProspectRow; project: { id: string; code: string } }>(conv);
    expect(out.prospect).toMatchObject({ status: "converted", projectId: out.project.id });
    const projects = json<Page<{ id: string; stage: string; channel: string }>>(
      await get(`/api/projects?q=${encodeURIComponent("示例半导体设备")}`, "officer"),
    );
    expect(projects.items[0]).toMatchObject({ id: out.project.id, stage: "lead" });
    const links = json<{ items: { linkName: string }[] }>(
      await get(`/api/projects/${out.project.id}/chain-links`, "officer"),
    );
    expect(links.items.map((l) => l.linkName)).toEqual(["半导体设备"]);
    const again = await send(
      "POST",
      `/api/prospects/${a.id}/convert`,
      { teamId: ids.team, version: out.prospect.version },
      "officer",
    );
    expect(again.statusCode).toBe(409);

    // the project now sits on the chain: deleting it is refused, archiving works
    const del = await send("DELETE", `/api/chains/${chain.id}?version=${chain.version}`);
    expect(del.statusCode).toBe(409);
    expect(message(del)).toContain("归档");
    const archived = await send("PATCH", `/api/chains/${chain.id}`, {
      status: "archived",
      version: chain.version,
    });
    expect(json<ChainRow>(archived).status).toBe("archived");
  });

  it("assigns prospects, edits a project's links, and keeps links with projects", async () => {
    const p = json<Page<ProspectRow>>(await get(`/api/prospects?chainId=${chain.id}&status=new`, "teamlead"))
      .items[0]!;
    expect(
      (
        await send(
          "POST",
          "/api/prospects",
          { regionId: ids.kfq, name: "只读用户", sources: ["listed"] },
          "leader",
        )
      ).statusCode,
    ).toBe(403);
    const assigned = await send(
      "POST",
      `/api/prospects/${p.id}/assign`,
      { teamId: ids.team, version: p.version },
      "teamlead",
    );
    expect(json<ProspectRow>(assigned)).toMatchObject({ status: "assigned", teamId: ids.team });
    const stale = await send(
      "POST",
      `/api/prospects/${p.id}/assign`,
      { teamId: ids.team, version: p.version },
      "teamlead",
    );
    expect(stale.statusCode).toBe(409);

    const project = json<Page<{ id: string }>>(
      await get(`/api/projects?q=${encodeURIComponent("示例半导体设备")}`),
    ).items[0]!;
    const put = await send("PUT", `/api/projects/${project.id}/chain-links`, {
      linkIds: [link("半导体设备").id, link("晶圆制造").id],
    });
    expect(put.statusCode).toBe(200);
    expect(
      json<{ items: { linkName: string }[] }>(put)
        .items.map((l) => l.linkName)
        .sort(),
    ).toEqual(["半导体设备", "晶圆制造"]);
    const del = await send(
      "DELETE",
      `/api/chain-links/${link("晶圆制造").id}?version=${link("晶圆制造").version}`,
    );
    expect(del.statusCode).toBe(400);
    expect(message(del)).toContain("已有招商项目");
    const detail = json<LinkDetail>(await get(`/api/chain-links/${link("晶圆制造").id}`));
    expect(detail.projects.map((x) => x.name)).toEqual(["示例半导体设备股份有限公司投资项目"]);
    const options = json<{ items: { chainName: string }[] }>(
      await get(`/api/chain-link-options?regionId=${ids.kfq}`),
    );
    expect(options.items.some((o) => o.chainName === "半导体全链条")).toBe(true);
    const pano = json<{ chains: { chain: { name: string } }[] }>(
      await get(`/api/chain-panorama?regionId=${ids.kfq}`),
    );
    expect(pano.chains.map((c) => c.chain.name)).toContain("半导体全链条");
  });

  it("shows activities on a prospect's timeline", async () => {
    const p = json<Page<ProspectRow>>(await get(`/api/prospects?regionId=${ids.kfq}&status=new`, "teamlead"))
      .items[0]!;
    const res = await send(
      "POST",
      "/api/activities",
      {
        kind: "reception",
        title: "接待示例封测科技考察团",
        heldOn: "2026-01-10",
        regionId: ids.kfq,
        teamId: ids.team,
        links: [{ subjectType: "prospect", subjectId: p.id }],
      },
      "teamlead",
    );
    expect(res.statusCode).toBe(201);
    const tl = json<{ items: { title: string }[] }>(
      await get(`/api/activities/timeline?subjectType=prospect&subjectId=${p.id}`, "teamlead"),
    );
    expect(tl.items.map((x) => x.title)).toContain("接待示例封测科技考察团");
  });

  it("picks and removes 链主 firms with audit, and exports each of the chain's lists", async () => {
    const cur = async () => json<ChainRow>(await get(`/api/chains/${chain.id}`));
    let c = await cur();
    const set = async (leaderFirmIds: string[]) =>
      send("PATCH", `/api/chains/${chain.id}`, { leaderFirmIds, version: (await cur()).version });
    const ok = await set([ids.jingrui]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json<ChainRow>(ok).leaderFirms.map((f) => f.name)).toEqual(["浙江晶睿电子科技有限公司"]);
    // a firm of another region is refused and nothing is written
    const bad = await set([ids.jingrui, ids.yiwang]);
    expect(bad.statusCode).toBe(400);
    expect(message(bad)).toContain("不属于该产业链所在行政区");
    expect((await cur()).leaderFirmIds).toEqual([ids.jingrui]);
    const trail = json<{ items: { action: string; after?: Record<string, unknown> }[] }>(
      await get(`/api/audit?subjectType=chain&subjectId=${chain.id}`),
    );
    expect(trail.items.some((e) => e.action === "update" && JSON.stringify(e).includes(ids.jingrui))).toBe(
      true,
    );

    const sheet = async (kind: string, who: Who = "admin") => {
      const res = await get(`/api/chains/${chain.id}/lists/${kind}/export`, who);
      if (res.statusCode !== 200) return { status: res.statusCode, body: res.body, rows: [] as string[][] };
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const rows: string[][] = [];
      wb.worksheets[0]!.eachRow((r) => {
        rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? "")));
      });
      return { status: 200, body: "", rows };
    };
    const firms = await sheet("firms");
    expect(firms.status, firms.body).toBe(200);
    expect(firms.rows[0]).toContain("企业");
    const jr = firms.rows.find((r) => r[0] === "浙江晶睿电子科技有限公司")!;
    expect(jr).toContain("链主");
    expect(jr).toContain("封装测试");
    expect(firms.rows.find((r) => r[0]?.includes("珏芯"))).toContain("链主");
    for (const kind of ["projects", "prospects", "problems", "policies", "gaps"]) {
      expect((await sheet(kind)).status, kind).toBe(200);
    }
    expect((await sheet("prospects")).rows.map((r) => r[0])).toContain("示例半导体设备股份有限公司");
    expect((await sheet("nope")).status).toBe(400);
    expect((await sheet("firms", "qtofficer")).status).toBe(404);
    // a list the chain does not carry
    c = await cur();
    await send("PATCH", `/api/chains/${chain.id}`, { lists: ["firms"], version: c.version });
    const off = await get(`/api/chains/${chain.id}/lists/projects/export`);
    expect(off.statusCode).toBe(400);
    expect(message(off)).toContain("未设置");
    const cleared = await set([]);
    expect(json<ChainRow>(cleared).leaderFirms).toEqual([]);
  });
});
