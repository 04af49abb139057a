import { and, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  EnterpriseCreate,
  EnterpriseUpdate,
  labelCreate,
  mergeBody,
  yearUpsert,
} from "../../../common/enterprise.schema.js";
import { audit, changed } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import type { ConstraintTexts } from "../../lib/db-errors.js";
import { AppError, notFound, stale } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../../lib/policy.js";
import { createRecord, deleteRecord, type RecordKind, updateRecord } from "../../lib/records.js";
import { assertRegionWritable } from "../../lib/scope.js";
import * as orgQ from "../org/org.queries.js";
import { userExists } from "../users/users.queries.js";
import { mergeHandlers } from "./enterprises.merge.js";
import * as q from "./enterprises.queries.js";
import { searchColumnsOf } from "./enterprises.search.js";
import { refreshSizes } from "./enterprises.sizes.js";
import { enterprise, enterpriseLabel, enterpriseYear } from "./enterprises.table.js";
import { resolveIndustryCode } from "./industries.reference.js";

type Row = q.EnterpriseRow;

const invalid = (path: string, zh: string, en: string) =>
  new AppError("VALIDATION", { zh, en }, [{ path, message: zh }]);

export const enterpriseTexts: ConstraintTexts = {
  duplicate: { zh: "已有相同统一社会信用代码的企业", en: "An enterprise with this USCC already exists" },
  field: "uscc",
  inUse: { zh: "企业仍被其他记录引用，不能删除", en: "The enterprise is still referenced" },
};

/** Reference checks shared by the form and the importer's rows. */
export async function checkEnterpriseRefs(
  ctx: ActorCtx,
  input: Partial<EnterpriseCreate>,
  before?: { regionId: string; parkId: string | null },
) {
  const regionId = input.regionId ?? before?.regionId;
  const parkId = input.parkId === undefined ? before?.parkId : input.parkId;
  // A park in the user's scope is enough (park officers hold no region grant); else the region must be theirs.
  if (input.regionId && input.regionId !== before?.regionId && !parkId) {
    await assertRegionWritable(ctx.db, ctx.actor, input.regionId);
  }
  if (parkId && (input.parkId !== undefined || input.regionId !== undefined)) {
    const p = await orgQ.getPark(ctx.db, ctx.actor, parkId);
    if (!p) throw notFound();
    if (p.regionId !== regionId) {
      throw invalid("parkId", "所选园区不属于该行政区", "The park is not in the chosen region");
    }
  }
  if (input.industryCode && !resolveIndustryCode(input.industryCode)) {
    throw invalid(
      "industryCode",
      "行业代码不在国民经济行业分类（GB/T 4754-2017）中",
      "Unknown industry code",
    );
  }
  if (input.foundedOn && input.foundedOn > chinaDay(ctx.now())) {
    throw invalid("foundedOn", "成立日期不能晚于今天", "The founding date is in the future");
  }
  if (input.specialistId && !(await userExists(ctx.db, input.specialistId))) {
    throw invalid("specialistId", "服务专员不存在", "No such service specialist");
  }
}

const enterprises: RecordKind<Row, EnterpriseCreate> = {
  subjectType: "enterprise",
  table: enterprise,
  permission: "enterprise.write",
  texts: enterpriseTexts,
  get: (ctx, id) => q.getEnterprise(ctx.db, ctx.actor, id, chinaDay(ctx.now())),
  check: (ctx, input, before) => checkEnterpriseRefs(ctx, input, before),
  derive: (input, before) => {
    const out: Record<string, unknown> = {};
    if (input.industryCode) out.industryCode = resolveIndustryCode(input.industryCode);
    if (input.name !== undefined || input.formerNames !== undefined) {
      Object.assign(
        out,
        searchColumnsOf(input.name ?? before!.name, input.formerNames ?? before?.formerNames ?? []),
      );
    }
    return out;
  },
};

export const createEnterprise = (ctx: ActorCtx, input: EnterpriseCreate) =>
  createRecord(ctx, enterprises, input);
export const updateEnterprise = (ctx: ActorCtx, id: string, input: EnterpriseUpdate) =>
  updateRecord(ctx, enterprises, id, input);
export const deleteEnterprise = (ctx: ActorCtx, id: string, version: number) =>
  deleteRecord(ctx, enterprises, id, version);

