import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrate, openPostgres } from "../db/client.js";
import { ensureRegions } from "../modules/org/regions.reference.js";

/**
 * With TEST_DATABASE_URL set, builds one migrated template database that each
 * test file clones; without it the PostgreSQL half is skipped, and says so.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.warn(
      "\n[zhaoyin] TEST_DATABASE_URL 未设置:只在 PGlite 上运行,PostgreSQL 部分已跳过 (PostgreSQL half skipped)\n",
    );
    return;
  }
  const template = `zhaoyin_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(
    `create database ${template} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`,
  );
  const u = new URL(url);
  u.pathname = `/${template}`;
  const database = await openPostgres(u.toString(), 2);
  await migrate(database);
  await ensureRegions(database.db);
  await database.close();
  project.provide("pgTemplate", template);
  return async () => {
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}
