/**
 * Demo organisation data. Places, organisations and figures come from the five seed articles
 * (shared/seeds, cited per row in `source`); every person named here is fictional.
 * Region refs are codes from server/db/reference/regions.csv or the key of a platform below.
 */
import { demoEnterprises } from "./demo.enterprises.js";
import type { DemoData } from "./demo.types.js";

// biome-ignore format: compact one-row-per-record demo tables read better than the expanded form
export const demoData: DemoData = {
  platforms: [
    { key: "lishui-kfq", name: "丽水经济技术开发区", parent: "331100", source: "001" },
    { key: "yz-stxc", name: "扬州生态科技新城", parent: "321000", source: "004" },
  ],

  parks: [
    // ── 丽水经开区 (001) ──
    {
      key: "lishui-etdz", region: "lishui-kfq", name: "丽水经济技术开发区", shortName: "丽水经开区", kind: "national_etdz",
      // An illustrative boundary around the demo's parcels, not the zone's surveyed one.
      outline: [[119.848, 28.42], [119.886, 28.417], [119.912, 28.436], [119.91, 28.46], [119.872, 28.463], [119.849, 28.447], [119.848, 28.42]],
      description: "全市工业主平台,聚焦半导体全链条、数字经济生产性服务业、智能装备、生物医药大健康、时尚产业五大产业集群。2021年上半年落地各类项目110个,其中亿元以上30个,实际到位外资2436万美元。",
      source: "001",
    },
    {
      key: "ls-fund-park", region: "lishui-kfq", parent: "lishui-etdz", name: "丽水经开区基金产业园", shortName: "基金产业园", kind: "industrial_park",
      description: "经开区创建的基金产业园;经开区设有30亿元绿色产业基金,以16.6亿元产业基金撬动123亿元社会资本和金融资本跟投,基金招商已引进光电探测器、航空智能产业园等9个项目。",
      source: "001",
    },
    {
      key: "ls-aviation", region: "lishui-kfq", parent: "lishui-etdz", name: "丽水经开区航空智能产业园", shortName: "航空智能产业园", kind: "industrial_park",
      description: "子基金“丽水久有”投资总规模15亿元的航迅信息项目,引进德国先进航空技术打造。",
      source: "001",
    },
    {
      key: "ls-talent-base", region: "lishui-kfq", parent: "lishui-etdz", name: "丽水经开区人才创新产业基地", shortName: "人才创新产业基地", kind: "other",
      description: "投资7.5亿元建设,实现人才“拎包入住”;经开区新增人才公寓240套、在建500套。",
      source: "001",
    },
    {
      key: "ls-enclave-zhangjiang", region: "lishui-kfq", parent: "lishui-etdz", name: "丽水经开区上海张江飞地", shortName: "张江飞地", kind: "enclave",
      hostLocation: "上海市浦东新区张江", areaM2: 21000,
      description: "面积2.1万平方米,企业研发办公留在上海、生产基地和销售总部放到丽水;已入驻10家上市企业,2021年上半年从上海引进项目35个、总投资56亿元,其中制造业项目15个。",
      source: "001",
    },
    {
      key: "ls-enclave-hangzhou", region: "lishui-kfq", parent: "lishui-etdz", name: "丽水经开区杭州飞地", shortName: "杭州飞地", kind: "enclave",
      hostLocation: "浙江省杭州市",
      description: "杭州“飞地”已全部入驻企业;经开区将建立飞地绩效考核机制,开展“每月述职、分区赛马”。",
      source: "001",
    },
    {
      key: "ls-enclave-ningbo", region: "lishui-kfq", parent: "lishui-etdz", name: "丽水经开区宁波杭州湾飞地园区", shortName: "宁波飞地", kind: "enclave",
      hostLocation: "浙江省宁波市杭州湾", areaM2: 66667,
      description: "面积100亩的宁波杭州湾飞地园区,已启用。",
      source: "001",
    },

    // ── 钱塘 大创小镇 (002) ──
    {
      key: "qt-dachuang", region: "330114", name: "大创小镇", kind: "town", areaM2: 41000000, address: "杭州市钱塘区白杨街道",
      description: "2016年12月启动的省级特色小镇、国家双创示范基地核心区;平台改革后从3.8平方公里核心区拓展到白杨街道41平方公里,完成28家10亿元以上工业企业全走访、243家规上工业企业走访100%覆盖。",
      source: "002",
    },
    {
      key: "qt-sg-park", region: "330114", parent: "qt-dachuang", name: "新加坡(杭州)科技园", kind: "intl_coop",
      description: "总分96分,位居浙江省19个国际产业合作园2019年度考核第一;2019年招引落地优秀企业100余家,其中重大外资项目18个。",
      source: "002",
    },
    {
      key: "qt-talent-park", region: "330114", parent: "qt-dachuang", name: "杭州国际人才创业创新园钱塘园区", kind: "other", areaM2: 5000,
      description: "2020年7月成立,选址大创小镇,首期运营地址建筑面积5000多平方米,聚焦人工智能、5G应用、智能制造;已有6家企业入驻。",
      source: "002",
    },

    // ── 临平 三大平台 (000) ──
    {
      key: "lp-etdz", region: "330113", name: "临平经济技术开发区", shortName: "临平经开区", kind: "national_etdz",
      description: "临平三大产业平台之一,推进新一轮“腾笼换鸟”,建设3个“1平方公里”产业区块,实施“红丰创新带”三年行动计划。",
      source: "000",
    },
    {
      key: "lp-zjtx-park", region: "330113", parent: "lp-etdz", name: "“专精特新”产业园", kind: "industrial_park", areaM2: 1000000,
      description: "经开区3个“1平方公里”产业区块之一。", source: "000",
    },
    {
      key: "lp-semi-park", region: "330113", parent: "lp-etdz", name: "半导体产业园", kind: "industrial_park", areaM2: 1000000,
      description: "经开区3个“1平方公里”产业区块之一。", source: "000",
    },
    {
      key: "lp-bio-park", region: "330113", parent: "lp-etdz", name: "生物医药集聚区", kind: "industrial_park", areaM2: 1000000,
      description: "经开区3个“1平方公里”产业区块之一,服务生物医药未来产业先导区建设。", source: "000",
    },
    {
      key: "lp-newcity", region: "330113", name: "临平新城", kind: "other",
      description: "临平三大产业平台之一,推进乔司全域土地综合整治和生态修复试点,启动打造杭州未来产业高新区,发展新数字、元宇宙、新消费、大健康及高端商务服务业。",
      source: "000",
    },
    { key: "lp-yishang", region: "330113", parent: "lp-newcity", name: "艺尚小镇", kind: "town", description: "临平新城特色小镇,加快提档升级。", source: "000" },
    { key: "lp-iiot", region: "330113", parent: "lp-newcity", name: "工业互联网小镇", kind: "town", description: "临平新城特色小镇,加快提档升级。", source: "000" },
    {
      key: "lp-suanli", region: "330113", parent: "lp-newcity", name: "算力小镇", kind: "town",
      description: "由区国企招商运营、已初具规模的园区,加快提档升级。", source: "000",
    },
    {
      key: "lp-canal", region: "330113", name: "大运河科创城", kind: "other",
      description: "临平三大产业平台之一,擦亮绿色生态底色,启动超山—丁山湖综合保护工程,推进塘栖历史名镇开发与保护并重。",
      source: "000",
    },
    { key: "lp-lujiaqiao", region: "330113", parent: "lp-canal", name: "陆家桥工业园区", kind: "industrial_park", description: "大运河科创城提升改造的工业园区,招引科创、文创、体育等新兴产业。", source: "000" },
    { key: "lp-dushan", region: "330113", parent: "lp-canal", name: "独山工业园区", kind: "industrial_park", description: "大运河科创城提升改造的工业园区。", source: "000" },
    { key: "lp-tangqi", region: "330113", parent: "lp-canal", name: "塘栖工业园", kind: "industrial_park", description: "大运河科创城提升改造的工业园区。", source: "000" },

    // ── 扬州 开发园区 (003, 004) ──
    {
      key: "yz-etdz", region: "321071", name: "扬州经济技术开发区", shortName: "扬州经开区", kind: "national_etdz",
      description: "围绕“3+4+1”现代产业体系用足七大园区集聚优势,推进新能源产业集群形成300亿元规模、绿色光电产业集群150亿元规模;全年新增高企20家、培育上市后备15家、实施技改项目80个。",
      source: "004",
    },
    {
      key: "yz-hitech", region: "321003", name: "扬州高新技术产业开发区", shortName: "扬州高新区", kind: "national_htz",
      description: "打造创新核心区、产业承载区、中央商务区、文化休闲区“四区联动”,拥有50万平方米双创载体;力争2022年工业开票325亿元、通过高企认定30家。",
      source: "004",
    },
    {
      key: "yz-hitech-bio", region: "321003", parent: "yz-hitech", name: "扬州高新区生物健康产业园", shortName: "生物健康产业园", kind: "industrial_park",
      description: "推动生物医药板块产能化,推进产业园二期规划建设。", source: "004",
    },
    {
      key: "yz-yizheng", region: "321081", name: "仪征经济开发区", kind: "provincial_dz",
      description: "实行化工园、汽车园、大数据产业园“一区三园”管理模式和“园区+公司+镇”管理模式,围绕三大主导产业每年招引一批重特大项目。",
      source: "003",
    },
    { key: "yz-yizheng-chem", region: "321081", parent: "yz-yizheng", name: "仪征化工园", kind: "industrial_park", description: "仪征经济开发区“一区三园”之化工园。", source: "003" },
    { key: "yz-yizheng-auto", region: "321081", parent: "yz-yizheng", name: "仪征汽车园", kind: "industrial_park", description: "仪征经济开发区“一区三园”之汽车园。", source: "003" },
    { key: "yz-yizheng-data", region: "321081", parent: "yz-yizheng", name: "仪征大数据产业园", kind: "industrial_park", description: "仪征经济开发区“一区三园”之大数据产业园。", source: "003" },
    {
      key: "yz-gaoyou-dz", region: "321084", name: "高邮经济开发区", kind: "provincial_dz",
      description: "围绕光储充特色主导产业主打轻资产招商、资本招商,深入推进招商团队公司化运营。", source: "003",
    },
    {
      key: "yz-gaoyou-htz", region: "321084", name: "高邮高新技术产业开发区", shortName: "高邮高新区", kind: "provincial_dz",
      description: "位于高邮湖西畔,紧盯智慧路灯制造延展产业链,高邮智慧照明产业年产值近200亿元;市场化运作招商总公司。",
      source: "004",
    },
    {
      key: "yz-baoying", region: "321023", name: "宝应经济开发区", kind: "provincial_dz",
      description: "打造输变电装备输电、变电、配电、用电、材料“5+N”产业体系;按A类优先发展、B类鼓励提升、C类监管调控、D类落后整治评价企业,实行差别化资源配置。",
      source: "003",
    },
    {
      key: "yz-guangling", region: "321002", name: "广陵经济开发区", kind: "provincial_dz",
      description: "一个产业一份招商图谱、一个招商团队、一个产业基金,确保每年落户亿元项目30个以上,力争项目从落户到开工压缩到60个工作日内;实施“周通报、旬会办、月督察、季考评”。",
      source: "003",
    },
    {
      key: "yz-jiangdu", region: "321012", name: "江都经济开发区", kind: "provincial_dz",
      description: "打造“钢”“船”“材”“化”4个“200亿产业群”,致力于列省重大项目突破,确保每年开工2个有全市影响力的好项目。",
      source: "003",
    },
    {
      key: "yz-weiyang", region: "321003", name: "维扬经济开发区", kind: "provincial_dz",
      description: "探索基金招商新模式补足“顶梁柱”企业和“大块头”项目;2020年两家企业在主板成功上市。", source: "004",
    },
    {
      key: "yz-hangji", region: "yz-stxc", name: "杭集高新技术产业开发区", shortName: "杭集高新区", kind: "provincial_dz",
      description: "围绕“中国美业港”打造“6+2+2”十大产业体系,推动牙刷、酒店用品、口腔护理、美容护肤等日化产业高端化、智能化、绿色化。",
      source: "004",
    },
  ],

  teams: [
    { key: "ls-tcb", region: "lishui-kfq", park: "lishui-etdz", name: "丽水经开区投资促进部", kind: "department", leaderName: "金永强", source: "001" },
    { key: "ls-stn-bj", region: "lishui-kfq", park: "lishui-etdz", name: "丽水经开区驻北京招商组", kind: "stationed", stationCity: "北京", leaderName: "刘海涛", source: "001" },
    { key: "ls-stn-sh", region: "lishui-kfq", park: "lishui-etdz", name: "丽水经开区驻上海招商组", kind: "stationed", stationCity: "上海", leaderName: "周立群", source: "001" },
    { key: "ls-stn-hz", region: "lishui-kfq", park: "lishui-etdz", name: "丽水经开区驻杭州招商组", kind: "stationed", stationCity: "杭州", leaderName: "李俊", source: "001" },
    { key: "ls-stn-sz", region: "lishui-kfq", park: "lishui-etdz", name: "丽水经开区驻深圳招商组", kind: "stationed", stationCity: "深圳", leaderName: "黄志勇", source: "001" },
    { key: "lp-squad-01", region: "330113", name: "临平区第一招商小分队", kind: "squad", leaderName: "张伟民", source: "000" },
    { key: "lp-squad-02", region: "330113", name: "临平区第二招商小分队", kind: "squad", leaderName: "王丽萍", source: "000" },
    { key: "lp-innov-center", region: "330113", name: "临平区驻外创新促进中心", kind: "stationed", leaderName: "陆晓峰", source: "000" },
    { key: "qt-service", region: "330114", park: "qt-dachuang", name: "大创小镇企业服务专班", kind: "other", leaderName: "钱国平", source: "002" },
    { key: "gy-htz-company", region: "321084", park: "yz-gaoyou-htz", name: "高邮高新区招商总公司", kind: "other", leaderName: "陈建军", source: "003" },
    { key: "gy-dz-team", region: "321084", park: "yz-gaoyou-dz", name: "高邮经济开发区招商团队", kind: "squad", leaderName: "王俊杰", source: "003" },
    { key: "gl-equip-team", region: "321002", park: "yz-guangling", name: "广陵经济开发区高端装备招商团队", kind: "squad", leaderName: "赵海波", source: "003" },
  ],

  departments: [
    // 丽水: departments acting on the zone's projects (city level) and the zone's own 党群工作部
    { key: "ls-zrzy", region: "331100", name: "丽水市自然资源和规划局", shortName: "自然资源和规划局", source: "001" },
    { key: "ls-zjj", region: "331100", name: "丽水市住房和城乡建设局", shortName: "住建局", source: "001" },
    { key: "ls-sthj", region: "331100", name: "丽水市生态环境局", shortName: "生态环境局", source: "001" },
    { key: "ls-scjg", region: "331100", name: "丽水市市场监督管理局", shortName: "市场监管局", source: "001" },
    { key: "ls-jxj", region: "331100", name: "丽水市经济和信息化局", shortName: "经信局", source: "001" },
    { key: "ls-kjj", region: "331100", name: "丽水市科学技术局", shortName: "科技局", source: "001" },
    { key: "ls-rsj", region: "331100", name: "丽水市人力资源和社会保障局", shortName: "人社局", source: "001" },
    { key: "ls-swj", region: "331100", name: "丽水市商务局", shortName: "商务局", source: "001" },
    { key: "ls-dqgzb", region: "lishui-kfq", name: "丽水经开区党群工作部", shortName: "党群工作部", source: "001" },
    // 钱塘: the five named in 002 (建设局 handled the 公交 appeal), plus two branch bureaus
    { key: "qt-dqgzb", region: "330114", name: "党群工作部(组织部)", shortName: "党群工作部", source: "002" },
    { key: "qt-czjr", region: "330114", name: "财政金融局", source: "002" },
    { key: "qt-jfkj", region: "330114", name: "经发科技局", source: "002" },
    { key: "qt-zsrc", region: "330114", name: "招商与人才局", source: "002" },
    { key: "qt-jsj", region: "330114", name: "建设局", source: "002" },
    { key: "qt-ghzy", region: "330114", name: "杭州市规划和自然资源局钱塘分局", shortName: "规划资源分局", source: "002" },
    { key: "qt-sthj", region: "330114", name: "杭州市生态环境局钱塘分局", shortName: "生态环境分局", source: "002" },
    // 扬州: the three named in 003, typical others, and 高邮市商务局 (004)
    { key: "yz-zrzy", region: "321000", name: "扬州市自然资源和规划局", shortName: "自然资源和规划局", source: "003" },
    { key: "yz-zwb", region: "321000", name: "扬州市政务服务管理办公室", shortName: "市政务办", source: "003" },
    { key: "yz-zjj", region: "321000", name: "扬州市住房和城乡建设局", shortName: "市住建局", source: "003" },
    { key: "yz-swj", region: "321000", name: "扬州市商务局", shortName: "商务局", source: "003" },
    { key: "yz-gxj", region: "321000", name: "扬州市工业和信息化局", shortName: "工信局", source: "003" },
    { key: "yz-kjj", region: "321000", name: "扬州市科学技术局", shortName: "科技局", source: "004" },
    { key: "yz-sthj", region: "321000", name: "扬州市生态环境局", shortName: "生态环境局", source: "003" },
    { key: "gy-swj", region: "321084", name: "高邮市商务局", shortName: "商务局", source: "004" },
  ],

  users: [
    { username: "admin", name: "王晓东", roles: ["admin"], scopes: [{ kind: "all", ref: null }], region: null },
    { username: "leader", name: "林建华", roles: ["leader"], scopes: [{ kind: "region", ref: "331100" }], region: "331100" },
    { username: "teamlead", name: "周立群", roles: ["team_lead"], scopes: [{ kind: "team", ref: "ls-stn-sh" }], region: "lishui-kfq" },
    { username: "officer", name: "吴佳琪", roles: ["officer"], scopes: [{ kind: "park", ref: "ls-enclave-zhangjiang" }], region: "lishui-kfq" },
    { username: "officer2", name: "郑浩", roles: ["officer"], scopes: [{ kind: "park", ref: "ls-enclave-ningbo" }], region: "lishui-kfq" },
    { username: "specialist", name: "叶雨婷", roles: ["service_specialist"], scopes: [{ kind: "park", ref: "lishui-etdz" }], region: "lishui-kfq" },
    {
      username: "handler", name: "蓝志明", roles: ["department_handler"], scopes: [{ kind: "department", ref: "ls-zrzy" }],
      region: "331100", department: "ls-zrzy",
    },
    { username: "expert", name: "徐国庆", roles: ["expert"], scopes: [{ kind: "assignment", ref: null }], region: "lishui-kfq" },
    { username: "enterprise", name: "潘丽娟", roles: ["enterprise"], scopes: [{ kind: "enterprise", ref: "ls-jingrui" }], region: "lishui-kfq" },
    { username: "yzleader", name: "孙卫东", roles: ["leader"], scopes: [{ kind: "region", ref: "321000" }], region: "321000" },
    { username: "qtofficer", name: "沈奕辰", roles: ["officer"], scopes: [{ kind: "park", ref: "qt-dachuang" }], region: "330114" },
    { username: "qtspecialist", name: "何思远", roles: ["service_specialist"], scopes: [{ kind: "park", ref: "qt-dachuang" }], region: "330114" },
    {
      username: "qthandler", name: "俞振华", roles: ["department_handler"], scopes: [{ kind: "department", ref: "qt-jsj" }],
      region: "330114", department: "qt-jsj",
    },
  ],

  // The firms the articles name: see demo.enterprises.ts.
  enterprises: demoEnterprises,
};

/**
 * The demo organisation without its firms; enterprise users keep their role but no firm.
 * For tests that need an empty enterprise registry.
 */
export function withoutEnterprises(data: DemoData): DemoData {
  return {
    ...data,
    enterprises: [],
    users: data.users.map((u) => ({
      ...u,
      scopes: u.scopes.map((s) => (s.kind === "enterprise" ? { ...s, ref: null } : s)),
    })),
  };
}
