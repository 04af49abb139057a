import type { LinkDraft } from "../../../common/chain.schema.js";

/**
 * Chain templates an administrator copies into a region and then edits: the chains the seed
 * articles name (丽水's five clusters, 临平's "5+1", 高邮's ten key chains). Links are a typical
 * breakdown of each industry, parents pointing upstream → downstream.
 */
export interface ChainTemplate {
  key: string;
  name: string;
  description: string;
  links: LinkDraft[];
}

type Row = [key: string, name: string, segment: LinkDraft["segment"], parents?: string[]];
const links = (rows: Row[]): LinkDraft[] =>
  rows.map(([key, name, segment, parents], i) => ({ key, name, segment, parents: parents ?? [], order: i }));

export const chainTemplates: ChainTemplate[] = [
  {
    key: "semiconductor",
    name: "集成电路/半导体",
    description: "半导体全链条：材料与设备、设计、制造、封测到应用。",
    links: links([
      ["mat", "半导体材料", "upstream"],
      ["equip", "半导体设备", "upstream"],
      ["eda", "EDA与IP", "upstream"],
      ["design", "芯片设计", "midstream", ["eda"]],
      ["fab", "晶圆制造", "midstream", ["mat", "equip", "design"]],
      ["pack", "封装测试", "midstream", ["fab"]],
      ["sensor", "传感器与模组", "downstream", ["pack"]],
      ["app", "终端应用", "downstream", ["pack", "sensor"]],
    ]),
  },
  {
    key: "biomed",
    name: "生物医药",
    description: "原料、研发外包、创新药与器械、流通与医疗服务。",
    links: links([
      ["api", "原料药与中间体", "upstream"],
      ["cro", "研发外包（CRO/CDMO）", "upstream"],
      ["drug", "创新药", "midstream", ["api", "cro"]],
      ["bio", "生物制品", "midstream", ["cro"]],
      ["device", "医疗器械", "midstream"],
      ["dist", "医药流通", "downstream", ["drug", "bio", "device"]],
      ["health", "医疗健康服务", "downstream", ["dist"]],
    ]),
  },
  {
    key: "equipment",
    name: "高端装备",
    description: "基础零部件、控制系统、整机制造与运维服务。",
    links: links([
      ["parts", "关键基础零部件", "upstream"],
      ["ctrl", "控制系统与软件", "upstream"],
      ["motor", "电机与驱动", "upstream"],
      ["machine", "整机制造", "midstream", ["parts", "ctrl", "motor"]],
      ["integr", "系统集成", "midstream", ["machine"]],
      ["service", "运维与再制造", "downstream", ["integr"]],
    ]),
  },
  {
    key: "new_energy",
    name: "新能源",
    description: "材料、电芯与组件、储能与整车、回收利用。",
    links: links([
      ["mat", "正负极与电解液材料", "upstream"],
      ["si", "光伏硅料硅片", "upstream"],
      ["cell", "电芯与电池包", "midstream", ["mat"]],
      ["pv", "光伏组件", "midstream", ["si"]],
      ["bms", "电池管理系统", "midstream", ["cell"]],
      ["storage", "储能系统", "downstream", ["cell", "bms", "pv"]],
      ["ev", "新能源汽车", "downstream", ["cell", "bms"]],
      ["recycle", "回收利用", "downstream", ["storage", "ev"]],
    ]),
  },
  {
    key: "smart_equipment",
    name: "智能装备",
    description: "精密制造、智驱智控、机器人与智能产线。",
    links: links([
      ["precision", "精密零部件", "upstream"],
      ["drive", "智驱智控", "upstream"],
      ["vision", "机器视觉", "upstream"],
      ["robot", "工业机器人", "midstream", ["precision", "drive", "vision"]],
      ["line", "智能产线", "midstream", ["robot"]],
      ["iiot", "工业互联网服务", "downstream", ["line"]],
    ]),
  },
  {
    key: "fashion",
    name: "时尚产业",
    description: "面料、设计研发、品牌制造与新零售。",
    links: links([
      ["fabric", "纺织面料", "upstream"],
      ["design", "设计研发", "upstream"],
      ["make", "服装与饰品制造", "midstream", ["fabric", "design"]],
      ["brand", "品牌运营", "midstream", ["make"]],
      ["live", "直播电商与新零售", "downstream", ["brand"]],
    ]),
  },
  {
    key: "pv_storage_charging",
    name: "光储充",
    description: "光伏发电、储能、充电设施一体化。",
    links: links([
      ["pv", "光伏组件", "upstream"],
      ["battery", "储能电池", "upstream"],
      ["pcs", "逆变器与变流器", "midstream", ["pv", "battery"]],
      ["pile", "充电桩", "midstream"],
      ["station", "光储充一体化电站", "downstream", ["pcs", "pile"]],
      ["ops", "运营服务", "downstream", ["station"]],
    ]),
  },
  {
    key: "smart_lighting",
    name: "智慧照明",
    description: "LED 芯片、灯具与智慧路灯、城市照明运营。",
    links: links([
      ["chip", "LED芯片与封装", "upstream"],
      ["driver", "驱动电源与控制", "upstream"],
      ["lamp", "灯具制造", "midstream", ["chip", "driver"]],
      ["pole", "智慧路灯（多杆合一）", "midstream", ["lamp"]],
      ["city", "城市照明运营", "downstream", ["pole"]],
    ]),
  },
  {
    key: "new_materials",
    name: "新材料",
    description: "基础原料、先进材料与应用。",
    links: links([
      ["raw", "基础化工原料", "upstream"],
      ["nano", "纳米材料", "midstream", ["raw"]],
      ["composite", "复合材料", "midstream", ["raw"]],
      ["film", "功能膜材料", "midstream", ["raw"]],
      ["apply", "下游应用", "downstream", ["nano", "composite", "film"]],
    ]),
  },
  {
    key: "digital",
    name: "数字经济",
    description: "算力、软件与数据服务、平台与数字化应用。",
    links: links([
      ["compute", "算力基础设施", "upstream"],
      ["software", "基础软件", "upstream"],
      ["data", "数据服务", "midstream", ["compute"]],
      ["ai", "人工智能", "midstream", ["compute", "data"]],
      ["platform", "平台经济", "downstream", ["software", "data"]],
      ["dx", "产业数字化", "downstream", ["ai", "platform"]],
    ]),
  },
];

export const templateByKey = (key: string) => chainTemplates.find((t) => t.key === key);
