import { z } from "zod";
import type { GoalRow } from "./kpi.schema.js";
import type { ProjectStage } from "./project.schema.js";
import type { SiteFeatureCollection } from "./site.schema.js";

export const cockpitQuery = z.object({
  regionId: z.uuid({ error: "无效的行政区" }).optional(),
  year: z.coerce
    .number({ error: "年度应为数字" })
    .int("年度应为整数")
    .min(2000, "年度不能早于 2000 年")
    .max(2100, "年度不能晚于 2100 年")
    .optional(),
});
export type CockpitQuery = z.infer<typeof cockpitQuery>;

/**
 * One block of the cockpit or a dashboard. `empty`: the module has nothing in the scope (the page
 * says so instead of showing zeros); `forbidden`: the user may not read that module.
 */
export type Block<T> = { status: "ok"; data: T } | { status: "empty" } | { status: "forbidden" };

/** A key figure of the year; value null = no data recorded (not zero). */
export interface KeyFigure {
  key: string;
  label: string;
  unit: string;
  value: number | null;
  /** the goal on the scope's own unit, when one is set */
  goal: {
    target: number;
    progress: number | null;
    timeAdjusted: number | null;
    expectedShare: number;
  } | null;
  /** the list this figure summarises, as a web path with its filters */
  link: string | null;
}

export interface CockpitPipeline {
  stages: { stage: ProjectStage; n: number; investmentFen: number }[];
  total: number;
  investmentFen: number;
}

export interface CockpitRanking {
  runId: string;
  schemeId: string;
  schemeName: string;
  periodLabel: string;
  previousPeriodLabel: string | null;
  unitCount: number;
  units: { unitId: string; unitName: string; rank: number; total: number; change: number | null }[];
}

export interface CockpitParkExtent {
  parkId: string;
  parkName: string;
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
  sites: number;
}

export interface CockpitMap {
  parks: CockpitParkExtent[];
  sites: SiteFeatureCollection;
  /** sites by status, for the legend */
  byStatus: Record<string, number>;
}

export interface CockpitChain {
  chainId: string;
  name: string;
  regionName: string;
  links: number;
  strong: number;
  weak: number;
  missing: number;
}

export interface AlertItem {
  id: string;
  title: string;
  /** the project, firm or department it concerns */
  subject: string | null;
  dueOn: string | null;
  lateWorkdays: number | null;
  link: string;
}

export interface AlertGroup {
  total: number;
  items: AlertItem[];
  link: string;
}

export interface CockpitAlerts {
  nodes: AlertGroup | null;
  problems: AlertGroup | null;
  appeals: AlertGroup | null;
}

export interface Cockpit {
  year: number;
  asOf: string;
  generatedAt: string;
  scopeLabel: string;
  regionId: string | null;
  figures: Block<KeyFigure[]>;
  goals: Block<GoalRow[]>;
  pipeline: Block<CockpitPipeline>;
  ranking: Block<CockpitRanking>;
  map: Block<CockpitMap>;
  chains: Block<CockpitChain[]>;
  alerts: Block<CockpitAlerts>;
}

// ─── role dashboards ──────────────────────────────────────────────────────────────────

/** A count that links to the filtered list it was read from. */
export interface DashCount {
  key: string;
  label: string;
  value: number;
  link: string;
  /** worth a warning colour (overdue) */
  alert?: boolean;
}

export interface DashProject {
  id: string;
  name: string;
  stage: ProjectStage;
  overdueNodes: number;
  stageOn: string | null;
}

export interface OfficerBlock {
  counts: DashCount[];
  projects: DashProject[];
}

export interface DepartmentBlock {
  departmentId: string;
  departmentName: string;
  counts: DashCount[];
  overdue: AlertItem[];
}

export interface TeamBlock {
  teamId: string;
  teamName: string;
  pipeline: CockpitPipeline;
  counts: DashCount[];
  rank: { schemeName: string; periodLabel: string; rank: number; of: number; change: number | null } | null;
}

export interface LeaderBlock {
  figures: KeyFigure[];
  year: number;
}

export interface Dashboard {
  officer?: Block<OfficerBlock>;
  department?: Block<DepartmentBlock[]>;
  team?: Block<TeamBlock[]>;
  leader?: Block<LeaderBlock>;
}
