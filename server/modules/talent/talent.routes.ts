import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParam } from "../../../common/paging.js";
import {
  allocationAct,
  allocationCreate,
  educationLabels,
  figuresQuery,
  genderLabels,
  instalmentCreate,
  instalmentUpdate,
  payoutCreate,
  programmeCreate,
  programmeQuery,
  programmeUpdate,
  type RewardRow,
  rewardQuery,
  roundCreate,
  roundQuery,
  roundUpdate,
  type TalentFigureRow,
  talentCreate,
  talentProjectCreate,
  talentProjectMove,
  talentProjectQuery,
  talentProjectRecognise,
  talentProjectStatusLabels,
  talentProjectUpdate,
  talentQuery,
  talentUpdate,
  unitCreate,
  unitQuery,
  unitUpdate,
} from "../../../common/talent.schema.js";
import { notFound } from "../../lib/errors.js";
import { sendXlsx } from "../../lib/export.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { requirePermission } from "../../lib/policy.js";
import { recordRoutes } from "../../lib/record-routes.js";
import { listAppeals } from "../service/appeals.queries.js";
import { allocationsOfTalent } from "./apartments.queries.js";
import * as apt from "./apartments.service.js";
import * as rw from "./rewards.service.js";
import { talentFigures } from "./talent.figures.js";
import { listRewards, listRounds } from "./talent.queries.js";
import * as svc from "./talent.service.js";

const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
const wanOf = (fen: number | null) => (fen === null ? null : Math.round(fen / 100) / 10_000);

