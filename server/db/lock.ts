import fs from "node:fs";
import path from "node:path";

/** PGlite allows one process per data directory; the server records its pid here. */
const lockFile = (dataDir: string) => path.join(dataDir, "server.pid");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid of a live server holding the directory, if any. */
export function holder(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(lockFile(dataDir), "utf8").trim());
    return pid && pid !== process.pid && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

export function acquire(dataDir: string): void {
  const pid = holder(dataDir);
  if (pid) {
    throw new Error(
      `数据目录 ${dataDir} 正被进程 ${pid} 使用 (the embedded database is held by process ${pid}); 请先停止该服务器`,
    );
  }
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(lockFile(dataDir), String(process.pid));
}

export function release(dataDir: string): void {
  try {
    if (Number(fs.readFileSync(lockFile(dataDir), "utf8")) === process.pid) fs.unlinkSync(lockFile(dataDir));
  } catch {
    // already gone
  }
}
