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
  // Each table grouped once by park, then joined to the parks in scope. Not narrowed to those
  // parks first: a region's parks are estimated at one row, and the planner then probed each
  // payout by index (0.9 s at 100k); a subquery per park read every payout for each park (6 s).
  const res = (await ctx.db.execute(sql`
    with pk as materialized (select park.id, park.name from ${park}
        where ${parkScope(ctx.actor)} ${parkId ? sql`and (park.id = ${parkId} or park.parent_id = ${parkId})` : sql``}),
      t as (select park_id, count(*)::int as n from talent group by park_id),
      x as (select park_id, count(*) filter (where status = 'recognised' and recognised_on between ${from} and ${to})::int as n
        from talent_project group by park_id),
      po as (select x.park_id, sum(po.amount_fen)::float8 as paid from talent_payout po
        join talent_project x on x.id = po.project_id
        where po.paid_on between ${from} and ${to} group by x.park_id),
      u as (select u.park_id, count(*)::int as units, count(*) filter (where exists (select 1 from talent_allocation al
          where al.unit_id = u.id and al.from_on <= ${day} and ${day} <= al.to_on
            and (al.checked_out_on is null or al.checked_out_on > ${day})))::int as occupied
        from talent_unit u group by u.park_id)
    select pk.id as park_id, pk.name as park_name, coalesce(t.n, 0) as talents, coalesce(x.n, 0) as recognised,
      coalesce(po.paid, 0) as paid, coalesce(u.units, 0) as units, coalesce(u.occupied, 0) as occupied
    from pk left join t on t.park_id = pk.id left join x on x.park_id = pk.id
      left join po on po.park_id = pk.id left join u on u.park_id = pk.id
    where t.park_id is not null or x.park_id is not null or u.park_id is not null
    order by pk.name`)) as unknown as { rows: Raw[] };
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
