import path from "node:path";
import { backup } from "../lib/backup.js";
import { withDb } from "./with-db.js";

const stamp = new Date().toISOString().replace(/[:T]/g, "-").slice(0, 19);
const dest = path.resolve(process.argv[2] ?? `backups/zhaoyin-${stamp}`);
await withDb(async (database, _secret, config) => {
  const m = await backup(database, config.dataDir, dest, config.databaseUrl);
  console.log(
    `备份完成 (backup written): ${dest}\n  数据库 ${m.backend}, 迁移 ${m.migration}, 附件 ${m.files} 个`,
  );
});
