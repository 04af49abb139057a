import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { multipart } from "../../test/multipart.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";
import { storedFile } from "./files.table.js";

// A 1×1 PNG.
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

describe.each(backends)("file store on %s", (backend) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await testApp(backend);
    cookie = await t.login("officer");
  });
  afterAll(() => t.close());
  const files = async () => (await t.database.db.select({ n: count() }).from(storedFile))[0]!.n;

  it("stores a file by content, sniffs its type and gives the same bytes back", async () => {
    const body = multipart(
      { kind: "photo", subjectType: "park" },
      { name: "厂房照片.png", type: "image/png", data: png },
    );
    const res = await t.app.inject({
      method: "POST",
      url: "/api/files",
      headers: { ...body.headers, cookie },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(201);
    const meta = json<{ id: string; mime: string; size: number; sha256: string; name: string }>(res);
    expect(meta).toMatchObject({ mime: "image/png", size: png.length, name: "厂房照片.png" });
    const back = await t.app.inject({ url: `/api/files/${meta.id}/content`, headers: { cookie } });
    expect(back.statusCode).toBe(200);
    expect(Buffer.compare(back.rawPayload, png)).toBe(0);
    expect(back.headers["content-disposition"]).toContain(encodeURIComponent("厂房照片.png"));
  });

  it("accepts CSV text and deduplicates identical content", async () => {
    const csv = Buffer.from("名称,面积\n园区A,100\n");
    const up = () => {
      const body = multipart({ kind: "import" }, { name: "a.csv", type: "text/csv", data: csv });
      return t.app.inject({
        method: "POST",
        url: "/api/files",
        headers: { ...body.headers, cookie },
        payload: body.payload,
      });
    };
    const a = json<{ sha256: string; id: string }>(await up());
    const b = json<{ sha256: string; id: string }>(await up());
    expect(a.sha256).toBe(b.sha256);
    expect(a.id).not.toBe(b.id);
  });

  it("refuses content that does not match its claimed type, writing nothing", async () => {
    const before = await files();
    const body = multipart({}, { name: "fake.pdf", type: "application/pdf", data: png });
    const res = await t.app.inject({
      method: "POST",
      url: "/api/files",
      headers: { ...body.headers, cookie },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(400);
    expect(json<{ error: { code: string } }>(res).error.code).toBe("FILE_TYPE_MISMATCH");
    const bin = multipart({}, { name: "x.csv", type: "text/csv", data: Buffer.from([0, 1, 2, 3, 0xff]) });
    const res2 = await t.app.inject({
      method: "POST",
      url: "/api/files",
      headers: { ...bin.headers, cookie },
      payload: bin.payload,
    });
    expect(res2.statusCode).toBe(400);
    expect(await files()).toBe(before);
  });

  it("refuses a photo above its size limit with 413", async () => {
    const big = Buffer.alloc(21 * 1024 * 1024, 0x61);
    const body = multipart({ kind: "photo" }, { name: "big.txt", type: "text/plain", data: big });
    const res = await t.app.inject({
      method: "POST",
      url: "/api/files",
      headers: { ...body.headers, cookie },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(413);
  });

  it("hides another region's file (404) and logs downloads", async () => {
    const body = multipart({}, { name: "p.png", type: "image/png", data: png });
    const meta = json<{ id: string }>(
      await t.app.inject({
        method: "POST",
        url: "/api/files",
        headers: { ...body.headers, cookie },
        payload: body.payload,
      }),
    );
    const yz = await t.login("yzleader");
    expect((await t.app.inject({ url: `/api/files/${meta.id}`, headers: { cookie: yz } })).statusCode).toBe(
      404,
    );
    const admin = await t.login("admin");
    await t.app.inject({ url: `/api/files/${meta.id}/content`, headers: { cookie: admin } });
    const log = json<{ items: { action: string; actorName: string }[] }>(
      await t.app.inject({
        url: `/api/audit?subjectType=file&subjectId=${meta.id}`,
        headers: { cookie: admin },
      }),
    );
    expect(log.items.map((e) => e.action)).toEqual(["download", "upload"]);
  });
});
