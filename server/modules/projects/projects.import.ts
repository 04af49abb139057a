import { z } from "zod";
import {
  channelLabels,
  type ProjectStage,
  projectChannels,
  projectKindLabels,
  projectKinds,
  projectStages,
  stageIndex,
  stageLabels,
} from "../../../common/project.schema.js";
import type { ActorCtx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import type { ImportColumn, ImportSpec, RowProblem, Value } from "../../lib/importer/importer.types.js";
import * as orgQ from "../org/org.queries.js";
import * as iq from "./projects.import.queries.js";

const choices = <K extends string>(
  keys: readonly K[],
  labels: Record<K, string>,
  extra: Record<string, K>,
) => ({
  ...Object.fromEntries(keys.map((k) => [labels[k], k])),
  ...extra,
});

const money = (key: string, label: string, synonyms: string[], allowUsd = false): ImportColumn => ({
  key,
  label,
  synonyms,
  type: "number",
  unit: "money",
  allowUsd,
  nonNegative: true,
});
const day = (key: string, label: string, synonyms: string[]): ImportColumn => ({
  key,
  label,
  synonyms,
  type: "date",
  approximate: true,
});

/** The columns of a 项目台账, under the many names ledgers give them. */
export const projectColumns: ImportColumn[] = [
  { key: "code", label: "项目编号", synonyms: ["编号", "项目代码", "项目序号"], type: "text" },
  { key: "name", label: "项目名称", synonyms: ["项目", "名称"], type: "text", required: true },
  {
    key: "investorName",
    label: "投资方",
    synonyms: ["投资主体", "签约主体", "投资企业", "项目单位", "建设单位", "企业名称", "投资方名称"],
    type: "text",
    required: true,
  },
  { key: "investorUscc", label: "统一社会信用代码", synonyms: ["信用代码", "社会信用代码"], type: "uscc" },
  {
    key: "park",
    label: "所属园区",
    synonyms: ["园区", "落户园区", "所在园区", "所属平台", "落地园区"],
    type: "text",
  },
  {
    key: "team",
    label: "招商单位",
    synonyms: ["小分队", "招商小分队", "责任单位", "招商部门", "报备单位"],
    type: "text",
  },
  {
    key: "channel",
    label: "招商渠道",
    synonyms: ["招商方式", "渠道", "来源"],
    type: "choice",
    choices: choices(projectChannels, channelLabels, {
      基金: "fund",
      飞地: "enclave",
      驻点: "stationed",
      产业链: "chain",
      以商招商: "via_firms",
      海外: "overseas",
      赛会: "competition",
      校友: "alumni",
      资本: "capital",
      研究院: "institute",
      轻资产: "asset_light",
    }),
  },
  {
    key: "kind",
    label: "项目类型",
    synonyms: ["类型", "项目类别"],
    type: "choice",
    choices: choices(projectKinds, projectKindLabels, {
      工业: "industrial",
      制造业: "industrial",
      服务业: "service",
      研发: "rd",
      总部: "rd",
      其他: "other",
    }),
  },
  money("totalInvestment", "总投资", ["计划总投资", "投资总额", "总投资额", "项目总投资"]),
  money("foreignCapital", "外资", ["合同外资", "外资金额", "利用外资"], true),
  money("fixedAsset", "固定资产投资", ["固投", "固定资产"]),
  {
    key: "land",
    label: "用地面积",
    synonyms: ["用地", "用地需求", "土地面积", "占地面积", "供地面积"],
    type: "number",
    unit: "area",
    nonNegative: true,
  },
  {
    key: "floor",
    label: "建筑面积",
    synonyms: ["用房需求", "厂房面积", "租赁面积"],
    type: "number",
    unit: "area",
    nonNegative: true,
  },
  money("output", "预计年产值", ["达产产值", "年产值", "预计产值", "达产后年产值"]),
  money("tax", "预计年税收", ["达产税收", "年税收", "预计税收", "达产后年税收"]),
  { key: "jobs", label: "就业人数", synonyms: ["新增就业", "用工人数"], type: "int", nonNegative: true },
  {
    key: "stage",
    label: "项目阶段",
    synonyms: ["项目状态", "状态", "进展", "当前进度", "推进阶段", "所处阶段"],
    type: "choice",
    choices: choices([...projectStages, "stopped"] as ProjectStage[], stageLabels, {
      洽谈: "negotiating",
      洽谈中: "negotiating",
      在谈项目: "negotiating",
      已签约: "signed",
      已注册: "registered",
      已供地: "land",
      已摘牌: "land",
      在建: "construction",
      已开工: "construction",
      已竣工: "completed",
      已投产: "production",
      已达产: "full_production",
      终止: "stopped",
      已中止: "stopped",
    }),
  },
  day("leadOn", "报备日期", ["登记日期", "首报日期", "线索日期"]),
  day("signedOn", "签约时间", ["签约日期", "签约"]),
  day("constructionOn", "开工时间", ["开工日期", "实际开工", "开工"]),
  day("completedOn", "竣工时间", ["竣工日期", "竣工"]),
  day("productionOn", "投产时间", ["投产日期", "投产"]),
  { key: "summary", label: "备注", synonyms: ["项目概况", "建设内容", "主要内容", "说明"], type: "text" },
];

/** Dated stages in pipeline order, and the column that dates each. */
const dated: [ProjectStage, string][] = [
  ["lead", "leadOn"],
  ["signed", "signedOn"],
  ["construction", "constructionOn"],
  ["completed", "completedOn"],
  ["production", "productionOn"],
];

export type ProjectImportRow = iq.StagedProject;
type Lookups = Awaited<ReturnType<typeof prepare>>;

async function prepare(ctx: ActorCtx) {
  const parks = await orgQ.listParks(ctx.db, ctx.actor, { page: 1, pageSize: 10_000 });
  const byName = new Map<string, { id: string; regionId: string }>();
  for (const p of parks.items) {
    byName.set(p.name, p);
    if (p.shortName && !byName.has(p.shortName)) byName.set(p.shortName, p);
  }
  const teams = await orgQ.teamsByName(ctx.db);
  return { parks: byName, teams, today: chinaDay(ctx.now()) };
}

const str = (v: Value | undefined) => (typeof v === "string" ? v : null);
const fen = (v: Value | undefined) => (v && typeof v === "object" && "fen" in v ? v : null);

function projectRow(
  values: Record<string, Value>,
  l: Lookups,
  options: { regionId?: string; teamId?: string },
) {
  const problems: RowProblem[] = [];
  const parkName = str(values.park);
  const park = parkName ? l.parks.get(parkName) : undefined;
  if (parkName && !park)
    problems.push({ key: "park", message: `未找到园区“${parkName}”，或不在您的管辖范围内` });
  const regionId = park?.regionId ?? options.regionId ?? null;
  if (!regionId && !parkName) {
    problems.push({ key: null, message: "无法确定所属区域：请填写所属园区，或在导入选项中选择默认行政区" });
  }
  const teamName = str(values.team);
  const team = teamName ? l.teams.get(teamName) : undefined;
  if (teamName && !team) problems.push({ key: "team", message: `未找到招商单位“${teamName}”` });
  const teamId = team?.id ?? options.teamId ?? null;
  if (!teamId && !teamName) {
    problems.push({ key: "team", message: "请填写招商单位（小分队），或在导入选项中选择默认小分队" });
  }
  const name = str(values.name)!;
  if (name.length < 2 || name.length > 120)
    problems.push({ key: "name", message: "项目名称应为 2–120 个字" });
  // Stage dates must run forward: construction cannot start before signing.
  let last: [string, string] | null = null;
  for (const [stage, key] of dated) {
    const d = str(values[key]);
    if (!d) continue;
    if (d > l.today) problems.push({ key, message: `${stageLabels[stage]}时间不能晚于今天` });
    if (last && d < last[1]) {
      problems.push({ key, message: `${stageLabels[stage]}时间（${d}）早于${last[0]}时间（${last[1]}）` });
    }
    last = [stageLabels[stage], d];
  }
  const furthest = [...dated].reverse().find(([, key]) => str(values[key]));
  const given = str(values.stage) as ProjectStage | null;
  if (given && given !== "stopped" && furthest && stageIndex(furthest[0]) > stageIndex(given)) {
    problems.push({
      key: "stage",
      message: `项目阶段为“${stageLabels[given]}”，但已填写${stageLabels[furthest[0]]}时间`,
    });
  }
  for (const k of ["totalInvestment", "fixedAsset", "output", "tax"]) {
    const v = fen(values[k]);
    if (v && v.currency !== "CNY") problems.push({ key: k, message: "该列应以人民币计" });
  }
  if (problems.length) return { problems };
  const foreign = fen(values.foreignCapital);
  const stage = given ?? furthest?.[0] ?? "lead";
  const dates: Record<string, string | null> = {};
  for (const [s, key] of dated) dates[s] = str(values[key]);
  return {
    problems,
    row: {
      code: str(values.code),
      name,
      investorName: str(values.investorName)!,
      investorUscc: str(values.investorUscc),
      regionId: regionId!,
      parkId: park?.id ?? null,
      teamId: teamId!,
      channel: str(values.channel) ?? "other",
      kind: str(values.kind) ?? "industrial",
      totalInvestmentFen: fen(values.totalInvestment)?.fen ?? null,
      // Foreign capital in US-dollar cents; a yuan figure in that column stays in yuan terms.
      foreignCapitalCents: foreign ? (foreign.currency === "USD" ? foreign.fen : null) : null,
      fixedAssetFen: fen(values.fixedAsset)?.fen ?? null,
      landDemandM2: (values.land as number | null | undefined) ?? null,
      floorDemandM2: (values.floor as number | null | undefined) ?? null,
      expectedOutputFen: fen(values.output)?.fen ?? null,
      expectedTaxFen: fen(values.tax)?.fen ?? null,
      jobs: (values.jobs as number | null | undefined) ?? null,
      stage,
      dates,
      summary: str(values.summary),
    } satisfies ProjectImportRow,
  };
}

export const projectImport: ImportSpec<ProjectImportRow, Lookups> = {
  entity: "project",
  label: "招商项目台账",
  permission: "project.write",
  columns: projectColumns,
  options: z.object({ regionId: z.uuid().optional(), teamId: z.uuid().optional() }),
  prepare: (ctx) => prepare(ctx),
  row(values, l, run) {
    const { row, problems } = projectRow(values, l, run.options as { regionId?: string; teamId?: string });
    return {
      row,
      problems,
      dedupeKey: row ? (row.code ?? `${row.parkId ?? row.regionId}|${row.name}|${row.investorName}`) : null,
    };
  },
  stage: (ctx, run, rows) => iq.stageProjects(ctx.db, run.jobId, rows),
  review: (ctx, run) => iq.reviewProjects(ctx, run.jobId),
  commit: (ctx, run) => iq.commitProjects(ctx, run),
  clear: (ctx, jobId) => iq.clearProjectStage(ctx.db, jobId),
};
