import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  type ActivityRow,
  activityCreate,
  activityKindLabels,
  activityQuery,
  activityUpdate,
  type EventType,
  eventTypeLabels,
  type FollowUpMode,
  followUpModeLabels,
  statsQuery,
  timelineQuery,
} from "../../../common/activity.schema.js";
import { chinaDay } from "../../lib/dates.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { recordRoutes } from "../../lib/record-routes.js";
import { registerSubject } from "../../lib/subjects.js";
import { registerMergeHandler } from "../enterprises/enterprises.merge.js";
import { getEnterprise } from "../enterprises/enterprises.queries.js";
import * as q from "./activities.queries.js";
import * as svc from "./activities.service.js";

const kindText = (a: ActivityRow) => {
  const sub =
    a.kind === "follow_up" && a.mode
      ? followUpModeLabels[a.mode as FollowUpMode]
      : a.kind === "event" && a.eventType
        ? eventTypeLabels[a.eventType as EventType]
        : null;
  return sub ? `${activityKindLabels[a.kind]}（${sub}）` : activityKindLabels[a.kind];
};

const linked = (a: ActivityRow, role: "about" | "lead") =>
  a.links
    .filter((l) => l.role === role)
    .map((l) => l.label)
    .join("、");

export function activitiesRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["activities"];

  // The enterprise registry lends its records to activities (and to any module that attaches to firms).
  registerSubject("enterprise", async (ctx, id) => {
    const e = await getEnterprise(ctx.db, ctx.actor, id, chinaDay(ctx.now()));
    return (
      e && {
        regionId: e.regionId,
        label: e.name,
        enterpriseIds: [e.id],
        writable: ctx.actor.permissions.has("enterprise.write"),
      }
    );
  });
  registerMergeHandler("activities.links", (ctx, fromId, intoId) =>
    q.repointEnterpriseLinks(ctx.db, fromId, intoId),
  );

  r.get("/api/activities/timeline", { schema: { tags, querystring: timelineQuery } }, async (req) => ({
    items: await svc.timeline(actorCtx(makeCtx, req), req.query.subjectType, req.query.subjectId),
  }));
  r.get("/api/activities/stats", { schema: { tags, querystring: statsQuery } }, async (req) =>
    svc.stats(actorCtx(makeCtx, req), req.query),
  );

  recordRoutes(app, makeCtx, {
    path: "/api/activities",
    tag: "activities",
    read: "activity.read",
    query: activityQuery,
    createBody: activityCreate,
    updateBody: activityUpdate,
    list: (ctx, query) => q.listActivities(ctx.db, ctx.actor, query),
    get: (ctx, id) => q.getActivity(ctx.db, ctx.actor, id),
    create: svc.createActivity,
    update: svc.updateActivity,
    remove: svc.deleteActivity,
    sheet: {
      filename: "招商活动台账",
      name: "招商活动",
      what: "activities",
      columns: [
        { header: "日期", width: 12, value: (a) => a.heldOn },
        { header: "结束日期", width: 12, value: (a) => a.endOn },
        { header: "类型", width: 18, value: kindText },
        { header: "标题", width: 36, value: (a) => a.title },
        { header: "城市", width: 10, value: (a) => a.city },
        { header: "地点", width: 24, value: (a) => a.place },
        { header: "所属行政区", value: (a) => a.regionName },
        { header: "园区", width: 22, value: (a) => a.parkName },
        { header: "小分队", width: 22, value: (a) => a.teamName },
        {
          header: "我方人员",
          width: 24,
          value: (a) => [...a.ourUsers.map((u) => u.name), ...a.ourNames].join("、"),
        },
        {
          header: "对方人员",
          width: 36,
          value: (a) =>
            a.theirPeople.map((p) => [p.name, p.title, p.organisation].filter(Boolean).join(" ")).join("；"),
        },
        { header: "相关项目/企业", width: 36, value: (a) => linked(a, "about") },
        { header: "带来的线索项目", width: 36, value: (a) => linked(a, "lead") },
        { header: "情况摘要", width: 48, value: (a) => a.summary },
        { header: "成效与下一步", width: 36, value: (a) => a.outcome },
        { header: "登记人", value: (a) => a.createdByName },
      ],
    },
  });
}