/** The firm in scope with the permission to change it (404 outside scope, 403 without the right). */
async function writable(ctx: ActorCtx, id: string): Promise<Row> {
  const row = await enterprises.get(ctx, id);
  if (!row) throw notFound();
  requirePermission(ctx.actor.permissions, "enterprise.write");
  return row;
}

export async function addLabel(ctx: ActorCtx, id: string, input: z.infer<typeof labelCreate>) {
  return inTx(ctx, async (tx) => {
    const firm = await writable(tx, id);
    const labelId = newId();
    await tx.db.insert(enterpriseLabel).values({ id: labelId, enterpriseId: id, ...input });
    await audit(tx, {
      action: "label_add",
      subjectType: "enterprise",
      subjectId: id,
      regionId: firm.regionId,
      after: input,
      meta: { label: firm.name },
    });
    return { id: labelId };
  });
}

export async function removeLabel(ctx: ActorCtx, id: string, labelId: string) {
  await inTx(ctx, async (tx) => {
    const firm = await writable(tx, id);
    const [gone] = await tx.db
      .delete(enterpriseLabel)
      .where(and(eq(enterpriseLabel.id, labelId), eq(enterpriseLabel.enterpriseId, id)))
      .returning();
    if (!gone) throw notFound();
    await audit(tx, {
      action: "label_remove",
      subjectType: "enterprise",
      subjectId: id,
      regionId: firm.regionId,
      before: { label: gone.label, source: gone.source, validFrom: gone.validFrom, validTo: gone.validTo },
      meta: { label: firm.name },
    });
  });
}

/** The firm's size class follows its latest year that states one. */
export async function refreshSizeClass(ctx: ActorCtx, ids: string[] | "all") {
  await refreshSizes(
    ctx.db,
    ids === "all"
      ? sql`select ${enterprise.id} from ${enterprise}`
      : sql`select unnest(${`{${ids.join(",")}}`}::uuid[])`,
  );
}

export async function saveYear(ctx: ActorCtx, id: string, year: number, input: z.infer<typeof yearUpsert>) {
  return inTx(ctx, async (tx) => {
    const firm = await writable(tx, id);
    const { version, source, ...figures } = input;
    const [before] = await tx.db
      .select()
      .from(enterpriseYear)
      .where(and(eq(enterpriseYear.enterpriseId, id), eq(enterpriseYear.year, year)));
    const from = source ?? `${tx.actor.name} 填报`;
    const sources = { ...before?.sources };
    for (const [k, v] of Object.entries(figures)) if (v !== undefined && v !== null) sources[k] = from;
    if (before) {
      if (version !== undefined && version !== before.version) throw stale();
      await tx.db
        .update(enterpriseYear)
        .set({ ...figures, sources, version: before.version + 1, updatedAt: tx.now() })
        .where(eq(enterpriseYear.id, before.id));
    } else {
      await tx.db.insert(enterpriseYear).values({ id: newId(), enterpriseId: id, year, ...figures, sources });
    }
    await refreshSizeClass(tx, [id]);
    const [after] = await tx.db
      .select()
      .from(enterpriseYear)
      .where(and(eq(enterpriseYear.enterpriseId, id), eq(enterpriseYear.year, year)));
    await audit(tx, {
      action: "year_save",
      subjectType: "enterprise",
      subjectId: id,
      regionId: firm.regionId,
      ...(before ? changed(before, after!) : { after }),
      meta: { label: `${firm.name} ${year} 年度` },
    });
    return after!;
  });
}

export async function deleteYear(ctx: ActorCtx, id: string, year: number) {
  await inTx(ctx, async (tx) => {
    const firm = await writable(tx, id);
    const [gone] = await tx.db
      .delete(enterpriseYear)
      .where(and(eq(enterpriseYear.enterpriseId, id), eq(enterpriseYear.year, year)))
      .returning();
    if (!gone) throw notFound();
    await refreshSizeClass(tx, [id]);
    await audit(tx, {
      action: "year_delete",
      subjectType: "enterprise",
      subjectId: id,
      regionId: firm.regionId,
      before: gone,
      meta: { label: `${firm.name} ${year} 年度` },
    });
  });
}

const fillable = [
  "legalRep",
  "registeredCapitalFen",
  "foundedOn",
  "industryCode",
  "parkId",
  "address",
  "lng",
  "lat",
  "employees",
  "specialistId",
] as const;

