import { eq, sql } from "drizzle-orm";
import { projectQuery, projectStages } from "../../common/project.schema.js";
import type { Database } from "../../server/db/client.js";
import { chinaDay } from "../../server/lib/dates.js";
import { newId } from "../../server/lib/ids.js";
import { enterprise } from "../../server/modules/enterprises/enterprises.table.js";
import { department, park, region } from "../../server/modules/org/org.table.js";
import { scanNodeAlerts } from "../../server/modules/projects/nodes.alerts.js";
import { pipelineSummary } from "../../server/modules/projects/pipeline.queries.js";
import { listProjects } from "../../server/modules/projects/projects.queries.js";
import { project, projectNode, projectStageEvent } from "../../server/modules/projects/projects.table.js";
import { users } from "../../server/modules/users/users.table.js";
import {
  type BackendName,
  type BenchRecord,
  benchActorCtx,
  insertBatched,
  p95,
  record,
  type Size,
  settle,
  timed,
  timeMs,
} from "../bench.lib.js";
import { rng } from "../generate/enterprises.gen.js";
import { dayOf, generateProjectRelated, generateProjects, NODE_NAMES } from "../generate/projects.gen.js";

const projectsBySize: Record<Size, number> = { small: 1_000, medium: 10_000, large: 100_000 };
const PARKS = 20;
const BATCH = 4_000;

type Rows<T> = { rows: T[] };

/**
 * 100k projects (at large size) in 20 parks with 12 key nodes each and their stage history, then
 * the lifecycle's three budgets: the pipeline summary, the scan for overdue and due-soon nodes,
 * and the list filtered by park and stage.
 */
