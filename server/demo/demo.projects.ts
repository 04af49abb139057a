import { activityCreate } from "../../common/activity.schema.js";
import { nodeTemplateBody, type ProjectStage, projectCreate } from "../../common/project.schema.js";
import { expertCreate } from "../../common/review.schema.js";
import type { ActorCtx } from "../lib/context.js";
import { createActivity } from "../modules/activities/activities.service.js";
import { projectNodes } from "../modules/projects/nodes.queries.js";
import { saveTemplate, updateNode } from "../modules/projects/nodes.service.js";
import { saveFund } from "../modules/projects/performance.service.js";
import { registerProject, saveContract } from "../modules/projects/projects.service.js";
import { moveStage } from "../modules/projects/stages.service.js";
import {
  concludeReview,
  createExpert,
  createReview,
  submitScores,
} from "../modules/reviews/reviews.service.js";

/**
 * Demo projects: the two whose course seed 001 tells — 晶睿's wafer plant (set up in May, land won
 * in August, construction in October, production seven months later) and 容祺's drone base
 * (¥500m, ¥700m of yearly sales, found through the talent contest) — and the 方德 institute set
 * up on 26 May 2020. Months and amounts are the article's; days within a month are the demo's.
 * Everything goes through the services, gates and working days included.
 */
interface DemoProject {
  name: string;
  investor: string;
  park: string;
  team: string;
  channel: string;
  kind?: "industrial" | "service" | "rd" | "other";
  industryCode?: string;
  totalInvestmentFen?: number;
  expectedOutputFen?: number;
  summary: string;
  leadOn: string;
  signedOn?: string;
  /** stage → day reached, after signing, in order */
  after?: [ProjectStage, string][];
  foreignCapitalCents?: number;
  /** funds in place by month: [YYYY-MM, 内资 fen, 外资 US cents] */
  funds?: [string, number, number][];
}

const DEMO_2026 =
  "（演示示意：本年度签约日期与金额为演示设定，项目取自文章 001 基金招商引进的半导体、航空项目）";
/** ¥ in 亿元 → fen */
const yi = (n: number) => Math.round(n * 100_000_000_00);
/** US$ in 万美元 → cents */
const wanUsd = (n: number) => Math.round(n * 10_000_00);