/**
 * Merges `sourceId` into `id`: the kept firm takes the other's blanks, names (as former
 * names), labels and years, every module repoints its references, then the other is removed.
 * Both trails stay: the removed firm's history ends with a "merged away" entry.
 */
export async function mergeEnterprise(ctx: ActorCtx, id: string, body: z.infer<typeof mergeBody>) {
  return inTx(ctx, async (tx) => {
    const today = chinaDay(tx.now());
    const into = await q.getEnterprise(tx.db, tx.actor, id, today);
    const from = await q.getEnterprise(tx.db, tx.actor, body.sourceId, today);
    if (!into || !from) throw notFound();
    requirePermission(tx.actor.permissions, "enterprise.merge");
    if (into.version !== body.version) throw stale();
    if (into.id === from.id) throw invalid("sourceId", "不能与自身合并", "Cannot merge a firm into itself");
    if (into.uscc && from.uscc && into.uscc !== from.uscc) {
      throw invalid(
        "sourceId",
        "两家企业的统一社会信用代码不同，是不同的法人，不能合并",
        "Both firms have different USCCs: they are different legal persons",
      );
    }
    const patch: Record<string, unknown> = {};
    for (const k of fillable) if (into[k] == null && from[k] != null) patch[k] = from[k];
    const formerNames = [...new Set([...into.formerNames, from.name, ...from.formerNames])].filter(
      (n) => n !== into.name,
    );
    const contacts = [...into.contacts];
    for (const c of from.contacts) if (!contacts.some((x) => x.name === c.name)) contacts.push(c);

    for (const handler of mergeHandlers()) await handler(tx, from.id, into.id);
    await mergeOwnRows(tx, from.id, into.id);
    await tx.db.delete(enterprise).where(eq(enterprise.id, from.id));
    await tx.db
      .update(enterprise)
      .set({
        ...patch,
        uscc: into.uscc ?? from.uscc,
        formerNames,
        contacts,
        ...searchColumnsOf(into.name, formerNames),
        version: into.version + 1,
        updatedAt: tx.now(),
      })
      .where(eq(enterprise.id, into.id));
    await refreshSizeClass(tx, [into.id]);
    const after = (await q.getEnterprise(tx.db, tx.actor, into.id, today))!;
    await audit(tx, {
      action: "merged_away",
      subjectType: "enterprise",
      subjectId: from.id,
      regionId: from.regionId,
      before: from,
      meta: { label: from.name, into: { id: into.id, name: into.name } },
    });
    await audit(tx, {
      action: "merge",
      subjectType: "enterprise",
      subjectId: into.id,
      regionId: into.regionId,
      ...changed(into, after),
      meta: { label: into.name, from: { id: from.id, name: from.name, uscc: from.uscc } },
    });
    return after;
  });
}

/** Labels move; years the kept firm lacks move, shared years take the other's figures where blank. */
async function mergeOwnRows(ctx: ActorCtx, fromId: string, intoId: string) {
  await ctx.db
    .update(enterpriseLabel)
    .set({ enterpriseId: intoId })
    .where(eq(enterpriseLabel.enterpriseId, fromId));
  const fromYears = await ctx.db.select().from(enterpriseYear).where(eq(enterpriseYear.enterpriseId, fromId));
  const intoYears = await ctx.db
    .select()
    .from(enterpriseYear)
    .where(eq(enterpriseYear.enterpriseId, intoId))
    .orderBy(desc(enterpriseYear.year));
  for (const y of fromYears) {
    const mine = intoYears.find((x) => x.year === y.year);
    if (!mine) {
      await ctx.db.update(enterpriseYear).set({ enterpriseId: intoId }).where(eq(enterpriseYear.id, y.id));
      continue;
    }
    const fill: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(y)) {
      if (v != null && mine[k as keyof typeof mine] == null) fill[k] = v;
    }
    if (Object.keys(fill).length > 0) {
      await ctx.db
        .update(enterpriseYear)
        .set({ ...fill, sources: { ...y.sources, ...mine.sources }, version: mine.version + 1 })
        .where(eq(enterpriseYear.id, mine.id));
    }
    await ctx.db.delete(enterpriseYear).where(eq(enterpriseYear.id, y.id));
  }
}
