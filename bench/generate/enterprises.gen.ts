import fs from "node:fs";
import { syntheticUscc } from "../../common/uscc.js";

/** A small deterministic PRNG (mulberry32): the same seed gives the same data on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const brandChars =
  "晶睿华友宏达天成正泰海康威视聚光恒力盛荣鑫源嘉禾博远瑞丰永兴金泰新宇科汇中联同创星辰明阳凯越安信德润佳和致远卓越华美东方伟业顺发鸿运汇通创新天宇大华宇航长城远航蓝天绿源清源东华南洋北辰西湖钱塘云帆海纳众诚弘毅信达昌盛锦程瑞祥和信鼎盛富华兆丰合力腾飞鹏程启明";
const industries = [
  "电子科技",
  "新材料",
  "生物医药",
  "机械制造",
  "智能装备",
  "纺织",
  "食品",
  "化工",
  "汽车零部件",
  "光电科技",
  "半导体",
  "软件开发",
  "物流",
  "建材",
  "环保科技",
  "新能源",
  "医疗器械",
  "精密机械",
  "信息技术",
  "服饰",
  "照明科技",
  "电气",
  "塑业",
  "五金制品",
  "家居用品",
  "包装材料",
  "数据服务",
  "航空科技",
  "储能科技",
  "光伏科技",
];
const suffixes = ["有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司"];
/** Labels a generated firm may hold, with how often. */
const labelOdds: [string, number][] = [
  ["科技型中小企业", 0.12],
  ["高新技术企业", 0.06],
  ["专精特新", 0.02],
  ["专精特新小巨人", 0.003],
  ["上市", 0.001],
  ["外资", 0.02],
];

export interface County {
  code: string;
  name: string;
}

export interface GenPark {
  name: string;
  countyCode: string;
}

/** Counties from the shipped division table, with the short place name firms carry (丽水 from 莲都区 … its city). */
export function countiesFrom(regionsCsv: string): County[] {
  const lines = regionsCsv.trim().split("\n").slice(1);
  const names = new Map(lines.map((l) => l.split(",")).map(([code, name]) => [code!, name!]));
  const out: County[] = [];
  for (const l of lines) {
    const [code, , level, parent] = l.split(",");
    if (level !== "county" || !parent || code === parent) continue;
    const city = names.get(parent) ?? "";
    out.push({ code: code!, name: city.replace(/(市|地区|自治州|盟)$/, "").slice(0, 3) || "中华" });
  }
  return out;
}

/** The header of the generated enterprise file: the importer's own labels, as a bureau would export them. */
export const ENTERPRISE_HEADER = [
  "统一社会信用代码",
  "企业名称",
  "法定代表人",
  "注册资本（万元）",
  "成立日期",
  "行政区划代码",
  "所属园区",
  "从业人数",
  "企业标签",
];
export const YEAR_HEADER = [
  "统一社会信用代码",
  "年度",
  "规模",
  "营业收入（万元）",
  "税收（万元）",
  "工业总产值（万元）",
  "用地面积（平方米）",
  "综合能耗（吨标准煤）",
];

export interface GeneratedFirm {
  uscc: string;
  name: string;
  row: (string | number)[];
}

/** n firms: place + brand + industry + legal form, a valid USCC per county, some in parks, some labelled. */
export function* generateFirms(
  n: number,
  counties: County[],
  parks: GenPark[],
  opts: { seed?: number; firstSerial?: number } = {},
): Generator<GeneratedFirm> {
  const seed = opts.seed ?? 20261123;
  const firstSerial = opts.firstSerial ?? 1;
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const surnames = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"];
  const brands = [...brandChars];
  const byCode = new Map(counties.map((c) => [c.code, c]));
  for (let i = 0; i < n; i++) {
    const inPark = parks.length > 0 && r() < 0.3 ? pick(parks) : null;
    const county = inPark ? byCode.get(inPark.countyCode)! : pick(counties);
    const brand = pick(brands) + pick(brands);
    const name = `${county.name}${brand}${pick(industries)}${pick(suffixes)}`;
    const uscc = syntheticUscc(county.code, firstSerial + i);
    const labels = labelOdds.filter(([, p]) => r() < p).map(([l]) => l);
    const year = 1995 + Math.floor(r() * 30);
    const founded = `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, "0")}-${String(1 + Math.floor(r() * 28)).padStart(2, "0")}`;
    yield {
      uscc,
      name,
      row: [
        uscc,
        name,
        `${pick(surnames)}某`,
        Math.round(r() * 100000) / 10,
        founded,
        county.code,
        inPark?.name ?? "",
        Math.floor(r() * 2000),
        labels.join("、"),
      ],
    };
  }
}

/** A year of figures for the same firms (same seed order). */
export function* generateYears(
  firms: Iterable<GeneratedFirm>,
  year: number,
  seed = 7,
): Generator<(string | number)[]> {
  const r = rng(seed);
  for (const f of firms) {
    const above = r() < 0.25;
    const revenue = Math.round((above ? 2000 + r() * 200000 : r() * 2000) * 10) / 10;
    yield [
      f.uscc,
      year,
      above ? "规上" : "规下",
      revenue,
      Math.round(revenue * (0.02 + r() * 0.05) * 10) / 10,
      Math.round(revenue * 0.9 * 10) / 10,
      Math.round(1000 + r() * 100000),
      Math.round(r() * 5000),
    ];
  }
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Writes rows as a UTF-8 CSV file, streaming. */
export async function writeCsv(path: string, header: string[], rows: Iterable<(string | number)[]>) {
  const out = fs.createWriteStream(path);
  const write = (line: string) =>
    out.write(line) ? Promise.resolve() : new Promise<void>((res) => out.once("drain", () => res()));
  await write(`${header.join(",")}\n`);
  let buf = "";
  for (const row of rows) {
    buf += `${row.map(csvCell).join(",")}\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = "";
    }
  }
  await write(buf);
  await new Promise<void>((res) => out.end(res));
}
