/**
 * Demo enterprises: the firms the five seed articles (shared/seeds, readable copies in
 * shared/seeds/clean) actually name, and only what the articles say about them. `source` is the
 * article: 000 Linping learning from Suzhou SIP, 001 Lishui ETDZ 双招双引, 002 Qiantang 大创小镇,
 * 003 Yangzhou zones 二次创业, 004 Yangzhou clusters.
 *
 * - Names are as the article writes them; a full legal name only where the article gives one.
 * - Industry codes (GB/T 4754-2017) follow what the article says the firm makes or does, at the
 *   level the text supports (a class, or a group or division when it only says "半导体" or
 *   "食品"); null where the article says nothing about it.
 * - Labels only where the article states them; yearly figures only where it gives the firm's own
 *   numbers (project investment and forecast sales are not recorded as figures).
 * - No people: the managers the articles quote are left out (demo people are fictional).
 * - Left out: firms outside the demo's zones that no demo zone deals with (000 names Suzhou SIP
 *   firms: 苏州纳米科技发展有限公司, 协鑫集团, 锦富新材, 赣峰锂业, 朗峰新材; and 上海临港集团
 *   as a partner), funds (中核基金, 久有基金, 丽水久有), institutes and schools.
 *
 * USCCs here are SYNTHETIC: syntheticUscc(region code, serial) builds a well-formed code with a
 * valid check character; they are not the firms' real codes. The region code is that of the
 * firm's park's region, or of the nearest coded region above a platform (丽水经开区 → 331100).
 * Serials start at 1001 so they stay clear of codes tests create by hand. Outside investors not
 * registered locally have no code (uscc: null).
 */
import { syntheticUscc } from "../../common/uscc.js";
import type { DemoEnterprise } from "./demo.types.js";

/** Synthetic demo code n of a region (see above). */
const demoUscc = (regionCode: string, n: number) => syntheticUscc(regionCode, 1000 + n);

