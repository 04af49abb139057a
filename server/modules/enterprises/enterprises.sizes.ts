import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";

/**
 * Sets the size class of the firms `ids` selects (a subquery of enterprise ids) from their latest
 * year that states one, set-based: one upsert that skips unchanged rows, and (when figures may have
 * been cleared) one delete for firms whose years no longer state any.
 */
export async function refreshSizes(db: DbOrTx, ids: SQL, opts: { mayClear: boolean } = { mayClear: true }) {
  await db.execute(sql`insert into enterprise_size as z (enterprise_id, size_class)
    select distinct on (y.enterprise_id) y.enterprise_id, y.size_class from enterprise_year y
    where y.enterprise_id in (${ids}) and y.size_class is not null
    order by y.enterprise_id, y.year desc
    on conflict (enterprise_id) do update set size_class = excluded.size_class
    where z.size_class <> excluded.size_class`);
  // Without removals or blanks that clear, every firm that had a size class still has one.
  if (!opts.mayClear) return;
  await db.execute(sql`delete from enterprise_size z where z.enterprise_id in (${ids})
    and not exists (select 1 from enterprise_year y where y.enterprise_id = z.enterprise_id and y.size_class is not null)`);
}
