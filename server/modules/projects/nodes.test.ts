import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProjectNode } from "../../../common/project.schema.js";
import { syntheticUscc } from "../../../common/uscc.js";
import { multipart } from "../../test/multipart.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";

interface Page<T> {
  items: T[];
  total: number;
}
interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

// A 1×1 PNG: a scanned permit, as far as the file store can tell.
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

describe.each(backends)("key node evidence on %s", (backend) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const send = (method: "POST" | "PUT" | "PATCH", url: string, payload: unknown, who = "officer") =>
    t.app.inject({ method, url, payload: payload as object, headers: { cookie: cookies[who]! } });
  const get = (url: string, who = "officer") => t.app.inject({ url, headers: { cookie: cookies[who]! } });
  const firstId = async (url: string) => json<Page<{ id: string }>>(await get(url, "admin")).items[0]!.id;
  const ok = async <T>(
    res: Promise<{ statusCode: number; body: string; json: () => unknown }>,
    status = 200,
  ) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as T;
  };
  const upload = async (who: string, fields: Record<string, string>, name = "用地批复.png") => {
    const body = multipart({ kind: "attachment", ...fields }, { name, type: "image/png", data: png });
    const res = await t.app.inject({
      method: "POST",
      url: "/api/files",
      headers: { ...body.headers, cookie: cookies[who]! },
      payload: body.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return json<{ id: string }>(res).id;
  };
  const nodeNamed = async (name: string) =>
    json<{ items: ProjectNode[] }>(await get(`/api/projects/${ids.project}/nodes`)).items.find(
      (n) => n.name === name,
    )!;

  /** A project signed through the gates (a passed one-expert review, contract terms) with its nodes. */
  beforeAll(async () => {
    t = await testApp(backend);
    for (const u of ["admin", "officer", "handler", "leader"]) cookies[u] = await t.login(u);
    const regions = json<{ items: { id: string; level: string }[] }>(
      await get(`/api/regions?q=${encodeURIComponent("丽水经济技术开发区")}`, "admin"),
    );
    ids.region = regions.items.find((r) => r.level === "platform")!.id;
    ids.zhangjiang = await firstId(`/api/parks?q=${encodeURIComponent("张江")}`);
    ids.team = await firstId(`/api/teams?q=${encodeURIComponent("驻上海")}`);
    ids.zrzy = await firstId(`/api/departments?q=${encodeURIComponent("丽水市自然资源")}`);
    await ok(
      send(
        "POST",
        "/api/node-templates",
        {
          name: "丽水经开区工业项目",
          regionId: ids.region,
          items: [
            { name: "企业开办", departmentId: ids.zrzy, dueWorkdays: 3 },
            {
              name: "土地出让/摘牌",
              departmentId: ids.zrzy,
              dueWorkdays: 5,
              gate: "land",
              evidenceRequired: true,
            },
          ],
        },
        "admin",
      ),
      201,
    );
    const firm = await ok<{ id: string }>(
      send("POST", "/api/enterprises", {
        uscc: syntheticUscc("331100", 21),
        name: "丽水晶睿电子科技有限公司",
        regionId: ids.region,
        parkId: ids.zhangjiang,
      }),
      201,
    );
    const project = await ok<{ id: string; version: number }>(
      send("POST", "/api/projects", {
        name: "晶睿半导体材料项目",
        channel: "enclave",
        investorId: firm.id,
        regionId: ids.region,
        parkId: ids.zhangjiang,
        teamId: ids.team,
        leadOn: "2026-01-05",
      }),
      201,
    );
    ids.project = project.id;
    await ok(
      send("POST", "/api/experts", { name: "陈立新", fields: ["半导体"], regionId: ids.region }, "admin"),
      201,
    );
    const review = await ok<{ id: string; panel: { expertId: string }[] }>(
      send("POST", "/api/reviews", {
        subjectType: "project",
        subjectId: project.id,
        title: "晶睿项目研判",
        panelSize: 1,
      }),
      201,
    );
    await ok(
      send("POST", `/api/reviews/${review.id}/scores`, {
        expertId: review.panel[0]!.expertId,
        scores: { industry_fit: 90, investment: 85, technology: 80, output_tax: 75, risk: 90 },
      }),
    );
    await ok(send("POST", `/api/reviews/${review.id}/conclusion`, { conclusion: "pass", version: 1 }));
    await ok(send("PUT", `/api/projects/${project.id}/contract`, { signedOn: "2026-02-12" }));
    await ok(
      send("POST", `/api/projects/${project.id}/stage`, {
        to: "signed",
        on: "2026-02-12",
        version: project.version,
      }),
    );
  });
  afterAll(() => t.close());

  it("copies the template's evidence requirement onto the project's nodes", async () => {
    expect((await nodeNamed("土地出让/摘牌")).evidenceRequired).toBe(true);
    expect((await nodeNamed("企业开办")).evidenceRequired).toBe(false);
    const templates = json<{ items: { items: { name: string; evidenceRequired: boolean }[] }[] }>(
      await get("/api/node-templates", "admin"),
    ).items;
    expect(templates[0]!.items.map((i) => i.evidenceRequired)).toEqual([false, true]);
  });

  it("refuses to complete a node that requires evidence without a file, and writes nothing", async () => {
    const land = await nodeNamed("土地出让/摘牌");
    const res = await send(
      "PATCH",
      `/api/nodes/${land.id}`,
      { status: "done", doneOn: "2026-02-25", version: land.version },
      "handler",
    );
    expect(res.statusCode).toBe(400);
    const err = json<ErrorBody>(res).error;
    expect(err.message).toBe("节点「土地出让/摘牌」须上传证明材料（如批复、合同、证照）后才能办结");
    expect(err.details).toEqual([expect.objectContaining({ path: "evidenceFileIds" })]);
    const empty = await send(
      "PATCH",
      `/api/nodes/${land.id}`,
      { status: "done", doneOn: "2026-02-25", evidenceFileIds: [], version: land.version },
      "handler",
    );
    expect(empty.statusCode).toBe(400);
    expect(await nodeNamed("土地出让/摘牌")).toEqual(
      expect.objectContaining({ status: "pending", version: 1 }),
    );
    // A node without the requirement completes without a file.
    const open = await nodeNamed("企业开办");
    await ok(
      send("PATCH", `/api/nodes/${open.id}`, { status: "done", doneOn: "2026-02-20", version: 1 }, "handler"),
    );
  });

  it("refuses evidence that is not a file of this project", async () => {
    const land = await nodeNamed("土地出让/摘牌");
    const loose = await upload("handler", {});
    const res = await send(
      "PATCH",
      `/api/nodes/${land.id}`,
      { status: "done", doneOn: "2026-02-25", evidenceFileIds: [loose], version: 1 },
      "handler",
    );
    expect(res.statusCode).toBe(400);
    expect(json<ErrorBody>(res).error.message).toContain("证明材料不存在或不属于本项目");
    const unknown = await send(
      "PATCH",
      `/api/nodes/${land.id}`,
      {
        status: "done",
        doneOn: "2026-02-25",
        evidenceFileIds: ["0190a000-0000-7000-8000-000000000001"],
        version: 1,
      },
      "handler",
    );
    expect(unknown.statusCode).toBe(400);
  });

  it("completes it with a file uploaded to the project, which the project's officer can download", async () => {
    const land = await nodeNamed("土地出让/摘牌");
    const file = await upload("handler", { subjectType: "project", subjectId: ids.project! });
    const done = await send(
      "PATCH",
      `/api/nodes/${land.id}`,
      { status: "done", doneOn: "2026-02-25", evidenceFileIds: [file], note: "已摘牌", version: 1 },
      "handler",
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(json<ProjectNode>(done)).toEqual(
      expect.objectContaining({ status: "done", evidenceFileIds: [file], version: 2 }),
    );
    // The handler's region (丽水市) lies outside the officer's park scope: the project lets them in.
    const meta = await get(`/api/files/${file}`);
    expect(meta.statusCode, meta.body).toBe(200);
    expect(json<{ name: string }>(meta).name).toBe("用地批复.png");
    const content = await get(`/api/files/${file}/content`);
    expect(content.statusCode).toBe(200);
    expect(Buffer.compare(content.rawPayload, png)).toBe(0);
    // Removing the only file of a done node that requires one is refused too.
    const strip = await send(
      "PATCH",
      `/api/nodes/${land.id}`,
      { evidenceFileIds: [], version: 2 },
      "handler",
    );
    expect(strip.statusCode).toBe(400);
  });

  it("keeps a project's files from those who cannot see the project", async () => {
    cookies.qtofficer = await t.login("qtofficer");
    const land = await nodeNamed("土地出让/摘牌");
    expect((await get(`/api/files/${land.evidenceFileIds[0]}`, "qtofficer")).statusCode).toBe(404);
  });
});
