import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { PageQuery } from "../../../common/paging.js";
import type {
  Education,
  Gender,
  InstalmentRow,
  PayoutRow,
  ProgrammeRow,
  RewardQuery,
  RewardRow,
  RoundQuery,
  RoundRow,
  TalentLevel,
  TalentProjectQuery,
  TalentProjectRow,
  TalentProjectStatus,
  TalentQuery,
  TalentRow,
} from "../../../common/talent.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { likeText, offsetOf, orderBy } from "../../lib/paging.js";
import { scopeWhere } from "../../lib/scope.js";
import { regionVisible } from "../chains/chains.queries.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { park, region } from "../org/org.table.js";
import { assignedSubjects } from "../reviews/reviews.queries.js";
import { users } from "../users/users.table.js";
import {
  talent,
  talentInstalment,
  talentPayout,
  talentProgramme,
  talentProject,
  talentRound,
} from "./talent.table.js";

/** Programmes and rounds are a region's published calls: read like chains (home region and above). */
export const programmeScope = (a: Actor) => regionVisible(a, talentProgramme.regionId);
export const roundScope = (a: Actor) => regionVisible(a, talentRound.regionId);
/** People and their projects belong to a park: region grants reach the subtree, park grants the park. */
export const talentScope = (a: Actor) => scopeWhere(a, { region: talent.regionId, park: talent.parkId });
export const projectScope = (a: Actor) =>
  scopeWhere(a, {
    region: talentProject.regionId,
    park: talentProject.parkId,
    assigned: (userId) => sql`${talentProject.id} in ${assignedSubjects("talent_project", userId)}`,
  });

const inPark = (col: typeof talent.parkId | typeof talentProject.parkId, parkId: string) =>
  sql`${col} in (select ${park.id} from ${park} where ${park.id} = ${parkId} or ${park.parentId} = ${parkId})`;
const iso = (d: Date) => d.toISOString();

// ---- programmes ----

const programmeBase = (db: DbOrTx) =>
  db
    .select({ p: talentProgramme, regionName: region.name })
    .from(talentProgramme)
    .innerJoin(region, eq(region.id, talentProgramme.regionId));
const presentProgramme = ({
  p,
  regionName,
}: Awaited<ReturnType<typeof programmeBase>>[number]): ProgrammeRow => ({
  id: p.id,
  regionId: p.regionId,
  regionName,
  name: p.name,
  levels: p.levels,
  note: p.note,
  version: p.version,
  createdAt: iso(p.createdAt),
  updatedAt: iso(p.updatedAt),
});

