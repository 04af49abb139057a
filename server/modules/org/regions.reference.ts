import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { count } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { newId } from "../../lib/ids.js";
import { region } from "./org.table.js";

const csvPath = fileURLToPath(new URL("../../db/reference/regions.csv", import.meta.url));

/** Loads the national division table (GB/T 2260 codes, down to county) on an empty database. */
export async function ensureRegions(db: DbOrTx): Promise<number> {
  const [existing] = await db.select({ n: count() }).from(region);
  if ((existing?.n ?? 0) > 0) return 0;
  const lines = fs.readFileSync(csvPath, "utf8").trim().split("\n").slice(1);
  const byCode = new Map<string, { id: string; path: string }>();
  const rows: (typeof region.$inferInsert)[] = [];
  // The file lists parents before children (provinces, then cities, then counties).
  for (const line of lines) {
    const [code, name, level, parent] = line.split(",").map((s) => s.trim());
    // Cities without counties (东莞, 中山, 儋州) repeat themselves as a county under the same code.
    if (!code || !name || !level || code === parent) continue;
    const id = newId();
    const p = parent ? byCode.get(parent) : undefined;
    const path = `${p?.path ?? "/"}${id}/`;
    byCode.set(code, { id, path });
    rows.push({ id, code, name, level, parentId: p?.id ?? null, path });
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await db.insert(region).values(rows.slice(i, i + 1000));
  }
  return rows.length;
}
