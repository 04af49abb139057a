import type { Position } from "../../common/geo.js";
import { siteCreate } from "../../common/site.schema.js";
import type { ActorCtx } from "../lib/context.js";
import { createSite } from "../modules/sites/sites.service.js";
import type { DemoRefs } from "./demo.projects.js";

/**
 * Demo sites: seed 002's 可用空间图 (大创小镇's idle land, factories and buildings), seed 003's
 * 起底上图 of 闲置低效 and 批而未供 land (仪征), seed 000's 半导体产业园 "1平方公里" block and
 * 腾笼换鸟, seed 001's 丽水经开区 whose land is "our biggest advantage" (晶睿 and 容祺 on theirs).
 * Positions are plausible points inside the real zones (WGS 84); outlines, areas and figures
 * beyond the articles' are the demo's. Entered through the sites service, so each is checked.
 */
interface DemoSite {
  park: string;
  name: string;
  code?: string;
  kind: "land" | "factory" | "floor" | "incubator";
  /** centre and size in metres, with a small skew so parcels do not look drawn by a ruler */
  at: [number, number];
  size: [number, number];
  status?: "available" | "occupied" | "to_recover";
  stock?: "approved_unsupplied" | "supplied_unused" | "idle" | "inefficient";
  landUse?: "industrial" | "new_industrial" | "warehouse" | "research" | "commercial";
  plotRatioMax?: number;
  heightMaxM?: number;
  floorLoadKnM2?: number;
  powerKva?: number;
  owner?: string;
  rentFenM2Month?: number;
  enterprises?: string[];
  note: string;
}

function outline([lng, lat]: [number, number], [w, h]: [number, number]): Position[][] {
  const dLng = w / (111_320 * Math.cos((lat * Math.PI) / 180)) / 2;
  const dLat = h / 110_900 / 2;
  const skew = dLng * 0.08;
  const r = (n: number) => Math.round(n * 1e6) / 1e6;
  const ring: Position[] = [
    [r(lng - dLng), r(lat - dLat)],
    [r(lng + dLng), r(lat - dLat + skew / 3)],
    [r(lng + dLng - skew), r(lat + dLat)],
    [r(lng - dLng - skew / 2), r(lat + dLat - skew / 4)],
  ];
  return [[...ring, ring[0]!]];
}

