import { type ProjectStage, projectChannels, projectStages } from "../../common/project.schema.js";
import { rng } from "./enterprises.gen.js";

/** Where generated projects stand: most are leads and talks, a tenth stopped or beyond signing. */
const stageWeights: [ProjectStage, number][] = [
  ["lead", 30],
  ["negotiating", 15],
  ["assessing", 8],
  ["signed", 10],
  ["registered", 5],
  ["land", 5],
  ["construction", 10],
  ["completed", 5],
  ["production", 7],
  ["full_production", 3],
  ["stopped", 2],
];
const totalWeight = stageWeights.reduce((a, [, w]) => a + w, 0);

export const NODE_NAMES = [
  "企业开办",
  "立项备案",
  "能评环评",
  "用地规划许可",
  "土地出让/摘牌",
  "不动产权证",
  "工程规划许可",
  "施工图审查",
  "施工许可",
  "开工",
  "竣工验收",
  "投产",
];

const words = [
  "半导体材料",
  "智能装备",
  "新能源电池",
  "生物医药",
  "精密模具",
  "光伏组件",
  "数字经济",
  "时尚产业",
];
const kinds = ["产业园", "生产基地", "总部", "研发中心", "扩产"];

export interface GenProject {
  name: string;
  stage: ProjectStage;
  stoppedFrom: ProjectStage | null;
  channel: string;
  totalInvestmentFen: number;
  /** days from 2023-01-01 of each stage reached, in order */
  stageDays: number[];
  parkIndex: number;
  investorIndex: number;
}

const day0 = Date.UTC(2023, 0, 1);
export const dayOf = (offset: number) => new Date(day0 + offset * 86_400_000).toISOString().slice(0, 10);

/** Deterministic projects: stage, amount, the days each stage was reached, park and investor. */
export function* generateProjects(
  n: number,
  parks: number,
  investors: number,
  seed = 4,
): Generator<GenProject> {
  const r = rng(seed);
  for (let i = 0; i < n; i++) {
    let pick = r() * totalWeight;
    let stage: ProjectStage = "lead";
    for (const [s, w] of stageWeights) {
      pick -= w;
      if (pick < 0) {
        stage = s;
        break;
      }
    }
    const stoppedFrom = stage === "stopped" ? projectStages[Math.floor(r() * 6)]! : null;
    const reached = projectStages.indexOf((stoppedFrom ?? stage) as (typeof projectStages)[number]);
    const stageDays: number[] = [];
    let d = Math.floor(r() * 900);
    for (let s = 0; s <= reached; s++) {
      stageDays.push(d);
      d += 10 + Math.floor(r() * 60);
    }
    if (stoppedFrom) stageDays.push(d);
    // Log-uniform from ¥10m to ¥10bn.
    const totalInvestmentFen = Math.round(10 ** (7 + r() * 3)) * 100;
    yield {
      name: `${words[i % words.length]}${kinds[Math.floor(r() * kinds.length)]}项目${i + 1}`,
      stage,
      stoppedFrom,
      channel: projectChannels[Math.floor(r() * projectChannels.length)]!,
      totalInvestmentFen,
      stageDays,
      parkIndex: Math.floor(r() * parks),
      investorIndex: Math.floor(r() * investors),
    };
  }
}
