import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticUscc } from "../../../common/uscc.js";
import { importSteps } from "../../test/imports.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";
import { newId } from "../ids.js";
import { runJob } from "../jobs/jobs.service.js";
import { DRY_RUN_KEPT_DAYS, EXPIRED_MESSAGE } from "./importer.sweep.js";
import { importChunk } from "./importer.table.js";

interface Job {
  id: string;
  status: string;
  message: string | null;
  counts: Record<string, number> | null;
}

const chunkDir = path.join(os.tmpdir(), "zhaoyin-import-chunks");
const DAY = 86_400_000;

describe.each(backends)("abandoned dry runs on %s", (backend) => {
  let t: TestApp;
  let admin: string;
  const imports = importSteps<Job>(() => t.app);
  const csv = (n: number, name: string) =>
    Buffer.from(`统一社会信用代码,企业名称,所属园区\n${syntheticUscc("331100", n)},${name},丽水经开区\n`);
  const validated = async (n: number, name: string) => {
    const up = await imports.upload(
      "enterprise",
      { name: "名录.csv", type: "text/csv", data: csv(n, name) },
      admin,
    );
    expect(up.statusCode, up.body).toBe(201);
    const job = await imports.step(json<Job>(up).id, "validate", admin);
    expect(job.status, JSON.stringify(job)).toBe("validated");
    return job;
  };
  /** What the dry run set aside for the commit: import_chunk rows, or PGlite's chunk file. */
  const setAside = async (id: string) =>
    backend === "postgres"
      ? (await t.database.db.select().from(importChunk).where(eq(importChunk.jobId, id))).length
      : fs.existsSync(path.join(chunkDir, `${id}.chunks`))
        ? 1
        : 0;
  const sweep = () => runJob(t.app, "imports.sweep");
  /** The job as if last touched that many days ago. */
  const age = (id: string, days: number) =>
    t.database.db.execute(
      sql`update import_job set updated_at = now() - make_interval(days => ${days}) where id = ${id}`,
    );

  beforeAll(async () => {
    t = await testApp(backend);
    admin = await t.login("admin");
  });
  afterAll(() => t.close());

  it("clears a dry run left past its days, keeps a recent one, and a new check brings it back", async () => {
    const old = await validated(901, "过期试导入企业有限公司");
    expect(await setAside(old.id)).toBe(1);
    // A day before the limit nothing is swept.
    await age(old.id, DRY_RUN_KEPT_DAYS - 1);
    expect((await sweep()).summary).toContain("清理过期的导入 0 个");
    expect((await imports.view(old.id, admin)).status).toBe("validated");

    // Past the limit the job expires and what it set aside is gone; a recent one stays.
    await age(old.id, DRY_RUN_KEPT_DAYS + 1);
    const recent = await validated(902, "近期试导入企业有限公司");
    const run = await sweep();
    expect(run).toMatchObject({ status: "ok" });
    expect(run.summary).toContain("清理过期的导入 1 个");
    const expired = await imports.view(old.id, admin);
    expect(expired).toMatchObject({ status: "expired", message: EXPIRED_MESSAGE });
    expect(expired.counts).toMatchObject({ valid: 1, create: 1 });
    expect(await setAside(old.id)).toBe(0);
    expect((await imports.view(recent.id, admin)).status).toBe("validated");
    expect(await setAside(recent.id)).toBe(1);

    // Its commit is refused with the reason and writes nothing.
    const refused = await t.app.inject({
      method: "POST",
      url: `/api/imports/${old.id}/commit`,
      headers: { cookie: admin },
    });
    expect(refused.statusCode).toBe(409);
    expect(json<{ error: { message: string } }>(refused).error.message).toBe(
      "校验结果已过期，请重新校验后再导入",
    );
    const find = async (q: string) =>
      json<{ total: number }>(
        await t.app.inject({
          url: `/api/enterprises?q=${encodeURIComponent(q)}`,
          headers: { cookie: admin },
        }),
      ).total;
    expect(await find("过期试导入")).toBe(0);

    // A second sweep finds nothing more; checking again makes it importable.
    expect((await sweep()).summary).toContain("清理过期的导入 0 个");
    expect((await imports.step(old.id, "validate", admin)).status).toBe("validated");
    expect((await imports.step(old.id, "commit", admin)).status).toBe("committed");
    expect(await find("过期试导入")).toBe(1);
  });

  it.runIf(backend === "pglite")(
    "removes chunk files left past the days by any database, not recent ones",
    async () => {
      fs.mkdirSync(chunkDir, { recursive: true });
      const stale = path.join(chunkDir, `${newId()}.chunks`);
      const fresh = path.join(chunkDir, `${newId()}.chunks`);
      fs.writeFileSync(stale, "x");
      fs.writeFileSync(fresh, "x");
      const long = new Date(Date.now() - (DRY_RUN_KEPT_DAYS + 1) * DAY);
      fs.utimesSync(stale, long, long);
      const run = await sweep();
      expect(run.summary).toMatch(/临时文件 [1-9]\d* 个/);
      expect(fs.existsSync(stale)).toBe(false);
      expect(fs.existsSync(fresh)).toBe(true);
      fs.rmSync(fresh);
    },
  );
});
