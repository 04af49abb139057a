import { roleLabels } from "../common/enums.js";
import { buildApp } from "./app.js";
import { type FirstStart, prepareDatabase } from "./bootstrap.js";
import { type Config, loadConfig } from "./config.js";
import * as lock from "./db/lock.js";
import { openConfigured } from "./db/open.js";
import { startScheduler } from "./lib/jobs/jobs.scheduler.js";
import { loadSecret } from "./lib/secret.js";

/** read config → open db → migrate → listen. Exits with a one-line reason when it cannot. */
export async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
    if (!config.databaseUrl) lock.acquire(config.dataDir);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  let database: Awaited<ReturnType<typeof openConfigured>>;
  try {
    database = await openConfigured(config);
  } catch (err) {
    console.error((err as Error).message.split("\n")[0]);
    lock.release(config.dataDir);
    process.exit(1);
  }
  const secret = loadSecret(config.secret, config.dataDir);
  const first = await prepareDatabase(database, config, secret);
  const app = await buildApp({ database, config, secret });
  let scheduler: ReturnType<typeof startScheduler> | undefined;
  const stop = async () => {
    await scheduler?.stop();
    await app.close();
    await database.close();
    lock.release(config.dataDir);
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await app.listen({ port: config.port, host: config.host });
  scheduler = startScheduler(app);
  printBanner(config, database.backend, first);
}

function printBanner(config: Config, backend: string, first: FirstStart) {
  const lines = [
    "",
    "  招引 Zhaoyin",
    `  http://localhost:${config.port}   数据库： ${backend === "pglite" ? `内置 PGlite (${config.dataDir})` : "PostgreSQL"}`,
  ];
  if (first.kind === "demo") {
    lines.push(`  已载入演示数据。演示账号 (密码均为 ${first.password}):`);
    for (const a of first.accounts) {
      lines.push(`    ${a.username.padEnd(14)} ${a.name}  ${a.roles.map((r) => roleLabels[r]).join("、")}`);
    }
  } else if (first.kind === "admin") {
    lines.push(
      `  已创建管理员 ${first.username}，${first.generated ? "一次性" : ""}密码： ${first.password}`,
    );
    if (first.generated) lines.push("  首次登录后须修改密码。");
  }
  console.log(`${lines.join("\n")}\n`);
}
