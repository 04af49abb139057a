import path from "node:path";
import { loadConfig } from "../config.js";
import * as lock from "../db/lock.js";
import { restore } from "../lib/backup.js";

const src = process.argv[2];
if (!src) {
  console.error("用法 (usage): npm run restore -- <备份目录 backup folder>");
  process.exit(2);
}
const config = loadConfig();
const pid = lock.holder(config.dataDir);
if (pid) {
  console.error(`服务器进程 ${pid} 正在使用数据目录 ${config.dataDir};请先停止服务器`);
  process.exit(2);
}
try {
  const m = await restore(path.resolve(src), config.dataDir, config.databaseUrl);
  console.log(`恢复完成 (restored) ${m.createdAt} 的备份: 迁移 ${m.migration}, 附件 ${m.files} 个`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
