import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const built = path.join(root, "dist/web/index.html");

function newestMtime(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Builds the web app when the build is missing or older than its sources. */
async function ensureWebBuild() {
  const sources = ["web", "common", "vite.config.ts", "package.json"].map((p) =>
    newestMtime(path.join(root, p)),
  );
  const builtAt = newestMtime(built);
  if (builtAt && builtAt >= Math.max(...sources)) return;
  console.log("正在构建网页端 (building the web app)…");
  const { build } = await import("vite");
  await build({ configFile: path.join(root, "vite.config.ts"), logLevel: "warn" });
}

await ensureWebBuild();
const { main } = await import("../main.js");
await main();
