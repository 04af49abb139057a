export const roles = [
  "admin",
  "leader",
  "team_lead",
  "officer",
  "service_specialist",
  "department_handler",
  "expert",
  "enterprise",
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: "系统管理员",
  leader: "领导",
  team_lead: "小分队队长",
  officer: "招商专员",
  service_specialist: "服务专员",
  department_handler: "部门经办",
  expert: "评审专家",
  enterprise: "企业用户",
};

/** "all" is the system administrator's scope: every region. */
export const scopeKinds = [
  "all",
  "region",
  "park",
  "team",
  "department",
  "enterprise",
  "assignment",
] as const;
export type ScopeKind = (typeof scopeKinds)[number];

export const regionLevels = ["province", "city", "county", "platform"] as const;
export type RegionLevel = (typeof regionLevels)[number];

export const parkKinds = [
  "national_etdz",
  "national_htz",
  "provincial_dz",
  "town",
  "industrial_park",
  "enclave",
  "intl_coop",
  "other",
] as const;
export type ParkKind = (typeof parkKinds)[number];
export const parkKindLabels: Record<ParkKind, string> = {
  national_etdz: "国家级经开区",
  national_htz: "国家级高新区",
  provincial_dz: "省级开发区",
  town: "特色小镇",
  industrial_park: "产业园",
  enclave: "飞地",
  intl_coop: "国际产业合作园",
  other: "其他",
};

export const teamKinds = ["squad", "stationed", "department", "other"] as const;
export type TeamKind = (typeof teamKinds)[number];
export const teamKindLabels: Record<TeamKind, string> = {
  squad: "招商小分队",
  stationed: "驻点招商",
  department: "投促部门",
  other: "其他",
};

/** Closed union of things audit, files, notifications and reviews attach to. */
export const subjectTypes = [
  "region",
  "park",
  "team",
  "department",
  "user",
  "file",
  "setting",
  "enterprise",
  "project",
  "prospect",
  "site",
  "chain",
  "appeal",
  "visit",
  "visit_plan",
  "policy",
  "policy_application",
  "talent_project",
  "talent_programme",
  "talent_round",
  "talent",
  "talent_unit",
  "fund",
  "export",
  "workday",
  "expert",
  "review",
  "problem",
  "meeting",
  "activity",
  "evaluation_scheme",
  "evaluation_run",
  "kpi_indicator",
  "kpi_value",
  "goal",
  "kpi_scheme",
  "kpi_run",
  "bulletin_schedule",
  "bulletin",
] as const;
export type SubjectType = (typeof subjectTypes)[number];

export const fileKinds = ["attachment", "photo", "import", "generated"] as const;
export type FileKind = (typeof fileKinds)[number];

export const subjectTypeLabels: Record<SubjectType, string> = {
  region: "行政区/平台",
  park: "园区",
  team: "招商队伍",
  department: "部门",
  user: "用户",
  file: "文件",
  setting: "系统设置",
  enterprise: "企业",
  project: "项目",
  prospect: "招引目标",
  site: "空间资源",
  chain: "产业链",
  appeal: "诉求",
  visit: "走访",
  visit_plan: "走访计划",
  policy: "政策条款",
  policy_application: "政策兑现申请",
  talent_project: "人才项目",
  talent_programme: "人才计划",
  talent_round: "人才项目申报批次",
  talent: "人才",
  talent_unit: "人才公寓",
  fund: "产业基金",
  export: "导出",
  workday: "工作日历",
  expert: "评审专家",
  review: "评审",
  problem: "问题",
  meeting: "会议",
  activity: "招商活动",
  evaluation_scheme: "亩均评价方案",
  evaluation_run: "亩均评价批次",
  kpi_indicator: "考核指标",
  kpi_value: "指标填报",
  goal: "年度目标",
  kpi_scheme: "考核方案",
  kpi_run: "赛马排名",
  bulletin_schedule: "通报计划",
  bulletin: "通报",
};

/** Chinese names of audit actions, for screens and exports. */
export const auditActionLabels: Record<string, string> = {
  create: "新建",
  update: "修改",
  delete: "删除",
  login: "登录",
  logout: "退出",
  login_failed: "登录失败",
  lockout: "账号锁定",
  unlock: "解除锁定",
  reset_password: "重置密码",
  change_password: "修改密码",
  upload: "上传",
  download: "下载",
  export: "导出",
  demo_load: "载入演示数据",
  import: "导入",
  merge: "合并",
  merged_away: "被合并",
  label_add: "添加标签",
  label_remove: "移除标签",
  year_save: "填报年度数据",
  year_delete: "删除年度数据",
};

/** Enterprise labels (企业标签), each held with a source and a validity period. */
export const enterpriseLabels = [
  "tech_sme",
  "hnte",
  "srdi",
  "little_giant",
  "gazelle",
  "unicorn",
  "eaglet",
  "listed",
  "listing_reserve",
  "chain_leader",
  "foreign",
  "fortune500",
] as const;
export type EnterpriseLabel = (typeof enterpriseLabels)[number];
export const enterpriseLabelNames: Record<EnterpriseLabel, string> = {
  tech_sme: "科技型中小企业",
  hnte: "高新技术企业",
  srdi: "专精特新",
  little_giant: "专精特新小巨人",
  gazelle: "瞪羚",
  unicorn: "独角兽",
  eaglet: "雏鹰",
  listed: "上市",
  listing_reserve: "上市后备",
  chain_leader: "链主",
  foreign: "外资",
  fortune500: "世界500强",
};
/** The enterprise ladder (企业梯队), bottom to top. */
export const enterpriseLadder: EnterpriseLabel[] = ["tech_sme", "hnte", "srdi", "little_giant", "listed"];

export const enterpriseStatuses = ["operating", "closed", "moved_out", "revoked", "cancelled"] as const;
export type EnterpriseStatus = (typeof enterpriseStatuses)[number];
export const enterpriseStatusLabels: Record<EnterpriseStatus, string> = {
  operating: "存续",
  closed: "停业",
  moved_out: "迁出",
  revoked: "吊销",
  cancelled: "注销",
};

/** 规上 / 规下: above or below the statistical size threshold. */
export const sizeClasses = ["above", "below"] as const;
export type SizeClass = (typeof sizeClasses)[number];
export const sizeClassLabels: Record<SizeClass, string> = { above: "规上", below: "规下" };
