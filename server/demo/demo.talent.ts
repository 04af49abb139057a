import {
  allocationCreate,
  programmeCreate,
  roundCreate,
  talentCreate,
  talentProjectCreate,
  unitCreate,
} from "../../common/talent.schema.js";
import type { ActorCtx } from "../lib/context.js";
import { chinaDay } from "../lib/dates.js";
import { concludeReview, createReview, submitScores } from "../modules/reviews/reviews.service.js";
import { actOnAllocation, allocate, createUnit } from "../modules/talent/apartments.service.js";
import {
  moveProject,
  payInstalment,
  recogniseProject,
  updateInstalment,
} from "../modules/talent/rewards.service.js";
import { instalmentsOf } from "../modules/talent/talent.queries.js";
import {
  applyProject,
  createProgramme,
  createRound,
  createTalent,
} from "../modules/talent/talent.service.js";
import type { DemoRefs } from "./demo.projects.js";

const WAN = 1_000_000; // fen in 1 万元

/**
 * Demo 招才引智. Seed 001: 丽水经开区's 绿谷精英 programme, 容祺智能 (first prize of the city's third
 * high-level talent start-up contest, Oct 2020) selected as an A-class project; ¥44m of talent rewards
 * paid since the year before; 240 talent apartments added and 500 under construction at the 人才创新
 * 产业基地; 华师大附属丽水学校 for talents' children. Seed 002: 大创小镇's 6 rounds of high-level talent
 * start-up calls (161 projects collected, 2 review rounds, 10 reviewed) and 32 new leading talents.
 * The programmes' levels, caps and instalment plans, and every person, are the demo's own (fictional);
 * the counts the articles give stay in the notes rather than as hundreds of invented rows.
 */
