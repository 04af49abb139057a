import {
  AccountBookOutlined,
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CarOutlined,
  ClusterOutlined,
  CommentOutlined,
  ContactsOutlined,
  CrownOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DeploymentUnitOutlined,
  DiffOutlined,
  EnvironmentOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FormOutlined,
  FundOutlined,
  FunnelPlotOutlined,
  GiftOutlined,
  HomeOutlined,
  IssuesCloseOutlined,
  LineChartOutlined,
  MessageOutlined,
  MoneyCollectOutlined,
  NodeIndexOutlined,
  NotificationOutlined,
  PartitionOutlined,
  PieChartOutlined,
  ProfileOutlined,
  ProjectOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from "@ant-design/icons";
import type { MenuProps } from "antd";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";

/** A place in the app a permission opens. */
export interface Section {
  path: string;
  /** key under app:menu; its description on the home page is app:home.<label>Desc */
  label: string;
  permission: string;
  /**
   * Hidden from users holding this one (an enterprise user reads their own appeals, not the
   * departments' figures), except administrators, who hold every permission and see every section.
   */
  unless?: string;
  icon: ReactNode;
  group?: GroupKey;
}

/** Menu groups, in menu order: a submenu holding the sections that name it. */
const groups = [
  { key: "enterprises", label: "enterpriseGroup", icon: <ShopOutlined /> },
  { key: "projects", label: "projectGroup", icon: <ProjectOutlined /> },
  { key: "chains", label: "chainGroup", icon: <NodeIndexOutlined /> },
  { key: "sites", label: "siteGroup", icon: <EnvironmentOutlined /> },
  { key: "talent", label: "talentGroup", icon: <CrownOutlined /> },
  { key: "funds", label: "fundGroup", icon: <BankOutlined /> },
  { key: "problems", label: "problemGroup", icon: <AlertOutlined /> },
  // 企业服务: visits now; appeals and policy redemption join the same group.
  { key: "service", label: "serviceGroup", icon: <CustomerServiceOutlined /> },
  { key: "kpi", label: "kpiGroup", icon: <TrophyOutlined /> },
  { key: "org", label: "org", icon: <AuditOutlined /> },
] as const;
type GroupKey = (typeof groups)[number]["key"];

/** Submenus open when the layout first shows. */
export const groupKeys: string[] = groups.map((g) => g.key);

export const sections: Section[] = [
  {
    path: "/enterprises",
    label: "enterprises",
    permission: "enterprise.read",
    icon: <FundOutlined />,
    group: "enterprises",
  },
  {
    path: "/enterprises/ladder",
    label: "ladder",
    permission: "enterprise.read",
    icon: <RiseOutlined />,
    group: "enterprises",
  },
  {
    path: "/evaluation",
    label: "evaluation",
    permission: "evaluation.read",
    icon: <BarChartOutlined />,
    group: "enterprises",
  },
  // 领导驾驶舱: the full-screen wall view, above the rankings it summarises.
  {
    path: "/cockpit",
    label: "cockpit",
    permission: "cockpit.read",
    icon: <DashboardOutlined />,
    group: "kpi",
  },
  // 考核赛马: rankings first, since leaders open the group for them.
  {
    path: "/kpi/ranking",
    label: "kpiRanking",
    permission: "kpi.read",
    icon: <TrophyOutlined />,
    group: "kpi",
  },
  { path: "/kpi/goals", label: "kpiGoals", permission: "kpi.read", icon: <AimOutlined />, group: "kpi" },
  {
    path: "/kpi/schemes",
    label: "kpiSchemes",
    permission: "kpi.read",
    icon: <ProfileOutlined />,
    group: "kpi",
  },
  {
    path: "/kpi/indicators",
    label: "kpiIndicators",
    permission: "kpi.read",
    icon: <UnorderedListOutlined />,
    group: "kpi",
  },
  // 通报: 周、旬、月、季 bulletins generated from the rankings and goals above.
  {
    path: "/bulletins",
    label: "bulletins",
    permission: "bulletin.read",
    icon: <NotificationOutlined />,
    group: "kpi",
  },
  {
    path: "/enterprises/duplicates",
    label: "duplicates",
    permission: "enterprise.merge",
    icon: <DiffOutlined />,
    group: "enterprises",
  },
  {
    path: "/projects",
    label: "projects",
    permission: "project.read",
    icon: <UnorderedListOutlined />,
    group: "projects",
  },
  {
    path: "/projects/board",
    label: "projectBoard",
    permission: "project.read",
    icon: <AppstoreOutlined />,
    group: "projects",
  },
  {
    path: "/projects/pipeline",
    label: "pipeline",
    permission: "project.read",
    icon: <FunnelPlotOutlined />,
    group: "projects",
  },
  {
    path: "/projects/funds",
    label: "projectFunds",
    permission: "project.read",
    icon: <MoneyCollectOutlined />,
    group: "projects",
  },
  {
    path: "/nodes",
    label: "nodes",
    permission: "project.read",
    icon: <ScheduleOutlined />,
    group: "projects",
  },
  {
    path: "/activities",
    label: "activities",
    permission: "activity.read",
    icon: <ContactsOutlined />,
    group: "projects",
  },
  {
    path: "/activities/stats",
    label: "activityStats",
    permission: "activity.read",
    icon: <BarChartOutlined />,
    group: "projects",
  },
  {
    path: "/projects/templates",
    label: "nodeTemplates",
    permission: "project.template",
    icon: <ProfileOutlined />,
    group: "projects",
  },
  {
    path: "/experts",
    label: "experts",
    permission: "expert.manage",
    icon: <SolutionOutlined />,
    group: "projects",
  },
  {
    path: "/chains",
    label: "chains",
    permission: "chain.read",
    icon: <PartitionOutlined />,
    group: "chains",
  },
  {
    path: "/chains/panorama",
    label: "chainPanorama",
    permission: "chain.read",
    icon: <DeploymentUnitOutlined />,
    group: "chains",
  },
  {
    path: "/prospects",
    label: "prospects",
    permission: "prospect.read",
    icon: <StarOutlined />,
    group: "chains",
  },
  {
    path: "/problems",
    label: "problems",
    permission: "problem.read",
    icon: <IssuesCloseOutlined />,
    group: "problems",
  },
  {
    path: "/problems/departments",
    label: "problemDepartments",
    permission: "problem.read",
    icon: <PieChartOutlined />,
    group: "problems",
  },
  {
    path: "/meetings",
    label: "meetings",
    permission: "problem.read",
    icon: <CommentOutlined />,
    group: "problems",
  },
  { path: "/visits", label: "visits", permission: "visit.read", icon: <CarOutlined />, group: "service" },
  {
    path: "/visits/plans",
    label: "visitPlans",
    permission: "visit.read",
    icon: <AimOutlined />,
    group: "service",
  },
  {
    path: "/appeals",
    label: "appeals",
    permission: "appeal.read",
    icon: <MessageOutlined />,
    group: "service",
  },
  {
    path: "/appeals/departments",
    label: "appealDepartments",
    permission: "appeal.read",
    unless: "appeal.raise",
    icon: <LineChartOutlined />,
    group: "service",
  },
  // 政策兑现: an enterprise user gets their own firm's page; staff the library, the claims and the totals.
  {
    path: "/policies/mine",
    label: "myPolicies",
    permission: "policy.apply",
    unless: "policy.review",
    icon: <GiftOutlined />,
    group: "service",
  },
  {
    path: "/policies",
    label: "policyClauses",
    permission: "policy.read",
    unless: "appeal.raise",
    icon: <BookOutlined />,
    group: "service",
  },
  {
    path: "/policies/applications",
    label: "policyApplications",
    permission: "policy.read",
    icon: <FileDoneOutlined />,
    group: "service",
  },
  {
    path: "/policies/totals",
    label: "policyTotals",
    permission: "policy.read",
    unless: "appeal.raise",
    icon: <AccountBookOutlined />,
    group: "service",
  },
  // 空间资源: the map first (可用空间图), then the ledger and the park figures.
  {
    path: "/sites/map",
    label: "sitesMap",
    permission: "site.read",
    icon: <EnvironmentOutlined />,
    group: "sites",
  },
  {
    path: "/sites",
    label: "sites",
    permission: "site.read",
    icon: <UnorderedListOutlined />,
    group: "sites",
  },
  {
    path: "/sites/figures",
    label: "siteFigures",
    permission: "site.read",
    icon: <PieChartOutlined />,
    group: "sites",
  },
  // 招才引智: people and projects first, then rounds, rewards, apartments and the figures.
  {
    path: "/talent/people",
    label: "talents",
    permission: "talent.read",
    icon: <SolutionOutlined />,
    group: "talent",
  },
  {
    path: "/talent/projects",
    label: "talentProjects",
    permission: "talent.read",
    icon: <StarOutlined />,
    group: "talent",
  },
  {
    path: "/talent/rounds",
    label: "talentRounds",
    permission: "talent.read",
    icon: <CalendarOutlined />,
    group: "talent",
  },
  {
    path: "/talent/rewards",
    label: "talentRewards",
    permission: "talent.read",
    icon: <GiftOutlined />,
    group: "talent",
  },
  {
    path: "/talent/apartments",
    label: "talentApartments",
    permission: "talent.read",
    icon: <HomeOutlined />,
    group: "talent",
  },
  {
    path: "/talent/figures",
    label: "talentFigures",
    permission: "talent.read",
    icon: <BarChartOutlined />,
    group: "talent",
  },
  // 产业基金: the fund ledger (each fund's page opens from it), then the figures.
  {
    path: "/funds",
    label: "funds",
    permission: "fund.read",
    icon: <UnorderedListOutlined />,
    group: "funds",
  },
  {
    path: "/funds/figures",
    label: "fundFigures",
    permission: "fund.read",
    icon: <BarChartOutlined />,
    group: "funds",
  },
  { path: "/org/regions", label: "regions", permission: "org.read", icon: <ClusterOutlined />, group: "org" },
  { path: "/org/parks", label: "parks", permission: "org.read", icon: <BankOutlined />, group: "org" },
  { path: "/org/teams", label: "teams", permission: "org.read", icon: <TeamOutlined />, group: "org" },
  {
    path: "/org/departments",
    label: "departments",
    permission: "org.read",
    icon: <ApartmentOutlined />,
    group: "org",
  },
  { path: "/reviews/mine", label: "myReviews", permission: "review.score", icon: <FormOutlined /> },
  { path: "/users", label: "users", permission: "user.manage", icon: <UserOutlined /> },
  { path: "/audit", label: "audit", permission: "audit.read", icon: <FileSearchOutlined /> },
  { path: "/audit/verify", label: "verify", permission: "audit.verify", icon: <SafetyCertificateOutlined /> },
  { path: "/settings", label: "settings", permission: "settings.manage", icon: <SettingOutlined /> },
  {
    path: "/settings/notify",
    label: "notify",
    permission: "settings.manage",
    icon: <NotificationOutlined />,
  },
  {
    path: "/settings/workdays",
    label: "workdays",
    permission: "settings.manage",
    icon: <CalendarOutlined />,
  },
  {
    path: "/settings/appeal-deadlines",
    label: "appealDeadlines",
    permission: "settings.manage",
    icon: <FieldTimeOutlined />,
  },
];

/** The sections a user's permissions open, in menu order. */
export const allowedSections = (permissions: readonly string[]): Section[] => {
  const admin = permissions.includes("settings.manage");
  return sections.filter(
    (s) => permissions.includes(s.permission) && !(s.unless && !admin && permissions.includes(s.unless)),
  );
};

type MenuItem = Required<MenuProps>["items"][number];

/** The side menu: only what the user's permissions open. */
export const menuItems = (permissions: string[], t: TFunction): MenuItem[] => {
  const allowed = allowedSections(permissions);
  const item = (s: Section): MenuItem => ({ key: s.path, icon: s.icon, label: t(`app:menu.${s.label}`) });
  const items: MenuItem[] = [{ key: "/", icon: <HomeOutlined />, label: t("app:menu.home") }];
  for (const g of groups) {
    const inGroup = allowed.filter((s) => s.group === g.key);
    if (inGroup.length === 0) continue;
    items.push({
      key: g.key,
      icon: g.icon,
      label: t(`app:menu.${g.label}`),
      children: inGroup.map((s) => ({ key: s.path, label: t(`app:menu.${s.label}`) })),
    });
  }
  for (const s of allowed.filter((x) => !x.group)) items.push(item(s));
  return items;
};

/** The menu key of a location: the longest section path it starts with. */
export const selectedKey = (pathname: string): string => {
  const match = sections
    .map((s) => s.path)
    .filter((p) => pathname === p || pathname.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0];
  return match ?? "/";
};