// biome-ignore format: compact one-row-per-record demo tables read better than the expanded form
export const demoEnterprises: DemoEnterprise[] = [
  // ── 丽水经开区 (001) ──
  {
    key: "ls-jingrui", name: "浙江晶睿电子科技有限公司", park: "lishui-etdz", uscc: demoUscc("331100", 1), industryCode: "C3985",
    labels: [], specialist: "specialist",
    note: "电子晶圆片和外延片制造项目:去年5月成立、8月土地摘牌、10月开工建设,今年3月主体厂房结顶、5月引进设备,从厂房开建到投产7个月;基金招商引进的半导体项目之一,已带动上市企业民德电子入股。",
    source: "001",
  },
  {
    key: "ls-juexin", name: "珏芯微电子", park: "lishui-etdz", uscc: demoUscc("331100", 2), industryCode: "C39", labels: [],
    note: "基金招商助力下围绕半导体产业集群引进的半导体项目之一。", source: "001",
  },
  {
    key: "ls-guangpo", name: "光珀智能", park: "lishui-etdz", uscc: demoUscc("331100", 3), industryCode: "C39", labels: [],
    note: "基金招商助力下围绕半导体产业集群引进的半导体项目之一。", source: "001",
  },
  {
    key: "ls-yixin", name: "意芯", park: "lishui-etdz", uscc: demoUscc("331100", 4), industryCode: "C39", labels: [],
    note: "基金招商助力下围绕半导体产业集群引进的半导体项目之一。", source: "001",
  },
  {
    key: "ls-jiali", name: "嘉利工业", park: "lishui-etdz", uscc: demoUscc("331100", 5), industryCode: null, labels: [],
    note: "基金招商培育扶持的4家园区企业之一。", source: "001",
  },
  {
    key: "ls-hangxun", name: "航迅信息", park: "ls-aviation", uscc: demoUscc("331100", 6), industryCode: "C374", labels: [],
    note: "子基金“丽水久有”投资的总规模15亿元项目,借此引进德国先进航空技术,打造航空智能产业园。", source: "001",
  },
  {
    key: "ls-fangzheng", name: "方正电机", park: "lishui-etdz", uscc: demoUscc("331100", 7), industryCode: "C3812",
    labels: [], specialist: "specialist",
    note: "与经开区、中车城市交通合作成立智驱研究院,研究成果免费授权方正电机;启动动力谷未来工厂建设,集驱动电机创新研发、智能制造和工业互联于一体。",
    source: "001",
  },
  {
    key: "ls-fangde", name: "丽水方德智驱应用技术研究院有限公司", park: "lishui-etdz", uscc: demoUscc("331100", 8), industryCode: "M7320",
    foundedOn: "2020-05-26", labels: [],
    note: "2020年5月26日由丽水经开区管委会、中车城市交通有限公司、方正电机三方合作成立,面向精密制造领域智驱智控板块;文中合资设立的研究院又称“浙江方正智驱应用技术研究院”。",
    source: "001",
  },
  {
    key: "ls-rongqi", name: "浙江容祺科技有限公司", park: "lishui-etdz", uscc: demoUscc("331100", 9), industryCode: "C3741",
    labels: ["hnte"], specialist: "specialist",
    note: "聚焦工业无人机,是国家高新技术企业和软件企业;“容祺智能”获丽水市第三届高层次人才创业大赛一等奖,入选“绿谷精英”A类项目;工业级无人机研发、展销、服务中心及生产基地项目总投资5亿元,达产后预计年销售收入7亿元(项目数据,不作年度数据)。",
    source: "001",
  },
  {
    key: "ls-minde", name: "民德电子", region: "lishui-kfq", uscc: null, industryCode: null, labels: ["listed"],
    note: "上市企业,由晶睿电子带动入股晶睿;未在本地注册。", source: "001",
  },
  {
    key: "ls-crrc-ut", name: "中车城市交通有限公司", region: "lishui-kfq", uscc: null, industryCode: null, labels: [],
    note: "与经开区管委会、方正电机三方合作成立丽水方德智驱应用技术研究院,与方正电机合资设立研究院;未在本地注册。", source: "001",
  },
  {
    key: "ls-weidi", name: "威帝股份", region: "lishui-kfq", uscc: null, industryCode: null, labels: ["listed"],
    note: "“股权并购计划”:子基金“丽水久有”以7.5亿元收购市值约28亿元的“威帝股份”21.43%的股份(有市值,即上市公司);未在本地注册。",
    source: "001",
  },

  // ── 钱塘 大创小镇 (002) ──
  {
    key: "qt-yiwangyichuang", name: "壹网壹创", park: "qt-dachuang", uscc: demoUscc("330114", 1), industryCode: null, labels: ["listed"],
    note: "2019年钱塘新区新增的2家上市企业之一,来自大创小镇。", source: "002",
  },
  {
    key: "qt-miaolante", name: "米奥兰特", park: "qt-dachuang", uscc: demoUscc("330114", 2), industryCode: null, labels: ["listed"],
    note: "2019年钱塘新区新增的2家上市企业之一,来自大创小镇。", source: "002",
  },
  {
    key: "qt-panasonic", name: "松下家电(中国)有限公司", park: "qt-dachuang", uscc: demoUscc("330114", 3), industryCode: "C385", labels: [],
    note: "走访中反映经过公司的公交车班次太少,服务专员与新区建设局公交管理部门沟通,协助开通智慧公交。", source: "002",
  },
  {
    key: "qt-fulaiente", name: "福莱蒽特", park: "qt-dachuang", uscc: demoUscc("330114", 4), industryCode: null, labels: [],
    note: "大创小镇重点推进的总部大楼项目(福莱蒽特等,总投资超过300亿元)。", source: "002",
  },
  {
    key: "qt-xinsheng", name: "芯声智能", park: "qt-dachuang", uscc: demoUscc("330114", 5), industryCode: null, labels: [],
    note: "大创小镇近期已落地的重点项目之一(6个,总投资超过11亿元)。", source: "002",
  },
  {
    key: "qt-fenghui", name: "杭州枫惠六和桥创投科技有限公司", park: "qt-talent-park", uscc: demoUscc("330114", 6), industryCode: "M7540", labels: [],
    note: "杭州国际人才创业创新园钱塘园区引进的第三方服务机构、合作共建单位,发挥管理运营、创投融资、科技服务等全链条孵化体系优势。",
    source: "002",
  },
  { key: "qt-lanqing", name: "蓝擎科技", park: "qt-talent-park", uscc: demoUscc("330114", 7), industryCode: null, labels: [], note: "已入驻杭州国际人才创业创新园钱塘园区的6家企业之一。", source: "002" },
  { key: "qt-aoxue", name: "傲雪科技", park: "qt-talent-park", uscc: demoUscc("330114", 8), industryCode: null, labels: [], note: "已入驻杭州国际人才创业创新园钱塘园区的6家企业之一。", source: "002" },
  { key: "qt-weiyun", name: "巍云科技", park: "qt-talent-park", uscc: demoUscc("330114", 9), industryCode: null, labels: [], note: "已入驻杭州国际人才创业创新园钱塘园区的6家企业之一。", source: "002" },
  { key: "qt-weiling", name: "维灵医疗", park: "qt-talent-park", uscc: demoUscc("330114", 10), industryCode: null, labels: [], note: "已入驻杭州国际人才创业创新园钱塘园区的6家企业之一。", source: "002" },
  { key: "qt-dingjian", name: "鼎建科技", park: "qt-talent-park", uscc: demoUscc("330114", 11), industryCode: null, labels: [], note: "已入驻杭州国际人才创业创新园钱塘园区的6家企业之一。", source: "002" },
  { key: "qt-yimei", name: "医美科技", park: "qt-talent-park", uscc: demoUscc("330114", 12), industryCode: null, labels: [], note: "已入驻杭州国际人才创业创新园钱塘园区的6家企业之一。", source: "002" },
  {
    key: "qt-wolei", name: "杭州沃镭智能科技股份有限公司", park: "qt-dachuang", uscc: demoUscc("330114", 13), industryCode: "C35", labels: [],
    years: [{ year: 2019, figures: { outputFen: 200_000_000_00 }, source: "来源：文章编号 002（“去年年产值接近2亿元”）" }],
    note: "新区校友郭斌2008年创立,汽车制动领域的智能制造技术已达全国领先水平,(2020年文中)去年年产值接近2亿元;通过“高校博士进企业”活动签约博士。",
    source: "002",
  },
  {
    key: "qt-huace", name: "华策", region: "330114", uscc: null, industryCode: "R8730", labels: [],
    note: "数字影视传媒龙头企业,发起大创小镇钱塘直播电商产业生态园项目(总投资20.6亿元,含网红学院、集团新业务第二总部等);文中未说在本地注册。",
    source: "002",
  },

  // ── 临平 (000) ──
  {
    key: "lp-zibuyu", name: "子不语", region: "330113", uscc: demoUscc("330113", 1), industryCode: "F5292", labels: ["listed"],
    note: "跨境电商上市企业,区里要释放其标杆效应。", source: "000",
  },
  { key: "lp-kongke", name: "空刻网络", region: "330113", uscc: demoUscc("330113", 2), industryCode: null, labels: [], note: "新消费领域的“空刻网络总部”项目。", source: "000" },
  { key: "lp-xingxin", name: "兴信食品", region: "330113", uscc: demoUscc("330113", 3), industryCode: "C14", labels: [], note: "新消费领域的“兴信食品总部”项目。", source: "000" },
  { key: "lp-tianyuan", name: "天元宠物", region: "330113", uscc: demoUscc("330113", 4), industryCode: null, labels: [], note: "新消费(萌宠经济)领域的“天元宠物总部”项目。", source: "000" },
  { key: "lp-yaowang", name: "遥望网络", region: "330113", uscc: demoUscc("330113", 5), industryCode: "I6432", labels: [], note: "头部直播机构集群中的电商平台类企业,区里支持其做大做强。", source: "000" },
  { key: "lp-yali", name: "鸭梨互动", region: "330113", uscc: demoUscc("330113", 6), industryCode: "I6432", labels: [], note: "头部直播机构集群中的电商平台类企业,区里支持其做大做强。", source: "000" },
  { key: "lp-goumee", name: "构美", region: "330113", uscc: demoUscc("330113", 7), industryCode: "I6432", labels: [], note: "头部直播机构集群中的电商平台类企业,区里支持其做大做强。", source: "000" },
  {
    key: "lp-innovent", name: "信达生物", region: "330113", uscc: demoUscc("330113", 8), industryCode: "C2761", labels: [],
    note: "10亿级以上重大项目,在“链长+链主”制中发挥牵引作用(生物医药)。", source: "000",
  },
  {
    key: "lp-kesheng", name: "科盛半导体", region: "330113", uscc: demoUscc("330113", 9), industryCode: "C39", labels: [],
    note: "10亿级以上重大项目,在“链长+链主”制中发挥牵引作用。", source: "000",
  },

  // ── 扬州 广陵经济开发区 (003): “以…为龙头” of the zone's industries, recorded as 链主 ──
  { key: "gl-haiwo", name: "海沃机械", park: "yz-guangling", uscc: demoUscc("321002", 1), industryCode: null, labels: ["chain_leader"], note: "广陵经开区高端装备制造产业的龙头。", source: "003" },
  { key: "gl-hongchang", name: "宏昌天马", park: "yz-guangling", uscc: demoUscc("321002", 2), industryCode: null, labels: ["chain_leader"], note: "广陵经开区高端装备制造产业的龙头。", source: "003" },
  { key: "gl-hengda", name: "恒大新能源", park: "yz-guangling", uscc: demoUscc("321002", 3), industryCode: null, labels: ["chain_leader"], note: "广陵经开区新能源产业的龙头。", source: "003" },
  {
    key: "gl-hella", name: "德国海拉BMS", park: "yz-guangling", uscc: demoUscc("321002", 4), industryCode: null, labels: ["chain_leader", "foreign"],
    note: "广陵经开区新能源产业的龙头;德国企业(外资)。", source: "003",
  },
  { key: "gl-shangyang", name: "上扬无线", park: "yz-guangling", uscc: demoUscc("321002", 5), industryCode: null, labels: ["chain_leader"], note: "广陵经开区新一代信息技术产业的龙头。", source: "003" },
  { key: "gl-wanfang", name: "万方电子", park: "yz-guangling", uscc: demoUscc("321002", 6), industryCode: null, labels: ["chain_leader"], note: "广陵经开区新一代信息技术产业的龙头。", source: "003" },

  // ── 扬州 (004): photo captions only, no zone named ──
  { key: "yz-hongyang", name: "虹扬科技", region: "321000", uscc: demoUscc("321000", 1), industryCode: null, labels: [], note: "配图“虹扬科技公司车间”。", source: "004" },
  { key: "yz-fengshang", name: "丰尚智能科技", region: "321000", uscc: demoUscc("321000", 2), industryCode: null, labels: [], note: "配图“丰尚智能科技公司”。", source: "004" },
];
