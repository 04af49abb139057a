import { z } from "zod";
import type { Contact } from "../../../common/enterprise.schema.js";
import {
  enterpriseLabelNames,
  enterpriseLabels,
  enterpriseStatuses,
  enterpriseStatusLabels,
} from "../../../common/enums.js";
import type { ActorCtx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { newId } from "../../lib/ids.js";
import type { ImportColumn, ImportSpec, RowProblem, Value } from "../../lib/importer/importer.types.js";
import { coversRegionPath } from "../../lib/scope.js";
import * as orgQ from "../org/org.queries.js";
import { regionLookup } from "../org/regions.queries.js";
import { startDeriveWorker } from "./enterprises.derive.js";
import * as iq from "./enterprises.import.queries.js";
import {
  clearEnterpriseStage,
  type EnterpriseStageRow,
  reviewEnterprises,
  stageEnterprises,
} from "./enterprises.import.stage.js";
import { resolveIndustryCode } from "./industries.reference.js";

const invert = <K extends string>(names: Record<K, string>, extra: Record<string, K> = {}) =>
  Object.fromEntries([...Object.entries(names).map(([k, v]) => [v, k]), ...Object.entries(extra)]) as Record<
    string,
    string
  >;

export const enterpriseColumns: ImportColumn[] = [
  {
    key: "uscc",
    label: "统一社会信用代码",
    synonyms: ["信用代码", "社会信用代码", "统一代码", "社会统一信用代码", "统一社会信用代码证号", "USCC"],
    type: "uscc",
  },
  {
    key: "name",
    label: "企业名称",
    synonyms: ["名称", "单位名称", "企业全称", "公司名称", "企业(单位)名称", "纳税人名称"],
    type: "text",
    required: true,
  },
  { key: "formerNames", label: "曾用名", synonyms: ["原名称", "曾用名称"], type: "list" },
  { key: "legalRep", label: "法定代表人", synonyms: ["法人代表", "法人", "负责人"], type: "text" },
  {
    key: "registeredCapital",
    label: "注册资本",
    synonyms: ["注册资金"],
    type: "number",
    unit: "money",
    allowUsd: true,
    nonNegative: true,
  },
  { key: "foundedOn", label: "成立日期", synonyms: ["注册日期", "成立时间", "设立日期"], type: "date" },
  {
    key: "status",
    label: "经营状态",
    synonyms: ["登记状态", "企业状态", "状态"],
    type: "choice",
    choices: invert(
      Object.fromEntries(enterpriseStatuses.map((s) => [s, enterpriseStatusLabels[s]])) as Record<
        string,
        string
      >,
      { 在业: "operating", 开业: "operating", 在营: "operating", 迁入: "operating" },
    ),
  },
  {
    key: "industryCode",
    label: "行业代码",
    synonyms: ["国民经济行业代码", "行业分类代码", "所属行业代码"],
    type: "text",
  },
  { key: "regionCode", label: "行政区划代码", synonyms: ["区划代码", "所在地区划代码"], type: "text" },
  { key: "park", label: "所属园区", synonyms: ["园区", "所在园区", "所属平台"], type: "text" },
  {
    key: "address",
    label: "地址",
    synonyms: ["注册地址", "经营地址", "住所", "企业地址", "生产经营地址"],
    type: "text",
  },
  { key: "lng", label: "经度", synonyms: [], type: "number" },
  { key: "lat", label: "纬度", synonyms: [], type: "number" },
  {
    key: "employees",
    label: "从业人数",
    synonyms: ["职工人数", "员工人数", "参保人数"],
    type: "int",
    nonNegative: true,
  },
  { key: "contactName", label: "联系人", synonyms: ["企业联系人"], type: "text" },
  {
    key: "contactPhone",
    label: "联系电话",
    synonyms: ["电话", "手机", "联系方式", "联系人电话"],
    type: "text",
  },
  {
    key: "labels",
    label: "企业标签",
    synonyms: ["标签", "资质", "企业资质", "荣誉资质"],
    type: "list",
    choices: invert(
      Object.fromEntries(enterpriseLabels.map((l) => [l, enterpriseLabelNames[l]])) as Record<string, string>,
      {
        高企: "hnte",
        国家高新技术企业: "hnte",
        科技型企业: "tech_sme",
        专精特新中小企业: "srdi",
        国家级专精特新小巨人: "little_giant",
        小巨人: "little_giant",
        上市企业: "listed",
        上市公司: "listed",
        外资企业: "foreign",
      },
    ),
  },
];

type StageRow = EnterpriseStageRow;
/** About 10,000 rows of xlsx or CSV. */
const WORKER_FROM_BYTES = 1 << 20;
type Lookups = Awaited<ReturnType<typeof prepareLookups>>;

async function prepareLookups(ctx: ActorCtx) {
  const parks = await orgQ.listParks(ctx.db, ctx.actor, { page: 1, pageSize: 10_000 });
  const byName = new Map<string, { id: string; regionId: string }>();
  for (const p of parks.items) {
    byName.set(p.name, p);
    if (p.shortName && !byName.has(p.shortName)) byName.set(p.shortName, p);
  }
  const regions = await regionLookup(ctx.db);
  return { parks: byName, regions, today: chinaDay(ctx.now()), actor: ctx.actor };
}

const str = (v: Value | undefined) => (typeof v === "string" ? v : null);

/** One sheet row → one staged firm, or what is wrong with it. */
function enterpriseRow(
  values: Record<string, Value>,
  l: Lookups,
  options: { regionId?: string },
): { row?: StageRow; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const name = str(values.name)!;
  const regionCode = str(values.regionCode);
  const parkName = str(values.park);
  const region = regionCode ? l.regions.byCode.get(regionCode) : undefined;
  if (regionCode && !region)
    problems.push({ key: "regionCode", message: `未知的行政区划代码“${regionCode}”` });
  const park = parkName ? l.parks.get(parkName) : undefined;
  if (parkName && !park)
    problems.push({ key: "park", message: `未找到园区“${parkName}”，或不在您的管辖范围内` });
  const regionId = region?.id ?? park?.regionId ?? options.regionId ?? null;
  if (!regionId && !regionCode && !parkName) {
    problems.push({
      key: null,
      message: "无法确定所属行政区：请填写行政区划代码或所属园区，或在导入选项中选择默认行政区",
    });
  }
  if (regionId && park && park.regionId !== regionId)
    problems.push({ key: "park", message: "园区不属于该行政区" });
  const path = regionId ? l.regions.byId.get(regionId)?.path : undefined;
  // A park in the user's scope is enough (park officers hold no region grant); else the region must be theirs.
  if (regionId && !park && (!path || !coversRegionPath(l.actor, path))) {
    problems.push({ key: regionCode ? "regionCode" : "park", message: "该行政区不在您的管辖范围内" });
  }
  const industryRaw = str(values.industryCode);
  const industryCode = industryRaw ? resolveIndustryCode(industryRaw) : null;
  if (industryRaw && !industryCode) {
    problems.push({
      key: "industryCode",
      message: `行业代码“${industryRaw}”不在国民经济行业分类（GB/T 4754-2017）中`,
    });
  }
  const foundedOn = str(values.foundedOn);
  if (foundedOn && foundedOn > l.today) problems.push({ key: "foundedOn", message: "成立日期不能晚于今天" });
  const lng = values.lng as number | null;
  const lat = values.lat as number | null;
  if (lng !== null && lng !== undefined && (lng < 73 || lng > 136))
    problems.push({ key: "lng", message: "经度应在 73–136 之间（中国境内）" });
  if (lat !== null && lat !== undefined && (lat < 3 || lat > 54))
    problems.push({ key: "lat", message: "纬度应在 3–54 之间（中国境内）" });
  if (name.length < 2 || name.length > 120)
    problems.push({ key: "name", message: "企业名称应为 2–120 个字" });
  if (problems.length > 0) return { problems };
  const capital = values.registeredCapital as { fen: number; currency: "CNY" | "USD" } | null | undefined;
  const contactName = str(values.contactName);
  const contacts: Contact[] | null = contactName
    ? [{ name: contactName, phone: str(values.contactPhone) }]
    : null;
  const formerNames = (values.formerNames as string[] | null | undefined) ?? null;
  const labels = (values.labels as string[] | null | undefined) ?? null;
  return {
    problems,
    row: {
      id: newId(),
      uscc: str(values.uscc),
      name,
      formerNames,
      legalRep: str(values.legalRep),
      registeredCapitalFen: capital?.fen ?? null,
      capitalCurrency: capital?.currency ?? null,
      foundedOn,
      status: str(values.status),
      industryCode,
      regionId: regionId!,
      regionGiven: Boolean(region ?? park),
      parkId: park?.id ?? null,
      address: str(values.address),
      lng: lng ?? null,
      lat: lat ?? null,
      employees: (values.employees as number | null | undefined) ?? null,
      contacts,
      labels,
      labelIds: labels?.map(() => newId()) ?? null,
    },
  };
}

export const enterpriseImport: ImportSpec<StageRow, Lookups> = {
  entity: "enterprise",
  label: "企业名录",
  permission: "enterprise.import",
  columns: enterpriseColumns,
  options: z.object({ regionId: z.uuid().optional() }),
  prepare: (ctx, run) => {
    // A large file's search columns are derived in a worker, which takes a moment to load.
    if ((run.fileBytes ?? 0) >= WORKER_FROM_BYTES) void startDeriveWorker();
    return prepareLookups(ctx);
  },
  row(values, l, run) {
    const { row, problems } = enterpriseRow(values, l, run.options as { regionId?: string });
    return { row, problems, dedupeKey: row ? (row.uscc ?? `${row.regionId}|${row.name}`) : null };
  },
  // The dry run sets rows aside and looks up the firms they update; the commit stages and merges.
  stage: (ctx, run, rows) => stageEnterprises(ctx, run.jobId, rows),
  review: (_ctx, run) => reviewEnterprises(run.jobId),
  commit: (ctx, run) => iq.commitEnterprises(ctx, run),
  clear: (ctx, jobId) => clearEnterpriseStage(ctx.db, jobId),
};
