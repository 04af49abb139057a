import { describe, expect, it } from "vitest";
import type { SiteMatch, SiteRow } from "../../../common/site.schema.js";
import { backends, json } from "../../test/setup.js";
import { type Page, polygon, sitesApp } from "./sites.fixtures.js";

/** A project's space demand, matching, and the reservation's part in the lifecycle. */
describe.each(backends)("site reservations on %s", (backend) => {
  const { ids, get, send, err, site, project } = sitesApp(backend);

  it("ranks available sites against a project's space demand with reasons", async () => {
    await send(
      "POST",
      "/api/sites",
      site({
        name: "匹配地块-大",
        geometry: polygon(119.9, 28.38, 0.004, 0.004),
        heightMaxM: 40,
        powerKva: 5000,
      }),
    );
    await send(
      "POST",
      "/api/sites",
      site({ name: "匹配地块-小", geometry: polygon(119.91, 28.38, 0.001, 0.001), powerKva: 100 }),
    );
    let res = await send("PUT", `/api/projects/${ids.rongqi}/space-demand`, {
      kinds: ["land"],
      areaMinM2: 150_000,
      areaMaxM2: 100_000,
    });
    expect(res.statusCode).toBe(400);
    res = await send("PUT", `/api/projects/${ids.rongqi}/space-demand`, {
      kinds: ["land"],
      areaMinM2: 150_000,
      areaMaxM2: 200_000,
      landUse: "industrial",
      powerKva: 2000,
      parkIds: [ids.etdz],
    });
    expect(res.statusCode, res.body).toBe(200);
    const matches = json<{ items: SiteMatch[] }>(await get(`/api/projects/${ids.rongqi}/site-matches`)).items;
    const big = matches.find((m) => m.name === "匹配地块-大")!;
    expect(matches[0]!.name).toBe("匹配地块-大");
    // The database orders by the same score the reasons add up to.
    const scores = matches.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(big.reasons.find((r) => r.key === "area")!.verdict).toBe("met");
    expect(big.reasons.find((r) => r.key === "power")!.text).toContain("满足需求");
    // The small one is under half the minimum: not a candidate at all.
    expect(matches.some((m) => m.name === "匹配地块-小")).toBe(false);
    const stale = await send("PUT", `/api/projects/${ids.rongqi}/space-demand`, {
      kinds: ["land"],
      version: 9,
    });
    expect(stale.statusCode).toBe(409);
  });

  it("holds 开工 for a project with a space demand until a site is reserved; a second reservation is 409", async () => {
    let p = await project("容祺");
    // Back to 供地 (a reason is needed going back), then forward again through the gate.
    let res = await send("POST", `/api/projects/${p.id}/stage`, {
      to: "land",
      on: "2026-10-01",
      version: p.version,
      reason: "演示：重新供地",
    });
    expect(res.statusCode, res.body).toBe(200);
    p = await project("容祺");
    res = await send("POST", `/api/projects/${p.id}/stage`, {
      to: "construction",
      on: "2026-10-10",
      version: p.version,
    });
    expect(res.statusCode).toBe(400);
    expect(err(res).message).toBe("开工前须为项目预留用地/厂房");

    const big = json<Page<SiteRow>>(await get(`/api/sites?q=${encodeURIComponent("匹配地块-大")}`)).items[0]!;
    res = await send("POST", `/api/sites/${big.id}/reserve`, { projectId: p.id, version: big.version });
    expect(res.statusCode, res.body).toBe(200);
    const reserved = json<SiteRow>(res);
    expect(reserved.status).toBe("reserved");
    expect(reserved.projectName).toContain("容祺");
    const again = await send("POST", `/api/sites/${big.id}/reserve`, {
      projectId: ids.fangde,
      version: reserved.version,
    });
    expect(again.statusCode).toBe(409);
    expect(err(again).message).toContain("已预留给项目");
    const edit = await send("PATCH", `/api/sites/${big.id}`, {
      status: "available",
      version: reserved.version,
    });
    expect(edit.statusCode).toBe(400);

    res = await send("POST", `/api/projects/${p.id}/stage`, {
      to: "construction",
      on: "2026-10-10",
      version: p.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<SiteRow>(await get(`/api/sites/${big.id}`)).status).toBe("occupied");
  });

  it("releases a reservation by hand and when the project stops", async () => {
    const mk = async (name: string, lng: number) =>
      json<SiteRow>(
        await send(
          "POST",
          "/api/sites",
          site({ name, kind: "factory", geometry: polygon(lng, 28.37, 0.001, 0.001) }),
        ),
      );
    const a = await mk("预留厂房甲", 119.92);
    const b = await mk("预留厂房乙", 119.925);
    let r = json<SiteRow>(
      await send("POST", `/api/sites/${a.id}/reserve`, { projectId: ids.fangde, version: a.version }),
    );
    const released = await send("POST", `/api/sites/${a.id}/release`, { version: r.version });
    expect(released.statusCode, released.body).toBe(200);
    expect(json<SiteRow>(released).status).toBe("available");
    r = json<SiteRow>(
      await send("POST", `/api/sites/${b.id}/reserve`, { projectId: ids.fangde, version: b.version }),
    );
    expect(r.status).toBe("reserved");
    const p = await project("方正智驱");
    const stop = await send("POST", `/api/projects/${p.id}/stage`, {
      to: "stopped",
      on: "2026-11-01",
      version: p.version,
      reason: "企业战略调整",
    });
    expect(stop.statusCode, stop.body).toBe(200);
    const after = json<SiteRow>(await get(`/api/sites/${b.id}`));
    expect(after.status).toBe("available");
    expect(after.projectId).toBeNull();
    const trail = json<{ items: { action: string }[] }>(
      await get(`/api/audit?subjectType=site&subjectId=${b.id}`),
    );
    expect(trail.items.map((e) => e.action)).toContain("release");
  });

  it("links the reserved site to the project's land node, before signing too, and unlinks it on release", async () => {
    type Node = {
      name: string;
      gate: string | null;
      linkType: string | null;
      linkId: string | null;
      linkLabel: string | null;
    };
    const landNode = async (projectId: string) =>
      json<{ items: Node[] }>(await get(`/api/projects/${projectId}/nodes`)).items.find(
        (n) => n.gate === "land",
      );
    const mk = async (name: string, lng: number) =>
      json<SiteRow>(
        await send(
          "POST",
          "/api/sites",
          site({ name, geometry: polygon(lng, 28.36, 0.002, 0.002), areaM2: 20_000 }),
        ),
      );

    // 珏芯 is at 供地 with its nodes made: reserving links, releasing unlinks.
    const juexin = await project("珏芯微电子光电探测器项目");
    const a = await mk("光电探测器项目用地", 119.93);
    let r = await send("POST", `/api/sites/${a.id}/reserve`, { projectId: juexin.id, version: a.version });
    expect(r.statusCode, r.body).toBe(200);
    expect(await landNode(juexin.id)).toMatchObject({
      linkType: "site",
      linkId: a.id,
      linkLabel: "光电探测器项目用地（30 亩）",
    });
    r = await send("POST", `/api/sites/${a.id}/release`, { version: json<SiteRow>(r).version });
    expect(r.statusCode, r.body).toBe(200);
    expect(await landNode(juexin.id)).toMatchObject({ linkType: null, linkId: null, linkLabel: null });

    // 嘉利 is still a lead: no nodes yet; signing makes them and links the site held since.
    const jiali = await project("嘉利工业智能化技改扩产项目");
    const b = await mk("嘉利技改用地", 119.935);
    expect(
      (await send("POST", `/api/sites/${b.id}/reserve`, { projectId: jiali.id, version: b.version }))
        .statusCode,
    ).toBe(200);
    expect(await landNode(jiali.id)).toBeUndefined();
    const review = json<{ id: string; panel: { expertId: string }[] }>(
      await send("POST", "/api/reviews", {
        subjectType: "project",
        subjectId: jiali.id,
        title: "嘉利技改研判",
        panelSize: 1,
      }),
    );
    await send("POST", `/api/reviews/${review.id}/scores`, {
      expertId: review.panel[0]!.expertId,
      scores: { industry_fit: 90, investment: 85, technology: 80, output_tax: 75, risk: 90 },
    });
    await send("POST", `/api/reviews/${review.id}/conclusion`, { conclusion: "pass", version: 1 });
    await send("PUT", `/api/projects/${jiali.id}/contract`, { signedOn: "2026-10-20" });
    r = await send("POST", `/api/projects/${jiali.id}/stage`, {
      to: "signed",
      on: "2026-10-20",
      version: jiali.version,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(await landNode(jiali.id)).toMatchObject({
      linkType: "site",
      linkId: b.id,
      linkLabel: "嘉利技改用地（30 亩）",
    });
    const trail = json<{ items: { action: string; after: unknown }[] }>(
      await get(`/api/audit?subjectType=project&subjectId=${jiali.id}`),
    );
    expect(trail.items.some((e) => JSON.stringify(e.after).includes("嘉利技改用地"))).toBe(true);
  });
});
