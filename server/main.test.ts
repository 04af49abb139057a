import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import * as lock from "./db/lock.js";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");

describe("start-up and CLI guards", () => {
  it("exits with a one-line reason when DATABASE_URL is unreachable", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zhaoyin-main-"));
    const err = await run(tsx, ["server/cli/serve.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
        ZHAOYIN_DATA_DIR: dir,
        PORT: "39999",
      },
    }).catch((e: { code: number; stderr: string }) => e);
    expect("code" in err && err.code).toBe(1);
    const lines = (err as { stderr: string }).stderr
      .trim()
      .split("\n")
      .filter((l) => !l.includes("npm warn"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/无法连接数据库.*127\.0\.0\.1:1/);
  });

  it("refuses a CLI command while a live process holds the PGlite directory", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zhaoyin-lock-"));
    const holderProc = spawn("sleep", ["30"]);
    fs.writeFileSync(path.join(dir, "server.pid"), String(holderProc.pid));
    try {
      expect(lock.holder(dir)).toBe(holderProc.pid);
      const err = await run(tsx, ["server/cli/audit-verify.ts"], {
        env: { ...process.env, ZHAOYIN_DATA_DIR: dir },
      }).catch((e: { code: number; stderr: string }) => e);
      expect((err as { code: number }).code).toBe(2);
      expect((err as { stderr: string }).stderr).toMatch(/正被服务器进程 \d+ 使用/);
    } finally {
      holderProc.kill();
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(lock.holder(dir)).toBeNull();
  });
});
