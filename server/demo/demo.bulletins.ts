import { scheduleCreate } from "../../common/bulletin.schema.js";
import type { ActorCtx } from "../lib/context.js";
import { listSchemes } from "../modules/kpi/kpi.queries.js";
import { createSchedule } from "../modules/reports/bulletins.service.js";

/**
 * Bulletin schedules after seed 004's 周通报、旬会办、月督察、季考评 and seed 001's 每月述职、分区赛马:
 * the Lishui zone's monthly enclave bulletin (printing the enclaves' race) and a weekly one.
 * Nothing is generated here: the archive fills when a user presses 生成 or the daily job runs.
 */
export async function loadDemoBulletins(as: ActorCtx, lishuiRegionId: string) {
  const schemes = await listSchemes(as.db, as.actor, { page: 1, pageSize: 20, q: "飞地月度赛马" });
  const scheme = schemes.items.find((s) => s.regionId === lishuiRegionId);
  const common = {
    regionId: lishuiRegionId,
    issuer: "丽水经济技术开发区管理委员会",
    docPrefix: "丽经开招商",
    recipients: ["各飞地", "管委会各部门", "各招商小分队"],
    copyTo: ["丽水市投资促进中心"],
  };
  await createSchedule(
    as,
    scheduleCreate.parse({
      ...common,
      name: "丽水经开区飞地招商",
      cadence: "month",
      schemeId: scheme?.id ?? null,
      note: "文章 001：飞地“每月述职、分区赛马”，月度通报排名",
    }),
  );
  await createSchedule(
    as,
    scheduleCreate.parse({
      ...common,
      name: "丽水经开区招商工作",
      cadence: "week",
      schemeId: null,
      active: false,
      note: "文章 004：周通报（演示：未开启自动生成）",
    }),
  );
}
