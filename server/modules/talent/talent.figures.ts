import { sql } from "drizzle-orm";
import type { TalentFigureRow } from "../../../common/talent.schema.js";
import type { ActorCtx } from "../../lib/context.js";
import { requirePermission } from "../../lib/policy.js";
import { parkScope } from "../org/org.queries.js";
import { park } from "../org/org.table.js";
import { today } from "./talent.service.js";

interface Raw extends Record<string, unknown> {
  park_id: string;
  park_name: string;
  talents: number | string;
  recognised: number | string;
  paid: number | string;
  units: number | string;
  occupied: number | string;
}

/**
 * Per park and year: talents on record, projects recognised and rewards paid in the year, and
 * apartment occupancy on the year's last day (today for the current year). One statement; parks in
 * the reader's scope with any talent, project or unit.
 */
export async function talentFigures(
  ctx: ActorCtx,
  year: number,
  parkId?: string,
): Promise<TalentFigureRow[]> {
  requirePermission(ctx.actor.permissions, "talent.read");
  const now = today(ctx);
  const day = `${year}-12-31` < now ? `${year}-12-31` : now;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const res = (await ctx.db.execute(sql`
    select park.id as park_id, park.name as park_name,
      (select count(*) from talent t where t.park_id = park.id)::int as talents,
      (select count(*) from talent_project x where x.park_id = park.id and x.status = 'recognised'
         and x.recognised_on between ${from} and ${to})::int as recognised,
      (select coalesce(sum(po.amount_fen), 0) from talent_payout po join talent_project x on x.id = po.project_id
         where x.park_id = park.id and po.paid_on between ${from} and ${to})::float8 as paid,
      (select count(*) from talent_unit u where u.park_id = park.id)::int as units,
      (select count(*) from talent_unit u where u.park_id = park.id and exists (select 1 from talent_allocation al
         where al.unit_id = u.id and al.from_on <= ${day} and ${day} <= al.to_on
           and (al.checked_out_on is null or al.checked_out_on > ${day})))::int as occupied
    from ${park}
    where ${parkScope(ctx.actor)} ${parkId ? sql`and (park.id = ${parkId} or park.parent_id = ${parkId})` : sql``}
      and (exists (select 1 from talent t where t.park_id = park.id) or exists (select 1 from talent_unit u where u.park_id = park.id)
        or exists (select 1 from talent_project x where x.park_id = park.id))
    order by park.name`)) as unknown as { rows: Raw[] };
  return res.rows.map((r) => {
    const units = Number(r.units);
    const occupied = Number(r.occupied);
    return {
      parkId: r.park_id,
      parkName: r.park_name,
      year,
      talents: Number(r.talents),
      recognised: Number(r.recognised),
      rewardsPaidFen: Number(r.paid),
      units,
      occupied,
      occupancy: units ? Math.round((occupied / units) * 1000) / 10 : null,
    };
  });
}