export function talentRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["talent"];
  const reader = (req: Parameters<CtxFactory>[0]) => {
    const ctx = actorCtx(makeCtx, req);
    requirePermission(ctx.actor.permissions, "talent.read");
    return ctx;
  };

  // ---- programmes and rounds ----
  recordRoutes(app, makeCtx, {
    path: "/api/talent-programmes",
    tag: "talent",
    read: "talent.read",
    query: programmeQuery,
    createBody: programmeCreate,
    updateBody: programmeUpdate,
    list: svc.listProgrammes,
    get: svc.getProgramme,
    create: svc.createProgramme,
    update: svc.updateProgramme,
    remove: svc.deleteProgramme,
    sheet: {
      filename: "人才计划",
      name: "人才计划",
      what: "talent_programmes",
      columns: [
        { header: "计划名称", width: 24, value: (p) => p.name },
        { header: "行政区", width: 20, value: (p) => p.regionName },
        {
          header: "等级与奖励上限（万元）",
          width: 40,
          value: (p) => p.levels.map((l) => `${l.code} ${l.name} ${wanOf(l.capFen)}`).join("；"),
        },
      ],
    },
  });
  recordRoutes(app, makeCtx, {
    path: "/api/talent-rounds",
    tag: "talent",
    read: "talent.read",
    query: roundQuery,
    createBody: roundCreate,
    updateBody: roundUpdate,
    list: (ctx, q) => listRounds(ctx.db, ctx.actor, q, svc.today(ctx)),
    get: svc.getRound,
    create: svc.createRound,
    update: svc.updateRound,
    remove: svc.deleteRound,
    sheet: {
      filename: "人才项目申报批次",
      name: "申报批次",
      what: "talent_rounds",
      columns: [
        { header: "批次名称", width: 28, value: (x) => x.name },
        { header: "人才计划", width: 20, value: (x) => x.programmeName },
        { header: "开始日期", value: (x) => x.opensOn },
        { header: "截止日期", value: (x) => x.closesOn },
        { header: "申报项目数", value: (x) => x.projectCount },
      ],
    },
  });

  // ---- talents ----
  r.get("/api/talents/:id/personal", { schema: { tags, params: idParam } }, async (req) =>
    svc.getPersonal(actorCtx(makeCtx, req), req.params.id),
  );
  r.get("/api/talents/:id/appeals", { schema: { tags, params: idParam } }, async (req) => {
    const ctx = reader(req);
    const t = await svc.getTalent(ctx, req.params.id);
    if (!t) throw notFound();
    if (!t.enterpriseId || !ctx.actor.permissions.has("appeal.read")) return { items: [], total: 0 };
    return listAppeals(
      ctx.db,
      ctx.actor,
      { page: 1, pageSize: 50, category: "talent", enterpriseId: t.enterpriseId },
      svc.today(ctx),
    );
  });
  r.get("/api/talents/:id/allocations", { schema: { tags, params: idParam } }, async (req) => {
    const ctx = reader(req);
    if (!(await svc.getTalent(ctx, req.params.id))) throw notFound();
    return { items: await allocationsOfTalent(ctx.db, req.params.id) };
  });
  recordRoutes(app, makeCtx, {
    path: "/api/talents",
    tag: "talent",
    read: "talent.read",
    query: talentQuery,
    createBody: talentCreate,
    updateBody: talentUpdate,
    list: svc.listTalents,
    get: svc.getTalent,
    create: svc.createTalent,
    update: svc.updateTalent,
    remove: svc.deleteTalent,
    sheet: {
      filename: "人才库",
      name: "人才",
      what: "talents",
      // Masked for readers without talent.personal: the export is the list as they see it.
      columns: [
        { header: "姓名", value: (t) => t.name },
        { header: "性别", value: (t) => genderLabels[t.gender] },
        { header: "出生年份", value: (t) => t.birthYear },
        { header: "学历", value: (t) => (t.education ? educationLabels[t.education] : null) },
        { header: "职称/职务", width: 20, value: (t) => t.title },
        { header: "专业领域", width: 20, value: (t) => t.field },
        { header: "所在企业", width: 28, value: (t) => t.enterpriseName },
        { header: "园区", width: 24, value: (t) => t.parkName },
        { header: "联系电话", width: 16, value: (t) => t.phone },
        { header: "证件号", width: 22, value: (t) => t.idNumber },
        { header: "电子邮箱", width: 24, value: (t) => t.email },
      ],
    },
  });

  // ---- talent projects ----
  r.post(
    "/api/talent-projects/:id/move",
    { schema: { tags, params: idParam, body: talentProjectMove } },
    async (req) => rw.moveProject(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.post(
    "/api/talent-projects/:id/recognise",
    { schema: { tags, params: idParam, body: talentProjectRecognise } },
    async (req) => rw.recogniseProject(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.get("/api/talent-projects/:id/instalments", { schema: { tags, params: idParam } }, async (req) => ({
    items: await rw.instalments(actorCtx(makeCtx, req), req.params.id),
  }));
  r.post(
    "/api/talent-projects/:id/instalments",
    { schema: { tags, params: idParam, body: instalmentCreate } },
    async (req, reply) =>
      reply.status(201).send(await rw.addInstalment(actorCtx(makeCtx, req), req.params.id, req.body)),
  );
  r.patch(
    "/api/talent-instalments/:id",
    { schema: { tags, params: idParam, body: instalmentUpdate } },
    async (req) => rw.updateInstalment(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.post(
    "/api/talent-instalments/:id/payouts",
    { schema: { tags, params: idParam, body: payoutCreate } },
    async (req, reply) =>
      reply.status(201).send(await rw.payInstalment(actorCtx(makeCtx, req), req.params.id, req.body)),
  );
  recordRoutes(app, makeCtx, {
    path: "/api/talent-projects",
    tag: "talent",
    read: "talent.read",
    query: talentProjectQuery,
    createBody: talentProjectCreate,
    updateBody: talentProjectUpdate,
    list: svc.listTalentProjects,
    get: svc.getTalentProject,
    create: svc.applyProject,
    update: svc.updateTalentProject,
    remove: svc.deleteTalentProject,
    sheet: {
      filename: "人才项目",
      name: "人才项目",
      what: "talent_projects",
      columns: [
        { header: "项目名称", width: 30, value: (p) => p.name },
        { header: "人才", value: (p) => p.talentName },
        { header: "企业", width: 28, value: (p) => p.enterpriseName },
        { header: "园区", width: 24, value: (p) => p.parkName },
        { header: "申报批次", width: 24, value: (p) => p.roundName },
        { header: "申报等级", value: (p) => p.levelApplied },
        { header: "认定等级", value: (p) => p.levelRecognised },
        { header: "状态", value: (p) => talentProjectStatusLabels[p.status] },
        { header: "申报日期", value: (p) => p.appliedOn },
        { header: "认定日期", value: (p) => p.recognisedOn },
        { header: "奖励上限（万元）", value: (p) => wanOf(p.capFen) },
        { header: "已兑现（万元）", value: (p) => wanOf(p.paidFen) },
      ],
    },
  });

  // ---- rewards ledger ----
  r.get("/api/talent-rewards", { schema: { tags, querystring: rewardQuery } }, async (req) => {
    const ctx = reader(req);
    return {
      ...(await listRewards(ctx.db, ctx.actor, req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    };
  });
  r.get("/api/talent-rewards/export", { schema: { tags, querystring: rewardQuery } }, async (req, reply) => {
    const ctx = reader(req);
    return sendXlsx<RewardRow>(ctx, reply, {
      filename: "人才奖励兑现台账",
      sheet: "奖励兑现",
      what: "talent_rewards",
      filters: req.query,
      columns: [
        { header: "项目名称", width: 30, value: (x) => x.projectName },
        { header: "人才", value: (x) => x.talentName },
        { header: "园区", width: 24, value: (x) => x.parkName },
        { header: "等级", value: (x) => x.level },
        { header: "期次", value: (x) => x.seq },
        { header: "兑现条件", width: 36, value: (x) => x.condition },
        { header: "计划兑现日期", value: (x) => x.dueOn },
        { header: "条件达成", value: (x) => (x.conditionMet ? "是" : "否") },
        { header: "应兑现（元）", value: (x) => yuan(x.amountFen) },
        { header: "已兑现（元）", value: (x) => yuan(x.paidFen) },
      ],
      list: (page, pageSize) => listRewards(ctx.db, ctx.actor, { ...req.query, page, pageSize }),
    });
  });

  // ---- apartments ----
  r.get(
    "/api/talent-units/occupancy",
    { schema: { tags, querystring: z.object({ parkId: z.uuid().optional() }) } },
    async (req) => ({
      items: await apt.occupancy(actorCtx(makeCtx, req), req.query.parkId),
    }),
  );
  r.get("/api/talent-units/:id/allocations", { schema: { tags, params: idParam } }, async (req) => ({
    items: await apt.unitAllocations(actorCtx(makeCtx, req), req.params.id),
  }));
  r.post(
    "/api/talent-units/:id/allocations",
    { schema: { tags, params: idParam, body: allocationCreate } },
    async (req, reply) =>
      reply.status(201).send(await apt.allocate(actorCtx(makeCtx, req), req.params.id, req.body)),
  );
  r.post(
    "/api/talent-allocations/:id/check-in",
    { schema: { tags, params: idParam, body: allocationAct } },
    async (req) => apt.actOnAllocation(actorCtx(makeCtx, req), req.params.id, "check_in", req.body),
  );
  r.post(
    "/api/talent-allocations/:id/check-out",
    { schema: { tags, params: idParam, body: allocationAct } },
    async (req) => apt.actOnAllocation(actorCtx(makeCtx, req), req.params.id, "check_out", req.body),
  );
  recordRoutes(app, makeCtx, {
    path: "/api/talent-units",
    tag: "talent",
    read: "talent.read",
    query: unitQuery,
    createBody: unitCreate,
    updateBody: unitUpdate,
    list: apt.listUnits,
    get: apt.getUnit,
    create: apt.createUnit,
    update: apt.updateUnit,
    remove: apt.deleteUnit,
    sheet: {
      filename: "人才公寓房源",
      name: "人才公寓",
      what: "talent_units",
      columns: [
        { header: "园区", width: 24, value: (u) => u.parkName },
        { header: "楼栋", width: 20, value: (u) => u.building },
        { header: "房号", value: (u) => u.name },
        { header: "地址", width: 30, value: (u) => u.address },
        { header: "房间数", value: (u) => u.rooms },
        { header: "面积（平方米）", value: (u) => u.areaM2 },
        { header: "月租金（元）", value: (u) => yuan(u.rentFenMonth) },
        { header: "当前入住", value: (u) => u.occupantName },
      ],
    },
  });

  // ---- figures ----
  const figures = async (req: Parameters<CtxFactory>[0], query: z.infer<typeof figuresQuery>) => {
    const ctx = reader(req);
    const year = query.year ?? Number(svc.today(ctx).slice(0, 4));
    return { ctx, year, items: await talentFigures(ctx, year, query.parkId) };
  };
  r.get("/api/talent-figures", { schema: { tags, querystring: figuresQuery } }, async (req) => {
    const { year, items } = await figures(req, req.query);
    return { year, items };
  });
  r.get("/api/talent-figures/export", { schema: { tags, querystring: figuresQuery } }, async (req, reply) => {
    const { ctx, year, items } = await figures(req, req.query);
    return sendXlsx<TalentFigureRow>(ctx, reply, {
      filename: `招才引智数据-${year}`,
      sheet: `${year}年`,
      what: "talent_figures",
      filters: req.query,
      columns: [
        { header: "园区", width: 28, value: (x) => x.parkName },
        { header: "年度", value: (x) => x.year },
        { header: "在库人才", value: (x) => x.talents },
        { header: "认定人才项目", value: (x) => x.recognised },
        { header: "兑现奖励（万元）", value: (x) => wanOf(x.rewardsPaidFen) },
        { header: "人才公寓（套）", value: (x) => x.units },
        { header: "已入住（套）", value: (x) => x.occupied },
        { header: "入住率（%）", value: (x) => x.occupancy },
      ],
      list: async (page) =>
        page === 1 ? { items, total: items.length } : { items: [], total: items.length },
    });
  });
}
