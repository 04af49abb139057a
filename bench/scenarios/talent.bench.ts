import { eq, sql } from "drizzle-orm";
import { talentProjectQuery, talentProjectStatuses } from "../../common/talent.schema.js";
import type { Database } from "../../server/db/client.js";
import { newId } from "../../server/lib/ids.js";
import { region } from "../../server/modules/org/org.table.js";
import { talentFigures } from "../../server/modules/talent/talent.figures.js";
import { listTalentProjects } from "../../server/modules/talent/talent.service.js";
import {
  type BackendName,
  type BenchRecord,
  benchActorCtx,
  paired,
  record,
  type Size,
} from "../bench.lib.js";
import { rng } from "../generate/enterprises.gen.js";
import { generateTalent, type TalentSizes } from "../generate/talent.gen.js";

/**
 * The issues name no size for talent: a county's programme at province scale is taken as 100k
 * people and 100k applications over 8 rounds in 50 parks, with 5,000 apartment units (large);
 * a fifth and a fiftieth of that below.
 */
const sizes: Record<Size, TalentSizes> = {
  small: { parks: 50, rounds: 8, talents: 2_000, applications: 2_000, units: 200 },
  medium: { parks: 50, rounds: 8, talents: 20_000, applications: 20_000, units: 1_000 },
  large: { parks: 50, rounds: 8, talents: 100_000, applications: 100_000, units: 5_000 },
};

/** One page of applications as the list shows it, written by hand: joins, reward sums and the count. */
const referencePage = (where: ReturnType<typeof sql>, order: string, offset: number) =>
  sql`select p.*, pk.name as park_name, r.name as round_name, g.id as programme_id, g.name as programme_name,
      g.levels, t.name as talent_name, e.name as enterprise_name,
      (select coalesce(sum(i.amount_fen), 0) from talent_instalment i where i.project_id = p.id) as planned,
      (select coalesce(sum(po.amount_fen), 0) from talent_payout po where po.project_id = p.id) as paid,
      count(*) over () as total
    from talent_project p join park pk on pk.id = p.park_id join talent_round r on r.id = p.round_id
      join talent_programme g on g.id = r.programme_id join talent t on t.id = p.talent_id
      left join enterprise e on e.id = p.enterprise_id
    where ${where} order by ${sql.raw(order)} limit 20 offset ${offset}`;

/**
 * Talent at scale, as a county leader reads it: the applications list filtered by park and status
 * and paged, the figures page (per park: talents, recognitions and rewards paid in the year,
 * apartment occupancy) and a round's review list (its applications under expert review), each
 * beside one hand-written statement reading the same rows.
 */
