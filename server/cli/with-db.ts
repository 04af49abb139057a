import { loadConfig } from "../config.js";
import type { Database } from "../db/client.js";
import * as lock from "../db/lock.js";
import { openConfigured } from "../db/open.js";
import { loadSecret } from "../lib/secret.js";

/** Opens the configured database for a CLI command, refusing while a server holds a PGlite directory. */
export async function withDb<T>(
  fn: (db: Database, secret: string, config: ReturnType<typeof loadConfig>) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    const pid = lock.holder(config.dataDir);
    if (pid) {
      console.error(
        `数据目录 ${config.dataDir} 正被服务器进程 ${pid} 使用；请先停止服务器再运行此命令 (the embedded database is held by a running server)`,
      );
      process.exit(2);
    }
    lock.acquire(config.dataDir);
  }
  let database: Database;
  try {
    database = await openConfigured(config);
  } catch (err) {
    console.error((err as Error).message.split("\n")[0]);
    lock.release(config.dataDir);
    process.exit(1);
  }
  try {
    return await fn(database, loadSecret(config.secret, config.dataDir), config);
  } finally {
    await database.close();
    lock.release(config.dataDir);
  }
}
