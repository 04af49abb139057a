import { eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../../db/client.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { mapConstraint } from "../../lib/db-errors.js";
import { newId } from "../../lib/ids.js";
import type {
  ImportColumn,
  ImportRunInfo,
  ImportSpec,
  RowProblem,
  Value,
} from "../../lib/importer/importer.types.js";
import { auditTouched } from "./enterprises.import.queries.js";
import { enterpriseScope } from "./enterprises.queries.js";
import { refreshSizes } from "./enterprises.sizes.js";
import { enterpriseYearStage } from "./enterprises.table.js";

const money = (key: string, label: string, synonyms: string[], nonNegative = true): ImportColumn => ({
  key,
  label,
  synonyms,
  type: "number",
  unit: "money",
  nonNegative,
});

export const yearColumns: ImportColumn[] = [
  {
    key: "uscc",
    label: "统一社会信用代码",
    synonyms: ["信用代码", "社会信用代码", "统一代码", "社会统一信用代码", "USCC"],
    type: "uscc",
    required: true,
  },
  { key: "name", label: "企业名称", synonyms: ["名称", "单位名称", "企业全称", "纳税人名称"], type: "text" },
  { key: "year", label: "年度", synonyms: ["年份", "统计年度", "数据年度"], type: "int" },
  {
    key: "sizeClass",
    label: "规模",
    synonyms: ["是否规上", "规上规下", "企业规模", "规上企业"],
    type: "choice",
    choices: { 规上: "above", 规下: "below", 是: "above", 否: "below", 规模以上: "above", 规模以下: "below" },
  },
  { key: "fourUp", label: "四上企业", synonyms: ["是否四上", "四上"], type: "bool" },
  money("revenueFen", "营业收入", ["主营业务收入", "销售收入", "营收"]),
  money("taxFen", "税收", ["实缴税金", "税收收入", "实际入库税金", "税收总额", "纳税总额", "入库税收"]),
  money("valueAddedFen", "工业增加值", ["增加值"], false),
  money("outputFen", "工业总产值", ["产值", "总产值"]),
  {
    key: "energyTce",
    label: "综合能耗",
    synonyms: ["能耗", "综合能源消费量", "能源消费量"],
    type: "number",
    unit: "energy",
    nonNegative: true,
  },
  {
    key: "electricityKwh",
    label: "用电量",
    synonyms: ["总用电量", "工业用电量"],
    type: "number",
    unit: "electricity",
    nonNegative: true,
  },
  {
    key: "emissionsT",
    label: "主要污染物排放量",
    synonyms: ["排放量", "污染物排放量"],
    type: "number",
    unit: "mass",
    nonNegative: true,
  },
  money("rdFen", "研发经费", ["研发投入", "R&D经费", "研发费用", "R&D经费支出"]),
  {
    key: "employeesAvg",
    label: "年平均职工人数",
    synonyms: ["从业人员平均人数", "从业人数", "职工人数", "年均职工人数"],
    type: "int",
    nonNegative: true,
  },
  {
    key: "landM2",
    label: "用地面积",
    synonyms: ["占地面积", "土地面积", "实际用地面积"],
    type: "number",
    unit: "area",
    nonNegative: true,
  },
  {
    key: "landCertNo",
    label: "土地证号",
    synonyms: ["不动产权证号", "土地使用证号", "不动产证号", "土地证编号"],
    type: "text",
  },
  {
    key: "floorRentedM2",
    label: "租用面积",
    synonyms: ["租赁面积", "厂房租赁面积", "租用厂房面积"],
    type: "number",
    unit: "area",
    nonNegative: true,
  },
];

type StageRow = Omit<
  typeof enterpriseYearStage.$inferInsert,
  "jobId" | "rowNo" | "enterpriseId" | "regionId" | "sources"
>;
const figureKeys = yearColumns.map((c) => c.key).filter((k) => !["uscc", "name", "year"].includes(k));
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const fen = (v: Value) => (v && typeof v === "object" && "fen" in v ? v.fen : null);

function yearRow(
  values: Record<string, Value>,
  thisYear: number,
  options: { year?: number },
): { row?: StageRow; problems: RowProblem[] } {
  const year = (values.year as number | null) ?? options.year ?? null;
  const problems: RowProblem[] = [];
  if (year === null)
    problems.push({ key: "year", message: "缺少年度：请在表格中填写年度列，或在导入选项中选择年度" });
  else if (year < 1990 || year > thisYear)
    problems.push({ key: "year", message: `年度应在 1990–${thisYear} 之间` });
  if (problems.length > 0) return { problems };
  const num = (k: string) => (values[k] as number | null | undefined) ?? null;
  return {
    problems,
    row: {
      id: newId(),
      uscc: values.uscc as string,
      year: year!,
      sizeClass: (values.sizeClass as string | null | undefined) ?? null,
      fourUp: (values.fourUp as boolean | null | undefined) ?? null,
      revenueFen: fen(values.revenueFen ?? null),
      taxFen: fen(values.taxFen ?? null),
      valueAddedFen: fen(values.valueAddedFen ?? null),
      outputFen: fen(values.outputFen ?? null),
      energyTce: num("energyTce"),
      electricityKwh: num("electricityKwh"),
      emissionsT: num("emissionsT"),
      rdFen: fen(values.rdFen ?? null),
      employeesAvg: num("employeesAvg"),
      landM2: num("landM2"),
      landCertNo: (values.landCertNo as string | null | undefined) ?? null,
      floorRentedM2: num("floorRentedM2"),
    },
  };
}

type Rows<T> = { rows: T[] };
const firmsChanged = {
  zh: "校验之后有企业被删除或合并，请重新校验后再导入",
  en: "Firms were removed or merged after the dry run: validate the file again",
};
const rowsOf = async <T>(db: DbOrTx, query: SQL) => ((await db.execute(query)) as unknown as Rows<T>).rows;

const stageFields = Object.entries(getTableColumns(enterpriseYearStage)).map(
  ([key, c]) => [key, c.name] as const,
);
const stageColumns = stageFields.map(([, name]) => name);
/** The staged rows' columns, the firm and its region as the staging statement finds them. */
const stagedSelect = sql.raw(
  stageColumns
    .map((c) => (c === "enterprise_id" ? "e.id" : c === "region_id" ? "e.region_id" : `j.${c}`))
    .join(", "),
);

/**
 * Stages a chunk, each row with its firm (a code no firm has stays without: the review reports
 * it) and the figures' sources, which name this file for every figure the row states.
 */
async function stageYears(db: DbOrTx, run: ImportRunInfo, rows: { rowNo: number; row: StageRow }[]) {
  if (rows.length === 0) return;
  const source = `导入：${run.fileName}`;
  const mapped = figureKeys.filter((k) => run.mapped.includes(k));
  const json = rows.map(({ rowNo, row }) => {
    const o: Record<string, unknown> = { job_id: run.jobId, row_no: rowNo };
    for (const [key, name] of stageFields)
      if (key in row) o[name] = (row as Record<string, unknown>)[key] ?? null;
    const sources: Record<string, string> = {};
    for (const k of mapped) if ((row as Record<string, unknown>)[k] != null) sources[k] = source;
    o.sources = sources;
    return o;
  });
  await db.execute(sql`insert into enterprise_year_stage
    select ${stagedSelect} from json_populate_recordset(null::enterprise_year_stage, ${JSON.stringify(json)}::json) j
    left join enterprise e on e.uscc = j.uscc`);
}

async function review(ctx: ActorCtx, jobId: string) {
  const missing = await rowsOf<{ row_no: number; uscc: string; outside: boolean }>(
    ctx.db,
    sql`select s.row_no, s.uscc, (enterprise.id is not null) as outside from enterprise_year_stage s
        left join enterprise on enterprise.id = s.enterprise_id
        where s.job_id = ${jobId} and (enterprise.id is null or not (${enterpriseScope(ctx.actor)}))
        order by s.row_no limit 1000`,
  );
  const [c] = await rowsOf<{ c: number; u: number }>(
    ctx.db,
    sql`select count(*) filter (where y.id is null)::int as c, count(y.id)::int as u
        from enterprise_year_stage s
        left join enterprise_year y on y.enterprise_id = s.enterprise_id and y.year = s.year
        where s.job_id = ${jobId} and s.enterprise_id is not null`,
  );
  return {
    create: c?.c ?? 0,
    update: c?.u ?? 0,
    problems: missing.map((m) => ({
      rowNo: m.row_no,
      key: "uscc",
      message: m.outside
        ? `统一社会信用代码 ${m.uscc} 对应的企业不在您的管辖范围内`
        : `未找到统一社会信用代码为 ${m.uscc} 的企业，请先导入企业名录`,
    })),
  };
}

function commit(ctx: ActorCtx, run: Parameters<ImportSpec<StageRow>["commit"]>[1]) {
  const mapped = figureKeys.filter((k) => run.mapped.includes(k));
  const cols = mapped.map(snake);
  const set = cols.map((c) =>
    run.blankClears ? `${c} = excluded.${c}` : `${c} = coalesce(excluded.${c}, y.${c})`,
  );
  const colList = sql.raw(cols.map((c) => `, ${c}`).join(""));
  const srcList = sql.raw(cols.map((c) => `, s.${c}`).join(""));
  // Without blanks that clear, a firm's size class changes only where the file states one for a
  // year no older than the firm's latest stated year: worked out from the staged rows in the same
  // statement. Blanks that clear may remove a stated size: then it is recomputed from all years.
  const sizesHere = mapped.includes("sizeClass") && !run.blankClears;
  const sizes = sizesHere
    ? sql`, sz as (
        insert into enterprise_size as z (enterprise_id, size_class)
        select l.enterprise_id, l.size_class from (
          select distinct on (enterprise_id) enterprise_id, year, size_class from src
          where size_class is not null order by enterprise_id, year desc) l
        where not exists (select 1 from enterprise_year o
          where o.enterprise_id = l.enterprise_id and o.year > l.year and o.size_class is not null)
        on conflict (enterprise_id) do update set size_class = excluded.size_class
        where z.size_class <> excluded.size_class)`
    : sql``;
  return inTx(ctx, async (tx) => {
    // One statement writes the year rows and the size classes. The dry run found each row's
    // firm (a firm removed since then fails the foreign key: the file is checked again); every
    // staged row is written (the upsert updates on conflict, and a file holds a firm's year
    // once), so the audit's ids and regions are the staged rows' own.
    const rows = await mapConstraint(
      () =>
        rowsOf<{ id: string; region_id: string; created: number }>(
          tx.db,
          sql`with src as materialized (select * from enterprise_year_stage s where s.job_id = ${run.jobId}),
            up as (
              insert into enterprise_year as y (id, enterprise_id, year${colList}, sources)
              select s.id, s.enterprise_id, s.year${srcList}, coalesce(s.sources, '{}') from src s
              on conflict (enterprise_id, year) do update set
                ${sql.raw([...set, "sources = y.sources || excluded.sources", "version = y.version + 1", "updated_at = now()"].join(", "))}
              returning (y.xmax = 0) as inserted)${sizes}
            select s.enterprise_id as id, s.region_id, (select count(*)::int from up where up.inserted) as created
            from src s`,
        ),
      { inUse: firmsChanged },
    );
    if (mapped.includes("sizeClass") && !sizesHere)
      await refreshSizes(
        tx.db,
        sql`select s.enterprise_id from enterprise_year_stage s where s.job_id = ${run.jobId}`,
      );
    const created = Number(rows[0]?.created ?? 0);
    await auditTouched(tx, { ...run, fileName: `${run.fileName}（年度数据）` }, rows, created);
    return { created, updated: rows.length - created };
  });
}

export const enterpriseYearImport: ImportSpec<StageRow, { thisYear: number }> = {
  entity: "enterprise_year",
  label: "企业年度数据",
  permission: "enterprise.import",
  columns: yearColumns,
  options: z.object({ year: z.coerce.number().int().optional() }),
  prepare: async (ctx) => ({ thisYear: Number(ctx.now().toISOString().slice(0, 4)) }),
  row(values, l, run) {
    const { row, problems } = yearRow(values, l.thisYear, run.options as { year?: number });
    return { row, problems, dedupeKey: row ? `${row.uscc} ${row.year} 年` : null };
  },
  stage: (ctx, run, rows) => stageYears(ctx.db, run, rows),
  review: (ctx, run) => review(ctx, run.jobId),
  commit,
  clear: async (ctx, jobId) => {
    await ctx.db.delete(enterpriseYearStage).where(eq(enterpriseYearStage.jobId, jobId));
  },
};