export async function projectScenarios(
  database: Database,
  size: Size,
  backend: BackendName,
): Promise<BenchRecord[]> {
  const db = database.db;
  const n = projectsBySize[size];
  const actorId = newId();
  await db.insert(users).values({
    id: actorId,
    username: `pbench-${actorId.slice(-6)}`,
    name: "项目基准",
    email: `${actorId}@bench.local`,
  });
  const ctx = benchActorCtx(db, { id: actorId, name: "项目基准" });

  const [county] = await db.select({ id: region.id }).from(region).where(eq(region.code, "331102"));
  const regionId = county!.id;
  const parkIds = Array.from({ length: PARKS }, () => newId());
  await db
    .insert(park)
    .values(
      parkIds.map((id, i) => ({ id, regionId, name: `项目基准园区${i + 1}`, kind: "industrial_park" })),
    );
  const deptIds = Array.from({ length: 8 }, () => newId());
  await db
    .insert(department)
    .values(deptIds.map((id, i) => ({ id, regionId, name: `项目基准部门${i + 1}` })));
  const investors = Math.max(100, Math.floor(n / 4));
  const investorIds = Array.from({ length: investors }, () => newId());
  await insertBatched(
    investorIds.map((id, i) => ({
      id,
      name: `项目基准投资方${i + 1}有限公司`,
      regionId,
      searchText: `项目基准投资方${i + 1}有限公司`,
      searchGrams: [],
      namePinyin: "",
      nameInitials: "",
      nameKey: `项目基准投资方${i + 1}`,
    })),
    (b) => db.insert(enterprise).values(b),
  );

  const today = chinaDay(new Date());
  const todayOffset = Math.floor((Date.parse(today) - Date.UTC(2023, 0, 1)) / 86_400_000);
  const r = rng(11);
  const loadMs = await timed(async () => {
    const projects: (typeof project.$inferInsert)[] = [];
    const events: (typeof projectStageEvent.$inferInsert)[] = [];
    const nodes: (typeof projectNode.$inferInsert)[] = [];
    // Projects go in before their events and nodes (foreign keys); nodes fill a batch first.
    const flush = async (force: boolean) => {
      if (!force && nodes.length < BATCH) return;
      while (projects.length) await db.insert(project).values(projects.splice(0, BATCH));
      while (events.length) await db.insert(projectStageEvent).values(events.splice(0, BATCH));
      while (nodes.length) await db.insert(projectNode).values(nodes.splice(0, BATCH));
    };
    let i = 0;
    for (const g of generateProjects(n, PARKS, investors)) {
      const id = newId();
      i++;
      const reachedStages = [...projectStages.slice(0, g.stageDays.length - (g.stoppedFrom ? 1 : 0))];
      if (g.stoppedFrom) reachedStages.push("stopped" as never);
      projects.push({
        id,
        code: `XM-B${String(i).padStart(6, "0")}`,
        name: g.name,
        investorId: investorIds[g.investorIndex]!,
        regionId,
        parkId: parkIds[g.parkIndex]!,
        channel: g.channel,
        totalInvestmentFen: g.totalInvestmentFen,
        stage: g.stage,
        stageOn: dayOf(Math.min(g.stageDays.at(-1)!, todayOffset)),
        stoppedFrom: g.stoppedFrom,
        stageDates: reachedStages
          .filter((s) => (s as string) !== "stopped")
          .map((_, k) => dayOf(Math.min(g.stageDays[k]!, todayOffset))),
        nameKey: g.name,
      });
      for (const [k, s] of reachedStages.entries()) {
        events.push({
          id: newId(),
          projectId: id,
          fromStage: k ? reachedStages[k - 1]! : null,
          toStage: s,
          on: dayOf(Math.min(g.stageDays[k]!, todayOffset)),
        });
      }
      const signedDay = reachedStages.includes("signed") ? g.stageDays[3]! : null;
      NODE_NAMES.forEach((name, k) => {
        const due = signedDay === null ? null : signedDay + 15 * (k + 1);
        // Most past nodes were done in time; a few percent are overdue.
        const done = due !== null && due < todayOffset && r() < 0.97;
        nodes.push({
          id: newId(),
          projectId: id,
          seq: k + 1,
          name,
          departmentId: deptIds[k % deptIds.length]!,
          gate: name === "土地出让/摘牌" ? "land" : null,
          dueWorkdays: 10 * (k + 1),
          dueOn: due === null ? null : dayOf(due),
          plannedOn: due === null ? null : dayOf(due),
          doneOn: done ? dayOf(due!) : null,
          status: done ? "done" : "pending",
        });
      });
      await flush(false);
    }
    await flush(true);
    await settle(db);
  });
  // What a project carries besides its nodes, set-based: monthly funds in place, follow-ups, problems.
  let related = { funds: 0, activities: 0, problems: 0 };
  const relatedMs = await timed(async () => {
    related = await generateProjectRelated(db, regionId, deptIds, today);
  });
  const [{ nodes: nodeCount } = { nodes: 0 }] = (
    (await db.execute(sql`select count(*)::int as nodes from project_node`)) as unknown as Rows<{
      nodes: number;
    }>
  ).rows;

  const out: BenchRecord[] = [];
  const pick = rng(21);
  const parkOf = () => parkIds[Math.floor(pick() * PARKS)]!;

  // The pipeline of one park (5k projects at large size) against one GROUP BY of the same rows.
  const pipeTimes: number[] = [];
  const refTimes: number[] = [];
  for (let i = 0; i < 25; i++) {
    const parkId = parkOf();
    const t = await timed(() => pipelineSummary(db, ctx.actor, { parkId }, today));
    const ref = await timed(() =>
      db.execute(
        sql`select stage, count(*), sum(total_investment_fen) from project where park_id = ${parkId} group by stage`,
      ),
    );
    if (i >= 5) {
      pipeTimes.push(t);
      refTimes.push(ref);
    }
  }
  out.push(
    record({
      scenario: "projects.pipeline_summary",
      backend,
      size,
      metric: `p95 of 20 parks' summaries (${n / PARKS} projects each)`,
      value: p95(pipeTimes),
      unit: "ms",
      reference: "one GROUP BY stage of the same park",
      reference_value: p95(refTimes),
      budget: backend === "postgres" ? { max: 50, label: "p95 ≤ 50 ms (PostgreSQL)" } : undefined,
    }),
  );
  const allMs = await timeMs(() => pipelineSummary(db, ctx.actor, {}, today), { repeats: 3 });
  const allRef = await timeMs(
    () => db.execute(sql`select stage, count(*), sum(total_investment_fen) from project group by stage`),
    { repeats: 3 },
  );
  out.push(
    record({
      scenario: "projects.pipeline_summary_all",
      backend,
      size,
      metric: `median, all ${n} projects`,
      value: allMs,
      unit: "ms",
      reference: "one GROUP BY stage of all projects",
      reference_value: allRef,
    }),
  );

  // The daily scan for overdue and due-soon nodes.
  let found = 0;
  const scanMs = await timeMs(
    async () => {
      found = (await scanNodeAlerts(db, today)).length;
    },
    { repeats: 3 },
  );
  const scanRef = await timeMs(
    () =>
      db.execute(sql`select id from project_node where status = 'pending' and due_on <= ${today}::date + 5`),
    { repeats: 3 },
  );
  out.push(
    record({
      scenario: "projects.node_alert_scan",
      backend,
      size,
      metric: `scan of ${nodeCount} nodes (${found} due or overdue)`,
      value: scanMs,
      unit: "ms",
      reference: "index range read of pending nodes due within 5 days",
      reference_value: scanRef,
      budget: { max: 1000, label: "≤ 1 s" },
    }),
  );

  // Lists filtered by park and stage, first page of 20.
  const listTimes: number[] = [];
  const pkTimes: number[] = [];
  const sample = (
    (await db.execute(
      sql`select id from project order by id limit 20 offset ${Math.floor(n / 2)}`,
    )) as unknown as Rows<{
      id: string;
    }>
  ).rows.map((x) => x.id);
  for (let i = 0; i < 55; i++) {
    const stage = projectStages[Math.floor(pick() * 7)]!;
    const q = projectQuery.parse({ parkId: parkOf(), stage, pageSize: 20 });
    const t = await timed(() => listProjects(db, ctx.actor, q, today));
    const ref = await timed(() =>
      db.execute(
        sql`select * from project where id in (${sql.join(
          sample.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      ),
    );
    if (i >= 5) {
      listTimes.push(t);
      pkTimes.push(ref);
    }
  }
  out.push(
    record({
      scenario: "projects.list_park_stage",
      backend,
      size,
      metric: "p95 of 50 first pages",
      value: p95(listTimes),
      unit: "ms",
      reference: "primary-key fetch of 20 rows",
      reference_value: p95(pkTimes),
      budget: backend === "postgres" ? { max: 50, label: "p95 ≤ 50 ms (PostgreSQL)" } : undefined,
    }),
  );
  out.push(
    record({
      scenario: "projects.load_related",
      backend,
      size,
      metric: `${related.funds} monthly fund rows, ${related.activities} follow-ups (linked), ${related.problems} problems (INSERT … SELECT)`,
      value: relatedMs,
      unit: "ms",
      reference: "—",
      reference_value: relatedMs,
    }),
  );
  out.push(
    record({
      scenario: "projects.load",
      backend,
      size,
      metric: `${n} projects, ${nodeCount} nodes, stage history (batched inserts)`,
      value: loadMs,
      unit: "ms",
      reference: "—",
      reference_value: loadMs,
    }),
  );
  return out;
}