export async function listProgrammes(db: DbOrTx, actor: Actor, q: PageQuery) {
  const w = and(programmeScope(actor), q.q ? ilike(talentProgramme.name, likeText(q.q)) : undefined);
  const sorts = { name: talentProgramme.name, createdAt: talentProgramme.createdAt };
  const [rows, [total]] = await Promise.all([
    programmeBase(db)
      .where(w)
      .orderBy(...orderBy(sorts, q, "createdAt", talentProgramme.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(talentProgramme).where(w),
  ]);
  return { items: rows.map(presentProgramme), total: total?.n ?? 0 };
}

export async function getProgramme(db: DbOrTx, actor: Actor, id: string) {
  const [r] = await programmeBase(db).where(and(eq(talentProgramme.id, id), programmeScope(actor)));
  return r ? presentProgramme(r) : null;
}

// ---- rounds ----

const roundBase = (db: DbOrTx) =>
  db
    .select({
      r: talentRound,
      programmeName: talentProgramme.name,
      projectCount: sql<number>`(select count(*)::int from ${talentProject} x where x.round_id = ${talentRound.id})`,
    })
    .from(talentRound)
    .innerJoin(talentProgramme, eq(talentProgramme.id, talentRound.programmeId));
const presentRound = ({
  r,
  programmeName,
  projectCount,
}: Awaited<ReturnType<typeof roundBase>>[number]): RoundRow => ({
  id: r.id,
  regionId: r.regionId,
  programmeId: r.programmeId,
  programmeName,
  name: r.name,
  opensOn: r.opensOn,
  closesOn: r.closesOn,
  note: r.note,
  projectCount: Number(projectCount),
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

export async function listRounds(db: DbOrTx, actor: Actor, q: RoundQuery, today: string) {
  const w = and(
    roundScope(actor),
    q.programmeId ? eq(talentRound.programmeId, q.programmeId) : undefined,
    q.open === "yes" ? sql`${today} between ${talentRound.opensOn} and ${talentRound.closesOn}` : undefined,
    q.open === "no"
      ? sql`not (${today} between ${talentRound.opensOn} and ${talentRound.closesOn})`
      : undefined,
    q.q ? ilike(talentRound.name, likeText(q.q)) : undefined,
  );
  const sorts = { name: talentRound.name, opensOn: talentRound.opensOn, closesOn: talentRound.closesOn };
  const [rows, [total]] = await Promise.all([
    roundBase(db)
      .where(w)
      .orderBy(
        ...orderBy(
          sorts,
          { sort: q.sort, order: q.order ?? (q.sort ? undefined : "desc") },
          "opensOn",
          talentRound.id,
        ),
      )
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(talentRound).where(w),
  ]);
  return { items: rows.map(presentRound), total: total?.n ?? 0 };
}

export async function getRound(db: DbOrTx, actor: Actor, id: string) {
  const [r] = await roundBase(db).where(and(eq(talentRound.id, id), roundScope(actor)));
  return r ? presentRound(r) : null;
}

// ---- talents ----

const talentBase = (db: DbOrTx) =>
  db
    .select({ t: talent, parkName: park.name, enterpriseName: enterprise.name })
    .from(talent)
    .innerJoin(park, eq(park.id, talent.parkId))
    .leftJoin(enterprise, eq(enterprise.id, talent.enterpriseId));
/** The raw row: the service masks the personal fields for readers without talent.personal. */
const presentTalent = ({
  t,
  parkName,
  enterpriseName,
}: Awaited<ReturnType<typeof talentBase>>[number]): TalentRow => ({
  id: t.id,
  regionId: t.regionId,
  parkId: t.parkId,
  parkName,
  enterpriseId: t.enterpriseId,
  enterpriseName,
  name: t.name,
  gender: t.gender as Gender,
  birthYear: t.birthYear,
  education: t.education as Education | null,
  title: t.title,
  field: t.field,
  phone: t.phone,
  idNumber: t.idNumber,
  email: t.email,
  masked: false,
  note: t.note,
  version: t.version,
  createdAt: iso(t.createdAt),
  updatedAt: iso(t.updatedAt),
});

export async function listTalents(db: DbOrTx, actor: Actor, q: TalentQuery) {
  const w = and(
    talentScope(actor),
    q.parkId ? inPark(talent.parkId, q.parkId) : undefined,
    q.enterpriseId ? eq(talent.enterpriseId, q.enterpriseId) : undefined,
    q.education ? eq(talent.education, q.education) : undefined,
    // Search by name, field and title only: personal fields are not searchable.
    q.q
      ? or(
          ilike(talent.name, likeText(q.q)),
          ilike(talent.field, likeText(q.q)),
          ilike(talent.title, likeText(q.q)),
        )
      : undefined,
  );
  const sorts = {
    name: talent.name,
    birthYear: talent.birthYear,
    parkName: park.name,
    createdAt: talent.createdAt,
    updatedAt: talent.updatedAt,
  };
  const [rows, [total]] = await Promise.all([
    talentBase(db)
      .where(w)
      .orderBy(...orderBy(sorts, q, "createdAt", talent.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(talent).innerJoin(park, eq(park.id, talent.parkId)).where(w),
  ]);
  return { items: rows.map(presentTalent), total: total?.n ?? 0 };
}

export async function getTalent(db: DbOrTx, actor: Actor, id: string) {
  const [r] = await talentBase(db).where(and(eq(talent.id, id), talentScope(actor)));
  return r ? presentTalent(r) : null;
}

// ---- talent projects ----

const plannedSql = sql<number>`(select coalesce(sum(i.amount_fen), 0)::float8 from ${talentInstalment} i where i.project_id = ${talentProject.id})`;
const paidSql = sql<number>`(select coalesce(sum(p.amount_fen), 0)::float8 from ${talentPayout} p where p.project_id = ${talentProject.id})`;

const projectBase = (db: DbOrTx) =>
  db
    .select({
      p: talentProject,
      parkName: park.name,
      roundName: talentRound.name,
      programmeId: talentProgramme.id,
      programmeName: talentProgramme.name,
      levels: talentProgramme.levels,
      talentName: talent.name,
      enterpriseName: enterprise.name,
      plannedFen: plannedSql,
      paidFen: paidSql,
    })
    .from(talentProject)
    .innerJoin(park, eq(park.id, talentProject.parkId))
    .innerJoin(talentRound, eq(talentRound.id, talentProject.roundId))
    .innerJoin(talentProgramme, eq(talentProgramme.id, talentRound.programmeId))
    .innerJoin(talent, eq(talent.id, talentProject.talentId))
    .leftJoin(enterprise, eq(enterprise.id, talentProject.enterpriseId));

export const capOf = (levels: TalentLevel[], code: string | null) =>
  code ? (levels.find((l) => l.code === code)?.capFen ?? null) : null;

const presentProject = (r: Awaited<ReturnType<typeof projectBase>>[number]): TalentProjectRow => ({
  id: r.p.id,
  regionId: r.p.regionId,
  parkId: r.p.parkId,
  parkName: r.parkName,
  roundId: r.p.roundId,
  roundName: r.roundName,
  programmeId: r.programmeId,
  programmeName: r.programmeName,
  talentId: r.p.talentId,
  talentName: r.talentName,
  enterpriseId: r.p.enterpriseId,
  enterpriseName: r.enterpriseName,
  name: r.p.name,
  field: r.p.field,
  levelApplied: r.p.levelApplied,
  levelRecognised: r.p.levelRecognised,
  status: r.p.status as TalentProjectStatus,
  appliedOn: r.p.appliedOn,
  recognisedOn: r.p.recognisedOn,
  capFen: capOf(r.levels, r.p.levelRecognised),
  plannedFen: Number(r.plannedFen),
  paidFen: Number(r.paidFen),
  note: r.p.note,
  version: r.p.version,
  createdAt: iso(r.p.createdAt),
  updatedAt: iso(r.p.updatedAt),
});

function projectFilters(q: Partial<TalentProjectQuery>): (SQL | undefined)[] {
  return [
    q.roundId ? eq(talentProject.roundId, q.roundId) : undefined,
    q.programmeId ? eq(talentRound.programmeId, q.programmeId) : undefined,
    q.parkId ? inPark(talentProject.parkId, q.parkId) : undefined,
    q.talentId ? eq(talentProject.talentId, q.talentId) : undefined,
    q.enterpriseId ? eq(talentProject.enterpriseId, q.enterpriseId) : undefined,
    q.status ? eq(talentProject.status, q.status) : undefined,
    q.level
      ? or(eq(talentProject.levelRecognised, q.level), eq(talentProject.levelApplied, q.level))
      : undefined,
    q.q ? or(ilike(talentProject.name, likeText(q.q)), ilike(talent.name, likeText(q.q))) : undefined,
  ];
}

export async function listProjects(db: DbOrTx, actor: Actor, q: TalentProjectQuery) {
  const w = and(projectScope(actor), ...projectFilters(q));
  const sorts = {
    name: talentProject.name,
    appliedOn: talentProject.appliedOn,
    recognisedOn: talentProject.recognisedOn,
    status: talentProject.status,
    talentName: talent.name,
    createdAt: talentProject.createdAt,
  };
  const [rows, [total]] = await Promise.all([
    projectBase(db)
      .where(w)
      .orderBy(...orderBy(sorts, q, "createdAt", talentProject.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db
      .select({ n: count() })
      .from(talentProject)
      .innerJoin(talentRound, eq(talentRound.id, talentProject.roundId))
      .innerJoin(talent, eq(talent.id, talentProject.talentId))
      .where(w),
  ]);
  return { items: rows.map(presentProject), total: total?.n ?? 0 };
}

export async function getProject(db: DbOrTx, actor: Actor, id: string) {
  const [r] = await projectBase(db).where(and(eq(talentProject.id, id), projectScope(actor)));
  return r ? presentProject(r) : null;
}

// ---- instalments and payouts ----

export async function instalmentsOf(db: DbOrTx, projectId: string): Promise<InstalmentRow[]> {
  const rows = await db
    .select()
    .from(talentInstalment)
    .where(eq(talentInstalment.projectId, projectId))
    .orderBy(asc(talentInstalment.seq));
  if (rows.length === 0) return [];
  const pays = await db
    .select({ p: talentPayout, createdByName: users.name })
    .from(talentPayout)
    .leftJoin(users, eq(users.id, talentPayout.createdBy))
    .where(
      inArray(
        talentPayout.instalmentId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(talentPayout.paidOn), asc(talentPayout.createdAt));
  const byInstalment = new Map<string, PayoutRow[]>();
  for (const { p, createdByName } of pays) {
    const list = byInstalment.get(p.instalmentId) ?? [];
    list.push({
      id: p.id,
      instalmentId: p.instalmentId,
      amountFen: p.amountFen,
      paidOn: p.paidOn,
      voucher: p.voucher,
      note: p.note,
      createdByName,
      createdAt: iso(p.createdAt),
    });
    byInstalment.set(p.instalmentId, list);
  }
  return rows.map((r) => {
    const payouts = byInstalment.get(r.id) ?? [];
    return {
      id: r.id,
      projectId: r.projectId,
      seq: r.seq,
      amountFen: r.amountFen,
      condition: r.condition,
      dueOn: r.dueOn,
      conditionMet: r.conditionMet,
      metOn: r.metOn,
      paidFen: payouts.reduce((a, p) => a + p.amountFen, 0),
      payouts,
      version: r.version,
    };
  });
}

export async function lockInstalment(db: DbOrTx, id: string) {
  const [row] = await db.select().from(talentInstalment).where(eq(talentInstalment.id, id)).for("update");
  return row ?? null;
}

/** The reward ledger: every instalment in scope with its project, for the rewards page and export. */
export async function listRewards(db: DbOrTx, actor: Actor, q: RewardQuery) {
  const paidOf = sql<number>`(select coalesce(sum(p.amount_fen), 0)::float8 from ${talentPayout} p where p.instalment_id = ${talentInstalment.id})`;
  const w = and(
    projectScope(actor),
    q.parkId ? inPark(talentProject.parkId, q.parkId) : undefined,
    q.roundId ? eq(talentProject.roundId, q.roundId) : undefined,
    q.state === "unmet" ? eq(talentInstalment.conditionMet, false) : undefined,
    q.state === "payable"
      ? and(eq(talentInstalment.conditionMet, true), sql`${paidOf} < ${talentInstalment.amountFen}`)
      : undefined,
    q.state === "paid" ? sql`${paidOf} >= ${talentInstalment.amountFen}` : undefined,
    q.q ? or(ilike(talentProject.name, likeText(q.q)), ilike(talent.name, likeText(q.q))) : undefined,
  );
  const sorts = {
    dueOn: talentInstalment.dueOn,
    amountFen: talentInstalment.amountFen,
    projectName: talentProject.name,
  };
  const [rows, [total]] = await Promise.all([
    db
      .select({
        i: talentInstalment,
        projectName: talentProject.name,
        talentName: talent.name,
        parkName: park.name,
        level: talentProject.levelRecognised,
        paidFen: paidOf,
      })
      .from(talentInstalment)
      .innerJoin(talentProject, eq(talentProject.id, talentInstalment.projectId))
      .innerJoin(talent, eq(talent.id, talentProject.talentId))
      .innerJoin(park, eq(park.id, talentProject.parkId))
      .where(w)
      .orderBy(
        ...orderBy(sorts, { sort: q.sort ?? "dueOn", order: q.order ?? "asc" }, "dueOn", talentInstalment.id),
      )
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db
      .select({ n: count() })
      .from(talentInstalment)
      .innerJoin(talentProject, eq(talentProject.id, talentInstalment.projectId))
      .innerJoin(talent, eq(talent.id, talentProject.talentId))
      .where(w),
  ]);
  const items: RewardRow[] = rows.map((r) => ({
    id: r.i.id,
    projectId: r.i.projectId,
    seq: r.i.seq,
    amountFen: r.i.amountFen,
    condition: r.i.condition,
    dueOn: r.i.dueOn,
    conditionMet: r.i.conditionMet,
    metOn: r.i.metOn,
    paidFen: Number(r.paidFen),
    version: r.i.version,
    projectName: r.projectName,
    talentName: r.talentName,
    parkName: r.parkName,
    level: r.level,
  }));
  return { items, total: total?.n ?? 0 };
}
