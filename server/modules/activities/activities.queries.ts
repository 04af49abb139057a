import { type AnyColumn, and, desc, eq, gte, ilike, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type {
  ActivityLink,
  ActivityQuery,
  ActivityRow,
  StatsQuery,
  StatsRow,
} from "../../../common/activity.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { likeText, offsetOf } from "../../lib/paging.js";
import { inRegionSubtree, scopeWhere } from "../../lib/scope.js";
import { park, region, team } from "../org/org.table.js";
import { users } from "../users/users.table.js";
import { activity, activityLink } from "./activities.table.js";

/**
 * Activities the actor reaches by region, park or team, plus those they logged or took part in:
 * an officer's own follow-ups stay theirs wherever they were filed.
 */
export const activityScope = (a: Actor): SQL =>
  or(
    scopeWhere(a, { region: activity.regionId, park: activity.parkId, team: activity.teamId }),
    eq(activity.createdBy, a.id),
    sql`${a.id}::uuid = any(${activity.ourUserIds})`,
  )!;

const parkAndChildren = (parkId: string) =>
  sql`(select ${park.id} from ${park} where ${park.id} = ${parkId} or ${park.parentId} = ${parkId})`;

const hasLead = sql`exists (select 1 from ${activityLink} l where l.activity_id = ${activity.id} and l.role = 'lead')`;

export function activityWhere(actor: Actor, q: Partial<ActivityQuery>): SQL | undefined {
  const text = q.q?.trim();
  const like = text ? likeText(text) : "";
  return and(
    activityScope(actor),
    q.kind ? eq(activity.kind, q.kind) : undefined,
    // A trip overlapping the period counts in it.
    q.from ? sql`coalesce(${activity.endOn}, ${activity.heldOn}) >= ${q.from}` : undefined,
    q.to ? lte(activity.heldOn, q.to) : undefined,
    q.officer ? sql`${q.officer}::uuid = any(${activity.ourUserIds})` : undefined,
    q.teamId ? eq(activity.teamId, q.teamId) : undefined,
    q.parkId ? inArray(activity.parkId, parkAndChildren(q.parkId)) : undefined,
    q.regionId ? inRegionSubtree(activity.regionId, q.regionId) : undefined,
    q.leads ? hasLead : undefined,
    text
      ? or(
          ilike(activity.title, like),
          ilike(activity.place, like),
          ilike(activity.city, like),
          ilike(activity.summary, like),
          sql`${activity.theirPeople}::text ilike ${like}`,
          sql`exists (select 1 from ${activityLink} l where l.activity_id = ${activity.id} and l.label ilike ${like})`,
          sql`exists (select 1 from ${users} u where u.id = any(${activity.ourUserIds}) and u.name ilike ${like})`,
        )
      : undefined,
  );
}

const creator = alias(users, "creator");

const activitySelect = {
  id: activity.id,
  kind: activity.kind,
  mode: activity.mode,
  eventType: activity.eventType,
  title: activity.title,
  heldOn: activity.heldOn,
  endOn: activity.endOn,
  place: activity.place,
  city: activity.city,
  regionId: activity.regionId,
  regionName: region.name,
  parkId: activity.parkId,
  parkName: park.name,
  teamId: activity.teamId,
  teamName: team.name,
  summary: activity.summary,
  outcome: activity.outcome,
  ourUserIds: activity.ourUserIds,
  ourUsers: sql<
    { id: string; name: string }[]
  >`coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name)
      order by array_position(${activity.ourUserIds}, u.id)) from ${users} u where u.id = any(${activity.ourUserIds})), '[]'::json)`,
  ourNames: activity.ourNames,
  theirPeople: activity.theirPeople,
  fileIds: activity.fileIds,
  links: sql<ActivityLink[]>`coalesce((select json_agg(json_build_object('subjectType', l.subject_type,
      'subjectId', l.subject_id, 'role', l.role, 'label', l.label) order by l.role desc, l.label)
      from ${activityLink} l where l.activity_id = ${activity.id}), '[]'::json)`,
  leads: sql<number>`(select count(*)::int from ${activityLink} l where l.activity_id = ${activity.id} and l.role = 'lead')`,
  createdBy: activity.createdBy,
  createdByName: creator.name,
  version: activity.version,
  createdAt: activity.createdAt,
  updatedAt: activity.updatedAt,
};

function selectActivities(db: DbOrTx) {
  return db
    .select(activitySelect)
    .from(activity)
    .innerJoin(region, eq(region.id, activity.regionId))
    .leftJoin(park, eq(park.id, activity.parkId))
    .leftJoin(team, eq(team.id, activity.teamId))
    .leftJoin(creator, eq(creator.id, activity.createdBy));
}

type Raw = { createdAt: Date; updatedAt: Date; leads: number | string };
const present = <R extends Raw>(r: R) =>
  ({
    ...r,
    leads: Number(r.leads),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }) as unknown as Omit<R, keyof Raw | keyof ActivityRow> & ActivityRow;

const sorts: Record<string, AnyColumn> = {
  heldOn: activity.heldOn,
  title: activity.title,
  kind: activity.kind,
  createdAt: activity.createdAt,
  updatedAt: activity.updatedAt,
};

/** A page of activities in scope; newest first unless sorted otherwise. */
export async function listActivities(db: DbOrTx, actor: Actor, q: ActivityQuery) {
  const where = activityWhere(actor, q);
  const col = sorts[q.sort ?? ""] ?? activity.heldOn;
  const dir = q.order ?? (q.sort && sorts[q.sort] ? "asc" : "desc");
  const order = [
    dir === "desc" ? sql`${col} desc nulls last` : sql`${col} asc nulls last`,
    desc(activity.createdAt),
    desc(activity.id),
  ];
  const [items, [count]] = await Promise.all([
    selectActivities(db)
      .where(where)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: sql<number>`count(*)::int` }).from(activity).where(where),
  ]);
  return { items: items.map(present), total: Number(count?.n ?? 0) };
}

