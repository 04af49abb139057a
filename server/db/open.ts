import path from "node:path";
import type { Config } from "../config.js";
import { type Database, openPglite, openPostgres } from "./client.js";

/** The configured database: PostgreSQL with DATABASE_URL, else PGlite in the data directory. */
export function openConfigured(config: Pick<Config, "databaseUrl" | "dataDir">): Promise<Database> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : openPglite(path.join(config.dataDir, "pglite"));
}