const projects: DemoProject[] = [
  {
    name: "晶睿电子晶圆片和外延片制造项目",
    investor: "ls-jingrui",
    park: "lishui-etdz",
    team: "ls-tcb",
    channel: "fund",
    industryCode: "C3985",
    summary:
      "基金招商引进的半导体项目：去年5月成立、8月土地摘牌、10月开工建设，从厂房开建到正式投产仅用7个月。",
    leadOn: "2020-04-13",
    signedOn: "2020-05-08",
    after: [
      ["registered", "2020-05-20"],
      ["land", "2020-08-18"],
      ["construction", "2020-10-12"],
      ["production", "2021-05-17"],
    ],
  },
  {
    name: "容祺工业级无人机研发中心、展销中心、服务中心及生产基地项目",
    investor: "ls-rongqi",
    park: "lishui-etdz",
    team: "ls-tcb",
    channel: "competition",
    industryCode: "C3741",
    totalInvestmentFen: 500_000_000_00,
    expectedOutputFen: 700_000_000_00,
    summary:
      "丽水市第三届高层次人才创业大赛一等奖项目，入选“绿谷精英”A类；总投资5亿元，达产后预计年销售收入7亿元。",
    leadOn: "2020-10-26",
    signedOn: "2021-01-15",
    after: [
      ["registered", "2021-02-01"],
      ["land", "2021-03-22"],
      ["construction", "2021-04-19"],
    ],
  },
  {
    name: "浙江方正智驱应用技术研究院项目",
    investor: "ls-fangde",
    park: "lishui-etdz",
    team: "ls-tcb",
    channel: "institute",
    kind: "rd",
    industryCode: "M7320",
    summary: "管委会、中车城市交通、方正电机三方合作设立的研究院，研究成果授权方正电机量产新产品。",
    leadOn: "2020-03-16",
    signedOn: "2020-05-18",
    after: [["registered", "2020-05-26"]],
  },
  // This year's ledger (2026, the KPI demo's year): seed 001's fund-brought projects — 航迅信息's
  // ¥1.5bn aviation project behind the 航空智能产业园, the 光电探测器 project, the other
  // semiconductor firms — and 实际到位外资 summing to the article's 2,436 万美元.
  {
    name: "航迅信息航空智能产业园项目",
    investor: "ls-hangxun",
    park: "ls-aviation",
    team: "ls-tcb",
    channel: "fund",
    industryCode: "C3744",
    totalInvestmentFen: yi(15),
    foreignCapitalCents: wanUsd(2500),
    summary: `子基金“丽水久有”投资的总规模 15 亿元航迅信息项目，引进德国先进航空技术，打造航空智能产业园。${DEMO_2026}`,
    leadOn: "2026-01-12",
    signedOn: "2026-03-18",
    after: [
      ["registered", "2026-04-02"],
      ["land", "2026-06-24"],
      ["construction", "2026-09-15"],
    ],
    funds: [
      ["2026-04", yi(0.6), wanUsd(300)],
      ["2026-05", yi(0.5), wanUsd(260)],
      ["2026-06", yi(0.8), wanUsd(420)],
      ["2026-07", yi(0.7), wanUsd(380)],
      ["2026-08", yi(0.9), wanUsd(316)],
      ["2026-09", yi(1.2), wanUsd(360)],
      ["2026-10", yi(1.1), wanUsd(400)],
    ],
  },
  {
    name: "珏芯微电子光电探测器项目",
    investor: "ls-juexin",
    park: "ls-fund-park",
    team: "ls-tcb",
    channel: "fund",
    industryCode: "C3976",
    totalInvestmentFen: yi(3),
    summary: `基金招商引进的光电探测器项目，半导体全链条“从无到有”的一环。${DEMO_2026}`,
    leadOn: "2026-03-02",
    signedOn: "2026-05-20",
    after: [
      ["registered", "2026-06-05"],
      ["land", "2026-08-20"],
    ],
    funds: [
      ["2026-09", yi(0.4), 0],
      ["2026-10", yi(0.5), 0],
    ],
  },
  {
    name: "光珀智能3D视觉传感器生产线项目",
    investor: "ls-guangpo",
    park: "ls-fund-park",
    team: "ls-tcb",
    channel: "fund",
    industryCode: "C3976",
    totalInvestmentFen: yi(2),
    summary: `围绕半导体产业集群引进的光珀智能项目。${DEMO_2026}`,
    leadOn: "2026-06-01",
    signedOn: "2026-08-10",
    after: [["registered", "2026-08-25"]],
  },
  {
    name: "意芯集成电路封装测试项目",
    investor: "ls-yixin",
    park: "ls-fund-park",
    team: "ls-tcb",
    channel: "fund",
    industryCode: "C3973",
    totalInvestmentFen: yi(1.5),
    summary: `围绕半导体产业集群引进的意芯项目。${DEMO_2026}`,
    leadOn: "2026-07-06",
    signedOn: "2026-10-22",
  },
  {
    name: "嘉利工业智能化技改扩产项目",
    investor: "ls-jiali",
    park: "lishui-etdz",
    team: "ls-tcb",
    channel: "fund",
    industryCode: "C3399",
    totalInvestmentFen: yi(0.8),
    summary: `产业基金培育扶持的园区企业嘉利工业的技改扩产，洽谈中。${DEMO_2026}`,
    leadOn: "2026-09-14",
  },
];

const experts = [
  { name: "徐国庆", fields: ["半导体", "电子信息"], organization: "浙江大学", user: "expert" },
  { name: "沈立", fields: ["智能装备", "航空航天"], organization: "丽水学院" },
  { name: "方明华", fields: ["新材料", "半导体"], organization: "丽水职业技术学院" },
];

export interface DemoRefs {
  regionId: string;
  parks: Map<string, string>;
  teams: Map<string, string>;
  departments: Map<string, string>;
  enterprises: Map<string, string>;
  users: Map<string, string>;
}

