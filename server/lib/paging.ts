import { type AnyColumn, asc, type SQL, sql } from "drizzle-orm";
import type { PageQuery } from "../../common/paging.js";

/** ORDER BY from a whitelist of sortable columns (unknown keys fall back), then the id for a stable order. */
export function orderBy(
  columns: Record<string, AnyColumn | SQL>,
  q: Pick<PageQuery, "sort" | "order">,
  fallback: string,
  id: AnyColumn,
): SQL[] {
  const known = columns[q.sort ?? ""];
  const col = known ?? columns[fallback]!;
  const order = q.order ?? (known ? "asc" : "desc");
  // Blank values sort last in either direction.
  return [order === "desc" ? sql`${col} desc nulls last` : sql`${col} asc nulls last`, asc(id)];
}

export const offsetOf = (q: Pick<PageQuery, "page" | "pageSize">) => (q.page - 1) * q.pageSize;

/** Escapes LIKE wildcards in user search text. */
export const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
