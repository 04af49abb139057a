import { appealCreate, appealQuery } from "../../common/appeal.schema.js";
import { clauseCreate } from "../../common/policy.schema.js";
import { visitCreate, visitPlanCreate } from "../../common/visit.schema.js";
import type { ActorCtx } from "../lib/context.js";
import { chinaDay } from "../lib/dates.js";
import { listAppeals } from "../modules/service/appeals.queries.js";
import * as appeals from "../modules/service/appeals.service.js";
import { createPlan } from "../modules/service/plans.service.js";
import { createClause } from "../modules/service/policies.service.js";
import { createVisit } from "../modules/service/visits.service.js";
import type { DemoRefs } from "./demo.projects.js";

/**
 * Enterprise service from seed 002: the service specialist's visit to 松下家电, where the firm
 * asked for more buses at the evening peak; the transport office of the 建设局 opened a smart
 * bus line. The visit plans are the two populations 002 names (firms above ¥1bn and 规上
 * industry); the demo's few firms carry no size figures, so a third plan covers the town's firms.
 */
export async function loadDemoService(as: (username: string) => Promise<ActorCtx>, refs: DemoRefs) {
  const firm = (key: string) => refs.enterprises.get(key)!;
  const park = (key: string) => refs.parks.get(key)!;
  const specialist = await as("qtspecialist");
  const handler = await as("qthandler");
  const admin = await as("admin");
  const day = chinaDay(specialist.now());
  const visit = await createVisit(
    specialist,
    visitCreate.parse({
      enterpriseId: firm("qt-panasonic"),
      visitedOn: day,
      method: "onsite",
      metWith: "行政部负责人",
      findings: "企业生产经营正常。反映经过公司的公交车班次太少，晚高峰期间员工经常要等很久才能等到一辆。",
      appeals: [
        {
          title: "经过公司的公交车班次太少，晚高峰员工候车时间长",
          category: "transport",
          detail: "请协调增加晚高峰班次或开通员工通勤线路。",
        },
      ],
    }),
  );
  const qiantang = visit.regionId;
  const filed = (
    await listAppeals(
      specialist.db,
      specialist.actor,
      appealQuery.parse({ enterpriseId: firm("qt-panasonic") }),
      day,
    )
  ).items[0]!;
  let a = await appeals.routeAppeal(specialist, filed.id, {
    departmentId: refs.departments.get("qt-jsj")!,
    version: filed.version,
  });
  a = await appeals.acceptAppeal(handler, a.id, { note: "公交管理部门受理", version: a.version });
  a = await appeals.resolveAppeal(handler, a.id, {
    resolution: "与公交公司沟通改进需求，协助开通智慧公交，方便员工上下班。",
    version: a.version,
  });
  await appeals.confirmAppeal(specialist, a.id, {
    rating: 5,
    comment: "服务专员代企业确认：智慧公交开通后员工通勤方便。",
    version: a.version,
  });
  await appeals.createAppeal(
    specialist,
    appealCreate.parse({
      enterpriseId: firm("qt-xinsheng"),
      title: "申请人才公寓两套，安置新引进研发骨干",
      category: "talent",
      departmentId: refs.departments.get("qt-zsrc"),
    }),
  );

  const plans = [
    {
      name: "10亿元以上工业企业全走访（每月）",
      period: "month",
      condition: { field: "revenue", op: "gte", value: 100_000 },
    },
    {
      name: "规上工业企业走访全覆盖（每季度）",
      period: "quarter",
      condition: { field: "sizeClass", op: "eq", value: "above" },
    },
    {
      name: "大创小镇企业走访全覆盖（每季度）",
      period: "quarter",
      condition: { field: "status", op: "eq", value: "operating" },
    },
  ];
  for (const p of plans) {
    await createPlan(
      specialist,
      visitPlanCreate.parse({ ...p, regionId: qiantang, parkId: park("qt-dachuang") }),
    );
  }

  await createClause(
    admin,
    clauseCreate.parse({
      regionId: refs.regionId,
      policyName: "丽水经开区企业高质量发展扶持政策（示例）",
      clauseNo: "第三条",
      name: "首次认定高新技术企业奖励",
      content: "示例条款，用于演示政策匹配与兑现流程；奖励标准以正式政策文件为准。",
      condition: { field: "labels", op: "has_label", value: "hnte" },
      amountRule: { kind: "fixed", amountFen: 20_000_000 },
      period: "once",
      steps: ["园区初审", "部门复审", "财政终审"],
      departmentId: refs.departments.get("ls-kjj"),
    }),
  );
  await createClause(
    admin,
    clauseCreate.parse({
      regionId: refs.regionId,
      policyName: "丽水经开区企业高质量发展扶持政策（示例）",
      clauseNo: "第五条",
      name: "规上工业企业研发投入补助",
      content: "示例条款：按上年度研发经费的一定比例补助，设封顶金额；标准以正式政策文件为准。",
      condition: {
        all: [
          { field: "sizeClass", op: "eq", value: "above" },
          { field: "rdRatio", op: "gte", value: 3 },
        ],
      },
      amountRule: { kind: "percent", base: "rd", percent: 10, capFen: 100_000_000 },
      period: "year",
      steps: ["园区初审", "财政终审"],
      fairReview: true,
      fairReviewNote: "按企业规模设定门槛，需经公平竞争审查",
    }),
  );
}