export async function loadDemoProjects(as: ActorCtx, refs: DemoRefs) {
  const dept = (key: string) => {
    const id = refs.departments.get(key);
    if (!id) throw new Error(`demo projects: unknown department ${key}`);
    return id;
  };
  await saveTemplate(
    as,
    null,
    nodeTemplateBody.parse({
      name: "丽水经开区工业项目关键节点",
      regionId: refs.regionId,
      // Industrial projects only: the 方德 institute needs no land or permits.
      projectKind: "industrial",
      items: [
        { name: "企业开办", departmentId: dept("ls-scjg"), dueWorkdays: 5 },
        { name: "立项备案", departmentId: dept("ls-jxj"), dueWorkdays: 10 },
        { name: "用地规划许可", departmentId: dept("ls-zrzy"), dueWorkdays: 30 },
        { name: "土地出让/摘牌", departmentId: dept("ls-zrzy"), dueWorkdays: 60, gate: "land" },
        { name: "环评审批", departmentId: dept("ls-sthj"), dueWorkdays: 70 },
        { name: "施工许可", departmentId: dept("ls-zjj"), dueWorkdays: 80 },
        { name: "竣工验收", departmentId: dept("ls-zjj"), dueWorkdays: 240 },
      ],
    }),
  );
  for (const e of experts) {
    await createExpert(
      as,
      expertCreate.parse({
        name: e.name,
        fields: e.fields,
        organization: e.organization,
        regionId: refs.regionId,
        userId: e.user ? refs.users.get(e.user) : null,
      }),
    );
  }
  const created = new Map<string, string>();
  for (const d of projects) {
    const parkId = refs.parks.get(d.park)!;
    const p = await registerProject(
      as,
      projectCreate.parse({
        name: d.name,
        investorId: refs.enterprises.get(d.investor),
        kind: d.kind ?? "industrial",
        industryCode: d.industryCode,
        regionId: refs.regionId,
        parkId,
        teamId: refs.teams.get(d.team),
        channel: d.channel,
        totalInvestmentFen: d.totalInvestmentFen,
        foreignCapitalCents: d.foreignCapitalCents,
        expectedOutputFen: d.expectedOutputFen,
        summary: d.summary,
        leadOn: d.leadOn,
      }),
    );
    created.set(d.investor, p.id);
    if (!d.signedOn) continue;
    let version = p.version;
    const move = async (to: ProjectStage, on: string) => {
      version = (await moveStage(as, p.id, { to, on, version })).version;
    };
    const review = await createReview(as, {
      subjectType: "project",
      subjectId: p.id,
      title: `${d.name}研判`,
      panelSize: 3,
    });
    for (const x of review.panel) {
      const scores = Object.fromEntries(review.criteria.map((c) => [c.key, Math.round(c.max * 0.85)]));
      await submitScores(as, review.id, { expertId: x.expertId, scores });
    }
    await concludeReview(as, review.id, { conclusion: "pass", note: "同意签约", version: review.version });
    await saveContract(as, p.id, { signedOn: d.signedOn, investmentFen: d.totalInvestmentFen ?? null });
    await move("signed", d.signedOn);
    for (const [stage, on] of d.after ?? []) {
      // The nodes a stage needs are done by then: 供地 the land node and those before it, 开工
      // the permits, 投产 the acceptance.
      const upTo = { land: 4, construction: 6, completed: 7, production: 7, full_production: 7 }[
        stage as string
      ];
      for (const n of upTo ? await projectNodes(as.db, p.id, on) : []) {
        if (n.status === "pending" && n.dueOn && n.seq <= upTo!) {
          await updateNode(as, n.id, {
            status: "done",
            // biome-ignore lint/complexity/useMathMinMax: ISO days, compared as strings
            doneOn: on < n.dueOn ? on : n.dueOn,
            version: n.version,
          });
        }
      }
      await move(stage, on);
    }
    for (const [month, domesticFen, foreignCents] of d.funds ?? []) {
      await saveFund(as, p.id, month, { domesticFen, foreignCents, note: "演示示意" });
    }
  }
  // The two October 2020 events seed 001 names, the contest the 容祺 project came from.
  const rongqi = created.get("ls-rongqi")!;
  for (const a of [
    {
      title: "丽水市第三届高层次人才创业大赛",
      eventType: "competition",
      heldOn: "2020-10-20",
      summary: "容祺智能获一等奖，入选“绿谷精英”A类项目。",
      links: [{ subjectType: "project", subjectId: rongqi, role: "lead" }],
    },
    {
      title: "第九届“智汇丽水”人才科技峰会",
      eventType: "forum",
      heldOn: "2020-10-28",
      summary: "与国内外名企、名校专家深度交流，坚定了容祺落地丽水的决心。",
      links: [{ subjectType: "project", subjectId: rongqi, role: "about" }],
    },
  ]) {
    await createActivity(
      as,
      activityCreate.parse({
        ...a,
        kind: "event",
        city: "丽水",
        regionId: refs.regionId,
        parkId: refs.parks.get("lishui-etdz"),
      }),
    );
  }
}
