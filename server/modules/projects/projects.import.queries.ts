import { and, asc, eq, sql } from "drizzle-orm";
import type { ProjectStage } from "../../../common/project.schema.js";
import { projectStages, stageIndex } from "../../../common/project.schema.js";
import type { DbOrTx } from "../../db/client.js";
import { auditBatch } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { newId } from "../../lib/ids.js";
import type { ImportRunInfo } from "../../lib/importer/importer.types.js";
import { findByName, findByUscc } from "../enterprises/enterprises.queries.js";
import { createEnterprise } from "../enterprises/enterprises.service.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { stageDatesJson, stageDatesSql } from "./projects.queries.js";
import { projectNameKey } from "./projects.service.js";
import { project, projectCredit, projectImportStage, projectStageEvent } from "./projects.table.js";

/** One ledger row, validated: amounts in fen (foreign capital in US-dollar cents), areas in m². */
export interface StagedProject {
  code: string | null;
  name: string;
  investorName: string;
  investorUscc: string | null;
  regionId: string;
  parkId: string | null;
  teamId: string;
  channel: string;
  kind: string;
  totalInvestmentFen: number | null;
  foreignCapitalCents: number | null;
  fixedAssetFen: number | null;
  landDemandM2: number | null;
  floorDemandM2: number | null;
  expectedOutputFen: number | null;
  expectedTaxFen: number | null;
  jobs: number | null;
  stage: ProjectStage;
  /** the day each dated stage (lead, signed, construction, completed, production) was reached */
  dates: Record<string, string | null>;
  summary: string | null;
}

export async function stageProjects(
  db: DbOrTx,
  jobId: string,
  rows: { rowNo: number; row: StagedProject }[],
) {
  if (rows.length === 0) return;
  await db.insert(projectImportStage).values(rows.map((r) => ({ jobId, rowNo: r.rowNo, row: { ...r.row } })));
}

export async function clearProjectStage(db: DbOrTx, jobId: string) {
  await db.delete(projectImportStage).where(eq(projectImportStage.jobId, jobId));
}

async function staged(db: DbOrTx, jobId: string) {
  const rows = await db
    .select()
    .from(projectImportStage)
    .where(eq(projectImportStage.jobId, jobId))
    .orderBy(asc(projectImportStage.rowNo));
  return rows.map((r) => ({ rowNo: r.rowNo, row: r.row as unknown as StagedProject }));
}

/** The project a row updates: by its code, else by park (or region), name and investor name. */
async function existing(db: DbOrTx, r: StagedProject) {
  const [row] = await db
    .select({ id: project.id, version: project.version, stage: project.stage, stageDates: stageDatesJson() })
    .from(project)
    .innerJoin(enterprise, eq(enterprise.id, project.investorId))
    .where(
      r.code
        ? eq(project.code, r.code)
        : and(
            r.parkId ? eq(project.parkId, r.parkId) : eq(project.regionId, r.regionId),
            eq(project.name, r.name),
            eq(enterprise.name, r.investorName),
          ),
    )
    .limit(1);
  return row ?? null;
}

export async function reviewProjects(ctx: ActorCtx, jobId: string) {
  let create = 0;
  let update = 0;
  for (const { row } of await staged(ctx.db, jobId)) {
    if (await existing(ctx.db, row)) update++;
    else create++;
  }
  return { problems: [], create, update };
}

/** Stage dates by pipeline order, the known ones filled in. */
function stageDatesOf(r: StagedProject, before: (string | null)[] = []): (string | null)[] {
  const out = [...before];
  for (const [stage, day] of Object.entries(r.dates)) {
    if (!day) continue;
    const i = stageIndex(stage as ProjectStage);
    while (out.length <= i) out.push(null);
    out[i] = day;
  }
  while (out.length && out.at(-1) === null) out.pop();
  return out;
}

const fieldsOf = (r: StagedProject) => ({
  name: r.name,
  kind: r.kind,
  regionId: r.regionId,
  parkId: r.parkId,
  teamId: r.teamId,
  channel: r.channel,
  totalInvestmentFen: r.totalInvestmentFen,
  foreignCapitalCents: r.foreignCapitalCents,
  fixedAssetFen: r.fixedAssetFen,
  landDemandM2: r.landDemandM2,
  floorDemandM2: r.floorDemandM2,
  expectedOutputFen: r.expectedOutputFen,
  expectedTaxFen: r.expectedTaxFen,
  jobs: r.jobs,
  summary: r.summary,
});

