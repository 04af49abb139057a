import type { z } from "zod";
import {
  maskEmail,
  maskIdNumber,
  maskPhone,
  type ProgrammeCreate,
  type ProgrammeRow,
  type programmeUpdate,
  type RoundCreate,
  type RoundRow,
  type roundUpdate,
  type TalentCreate,
  type TalentPersonal,
  type TalentProjectCreate,
  type TalentProjectRow,
  type TalentQuery,
  type TalentRow,
  type TalentUpdate,
  type talentProjectUpdate,
} from "../../../common/talent.schema.js";
import type { ActorCtx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { AppError, notFound } from "../../lib/errors.js";
import { requirePermission } from "../../lib/policy.js";
import { createRecord, deleteRecord, type RecordKind, updateRecord } from "../../lib/records.js";
import { assertRegionWritable } from "../../lib/scope.js";
import { registerSubject } from "../../lib/subjects.js";
import { getEnterprise } from "../enterprises/enterprises.queries.js";
import { getPark } from "../org/org.queries.js";
import * as q from "./talent.queries.js";
import { talent, talentProgramme, talentProject, talentRound } from "./talent.table.js";

export const invalid = (path: string, zh: string, en: string) =>
  new AppError("VALIDATION", { zh, en }, [{ path, message: zh }]);
export const today = (ctx: ActorCtx) => chinaDay(ctx.now());
export const wan = (fen: number) =>
  `${(fen / 1_000_000).toLocaleString("zh-CN", { maximumFractionDigits: 2 })} 万元`;

// ---- programmes ----

type ProgrammeInput = ProgrammeCreate;
const programmeKind: RecordKind<ProgrammeRow, ProgrammeInput> = {
  subjectType: "talent_programme",
  table: talentProgramme,
  permission: "talent.manage",
  texts: {
    duplicate: { zh: "该行政区已有同名人才计划", en: "A programme of this name exists" },
    field: "name",
    inUse: { zh: "该计划下已有申报批次，不能删除", en: "The programme has rounds" },
  },
  get: (ctx, id) => q.getProgramme(ctx.db, ctx.actor, id),
  check: async (ctx, input) => {
    if (input.regionId) await assertRegionWritable(ctx.db, ctx.actor, input.regionId);
  },
};
export const getProgramme = (ctx: ActorCtx, id: string) => q.getProgramme(ctx.db, ctx.actor, id);
export const listProgrammes = (ctx: ActorCtx, query: Parameters<typeof q.listProgrammes>[2]) =>
  q.listProgrammes(ctx.db, ctx.actor, query);
export const createProgramme = (ctx: ActorCtx, input: ProgrammeCreate) =>
  createRecord(ctx, programmeKind, input);
export const updateProgramme = (ctx: ActorCtx, id: string, input: z.infer<typeof programmeUpdate>) =>
  updateRecord(ctx, programmeKind, id, input);
export const deleteProgramme = (ctx: ActorCtx, id: string, version: number) =>
  deleteRecord(ctx, programmeKind, id, version);

// ---- rounds ----

type RoundInput = RoundCreate & { regionId: string };
const roundKind: RecordKind<RoundRow, RoundInput> = {
  subjectType: "talent_round",
  table: talentRound,
  permission: "talent.manage",
  texts: {
    duplicate: { zh: "该计划已有同名申报批次", en: "A round of this name exists" },
    field: "name",
    inUse: { zh: "该批次已有申报项目，不能删除", en: "The round has applications" },
  },
  get: (ctx, id) => q.getRound(ctx.db, ctx.actor, id),
  check: async (ctx, input, before) => {
    const opens = input.opensOn ?? before?.opensOn;
    const closes = input.closesOn ?? before?.closesOn;
    if (opens && closes && opens > closes)
      throw invalid("closesOn", "截止日期不能早于开始日期", "Closes before it opens");
    if (input.regionId) await assertRegionWritable(ctx.db, ctx.actor, input.regionId);
  },
};
export const getRound = (ctx: ActorCtx, id: string) => q.getRound(ctx.db, ctx.actor, id);
export async function createRound(ctx: ActorCtx, input: RoundCreate) {
  requirePermission(ctx.actor.permissions, "talent.manage");
  const p = await q.getProgramme(ctx.db, ctx.actor, input.programmeId);
  if (!p) throw invalid("programmeId", "人才计划不存在或不在您的管辖范围内", "Unknown programme");
  return createRecord(ctx, roundKind, { ...input, regionId: p.regionId });
}
export const updateRound = (ctx: ActorCtx, id: string, input: z.infer<typeof roundUpdate>) =>
  updateRecord(ctx, roundKind, id, input);
export const deleteRound = (ctx: ActorCtx, id: string, version: number) =>
  deleteRecord(ctx, roundKind, id, version);

// ---- talents: personal fields only for talent.personal ----

const mask = (t: TalentRow): TalentRow => ({
  ...t,
  phone: maskPhone(t.phone),
  idNumber: maskIdNumber(t.idNumber),
  email: maskEmail(t.email),
  masked: true,
});
/** What a reader may see of a talent: the raw fields with talent.personal, masked ones otherwise. */
export const forReader = (ctx: ActorCtx, t: TalentRow) =>
  ctx.actor.permissions.has("talent.personal") ? t : mask(t);

type TalentInput = TalentCreate & { regionId: string };
const talentKind: RecordKind<TalentRow, TalentInput> = {
  subjectType: "talent",
  table: talent,
  permission: "talent.manage",
  texts: {
    duplicate: { zh: "该证件号已登记为另一位人才", en: "This ID number belongs to another talent" },
    field: "idNumber",
    inUse: { zh: "该人才已有人才项目或公寓分配，不能删除", en: "The talent has projects or allocations" },
  },
  // Masked always: the audit trail never holds a phone or ID number in the clear.
  get: async (ctx, id) => {
    const t = await q.getTalent(ctx.db, ctx.actor, id);
    return t && mask(t);
  },
  check: async (ctx, input) => {
    if (input.enterpriseId) await firmInScope(ctx, input.enterpriseId);
  },
};

async function firmInScope(ctx: ActorCtx, id: string) {
  if (!(await getEnterprise(ctx.db, ctx.actor, id, today(ctx)))) {
    throw invalid("enterpriseId", "企业不存在或不在您的管辖范围内", "Unknown enterprise");
  }
}
async function parkRegion(ctx: ActorCtx, parkId: string) {
  const p = await getPark(ctx.db, ctx.actor, parkId);
  if (!p) throw invalid("parkId", "园区不存在或不在您的管辖范围内", "Unknown park");
  return p.regionId;
}
/** Writing contact or identity data needs the right to read it. */
function assertPersonalWrite(ctx: ActorCtx, input: Partial<TalentCreate>) {
  if (
    (input.phone !== undefined || input.idNumber !== undefined || input.email !== undefined) &&
    !ctx.actor.permissions.has("talent.personal")
  ) {
    throw new AppError("FORBIDDEN", {
      zh: "您没有查看和修改人才联系方式、证件信息的权限",
      en: "You may not read or change personal data",
    });
  }
}

export async function listTalents(ctx: ActorCtx, query: TalentQuery) {
  requirePermission(ctx.actor.permissions, "talent.read");
  const page = await q.listTalents(ctx.db, ctx.actor, query);
  return { ...page, items: page.items.map((t) => forReader(ctx, t)) };
}
export async function getTalent(ctx: ActorCtx, id: string) {
  const t = await q.getTalent(ctx.db, ctx.actor, id);
  return t && forReader(ctx, t);
}
/** The explicit request for personal data: 404 outside scope, 403 without talent.personal. */
export async function getPersonal(ctx: ActorCtx, id: string): Promise<TalentPersonal> {
  const t = await q.getTalent(ctx.db, ctx.actor, id);
  if (!t) throw notFound();
  requirePermission(ctx.actor.permissions, "talent.personal");
  return { phone: t.phone, idNumber: t.idNumber, email: t.email };
}
export async function createTalent(ctx: ActorCtx, input: TalentCreate) {
  requirePermission(ctx.actor.permissions, "talent.manage");
  assertPersonalWrite(ctx, input);
  const created = await createRecord(ctx, talentKind, {
    ...input,
    regionId: await parkRegion(ctx, input.parkId),
  });
  return (await getTalent(ctx, created.id))!;
}
export async function updateTalent(ctx: ActorCtx, id: string, input: TalentUpdate) {
  const before = await q.getTalent(ctx.db, ctx.actor, id);
  if (!before) throw notFound();
  requirePermission(ctx.actor.permissions, "talent.manage");
  assertPersonalWrite(ctx, input);
  const patch: Partial<TalentInput> & { version: number } = { ...input };
  if (input.parkId && input.parkId !== before.parkId) patch.regionId = await parkRegion(ctx, input.parkId);
  await updateRecord(ctx, talentKind, id, patch);
  return (await getTalent(ctx, id))!;
}
export const deleteTalent = (ctx: ActorCtx, id: string, version: number) =>
  deleteRecord(ctx, talentKind, id, version);

// ---- talent projects ----

type ProjectInput = Omit<TalentProjectCreate, "appliedOn"> & {
  appliedOn: string;
  regionId: string;
  parkId: string;
  status?: string;
  levelRecognised?: string | null;
  recognisedOn?: string | null;
};
export const projectKind: RecordKind<TalentProjectRow, ProjectInput> = {
  subjectType: "talent_project",
  table: talentProject,
  permission: "talent.manage",
  texts: { inUse: { zh: "该人才项目已有奖励兑现记录，不能删除", en: "The project has rewards" } },
  get: (ctx, id) => q.getProject(ctx.db, ctx.actor, id),
  check: async (ctx, input) => {
    if (input.enterpriseId) await firmInScope(ctx, input.enterpriseId);
  },
};

export const getTalentProject = (ctx: ActorCtx, id: string) => q.getProject(ctx.db, ctx.actor, id);
export function listTalentProjects(ctx: ActorCtx, query: Parameters<typeof q.listProjects>[2]) {
  requirePermission(ctx.actor.permissions, "talent.read");
  return q.listProjects(ctx.db, ctx.actor, query);
}

/** An application: inside its round's dates, at a level of the round's programme, for a talent in scope. */
export async function applyProject(ctx: ActorCtx, input: TalentProjectCreate) {
  requirePermission(ctx.actor.permissions, "talent.manage");
  const round = await q.getRound(ctx.db, ctx.actor, input.roundId);
  if (!round) throw invalid("roundId", "申报批次不存在或不在您的管辖范围内", "Unknown round");
  const appliedOn = input.appliedOn ?? today(ctx);
  if (appliedOn < round.opensOn || appliedOn > round.closesOn) {
    throw invalid(
      "appliedOn",
      `申报日期 ${appliedOn} 不在「${round.name}」的申报期（${round.opensOn} 至 ${round.closesOn}）内，不能申报`,
      `The round is open from ${round.opensOn} to ${round.closesOn}`,
    );
  }
  const programme = (await q.getProgramme(ctx.db, ctx.actor, round.programmeId))!;
  if (!programme.levels.some((l) => l.code === input.levelApplied)) {
    throw invalid(
      "levelApplied",
      `「${programme.name}」没有 ${input.levelApplied} 等级（可选：${programme.levels.map((l) => l.code).join("、")}）`,
      "Unknown level",
    );
  }
  const person = await q.getTalent(ctx.db, ctx.actor, input.talentId);
  if (!person) throw invalid("talentId", "人才不存在或不在您的管辖范围内", "Unknown talent");
  return createRecord(ctx, projectKind, {
    ...input,
    enterpriseId: input.enterpriseId ?? person.enterpriseId,
    appliedOn,
    regionId: person.regionId,
    parkId: person.parkId,
  });
}

export async function updateTalentProject(
  ctx: ActorCtx,
  id: string,
  input: z.infer<typeof talentProjectUpdate>,
) {
  const before = await q.getProject(ctx.db, ctx.actor, id);
  if (!before) throw notFound();
  if (before.status === "recognised" || before.status === "rejected") {
    throw new AppError("CONFLICT", {
      zh: "项目已认定或未通过，不能再修改申报内容",
      en: "The project is closed",
    });
  }
  if (input.levelApplied) {
    const p = (await q.getProgramme(ctx.db, ctx.actor, before.programmeId))!;
    if (!p.levels.some((l) => l.code === input.levelApplied)) {
      throw invalid("levelApplied", `「${p.name}」没有 ${input.levelApplied} 等级`, "Unknown level");
    }
  }
  return updateRecord(ctx, projectKind, id, input);
}

export async function deleteTalentProject(ctx: ActorCtx, id: string, version: number) {
  const before = await q.getProject(ctx.db, ctx.actor, id);
  if (before?.status === "recognised") {
    throw new AppError("CONFLICT", {
      zh: "已认定的人才项目不能删除",
      en: "A recognised project cannot be deleted",
    });
  }
  return deleteRecord(ctx, projectKind, id, version);
}

// Reviews, files and activities attach to talent projects; an expert reaches one through its panel.
registerSubject("talent_project", async (ctx, id) => {
  const p = await q.getProject(ctx.db, ctx.actor, id);
  return (
    p && {
      regionId: p.regionId,
      label: p.name,
      enterpriseIds: p.enterpriseId ? [p.enterpriseId] : [],
      writable: ctx.actor.permissions.has("talent.manage"),
    }
  );
});
