import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { inject } from "vitest";
import { buildApp } from "../app.js";
import { systemCtx } from "../bootstrap.js";
import { type Config, loadConfig } from "../config.js";
import { type Backend, type Database, migrate, openPglite, openPostgres } from "../db/client.js";
import { demoData, withoutEnterprises } from "../demo/demo.data.js";
import { loadDemo } from "../demo/demo.load.js";
import { ensureRegions } from "../modules/org/regions.reference.js";

export const DEMO_PASSWORD = "Demo@2026pw";
export const TEST_SECRET = "test-secret-test-secret-test-secret-0123";

/** The backends this run covers: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const backends: Backend[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

/** A fresh, migrated database: in-memory PGlite, or a PostgreSQL database cloned from the template. */
export async function freshDatabase(backend: Backend): Promise<Database> {
  if (backend === "pglite") {
    const database = await openPglite(undefined);
    await migrate(database);
    await ensureRegions(database.db);
    return database;
  }
  const url = process.env.TEST_DATABASE_URL!;
  const name = `zhaoyin_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject("pgTemplate")}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString(), 4);
  return {
    ...database,
    close: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  dataDir: string;
  /** logs in and returns the session cookie */
  login: (username: string, password?: string) => Promise<string>;
  close: () => Promise<void>;
}

/**
 * buildApp over a fresh database with the demo loaded: by default its organisation and users
 * only (an empty enterprise registry), "full" with the demo firms too, false for nothing.
 */
export async function testApp(
  backend: Backend,
  opts: { demo?: "org" | "full" | false; env?: Record<string, string>; now?: () => Date } = {},
): Promise<TestApp> {
  const database = await freshDatabase(backend);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "zhaoyin-test-"));
  const config = loadConfig({
    ZHAOYIN_DATA_DIR: dataDir,
    ZHAOYIN_LOCKOUT_ATTEMPTS: "3",
    LOG_LEVEL: "silent",
    ...opts.env,
  });
  const demo = opts.demo ?? "org";
  if (demo) {
    const data = demo === "full" ? demoData : withoutEnterprises(demoData);
    await loadDemo(systemCtx(database, TEST_SECRET), data, DEMO_PASSWORD);
  }
  const app = await buildApp({ database, config, secret: TEST_SECRET, logger: false, now: opts.now });
  const login = async (username: string, password = DEMO_PASSWORD) => {
    const res = await app.inject({
      method: "POST",
      url: "/api/session/login",
      payload: { username, password },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    return cookieOf(res);
  };
  return {
    app,
    database,
    config,
    dataDir,
    login,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function cookieOf(res: LightMyRequestResponse): string {
  const raw = res.headers["set-cookie"];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.map((c) => c.split(";")[0]).join("; ");
}

/** JSON body of a response, typed by the caller. */
export const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