const sites: DemoSite[] = [
  // ── 丽水经开区 (001): land for custom-built factories ──
  {
    park: "lishui-etdz",
    name: "经开区 A-03 工业地块",
    code: "LSKF-2026-A03",
    kind: "land",
    at: [119.872, 28.436],
    size: [330, 240],
    landUse: "industrial",
    plotRatioMax: 2.0,
    heightMaxM: 40,
    powerKva: 10_000,
    note: "可按“产业定制地”模式按企业标准代建厂房。",
  },
  {
    park: "lishui-etdz",
    name: "经开区 B-07 工业地块",
    code: "LSKF-2026-B07",
    kind: "land",
    at: [119.881, 28.431],
    size: [220, 180],
    landUse: "industrial",
    plotRatioMax: 1.8,
    heightMaxM: 30,
    powerKva: 5_000,
    stock: "approved_unsupplied",
    note: "批而未供，已完成征地，待出让。",
  },
  {
    park: "lishui-etdz",
    name: "浙江晶睿电子用地",
    kind: "land",
    at: [119.866, 28.442],
    size: [300, 260],
    status: "occupied",
    landUse: "industrial",
    enterprises: ["ls-jingrui"],
    note: "晶睿电子晶圆片和外延片制造项目用地（2020年8月摘牌）。",
  },
  {
    park: "lishui-etdz",
    name: "半导体标准厂房 1 号楼",
    kind: "factory",
    at: [119.877, 28.441],
    size: [96, 60],
    landUse: "industrial",
    heightMaxM: 24,
    floorLoadKnM2: 10,
    powerKva: 2_000,
    owner: "丽水经开区国有资产经营有限公司",
    rentFenM2Month: 1_500,
    note: "四层标准厂房，首层荷载 10 kN/㎡。",
  },
  {
    park: "lishui-etdz",
    name: "原嘉利工业闲置厂房",
    kind: "factory",
    at: [119.858, 28.432],
    size: [120, 80],
    status: "to_recover",
    stock: "idle",
    landUse: "industrial",
    enterprises: ["ls-jiali"],
    note: "停产闲置，拟收回后“腾笼换鸟”。",
  },
  {
    park: "lishui-etdz",
    name: "水阁片区低效用地",
    kind: "land",
    at: [119.861, 28.426],
    size: [200, 150],
    status: "occupied",
    stock: "inefficient",
    landUse: "industrial",
    note: "亩均税收低于园区平均，列入低效用地整治。",
  },
  {
    park: "ls-aviation",
    name: "容祺无人机生产基地用地",
    kind: "land",
    at: [119.892, 28.447],
    size: [260, 200],
    status: "occupied",
    landUse: "industrial",
    enterprises: ["ls-rongqi"],
    note: "容祺工业级无人机生产基地项目用地。",
  },
  {
    park: "ls-fund-park",
    name: "基金产业园 孵化楼 3 层",
    kind: "incubator",
    at: [119.902, 28.452],
    size: [50, 30],
    owner: "丽水经开区基金产业园",
    rentFenM2Month: 2_000,
    note: "拎包入驻的孵化空间。",
  },
  // ── 钱塘 大创小镇 (002): 可用空间图 of idle land, factories and buildings ──
  {
    park: "qt-dachuang",
    name: "大创小镇闲置地块 01",
    kind: "land",
    at: [120.352, 30.306],
    size: [180, 150],
    stock: "idle",
    landUse: "new_industrial",
    plotRatioMax: 3.0,
    note: "排摸统计的闲置土地。",
  },
  {
    park: "qt-dachuang",
    name: "大创小镇闲置厂房（原印染厂）",
    kind: "factory",
    at: [120.361, 30.301],
    size: [110, 70],
    stock: "idle",
    floorLoadKnM2: 8,
    heightMaxM: 18,
    note: "排摸统计的闲置厂房，可改造为小微园。",
  },
  {
    park: "qt-dachuang",
    name: "大创小镇科创大楼 12 层",
    kind: "floor",
    at: [120.347, 30.311],
    size: [45, 30],
    stock: "idle",
    rentFenM2Month: 4_500,
    note: "排摸统计的闲置楼宇。",
  },
  {
    park: "qt-dachuang",
    name: "大创小镇众创空间",
    kind: "incubator",
    at: [120.355, 30.313],
    size: [40, 30],
    rentFenM2Month: 3_000,
    note: "创业地图上标注的众创空间。",
  },
  // ── 临平 半导体产业园 (000): a “1平方公里” block and 腾笼换鸟 ──
  {
    park: "lp-semi-park",
    name: "半导体产业园 S-2 地块",
    kind: "land",
    at: [120.303, 30.425],
    size: [320, 260],
    stock: "approved_unsupplied",
    landUse: "industrial",
    plotRatioMax: 2.5,
    note: "“1平方公里”产业区块内，探索“产业定制地”。",
  },
  // ── 仪征 (003): every 闲置低效 and 批而未供 plot 起底、上图定位 ──
  {
    park: "yz-yizheng-auto",
    name: "仪征汽车园批而未供地块 Y-11",
    kind: "land",
    at: [119.195, 32.286],
    size: [280, 220],
    stock: "approved_unsupplied",
    landUse: "industrial",
    note: "存量土地起底：批而未供。",
  },
  {
    park: "yz-guangling",
    name: "万方电子厂区（低效用地）",
    kind: "land",
    at: [119.472, 32.381],
    size: [300, 245],
    status: "occupied",
    stock: "inefficient",
    landUse: "industrial",
    enterprises: ["gl-wanfang"],
    note: "亩均税收约 5.6 万元/亩，远低于扬州省级开发区平均的 13.6 万元/亩（文章003），列入低效用地再开发。",
  },
  {
    park: "yz-yizheng-auto",
    name: "仪征汽车园闲置地块 Y-05",
    kind: "land",
    at: [119.204, 32.279],
    size: [200, 160],
    status: "to_recover",
    stock: "idle",
    landUse: "industrial",
    note: "存量土地起底：闲置，拟依法收回。",
  },
];

export async function loadDemoSites(as: ActorCtx, refs: DemoRefs) {
  for (const s of sites) {
    const parkId = refs.parks.get(s.park);
    if (!parkId) throw new Error(`demo sites: unknown park ${s.park}`);
    await createSite(
      as,
      siteCreate.parse({
        parkId,
        name: s.name,
        code: s.code ?? null,
        kind: s.kind,
        geometry: { type: "Polygon", coordinates: outline(s.at, s.size) },
        areaM2: s.size[0] * s.size[1],
        landUse: s.landUse ?? null,
        plotRatioMax: s.plotRatioMax ?? null,
        heightMaxM: s.heightMaxM ?? null,
        floorLoadKnM2: s.floorLoadKnM2 ?? null,
        powerKva: s.powerKva ?? null,
        status: s.status ?? "available",
        stockCategory: s.stock ?? null,
        owner: s.owner ?? null,
        rentFenM2Month: s.rentFenM2Month ?? null,
        enterpriseIds: (s.enterprises ?? []).map((k) => {
          const id = refs.enterprises.get(k);
          if (!id) throw new Error(`demo sites: unknown firm ${k}`);
          return id;
        }),
        note: s.note,
      }),
    );
  }
}
