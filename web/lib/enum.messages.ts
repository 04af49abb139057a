import {
  type ParkKind,
  parkKindLabels,
  type RegionLevel,
  type Role,
  roleLabels,
  type ScopeKind,
  type SubjectType,
  type TeamKind,
  teamKindLabels,
} from "../../common/enums";
import type { Messages } from "./i18n";

const regionLevelZh: Record<RegionLevel, string> = {
  province: "省",
  city: "市",
  county: "县(市、区)",
  platform: "平台",
};

const scopeKindZh: Record<ScopeKind, string> = {
  all: "全部",
  region: "行政区",
  park: "园区",
  team: "招商队伍",
  department: "部门",
  enterprise: "企业",
  assignment: "评审任务",
};

const subjectTypeZh: Record<SubjectType, string> = {
  region: "行政区",
  park: "园区",
  team: "招商队伍",
  department: "部门",
  user: "用户",
  file: "文件",
  setting: "系统设置",
  enterprise: "企业",
  project: "招商项目",
  prospect: "招引目标",
  site: "空间资源",
  chain: "产业链",
  appeal: "诉求",
  visit: "走访",
  talent_project: "人才项目",
  fund: "产业基金",
  export: "导出",
};

/**
 * Labels of the closed enums. Chinese comes from `common/enums.ts` so server
 * exports and the UI say the same thing; English is ours.
 */
export const enumMessages: Messages = {
  "zh-CN": {
    role: roleLabels,
    parkKind: parkKindLabels,
    teamKind: teamKindLabels,
    regionLevel: regionLevelZh,
    scopeKind: scopeKindZh,
    subjectType: subjectTypeZh,
  },
  en: {
    role: {
      admin: "Administrator",
      leader: "Leader",
      team_lead: "Team lead",
      officer: "Investment officer",
      service_specialist: "Service specialist",
      department_handler: "Department handler",
      expert: "Expert",
      enterprise: "Enterprise user",
    } satisfies Record<Role, string>,
    parkKind: {
      national_etdz: "National ETDZ",
      national_htz: "National high-tech zone",
      provincial_dz: "Provincial development zone",
      town: "Characteristic town",
      industrial_park: "Industrial park",
      enclave: "Enclave",
      intl_coop: "International cooperation park",
      other: "Other",
    } satisfies Record<ParkKind, string>,
    teamKind: {
      squad: "Investment squad",
      stationed: "Stationed team",
      department: "Promotion department",
      other: "Other",
    } satisfies Record<TeamKind, string>,
    regionLevel: {
      province: "Province",
      city: "City",
      county: "County / district",
      platform: "Platform",
    } satisfies Record<RegionLevel, string>,
    scopeKind: {
      all: "Everything",
      region: "Region",
      park: "Park",
      team: "Team",
      department: "Department",
      enterprise: "Enterprise",
      assignment: "Review assignment",
    } satisfies Record<ScopeKind, string>,
    subjectType: {
      region: "Region",
      park: "Park",
      team: "Team",
      department: "Department",
      user: "User",
      file: "File",
      setting: "Settings",
      enterprise: "Enterprise",
      project: "Project",
      prospect: "Prospect",
      site: "Site",
      chain: "Industry chain",
      appeal: "Appeal",
      visit: "Visit",
      talent_project: "Talent project",
      fund: "Fund",
      export: "Export",
    } satisfies Record<SubjectType, string>,
  },
};
