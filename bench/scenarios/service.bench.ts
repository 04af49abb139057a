import { eq, sql } from "drizzle-orm";
import { appealCategories, appealQuery } from "../../common/appeal.schema.js";
import type { Database } from "../../server/db/client.js";
import type { Actor } from "../../server/lib/context.js";
import { chinaDay } from "../../server/lib/dates.js";
import { newId } from "../../server/lib/ids.js";
import { permissions } from "../../server/lib/policy.js";
import { department, park, region } from "../../server/modules/org/org.table.js";
import { appealFiguresByDepartment } from "../../server/modules/service/appeals.figures.js";
import { listAppeals } from "../../server/modules/service/appeals.queries.js";
import { planCoverage } from "../../server/modules/service/plans.service.js";
import { appeal, visit, visitPlan } from "../../server/modules/service/service.table.js";
import { users } from "../../server/modules/users/users.table.js";
import {
  type BackendName,
  type BenchRecord,
  benchActorCtx,
  insertBatched,
  paired,
  record,
  type Size,
  settle,
} from "../bench.lib.js";
import { rng } from "../generate/enterprises.gen.js";
import { uuidOf, uuidOfText } from "../generate/ids.gen.js";

/** Issue 11's large size: 1M firms, 200k visits, 100k appeals; a tenth and a hundredth below. */
const sizes: Record<Size, { firms: number; visits: number; appeals: number }> = {
  small: { firms: 10_000, visits: 2_000, appeals: 1_000 },
  medium: { firms: 100_000, visits: 20_000, appeals: 10_000 },
  large: { firms: 1_000_000, visits: 200_000, appeals: 100_000 },
};
const PARKS = 50;
const DEPARTMENTS = 12;

type Rows<T> = { rows: T[] };
const day = (offset: number) =>
  new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Enterprise service at scale: firms in one county's 50 parks (three in ten 规上), visits over
 * 2026 and appeals held by 12 departments; then a plan's quarterly coverage, a department's
 * appeal list and the per-department figures, each beside one hand-written SQL statement.
 */
