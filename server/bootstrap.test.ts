import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "./app.js";
import { prepareDatabase } from "./bootstrap.js";
import { loadConfig } from "./config.js";
import { backends, freshDatabase, json, TEST_SECRET } from "./test/setup.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe.each(backends)("first start on %s", (backend) => {
  it("without the demo creates one admin with a one-time password that must be changed", async () => {
    const database = await freshDatabase(backend);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "zhaoyin-first-"));
    dirs.push(dataDir);
    const config = loadConfig({ ZHAOYIN_DATA_DIR: dataDir, ZHAOYIN_DEMO: "0", LOG_LEVEL: "silent" });
    const first = await prepareDatabase(database, config, TEST_SECRET);
    expect(first).toMatchObject({ kind: "admin", username: "admin", generated: true });
    if (first.kind !== "admin") throw new Error("unreachable");
    expect(first.password).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{16}$/);
    expect(await prepareDatabase(database, config, TEST_SECRET)).toEqual({ kind: "existing" });
    const app = await buildApp({ database, config, secret: TEST_SECRET, logger: false });
    const login = await app.inject({
      method: "POST",
      url: "/api/session/login",
      payload: { username: "admin", password: first.password },
    });
    expect(login.statusCode).toBe(200);
    expect(json<{ user: { mustChangePassword: boolean } }>(login).user.mustChangePassword).toBe(true);
    const parks = await app.inject({
      url: "/api/parks",
      headers: { cookie: String(login.headers["set-cookie"]).split(";")[0] },
    });
    expect(json<{ total: number }>(parks).total).toBe(0);
    await app.close();
    await database.close();
  });
});
