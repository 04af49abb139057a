import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { systemCtx } from "../bootstrap.js";
import { latestMigration, migrate, openPglite } from "../db/client.js";
import { demoData } from "../demo/demo.data.js";
import { loadDemo } from "../demo/demo.load.js";
import { park } from "../modules/org/org.table.js";
import { ensureRegions } from "../modules/org/regions.reference.js";
import { TEST_SECRET } from "../test/setup.js";
import { verifyAudit } from "./audit/audit.verify.js";
import { backup, restore } from "./backup.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zhaoyin-backup-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("backup and restore on PGlite", () => {
  it("round-trips the database, the file store and the audit secret", async () => {
    const dataDir = path.join(tmp, "a");
    fs.mkdirSync(path.join(dataDir, "files", "ab"), { recursive: true });
    fs.writeFileSync(path.join(dataDir, "files", "ab", "blob"), "附件内容");
    fs.writeFileSync(path.join(dataDir, "secret.key"), TEST_SECRET);
    const db = await openPglite(path.join(dataDir, "pglite"));
    await migrate(db);
    await ensureRegions(db.db);
    await loadDemo(systemCtx(db, TEST_SECRET), demoData, "Demo@2026pw");
    const parks = (await db.db.select({ n: count() }).from(park))[0]!.n;
    const m = await backup(db, dataDir, path.join(tmp, "backup"));
    await db.close();
    expect(m).toMatchObject({ backend: "pglite", migration: await latestMigration(), files: 1 });

    const restored = path.join(tmp, "b");
    await restore(path.join(tmp, "backup"), restored);
    await expect(restore(path.join(tmp, "backup"), restored)).rejects.toThrow(/不为空/);
    const db2 = await openPglite(path.join(restored, "pglite"));
    expect((await db2.db.select({ n: count() }).from(park))[0]!.n).toBe(parks);
    const secret = fs.readFileSync(path.join(restored, "secret.key"), "utf8");
    expect((await verifyAudit(db2.db, secret)).ok).toBe(true);
    await db2.close();
    expect(fs.readFileSync(path.join(restored, "files", "ab", "blob"), "utf8")).toBe("附件内容");
  });
});