export async function serviceScenarios(
  database: Database,
  size: Size,
  backend: BackendName,
): Promise<BenchRecord[]> {
  const db = database.db;
  const n = sizes[size];
  const r = rng(51);
  const [county] = await db
    .select({ id: region.id, path: region.path })
    .from(region)
    .where(eq(region.code, "331121"));
  const regionId = county!.id;
  const parkIds = Array.from({ length: PARKS }, () => newId());
  await db
    .insert(park)
    .values(
      parkIds.map((id, i) => ({ id, regionId, name: `服务基准园区${i + 1}`, kind: "industrial_park" })),
    );
  const deptIds = Array.from({ length: DEPARTMENTS }, () => newId());
  await db
    .insert(department)
    .values(deptIds.map((id, i) => ({ id, regionId, name: `服务基准部门${i + 1}` })));
  const specialists = Array.from({ length: 40 }, () => newId());
  await db.insert(users).values(
    specialists.map((id, i) => ({
      id,
      username: `sbench-${id.slice(-8)}`,
      name: `服务专员${i + 1}`,
      email: `${id}@bench.local`,
    })),
  );

  // Firms and their size classes in two INSERT … SELECTs (1M firms in seconds; batches from Node
  // took minutes of the large run): firm i in park i mod 50 with specialist i mod 40, three in ten 规上.
  const firmIds = { at: (f: number) => uuidOfText(`sb-firm-${f + 1}`) };
  const loadStart = performance.now();
  const parkArr = sql.raw(`(array[${parkIds.map((id) => `'${id}'`).join(",")}]::uuid[])`);
  const specialistArr = sql.raw(`(array[${specialists.map((id) => `'${id}'`).join(",")}]::uuid[])`);
  await db.execute(sql`insert into enterprise (id, name, region_id, park_id, specialist_id, search_text, search_grams,
      name_pinyin, name_initials, name_key)
    select ${sql.raw(uuidOf("'sb-firm-' || i"))}, '服务基准企业' || i || '有限公司', ${regionId},
      ${parkArr}[1 + (i - 1) % ${PARKS}], ${specialistArr}[1 + (i - 1) % ${specialists.length}],
      '服务基准企业' || i || '有限公司', '{}', '', '', '服务基准企业' || i || '有限公司'
    from generate_series(1, ${n.firms}) i`);
  await db.execute(sql`insert into enterprise_size (enterprise_id, size_class)
    select ${sql.raw(uuidOf("'sb-firm-' || i"))}, 'above' from generate_series(1, ${n.firms}) i where (i - 1) % 10 < 3`);
  await insertBatched(
    (function* () {
      for (let i = 0; i < n.visits; i++) {
        const f = Math.floor(r() * n.firms);
        yield {
          id: newId(),
          enterpriseId: firmIds.at(f),
          regionId,
          parkId: parkIds[f % PARKS]!,
          visitedOn: day(Math.floor(r() * 330)),
          method: "onsite",
          visitorId: specialists[f % specialists.length]!,
          findings: "生产经营正常",
        };
      }
    })(),
    (b) => db.insert(visit).values(b),
  );
  await insertBatched(
    (function* () {
      for (let i = 0; i < n.appeals; i++) {
        const f = Math.floor(r() * n.firms);
        const raised = Math.floor(r() * 320);
        const state = r();
        const status =
          state < 0.15 ? "routed" : state < 0.3 ? "accepted" : state < 0.5 ? "resolved" : "closed";
        const done = status === "resolved" || status === "closed";
        yield {
          id: newId(),
          code: `SQB${String(i).padStart(7, "0")}`,
          enterpriseId: firmIds.at(f),
          regionId,
          parkId: parkIds[f % PARKS]!,
          title: "协调员工通勤公交",
          category: appealCategories[i % appealCategories.length]!,
          raisedOn: day(raised),
          departmentId: deptIds[i % DEPARTMENTS]!,
          routedOn: day(raised),
          deadlineWorkdays: 10,
          dueOn: day(raised + 14),
          status,
          resolvedOn: done ? day(raised + Math.floor(r() * 20)) : null,
          closedOn: status === "closed" ? day(raised + 20) : null,
          rating: status === "closed" ? 3 + Math.floor(r() * 3) : null,
        };
      }
    })(),
    (b) => db.insert(appeal).values(b),
  );
  await settle(db);
  const loadMs = performance.now() - loadStart;

  const base = { roles: [], permissions: new Set(permissions), departmentId: null, username: "bench" };
  const ctxOf = (actor: Actor) => benchActorCtx(db, actor, () => new Date("2026-12-01T02:00:00Z"));
  const leader = ctxOf({
    ...base,
    id: specialists[0]!,
    name: "领导",
    roles: ["leader"],
    grants: [{ kind: "region", refId: regionId, path: county!.path }],
    regionId,
  });
  const out: BenchRecord[] = [];
  const today = chinaDay(new Date("2026-12-01T02:00:00Z"));

  // A county plan: every 规上 firm each quarter (three in ten firms).
  const planId = newId();
  await db.insert(visitPlan).values({
    id: planId,
    name: "规上企业每季度走访",
    regionId,
    period: "quarter",
    condition: { field: "sizeClass", op: "eq", value: "above" },
  });
  let covered = 0;
  const cov = await paired(
    5,
    async () => {
      covered = (await planCoverage(leader, planId, "2026-Q4")).population;
    },
    () =>
      db.execute(sql`select count(*), count(*) filter (where exists (select 1 from visit v
        where v.enterprise_id = e.id and v.visited_on between '2026-10-01' and '2026-12-31'))
        from enterprise e join enterprise_size s on s.enterprise_id = e.id
        where s.size_class = 'above' and e.region_id = ${regionId}`),
  );
  out.push(
    record({
      scenario: "service.plan_coverage",
      backend,
      size,
      metric: `p95, quarterly coverage of ${covered} 规上 firms with totals by specialist, team and park`,
      value: cov.value,
      unit: "ms",
      reference: "one COUNT with an EXISTS per firm (totals only)",
      reference_value: cov.ref,
    }),
  );

  // A department handler's active appeals, most urgent first (one page of 20).
  const lists = await paired(
    20,
    (i) => {
      const d = deptIds[i % DEPARTMENTS]!;
      const handler = ctxOf({
        ...base,
        id: specialists[1]!,
        name: "经办",
        grants: [{ kind: "department", refId: d }],
        regionId,
      });
      return listAppeals(
        db,
        handler.actor,
        appealQuery.parse({ status: "active", sort: "dueOn", order: "asc" }),
        today,
      );
    },
    (i) =>
      db.execute(sql`select * from appeal where department_id = ${deptIds[i % DEPARTMENTS]!}
        and status in ('routed', 'accepted') order by due_on limit 20`),
  );
  out.push(
    record({
      scenario: "service.appeal_list_department",
      backend,
      size,
      metric: `p95, a department's active appeals (of ${n.appeals}), first page`,
      value: lists.value,
      unit: "ms",
      reference: "one indexed SELECT of the same page",
      reference_value: lists.ref,
    }),
  );

  const figures = await paired(
    5,
    () => appealFiguresByDepartment(db, leader.actor, {}, today),
    () =>
      db.execute(sql`select department_id, count(*), count(*) filter (where status in ('resolved', 'closed')
        and resolved_on <= due_on), avg(rating) from appeal where region_id = ${regionId} group by department_id`),
  );
  out.push(
    record({
      scenario: "service.appeal_figures",
      backend,
      size,
      metric: `p95, per-department figures over ${n.appeals} appeals (working-day medians included)`,
      value: figures.value,
      unit: "ms",
      reference: "one GROUP BY department without working days",
      reference_value: figures.ref,
    }),
  );
  const [{ n: rows } = { n: 0 }] = (
    (await db.execute(sql`select count(*)::int as n from visit`)) as unknown as Rows<{ n: number }>
  ).rows;
  console.log(
    `service: loaded ${n.firms} firms, ${rows} visits, ${n.appeals} appeals in ${Math.round(loadMs)} ms`,
  );
  return out;
}
