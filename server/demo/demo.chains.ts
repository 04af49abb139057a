import { inArray } from "drizzle-orm";
import { prospectCreate } from "../../common/chain.prospect.js";
import type { ActorCtx } from "../lib/context.js";
import { chainMap, createFromTemplate, updateChain } from "../modules/chains/chains.service.js";
import { addFirm, setProjectLinks } from "../modules/chains/links.service.js";
import { createProspect } from "../modules/chains/prospects.service.js";
import * as rq from "../modules/org/regions.queries.js";
import { project } from "../modules/projects/projects.table.js";
import type { DemoRefs } from "./demo.projects.js";

/**
 * Chains from the seeds: 丽水经开区's five clusters (001: 半导体全链条, 数字经济, 智能装备,
 * 生物医药大健康, 时尚产业) with the firms 001 names on their links; 高邮's 光储充 and 智慧照明
 * among its ten key chains each tied to a city leader (004). Prospects are firms other seeds
 * name elsewhere, put in 丽水's pool against the links they would fill. People are fictional.
 */
export async function loadDemoChains(as: ActorCtx, refs: DemoRefs) {
  const firm = (key: string) => refs.enterprises.get(key)!;
  const leader = refs.users.get("leader") ?? null;
  const chains = new Map<string, Awaited<ReturnType<typeof chainMap>>>();
  const make = async (key: string, template: string, name: string, regionId: string, over: object) => {
    const c = await createFromTemplate(as, { template, regionId, name });
    await updateChain(as, c.id, { ...over, version: c.version });
    chains.set(key, await chainMap(as, c.id));
  };
  const link = (chain: string, name: string) => chains.get(chain)!.links.find((l) => l.name === name)!.id;
  const kfq = refs.regionId;
  await make("semi", "semiconductor", "半导体全链条", kfq, {
    chiefId: leader,
    chiefTitle: "市领导",
    leaderFirmIds: [firm("ls-jingrui")],
    teamId: refs.teams.get("ls-tcb") ?? null,
    goals: [
      { text: "半导体全链条产业“从无到有”，引进半导体项目5个（来源：文章001）", target: 5, unit: "个" },
    ],
  });
  await make("digital", "digital", "数字经济", kfq, { chiefId: leader, chiefTitle: "市领导" });
  await make("equip", "smart_equipment", "智能装备", kfq, { chiefId: leader, chiefTitle: "市领导" });
  await make("bio", "biomed", "生物医药大健康", kfq, {});
  await make("fashion", "fashion", "时尚产业", kfq, {});
  // 001: 晶睿 packages and tests, 珏芯 and 意芯 design chips, 光珀 makes 3D vision sensors.
  const on = (chain: string, linkName: string, key: string, role: "member" | "leader" = "member") =>
    addFirm(as, link(chain, linkName), { enterpriseId: firm(key), role });
  await on("semi", "封装测试", "ls-jingrui", "leader");
  await on("semi", "芯片设计", "ls-juexin");
  await on("semi", "芯片设计", "ls-yixin");
  await on("semi", "传感器与模组", "ls-guangpo");
  await on("equip", "智驱智控", "ls-fangzheng");
  await on("equip", "智驱智控", "ls-fangde");
  await on("equip", "智能产线", "ls-rongqi");
  await on("digital", "数据服务", "ls-hangxun");
  // 001's semiconductor projects serve the links their firms sit on (the chain's 链长 goal counts them).
  const semiProjects: [string, string][] = [
    ["晶睿电子晶圆片和外延片制造项目", "晶圆制造"],
    ["珏芯微电子光电探测器项目", "传感器与模组"],
    ["光珀智能3D视觉传感器生产线项目", "传感器与模组"],
    ["意芯集成电路封装测试项目", "封装测试"],
  ];
  const projects = await as.db
    .select({ id: project.id, name: project.name })
    .from(project)
    .where(
      inArray(
        project.name,
        semiProjects.map(([name]) => name),
      ),
    );
  for (const [name, linkName] of semiProjects) {
    const p = projects.find((x) => x.name === name);
    if (p) await setProjectLinks(as, p.id, [link("semi", linkName)]);
  }

  const gaoyou = await rq.regionByCode(as.db, "321084");
  const yzLeader = refs.users.get("yzleader") ?? null;
  if (gaoyou) {
    await make("pv", "pv_storage_charging", "光储充", gaoyou.id, {
      chiefId: yzLeader,
      chiefTitle: "高邮市领导",
    });
    await make("light", "smart_lighting", "智慧照明", gaoyou.id, {
      chiefId: yzLeader,
      chiefTitle: "高邮市领导",
    });
  }

  const prospects = [
    {
      name: "松下家电(中国)有限公司",
      sources: ["fortune500"],
      country: "日本",
      headquarters: "杭州市钱塘区",
      industryCode: "C38",
      industry: "家用电器",
      priority: "high",
      linkIds: [link("equip", "智能产线")],
      note: "来源：文章002（钱塘大创小镇企业）",
    },
    {
      name: "科盛半导体",
      sources: ["other"],
      country: "中国",
      headquarters: "杭州市临平区",
      industryCode: "C39",
      industry: "半导体",
      signals: ["expansion"],
      priority: "high",
      linkIds: [link("semi", "晶圆制造")],
      note: "来源：文章000（临平10亿级以上重大项目）",
    },
    {
      name: "信达生物",
      sources: ["listed"],
      country: "中国",
      headquarters: "苏州",
      industryCode: "C27",
      industry: "生物医药",
      signals: ["expansion"],
      priority: "medium",
      linkIds: [link("bio", "创新药")],
      note: "来源：文章000（临平10亿级以上重大项目）",
    },
    {
      name: "德国海拉BMS",
      sources: ["other"],
      country: "德国",
      headquarters: "扬州市广陵区",
      industry: "汽车电子",
      priority: "low",
      linkIds: [link("semi", "传感器与模组")],
      note: "来源：文章003（广陵经开区外资龙头）",
    },
  ];
  for (const p of prospects) await createProspect(as, prospectCreate.parse({ ...p, regionId: kfq }));
}