export async function talentScenarios(
  database: Database,
  size: Size,
  backend: BackendName,
): Promise<BenchRecord[]> {
  const db = database.db;
  const n = sizes[size];
  const [county] = await db
    .select({ id: region.id, path: region.path })
    .from(region)
    .where(eq(region.code, "331122"));
  const regionId = county!.id;
  const loadStart = performance.now();
  const data = await generateTalent(db, regionId, n);
  const loadMs = performance.now() - loadStart;

  // A county leader: every permission, the county's subtree in reach.
  const ctx = benchActorCtx(
    db,
    {
      id: newId(),
      roles: ["leader"],
      grants: [{ kind: "region", refId: regionId, path: county!.path }],
      regionId,
    },
    () => new Date("2026-12-01T02:00:00Z"),
  );
  const out: BenchRecord[] = [];
  const r = rng(91);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;

  // The applications list: one park, one status, pages 1–5, newest application first.
  const queries = Array.from({ length: 43 }, () => ({
    parkId: pick(data.parkIds),
    status: pick(talentProjectStatuses),
    page: 1 + Math.floor(r() * 5),
  }));
  let total = 0;
  const list = await paired(
    40,
    async (i) => {
      const q = queries[i]!;
      const res = await listTalentProjects(
        ctx,
        talentProjectQuery.parse({ ...q, sort: "appliedOn", order: "desc", pageSize: 20 }),
      );
      total = Math.max(total, res.total);
    },
    (i) => {
      const q = queries[i]!;
      return db.execute(
        referencePage(
          sql`p.park_id = ${q.parkId} and p.status = ${q.status}`,
          "p.applied_on desc, p.id",
          (q.page - 1) * 20,
        ),
      );
    },
  );
  out.push(
    record({
      scenario: "talent.applications_list",
      backend,
      size,
      metric: `p95 of 40 pages (1–5) by park and status, of ${n.applications} applications (up to ${total} matching)`,
      value: list.value,
      unit: "ms",
      reference: "one hand-written SELECT of the same page with its count",
      reference_value: list.ref,
    }),
  );

  // The figures page for 2026 over the county's parks.
  let parks = 0;
  const figures = await paired(
    10,
    async () => {
      parks = (await talentFigures(ctx, 2026)).length;
    },
    () =>
      db.execute(sql`with t as (select park_id, count(*) as n from talent where region_id = ${regionId} group by 1),
        rec as (select park_id, count(*) as n from talent_project where region_id = ${regionId}
          and status = 'recognised' and recognised_on between '2026-01-01' and '2026-12-31' group by 1),
        paid as (select x.park_id, sum(po.amount_fen) as n from talent_payout po join talent_project x on x.id = po.project_id
          where x.region_id = ${regionId} and po.paid_on between '2026-01-01' and '2026-12-31' group by 1),
        un as (select u.park_id, count(*) as n, count(*) filter (where exists (select 1 from talent_allocation al
            where al.unit_id = u.id and al.from_on <= '2026-12-01' and al.to_on >= '2026-12-01'
              and (al.checked_out_on is null or al.checked_out_on > '2026-12-01'))) as occupied
          from talent_unit u where u.region_id = ${regionId} group by 1)
        select pk.id, pk.name, t.n, rec.n, paid.n, un.n, un.occupied from park pk
          left join t on t.park_id = pk.id left join rec on rec.park_id = pk.id
          left join paid on paid.park_id = pk.id left join un on un.park_id = pk.id
        where pk.region_id = ${regionId} and coalesce(t.n, un.n, rec.n) is not null order by pk.name`),
  );
  out.push(
    record({
      scenario: "talent.figures",
      backend,
      size,
      metric: `p95 of 10, the 2026 figures of ${parks} parks (${n.talents} talents, ${n.units} units)`,
      value: figures.value,
      unit: "ms",
      reference: "one GROUP BY per table, joined to the parks",
      reference_value: figures.ref,
    }),
  );

  // A round's review list: its applications under expert review, first page by name.
  let reviewing = 0;
  const review = await paired(
    20,
    async (i) => {
      const roundId = data.roundIds[i % data.roundIds.length]!;
      const res = await listTalentProjects(
        ctx,
        talentProjectQuery.parse({ roundId, status: "reviewing", sort: "name", order: "asc", pageSize: 20 }),
      );
      reviewing = Math.max(reviewing, res.total);
    },
    (i) =>
      db.execute(
        referencePage(
          sql`p.round_id = ${data.roundIds[i % data.roundIds.length]!} and p.status = 'reviewing'`,
          "p.name asc, p.id",
          0,
        ),
      ),
  );
  out.push(
    record({
      scenario: "talent.round_review_list",
      backend,
      size,
      metric: `p95 of 20, a round's applications under review (${reviewing} in a round), first page`,
      value: review.value,
      unit: "ms",
      reference: "one hand-written SELECT of the same page with its count",
      reference_value: review.ref,
    }),
  );
  console.log(
    `talent: loaded ${n.talents} talents, ${n.applications} applications, ${n.units} units in ${Math.round(loadMs)} ms`,
  );
  return out;
}
