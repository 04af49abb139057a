import { and, eq } from "drizzle-orm";
import { periodOf } from "../../common/kpi.period.js";
import { goalCreate, manualIndicatorCreate, schemeCreate } from "../../common/kpi.schema.js";
import { auditBatch } from "../lib/audit/audit.service.js";
import type { ActorCtx } from "../lib/context.js";
import { newId } from "../lib/ids.js";
import { chain } from "../modules/chains/chains.table.js";
import { createScheme, runScheme } from "../modules/kpi/kpi.ranking.js";
import { createGoal, createManualIndicator } from "../modules/kpi/kpi.service.js";
import { kpiValue } from "../modules/kpi/kpi.table.js";
import { wireIndicatorProviders } from "../modules/kpi/kpi.wiring.js";
import type { DemoRefs } from "./demo.projects.js";

const YEAR = 2026;
// The 述职 scores are illustrative (the article gives the mechanism, not the scores): marked so.
const NOTE = "演示示意数：按文章编号 001 丽水经开区“每月述职、分区赛马”机制设定";
/** [enclave, October, November] 述职评议得分 */
const reviews: [string, number, number][] = [
  ["ls-enclave-zhangjiang", 92, 90],
  ["ls-enclave-hangzhou", 88, 93],
  ["ls-enclave-ningbo", 85, 86],
];

/**
 * Goals and 赛马 from the seeds: 丽水经开区's year tasks (seed 001: 30 亿元以上项目 = 167 % of the
 * task, so 18; 外资 2,436 万美元 = 101.5 %, so 2,400), 临平's (seed 000: 50 projects ≥ ¥100m, 10
 * ≥ ¥1bn, ≥ $200m foreign capital), 扬州经开区's (seed 004: 新增高企 20, 上市后备 15, 技改项目 80),
 * and the Lishui enclaves' monthly race on their 述职 score and signings.
 */
export async function loadDemoKpi(
  as: ActorCtx,
  refs: DemoRefs,
  regionByCode: (code: string) => Promise<string>,
) {
  // The demo loads before buildApp on a first start: the providers must be known already.
  wireIndicatorProviders();
  const park = (k: string) => refs.parks.get(k)!;
  const lishui = refs.regionId;
  const goal = (
    regionId: string,
    indicatorKey: string,
    unitKind: "park" | "region" | "enclave" | "chain",
    unitId: string,
    target: number,
    note: string,
  ) =>
    createGoal(as, goalCreate.parse({ regionId, indicatorKey, unitKind, unitId, year: YEAR, target, note }));

  await goal(
    lishui,
    "projects.signed_100m",
    "park",
    park("lishui-etdz"),
    18,
    "文章 001：上半年亿元以上项目 30 个，完成年度任务 167%",
  );
  await goal(
    lishui,
    "projects.foreign_in_place",
    "park",
    park("lishui-etdz"),
    2400,
    "文章 001：实际到位外资 2436 万美元，完成年度任务的 101.5%",
  );
  const [semi] = await as.db
    .select({ id: chain.id })
    .from(chain)
    .where(and(eq(chain.regionId, lishui), eq(chain.name, "半导体全链条")));
  if (semi) {
    await goal(
      lishui,
      "projects.signed",
      "chain",
      semi.id,
      5,
      "文章 001：半导体全链条“从无到有”，引进半导体项目 5 个",
    );
  }
  const linping = await regionByCode("330113");
  await goal(linping, "projects.signed_100m", "region", linping, 50, "文章 000：全年招引亿元以上项目 50 个");
  await goal(linping, "projects.signed_1bn", "region", linping, 10, "文章 000：十亿元以上项目 10 个");
  await goal(
    linping,
    "projects.foreign_in_place",
    "region",
    linping,
    20_000,
    "文章 000：实际利用外资（制造业）2 亿美元以上",
  );

  const yz = await regionByCode("321071");
  await goal(yz, "enterprises.new_hnte", "park", park("yz-etdz"), 20, "文章 004：新增高新技术企业 20 家");
  for (const [name, target] of [
    ["上市后备企业", 15],
    ["技改项目", 80],
  ] as const) {
    const ind = await createManualIndicator(
      as,
      manualIndicatorCreate.parse({
        regionId: yz,
        name,
        unit: name === "技改项目" ? "个" : "家",
        unitKinds: ["park"],
        description: "文章 004 扬州经开区年度任务，按园区填报",
      }),
    );
    await goal(yz, ind.key, "park", park("yz-etdz"), target, `文章 004：${name} ${target}`);
  }

  const review = await createManualIndicator(
    as,
    manualIndicatorCreate.parse({
      regionId: lishui,
      name: "月度述职评议得分",
      unit: "分",
      unitKinds: ["enclave"],
      cumulative: false,
      description: "飞地负责人每月述职，管委会评议打分（百分制）",
    }),
  );
  const enclaves = reviews.map(([k]) => park(k));
  for (const id of enclaves) {
    await goal(lishui, "projects.signed_100m", "enclave", id, 6, "演示示意：各飞地年度亿元以上项目任务");
  }
  // Entered values with the note that they are illustrative; a real entry carries its evidence file.
  const rows = reviews.flatMap(([k, oct, nov]) =>
    (
      [
        ["10", oct],
        ["11", nov],
      ] as const
    ).map(([m, value]) => {
      const p = periodOf("month", `${YEAR}-${m}-01`);
      return {
        id: newId(),
        indicatorKey: review.key,
        regionId: lishui,
        unitKind: "enclave",
        unitId: park(k),
        periodKind: "month",
        periodKey: p.key,
        fromOn: p.from,
        toOn: p.to,
        value,
        note: NOTE,
        enteredBy: as.actor.id,
      };
    }),
  );
  await as.db.insert(kpiValue).values(rows);
  await auditBatch(as, {
    action: "demo_load",
    subjectType: "kpi_value",
    regionId: lishui,
    ids: rows.map((r) => r.id),
    counts: { kpi_value: rows.length },
  });
  const scheme = await createScheme(
    as,
    schemeCreate.parse({
      regionId: lishui,
      name: "丽水经开区飞地月度赛马",
      unitKind: "enclave",
      unitIds: enclaves,
      periodKind: "month",
      items: [
        { indicatorKey: review.key, weight: 50, rule: { kind: "efficacy" } },
        { indicatorKey: "projects.signed_100m", weight: 30, rule: { kind: "ratio", cap: 1.2 } },
        { indicatorKey: "projects.foreign_in_place", weight: 20, rule: { kind: "rank" } },
      ],
      adjustments: [
        { key: "major", label: "引进十亿元以上项目加分", kind: "bonus", cap: 5 },
        { key: "late", label: "台账报送不及时扣分", kind: "deduction", cap: 3 },
      ],
      description: "文章 001：建立“飞地”绩效考核机制，开展“每月述职、分区赛马”",
    }),
  );
  await runScheme(as, scheme.id, { periodKey: `${YEAR}-10`, adjustments: [] });
  await runScheme(as, scheme.id, {
    periodKey: `${YEAR}-11`,
    adjustments: [
      { unitId: park("ls-enclave-ningbo"), key: "late", points: 1, note: "演示：11 月台账迟报 2 天" },
    ],
  });
}