/** Ledger keys → project fields: on update only the mapped ones are written. */
const fieldOfKey: Record<string, keyof ReturnType<typeof fieldsOf>> = {
  name: "name",
  kind: "kind",
  park: "parkId",
  team: "teamId",
  channel: "channel",
  totalInvestment: "totalInvestmentFen",
  foreignCapital: "foreignCapitalCents",
  fixedAsset: "fixedAssetFen",
  land: "landDemandM2",
  floor: "floorDemandM2",
  output: "expectedOutputFen",
  tax: "expectedTaxFen",
  jobs: "jobs",
  summary: "summary",
};

/**
 * One transaction: each row's investor is found by USCC or by name in the region, else registered
 * as a new (possibly unregistered) firm; projects are created with their stage history, or updated.
 */
export function commitProjects(ctx: ActorCtx, run: ImportRunInfo) {
  return inTx(ctx, async (tx) => {
    const today = chinaDay(tx.now());
    const touched = new Map<string, string[]>();
    let created = 0;
    let updated = 0;
    for (const { row: r } of await staged(tx.db, run.jobId)) {
      const found =
        (r.investorUscc ? await findByUscc(tx.db, r.investorUscc) : null) ??
        (await findByName(tx.db, r.regionId, r.investorName));
      const investorId =
        found?.id ??
        (
          await createEnterprise(tx, {
            name: r.investorName,
            uscc: r.investorUscc,
            regionId: r.regionId,
            parkId: r.parkId,
          })
        ).id;
      const before = await existing(tx.db, r);
      let id: string;
      if (before) {
        id = before.id;
        const all = fieldsOf(r);
        const patch = Object.fromEntries(
          run.mapped.filter((k) => fieldOfKey[k]).map((k) => [fieldOfKey[k], all[fieldOfKey[k]!]]),
        );
        const stageChanged = run.mapped.includes("stage") && r.stage !== before.stage;
        await tx.db
          .update(project)
          .set({
            ...patch,
            investorId,
            ...(patch.name ? { nameKey: projectNameKey(r.name) } : {}),
            ...(stageChanged ? { stage: r.stage, stageOn: today } : {}),
            stageDates: stageDatesSql(stageDatesOf(r, before.stageDates)),
            version: before.version + 1,
            updatedAt: tx.now(),
          })
          .where(eq(project.id, id));
        if (stageChanged) {
          await tx.db.insert(projectStageEvent).values({
            id: newId(),
            projectId: id,
            fromStage: before.stage,
            toStage: r.stage,
            on: today,
            reason: `台账导入：${run.fileName}`,
            actorId: tx.actor.id,
          });
        }
        updated++;
      } else {
        id = newId();
        const dates = stageDatesOf(r);
        const leadOn = dates[0] ?? dates.find(Boolean) ?? today;
        if (!dates[0]) dates[0] = leadOn;
        const seq = (
          (await tx.db.execute(sql`select nextval('project_code_seq')::text as n`)) as unknown as {
            rows: { n: string }[];
          }
        ).rows[0]!.n;
        const reachedOn = [...dates].reverse().find(Boolean) ?? leadOn;
        await tx.db.insert(project).values({
          ...fieldsOf(r),
          id,
          code: r.code ?? `XM${today.slice(0, 4)}-${seq.padStart(5, "0")}`,
          investorId,
          stage: r.stage,
          stageOn: reachedOn,
          stageDates: stageDatesSql(dates),
          nameKey: projectNameKey(r.name),
          registeredBy: tx.actor.id,
        });
        await tx.db
          .insert(projectCredit)
          .values({ projectId: id, teamId: r.teamId, userId: null, percent: 100 });
        // The history the ledger shows: each dated stage, then the stage it stands at now.
        const events = projectStages
          .map((s, i) => [s, dates[i]] as const)
          .filter(([, d]) => d)
          .map(([s, d], i, all) => ({
            from: (i ? all[i - 1]![0] : null) as string | null,
            to: s as string,
            on: d!,
          }));
        if (events.at(-1)?.to !== r.stage)
          events.push({ from: events.at(-1)?.to ?? null, to: r.stage, on: reachedOn });
        await tx.db.insert(projectStageEvent).values(
          events.map((e) => ({
            id: newId(),
            projectId: id,
            fromStage: e.from,
            toStage: e.to,
            on: e.on,
            reason: `台账导入：${run.fileName}`,
            actorId: tx.actor.id,
          })),
        );
        created++;
      }
      touched.set(r.regionId, [...(touched.get(r.regionId) ?? []), id]);
    }
    for (const [regionId, ids] of touched) {
      await auditBatch(tx, {
        action: "import",
        subjectType: "project",
        regionId,
        ids,
        counts: { rows: ids.length },
        meta: { file: run.fileName, job: run.jobId },
      });
    }
    return { created, updated };
  });
}
