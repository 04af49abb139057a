import { yearUpsert } from "../../common/enterprise.schema.js";
import type { ActorCtx } from "../lib/context.js";
import { saveYear } from "../modules/enterprises/enterprises.service.js";
import { addEvent } from "../modules/evaluation/evaluation.events.js";
import { copyScheme, runScheme } from "../modules/evaluation/evaluation.service.js";
import type { DemoRefs } from "./demo.projects.js";

const WAN = 1_000_000;
const MU = 2000 / 3;
// Seed 003 gives Yangzhou's provincial zones ¥136k of tax per mu on average; the articles give no
// firm's own figures, so these are illustrative values spread around that average, marked so.
const SOURCE = "演示示意数：按文章编号 003 扬州省级以上开发区亩均税收 13.6 万元/亩 设定";

/** [firm, 亩, 2024 tax 万元, 2025 tax 万元, 2025 revenue 万元, 2025 energy tce] */
const figures: [string, number, number, number, number, number][] = [
  ["gl-haiwo", 180, 2200, 2650, 98_000, 9_800],
  ["gl-hongchang", 260, 3100, 3300, 125_000, 15_200],
  ["gl-hengda", 320, 2900, 2100, 86_000, 21_000],
  ["gl-hella", 150, 3600, 4100, 132_000, 6_900],
  ["gl-shangyang", 90, 900, 1250, 41_000, 2_600],
  ["gl-wanfang", 110, 700, 620, 23_000, 4_100],
];

/**
 * 亩均效益评价 of 广陵区 (seed 003: Yangzhou's zones measured by 亩均效益, 宝应's A/B/C/D): the
 * Jiangsu preset copied into the district for 2025 and run over the demo firms' yearly figures.
 */
export async function loadDemoEvaluation(admin: ActorCtx, refs: DemoRefs, regionId: string) {
  for (const [key, mu, tax24, tax25, rev25, energy25] of figures) {
    const id = refs.enterprises.get(key);
    if (!id) throw new Error(`demo evaluation: unknown firm ${key}`);
    const land = Math.round(mu * MU);
    await saveYear(
      admin,
      id,
      2024,
      yearUpsert.parse({
        sizeClass: "above",
        landM2: land,
        taxFen: tax24 * WAN,
        revenueFen: Math.round(rev25 * 0.9) * WAN,
        energyTce: Math.round(energy25 * 1.05),
        source: SOURCE,
      }),
    );
    await saveYear(
      admin,
      id,
      2025,
      yearUpsert.parse({
        sizeClass: "above",
        landM2: land,
        taxFen: tax25 * WAN,
        revenueFen: rev25 * WAN,
        energyTce: energy25,
        source: SOURCE,
      }),
    );
  }
  const firm = (k: string) => refs.enterprises.get(k)!;
  await addEvent(admin, {
    enterpriseId: firm("gl-hella"),
    year: 2025,
    kind: "energy_saving",
    note: "演示：节能降碳示范",
  });
  await addEvent(admin, {
    enterpriseId: firm("gl-wanfang"),
    year: 2025,
    kind: "env_penalty",
    note: "演示：环保行政处罚",
  });
  const scheme = await copyScheme(
    admin,
    { preset: "jiangsu" },
    { regionId, name: "广陵区 2025 年度亩均效益评价（江苏式）", year: 2025 },
  );
  await runScheme(admin, { schemeId: scheme.id, force: false, note: "演示数据" });
}