export async function loadDemoTalent(as: ActorCtx, refs: DemoRefs, qiantangRegionId: string) {
  const park = (key: string) => {
    const id = refs.parks.get(key);
    if (!id) throw new Error(`demo talent: unknown park ${key}`);
    return id;
  };
  const firm = (key: string) => {
    const id = refs.enterprises.get(key);
    if (!id) throw new Error(`demo talent: unknown firm ${key}`);
    return id;
  };
  const today = chinaDay(as.now());
  const shift = (days: number) => chinaDay(new Date(as.now().getTime() + days * 86_400_000));

  // ── 丽水经开区 (001) ──
  const lvgu = await createProgramme(
    as,
    programmeCreate.parse({
      regionId: refs.regionId,
      name: "绿谷精英计划",
      levels: [
        {
          code: "A",
          name: "A类项目",
          capFen: 500 * WAN,
          instalments: [
            { percent: 40, condition: "企业注册落地、人才全职到岗", monthsAfter: 0 },
            { percent: 30, condition: "项目开工建设并完成首期投资", monthsAfter: 12 },
            { percent: 30, condition: "项目投产，三年期满考核合格", monthsAfter: 36 },
          ],
        },
        {
          code: "B",
          name: "B类项目",
          capFen: 200 * WAN,
          instalments: [
            { percent: 50, condition: "企业注册落地、人才全职到岗", monthsAfter: 0 },
            { percent: 50, condition: "三年期满考核合格", monthsAfter: 36 },
          ],
        },
        {
          code: "C",
          name: "C类项目",
          capFen: 100 * WAN,
          instalments: [{ percent: 100, condition: "企业注册落地、人才全职到岗", monthsAfter: 0 }],
        },
      ],
      note: "丽水经开区出台“人才新政”升级版，提高政策奖励额度和覆盖面，去年以来兑现人才奖励4400余万元（来源：文章编号 001）。等级、上限与分期为演示设定。",
    }),
  );
  const past = await createRound(
    as,
    roundCreate.parse({
      programmeId: lvgu.id,
      name: "2020年“绿谷精英”项目认定",
      opensOn: "2020-10-01",
      closesOn: "2020-12-31",
      note: "丽水市第三届高层次人才创业大赛（2020年10月）后的认定批次（来源：文章编号 001）。",
    }),
  );
  // The current call is open around the day the demo is loaded, so it can be applied to.
  await createRound(
    as,
    roundCreate.parse({
      programmeId: lvgu.id,
      name: `${today.slice(0, 4)}年“绿谷精英”项目常态化申报`,
      opensOn: shift(-30),
      closesOn: shift(90),
      note: "演示批次：申报期覆盖载入演示数据当日。",
    }),
  );

  const founder = await createTalent(
    as,
    talentCreate.parse({
      parkId: park("lishui-etdz"),
      enterpriseId: firm("ls-rongqi"),
      name: "章明远",
      gender: "male",
      birthYear: 1982,
      education: "doctor",
      title: "创始人",
      field: "工业级无人机",
      phone: "13905780101",
      idNumber: "33110219820301001X",
      email: "zhangmy@example.com",
      note: "演示人物（虚构）。容祺智能获丽水市第三届高层次人才创业大赛一等奖，入选“绿谷精英”A类项目（来源：文章编号 001）。",
    }),
  );
  const engineer = await createTalent(
    as,
    talentCreate.parse({
      parkId: park("lishui-etdz"),
      enterpriseId: firm("ls-fangde"),
      name: "俞晓岚",
      gender: "female",
      birthYear: 1990,
      education: "master",
      title: "研发总监",
      field: "智驱智控",
      phone: "13905780102",
      email: "yuxl@example.com",
      note: "演示人物（虚构）：方德智驱研究院引进的研发骨干。",
    }),
  );

  let rongqi = await applyProject(
    as,
    talentProjectCreate.parse({
      roundId: past.id,
      talentId: founder.id,
      name: "容祺智能工业级无人机研发及产业化项目",
      field: "航空航天",
      levelApplied: "A",
      appliedOn: "2020-11-02",
      note: "工业级无人机等智能装备研发中心、展销中心、服务中心、生产基地项目在经开区落地开工，总投资5亿元，达产后预计年销售收入7亿元（来源：文章编号 001）。",
    }),
  );
  rongqi = await moveProject(as, rongqi.id, { to: "screening", version: rongqi.version });
  rongqi = await moveProject(as, rongqi.id, { to: "reviewing", version: rongqi.version });
  // The 2020 review through the review machinery: a panel drawn, each score entered, concluded.
  let r = await createReview(as, {
    subjectType: "talent_project",
    subjectId: rongqi.id,
    title: "2020年“绿谷精英”项目评审",
    panelSize: 2,
  });
  for (const seat of r.panel) {
    const scores = Object.fromEntries(r.criteria.map((c) => [c.key, Math.round(c.max * 0.92)]));
    r = await submitScores(as, r.id, { expertId: seat.expertId, scores, comment: "演示评分" });
  }
  await concludeReview(as, r.id, {
    conclusion: "pass",
    note: "同意认定为A类项目（演示）",
    version: r.version,
  });
  rongqi = await recogniseProject(as, rongqi.id, {
    level: "A",
    recognisedOn: "2020-12-18",
    version: rongqi.version,
  });
  const [first] = await instalmentsOf(as.db, rongqi.id);
  if (first) {
    await updateInstalment(as, first.id, { conditionMet: true, version: first.version });
    await payInstalment(as, first.id, {
      amountFen: first.amountFen,
      paidOn: "2021-03-15",
      voucher: "LSKF-RC-2021-0031",
      note: "演示凭证",
    });
  }
  await applyProject(
    as,
    talentProjectCreate.parse({
      roundId: past.id,
      talentId: engineer.id,
      name: "智驱智控电机控制器研发项目",
      field: "精密制造",
      levelApplied: "B",
      appliedOn: "2020-12-01",
    }),
  );

  // 人才公寓 at the 人才创新产业基地: two demo buildings of the 240 units added (500 more being built).
  const units: string[] = [];
  for (const building of ["人才公寓1号楼", "人才公寓2号楼"]) {
    for (const no of ["101", "102", "201", "202", "301", "302"]) {
      const u = await createUnit(
        as,
        unitCreate.parse({
          parkId: park("ls-talent-base"),
          building,
          name: no,
          address: "丽水经开区人才创新产业基地",
          rooms: no.endsWith("1") ? 3 : 2,
          areaM2: no.endsWith("1") ? 110 : 89,
          rentFenMonth: 0,
          note: "拎包入住（来源：文章编号 001：新增人才公寓240套、在建500套）",
        }),
      );
      units.push(u.id);
    }
  }
  for (const [i, who] of [founder, engineer].entries()) {
    const a = await allocate(
      as,
      units[i]!,
      allocationCreate.parse({ talentId: who.id, fromOn: shift(-60), toOn: shift(305) }),
    );
    await actOnAllocation(as, a.id, "check_in", { on: shift(-58), version: a.version });
  }

  // ── 钱塘 大创小镇 (002) ──
  const qt = await createProgramme(
    as,
    programmeCreate.parse({
      regionId: qiantangRegionId,
      name: "钱塘区高层次人才创业项目认定",
      levels: [
        {
          code: "A",
          name: "A类",
          capFen: 500 * WAN,
          instalments: [{ percent: 100, condition: "认定后落地", monthsAfter: 0 }],
        },
        {
          code: "B",
          name: "B类",
          capFen: 200 * WAN,
          instalments: [{ percent: 100, condition: "认定后落地", monthsAfter: 0 }],
        },
      ],
      note: "2020年先后组织6批高层次人才创业认定项目征集和2批人才项目评审，征集到认定项目161个，参加评审的人才项目10个；新增市级以上领军型人才32人（来源：文章编号 002）。",
    }),
  );
  const months = [
    ["01", "02"],
    ["03", "04"],
    ["05", "06"],
    ["07", "08"],
    ["09", "10"],
    ["11", "12"],
  ] as const;
  let lastRound = "";
  for (const [i, [from, to]] of months.entries()) {
    const r = await createRound(
      as,
      roundCreate.parse({
        programmeId: qt.id,
        name: `2020年第${"一二三四五六"[i]}批高层次人才创业认定项目征集`,
        opensOn: `2020-${from}-01`,
        closesOn: `2020-${to}-28`,
      }),
    );
    lastRound = r.id;
  }
  const qtTalent = await createTalent(
    as,
    talentCreate.parse({
      parkId: park("qt-dachuang"),
      enterpriseId: firm("qt-xinsheng"),
      name: "骆一帆",
      gender: "male",
      birthYear: 1986,
      education: "doctor",
      title: "首席科学家",
      field: "智能语音芯片",
      phone: "13905710103",
      note: "演示人物（虚构）：芯声智能引进的领军型人才。",
    }),
  );
  const x = await applyProject(
    as,
    talentProjectCreate.parse({
      roundId: lastRound,
      talentId: qtTalent.id,
      name: "低功耗智能语音芯片项目",
      field: "集成电路",
      levelApplied: "A",
      appliedOn: "2020-11-10",
    }),
  );
  await moveProject(as, x.id, { to: "screening", version: x.version });
}