export async function getActivity(db: DbOrTx, actor: Actor, id: string): Promise<ActivityRow | null> {
  const [row] = await selectActivities(db).where(and(eq(activity.id, id), activityScope(actor)));
  return row ? present(row) : null;
}

/** Every activity linked to a record, newest first, with whether the actor reaches it directly. */
export async function timelineOf(db: DbOrTx, actor: Actor, subjectType: string, subjectId: string) {
  const rows = await db
    .select({ ...activitySelect, role: activityLink.role, inScope: sql<boolean>`(${activityScope(actor)})` })
    .from(activityLink)
    .innerJoin(activity, eq(activity.id, activityLink.activityId))
    .innerJoin(region, eq(region.id, activity.regionId))
    .leftJoin(park, eq(park.id, activity.parkId))
    .leftJoin(team, eq(team.id, activity.teamId))
    .leftJoin(creator, eq(creator.id, activity.createdBy))
    .where(and(eq(activityLink.subjectType, subjectType), eq(activityLink.subjectId, subjectId)))
    .orderBy(desc(activity.heldOn), desc(activity.createdAt), desc(activity.id))
    .limit(500);
  return rows.map(present);
}

export async function linksOf(db: DbOrTx, activityId: string) {
  return db
    .select({
      subjectType: activityLink.subjectType,
      subjectId: activityLink.subjectId,
      role: activityLink.role,
      label: activityLink.label,
    })
    .from(activityLink)
    .where(eq(activityLink.activityId, activityId));
}

export async function replaceLinks(
  db: DbOrTx,
  activityId: string,
  links: { subjectType: string; subjectId: string; role: string; label: string }[],
) {
  await db.delete(activityLink).where(eq(activityLink.activityId, activityId));
  if (links.length) await db.insert(activityLink).values(links.map((l) => ({ ...l, activityId })));
}

/** Enterprise merge: links to the merged-away firm now point at the kept one. */
export async function repointEnterpriseLinks(db: DbOrTx, fromId: string, intoId: string) {
  await db.execute(sql`delete from ${activityLink} f where f.subject_type = 'enterprise' and f.subject_id = ${fromId}
    and exists (select 1 from ${activityLink} k where k.activity_id = f.activity_id
      and k.subject_type = 'enterprise' and k.subject_id = ${intoId})`);
  await db
    .update(activityLink)
    .set({ subjectId: intoId })
    .where(and(eq(activityLink.subjectType, "enterprise"), eq(activityLink.subjectId, fromId)));
}

type StatsSqlRow = Omit<StatsRow, "name"> & { name: string | null };
type Counts = Omit<StatsRow, "key" | "name">;

/** Activities held in the year: one planned for later this year counts once it has happened. */
const statsWhere = (actor: Actor, q: StatsQuery, today: string) =>
  and(
    activityScope(actor),
    gte(activity.heldOn, `${q.year}-01-01`),
    lte(activity.heldOn, `${q.year}-12-31` < today ? `${q.year}-12-31` : today),
    q.parkId ? inArray(activity.parkId, parkAndChildren(q.parkId)) : undefined,
    q.teamId ? eq(activity.teamId, q.teamId) : undefined,
  );

const counts = sql`count(*) filter (where ${activity.kind} = 'follow_up')::int as "followUps",
    count(*) filter (where ${activity.kind} = 'reception')::int as "receptions",
    count(*) filter (where ${activity.kind} = 'trip')::int as "trips",
    count(*) filter (where ${activity.kind} = 'event')::int as "events",
    coalesce(sum(ld.n), 0)::int as "leads",
    count(*)::int as "total"`;
const leadsJoin = sql`left join lateral (select count(*) as n from ${activityLink} l
    where l.activity_id = ${activity.id} and l.role = 'lead') ld on true`;

const numbers = (r: Counts): Counts => ({
  followUps: Number(r.followUps),
  receptions: Number(r.receptions),
  trips: Number(r.trips),
  events: Number(r.events),
  leads: Number(r.leads),
  total: Number(r.total),
});

/**
 * Counts per kind and the leads they brought, per participant or per team, in a calendar year.
 * An activity three officers went on counts for each of them, and once in the totals.
 */
export async function activityStats(db: DbOrTx, actor: Actor, q: StatsQuery, today: string) {
  const where = statsWhere(actor, q, today);
  const grouped =
    q.groupBy === "officer"
      ? sql`select p.uid::text as "key", u.name as "name", ${counts}
          from ${activity} cross join lateral unnest(${activity.ourUserIds}) as p(uid)
          join ${users} u on u.id = p.uid ${leadsJoin}
          where ${where} group by p.uid, u.name order by "total" desc, u.name`
      : sql`select ${activity.teamId}::text as "key", t.name as "name", ${counts}
          from ${activity} left join ${team} t on t.id = ${activity.teamId} ${leadsJoin}
          where ${where} group by ${activity.teamId}, t.name order by "total" desc, t.name nulls last`;
  const [rows, all] = await Promise.all([
    db.execute(grouped) as unknown as Promise<{ rows: StatsSqlRow[] }>,
    db.execute(sql`select ${counts} from ${activity} ${leadsJoin} where ${where}`) as unknown as Promise<{
      rows: Counts[];
    }>,
  ]);
  return {
    items: rows.rows.map((r): StatsRow => ({ key: r.key, name: r.name ?? "", ...numbers(r) })),
    totals: numbers(all.rows[0]!),
  };
}
