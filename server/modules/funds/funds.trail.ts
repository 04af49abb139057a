import { exitWayLabels, roundLabels } from "../../../common/fund.schema.js";
import {
  channelLabels,
  type ProjectChannel,
  type ProjectStage,
  stageLabels,
} from "../../../common/project.schema.js";

/** Keys a fund's 操作记录 has no use for: ids (the names stand beside them) and stamps. */
const hidden = new Set([
  "id",
  "fundId",
  "fundName",
  "regionId",
  "parkId",
  "enterpriseId",
  "projectId",
  "investmentId",
  "version",
  "createdAt",
  "updatedAt",
]);
const names: Record<string, Record<string, string>> = {
  round: roundLabels,
  way: exitWayLabels,
  stage: stageLabels as Record<ProjectStage, string>,
  channel: channelLabels as Record<ProjectChannel, string>,
};

/**
 * A call, investment, exit or project link as its fund's history shows it: names instead of ids,
 * codes in Chinese. The rows stay as they are in the tables and the API.
 */
export function shown(row: object | undefined): Record<string, unknown> | undefined {
  if (!row) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (hidden.has(k)) continue;
    out[k] = typeof v === "string" && names[k]?.[v] ? names[k][v] : v;
  }
  return out;
}
