import {
  callCreate,
  fundCreate,
  fundProjectCreate,
  type InvestmentRound,
  investmentCreate,
} from "../../common/fund.schema.js";
import { projectQuery } from "../../common/project.schema.js";
import type { ActorCtx } from "../lib/context.js";
import { chinaDay } from "../lib/dates.js";
import { addCall, addInvestment, createFund, linkProject } from "../modules/funds/funds.service.js";
import { listProjects } from "../modules/projects/projects.queries.js";
import type { DemoRefs } from "./demo.projects.js";

/**
 * Demo funds, from seed 001 (丽水经开区): "经开区成立了30亿元的绿色产业基金, 与社会资本也合作
 * 成立了产业基金, 例如中核基金、久有基金", the sub-fund 丽水久有 that bought 21.43% of 威帝股份 for
 * ¥750m and invested in 航迅信息's ¥1.5bn project, and "以16.6亿元的产业基金撬动123亿元的社会资本
 * 和金融资本跟投": the demo's investments add up to exactly ¥1.66bn of fund money and ¥12.3bn
 * alongside (leverage 7.41). How the totals split between deals, the funds' other sizes, the
 * government shares, the capital calls and the days are the demo's. The article names no
 * management firms, so the demo funds have none. Entered through the funds service.
 */
const yi = (n: number) => Math.round(n * 10_000_000_000);
const DEMO = "（演示示意：拆分到各笔投资的金额与日期为演示设定，合计与文章 001 一致）";

interface DemoInvestment {
  firm?: string;
  project?: string;
  fund: number;
  co: number;
  on: string;
  round: InvestmentRound;
  stakePct?: number;
  note?: string;
}
interface DemoFund {
  name: string;
  park: string;
  sizeYi: number;
  committedYi: number;
  governmentYi: number;
  inceptionOn: string;
  termYears: number;
  focus: string[];
  note: string;
  calls: [string, number][];
  investments: DemoInvestment[];
  /** projects the fund brought in (by name) */
  projects: string[];
}

const funds: DemoFund[] = [
  {
    name: "丽水经开区绿色产业基金",
    park: "lishui-etdz",
    sizeYi: 30,
    committedYi: 30,
    governmentYi: 6,
    inceptionOn: "2019-06-18",
    termYears: 10,
    focus: ["半导体全链条", "精密制造", "生物医药大健康", "数字经济", "时尚产业"],
    note: `经开区成立的 30 亿元绿色产业基金，基金招商引进了光电探测器等项目，围绕半导体产业集群引进珏芯微电子、晶睿电子、光珀智能、意芯等半导体项目。${DEMO}`,
    calls: [
      ["2019-06-28", 10],
      ["2020-04-30", 5],
    ],
    investments: [
      {
        firm: "ls-jingrui",
        project: "晶睿电子晶圆片和外延片制造项目",
        fund: 2,
        co: 30,
        on: "2020-05-12",
        round: "strategic",
        note: "晶睿电子已带动上市企业民德电子入股。",
      },
      {
        firm: "ls-juexin",
        project: "珏芯微电子光电探测器项目",
        fund: 1.5,
        co: 20,
        on: "2026-05-25",
        round: "a",
      },
      {
        firm: "ls-guangpo",
        project: "光珀智能3D视觉传感器生产线项目",
        fund: 1.2,
        co: 18,
        on: "2026-08-15",
        round: "b",
      },
      {
        firm: "ls-yixin",
        project: "意芯集成电路封装测试项目",
        fund: 1,
        co: 16.5,
        on: "2026-10-26",
        round: "a",
      },
    ],
    projects: [
      "晶睿电子晶圆片和外延片制造项目",
      "珏芯微电子光电探测器项目",
      "光珀智能3D视觉传感器生产线项目",
      "意芯集成电路封装测试项目",
    ],
  },
  {
    name: "丽水久有",
    park: "lishui-etdz",
    sizeYi: 12,
    committedYi: 10,
    governmentYi: 2,
    inceptionOn: "2020-11-20",
    termYears: 7,
    focus: ["航空航天", "股权并购"],
    note: `久有基金的子基金。“股权并购计划”：以 7.5 亿元收购市值约 28 亿元的“威帝股份”21.43% 的股份，并投资总规模 15 亿元的航迅信息项目，引进德国先进航空技术，打造航空智能产业园。${DEMO}`,
    calls: [["2021-03-15", 9]],
    investments: [
      {
        firm: "ls-weidi",
        fund: 7.5,
        co: 0,
        on: "2021-03-30",
        round: "m_and_a",
        stakePct: 21.43,
        note: "收购威帝股份 21.43% 股份（市值约 28 亿元）。",
      },
      {
        firm: "ls-hangxun",
        project: "航迅信息航空智能产业园项目",
        fund: 1.5,
        co: 13.5,
        on: "2026-03-25",
        round: "strategic",
        note: "项目总规模 15 亿元。",
      },
    ],
    projects: ["航迅信息航空智能产业园项目"],
  },
  {
    name: "中核基金",
    park: "ls-fund-park",
    sizeYi: 10,
    committedYi: 8,
    governmentYi: 1,
    inceptionOn: "2020-09-08",
    termYears: 8,
    focus: ["智能装备", "新材料"],
    note: `经开区与社会资本合作成立的产业基金之一，入驻基金产业园；培育扶持嘉利工业等园区企业。${DEMO}`,
    calls: [["2021-05-20", 3]],
    investments: [
      {
        firm: "ls-jiali",
        fund: 1.9,
        co: 25,
        on: "2021-06-18",
        round: "b",
        note: "基金招商培育扶持的园区企业。",
      },
    ],
    projects: ["嘉利工业智能化技改扩产项目"],
  },
];

export async function loadDemoFunds(as: ActorCtx, refs: DemoRefs) {
  const today = chinaDay(as.now());
  const projectId = async (name: string) => {
    const found = await listProjects(as.db, as.actor, projectQuery.parse({ q: name, pageSize: 5 }), today);
    const p = found.items.find((x) => x.name === name);
    if (!p) throw new Error(`demo funds: unknown project ${name}`);
    return p.id;
  };
  const ref = (map: Map<string, string>, key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`demo funds: unknown ${key}`);
    return id;
  };
  for (const d of funds) {
    const f = await createFund(
      as,
      fundCreate.parse({
        name: d.name,
        parkId: ref(refs.parks, d.park),
        sizeFen: yi(d.sizeYi),
        committedFen: yi(d.committedYi),
        governmentFen: yi(d.governmentYi),
        inceptionOn: d.inceptionOn,
        termYears: d.termYears,
        status: "investing",
        focus: d.focus,
        note: d.note,
      }),
    );
    for (const [calledOn, amount] of d.calls) {
      await addCall(as, f.id, callCreate.parse({ calledOn, amountFen: yi(amount) }));
    }
    for (const i of d.investments) {
      await addInvestment(
        as,
        f.id,
        investmentCreate.parse({
          enterpriseId: i.firm ? ref(refs.enterprises, i.firm) : null,
          projectId: i.project ? await projectId(i.project) : null,
          amountFen: yi(i.fund),
          coInvestFen: yi(i.co),
          investedOn: i.on,
          round: i.round,
          stakePct: i.stakePct ?? null,
          note: i.note ?? null,
        }),
      );
    }
    for (const name of d.projects) {
      await linkProject(as, f.id, fundProjectCreate.parse({ projectId: await projectId(name) }));
    }
  }
}
