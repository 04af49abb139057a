import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { Database } from "../db/client.js";
import { migrationVersion } from "../db/client.js";

const run = promisify(execFile);

export interface Manifest {
  backend: Database["backend"];
  createdAt: string;
  migration: string | null;
  files: number;
}

const DB_PGLITE = "db.pglite.tar.gz";
const DB_PG = "db.pgdump";

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

/**
 * Writes a backup folder: the database (PGlite data directory as a tarball, or
 * pg_dump's custom format), the file store, and the secret that keys the audit chain.
 */
export async function backup(
  database: Database,
  dataDir: string,
  dest: string,
  databaseUrl?: string,
): Promise<Manifest> {
  fs.mkdirSync(dest, { recursive: true });
  if (database.backend === "pglite") {
    const blob = await database.pglite!.dumpDataDir("gzip");
    fs.writeFileSync(path.join(dest, DB_PGLITE), Buffer.from(await blob.arrayBuffer()));
  } else {
    await run("pg_dump", ["--format=custom", "--no-owner", `--file=${path.join(dest, DB_PG)}`, databaseUrl!]);
  }
  const files = path.join(dataDir, "files");
  if (fs.existsSync(files)) {
    // Skip tmp/: half-received uploads.
    fs.cpSync(files, path.join(dest, "files"), {
      recursive: true,
      filter: (src) => path.relative(files, src).split(path.sep)[0] !== "tmp",
    });
  }
  const secret = path.join(dataDir, "secret.key");
  if (fs.existsSync(secret)) fs.copyFileSync(secret, path.join(dest, "secret.key"));
  const manifest: Manifest = {
    backend: database.backend,
    createdAt: new Date().toISOString(),
    migration: await migrationVersion(database.db),
    files: countFiles(path.join(dest, "files")),
  };
  fs.writeFileSync(path.join(dest, "manifest.json"), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** Restores a backup folder into an empty data directory (PGlite) or over the database at databaseUrl. */
export async function restore(src: string, dataDir: string, databaseUrl?: string): Promise<Manifest> {
  const manifest = JSON.parse(fs.readFileSync(path.join(src, "manifest.json"), "utf8")) as Manifest;
  if (databaseUrl) {
    if (manifest.backend !== "postgres")
      throw new Error("此备份来自内置数据库 (PGlite),不能恢复到 PostgreSQL");
    await run("pg_restore", [
      "--clean",
      "--if-exists",
      "--no-owner",
      `--dbname=${databaseUrl}`,
      path.join(src, DB_PG),
    ]);
  } else {
    if (manifest.backend !== "pglite") throw new Error("此备份来自 PostgreSQL,请设置 DATABASE_URL 后恢复");
    const target = path.join(dataDir, "pglite");
    if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
      throw new Error(`数据目录 ${target} 不为空；请先移走它再恢复 (the data directory is not empty)`);
    }
    fs.mkdirSync(dataDir, { recursive: true });
    const blob = new Blob([fs.readFileSync(path.join(src, DB_PGLITE))]);
    const db = await PGlite.create({ dataDir: target, loadDataDir: blob, extensions: { pg_trgm } });
    await db.close();
  }
  if (fs.existsSync(path.join(src, "files"))) {
    fs.cpSync(path.join(src, "files"), path.join(dataDir, "files"), { recursive: true });
  }
  if (fs.existsSync(path.join(src, "secret.key"))) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.copyFileSync(path.join(src, "secret.key"), path.join(dataDir, "secret.key"));
  }
  return manifest;
}
