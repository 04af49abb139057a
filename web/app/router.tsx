import { type ComponentType, type LazyExoticComponent, lazy, Suspense } from "react";
import { createBrowserRouter } from "react-router";
import { appealAuditMessages, appealsMessages } from "../features/appeals";
import { bulletinAuditMessages, bulletinsMessages } from "../features/bulletins";
import { chainAuditMessages, chainsMessages } from "../features/chains";
import { cockpitMessages } from "../features/cockpit";
import { evaluationMessages } from "../features/evaluation";
import { fundAuditMessages, fundsMessages } from "../features/funds";
import { kpiMessages } from "../features/kpi";
import { policiesMessages, policyAuditMessages } from "../features/policies";
import { projectAuditMessages, projectsMessages } from "../features/projects";
import { sitesMessages } from "../features/sites";
import { talentMessages } from "../features/talent";
import { visitAuditMessages, visitsMessages } from "../features/visits/visits.messages";
import { registerMessages } from "../lib/i18n";
import { LoginPage } from "./layouts/LoginPage";
import { MainLayout } from "./layouts/MainLayout";
import { NotFoundPage, RequirePermission, RouteErrorPage } from "./pages/StatusPages";

/** One chunk per route page: React.lazy over the page's own module. */
const page = <K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): LazyExoticComponent<ComponentType> => lazy(async () => ({ default: (await load())[name] }));

const HomePage = page(() => import("./pages/HomePage"), "HomePage");
const RegionsPage = page(() => import("../features/org/components/RegionsPage"), "RegionsPage");
const ParksPage = page(() => import("../features/org/components/ParksPage"), "ParksPage");
const TeamsPage = page(() => import("../features/org/components/TeamsPage"), "TeamsPage");
const DepartmentsPage = page(() => import("../features/org/components/DepartmentsPage"), "DepartmentsPage");
const UsersPage = page(() => import("../features/users/components/UsersPage"), "UsersPage");
const AuditListPage = page(() => import("../features/audit/components/AuditListPage"), "AuditListPage");
const VerifyPage = page(() => import("../features/audit/components/VerifyPage"), "VerifyPage");
const EnterprisesPage = page(
  () => import("../features/enterprises/components/EnterprisesPage"),
  "EnterprisesPage",
);
const EnterprisePage = page(
  () => import("../features/enterprises/components/EnterprisePage"),
  "EnterprisePage",
);
const EnterpriseImportPage = page(() => import("./pages/EnterpriseImportPage"), "EnterpriseImportPage");
const LadderPage = page(() => import("../features/enterprises/components/LadderPage"), "LadderPage");
const DuplicatesPage = page(
  () => import("../features/enterprises/components/DuplicatesPage"),
  "DuplicatesPage",
);
const SettingsPage = page(() => import("../features/settings/components/SettingsPage"), "SettingsPage");
const ActivitiesPage = page(
  () => import("../features/activities/components/ActivitiesPage"),
  "ActivitiesPage",
);
const ActivityStatsPage = page(() => import("../features/activities/components/StatsPage"), "StatsPage");
const ProblemsPage = page(() => import("../features/problems/components/ProblemsPage"), "ProblemsPage");
const ProblemStatsPage = page(
  () => import("../features/problems/components/DepartmentStatsPage"),
  "DepartmentStatsPage",
);
const MeetingsPage = page(() => import("../features/problems/components/MeetingsPage"), "MeetingsPage");
const MeetingPage = page(() => import("../features/problems/components/MeetingPage"), "MeetingPage");
const ProjectsPage = page(() => import("../features/projects/components/ProjectsPage"), "ProjectsPage");
const ProjectPage = page(() => import("../features/projects/components/ProjectPage"), "ProjectPage");
const BoardPage = page(() => import("../features/projects/components/BoardPage"), "BoardPage");
const PipelinePage = page(() => import("../features/projects/components/PipelinePage"), "PipelinePage");
const NodesPage = page(() => import("../features/projects/components/NodesPage"), "NodesPage");
const TemplatesPage = page(() => import("../features/projects/components/TemplatesPage"), "TemplatesPage");
const FundsSummaryPage = page(
  () => import("../features/projects/components/FundsSummaryPage"),
  "FundsSummaryPage",
);
const ProjectImportPage = page(() => import("./pages/ProjectImportPage"), "ProjectImportPage");
const ExpertsPage = page(() => import("../features/reviews/components/ExpertsPage"), "ExpertsPage");
const MyReviewsPage = page(() => import("../features/reviews/components/MyReviewsPage"), "MyReviewsPage");
const MyReviewPage = page(() => import("../features/reviews/components/MyReviewPage"), "MyReviewPage");

// The project feature's words, and its field and action names in the audit trail.
registerMessages("projects", projectsMessages);
registerMessages("audit", projectAuditMessages);
// 企业走访: visits, visit plans and their coverage.
registerMessages("visits", visitsMessages);
registerMessages("audit", visitAuditMessages);
const VisitsPage = page(() => import("../features/visits/components/VisitsPage"), "VisitsPage");
const VisitPlansPage = page(() => import("../features/visits/components/PlansPage"), "PlansPage");
const VisitCoveragePage = page(() => import("../features/visits/components/CoveragePage"), "CoveragePage");
const NotificationsPage = page(
  () => import("../features/notify/components/NotificationsPage"),
  "NotificationsPage",
);
const NotifyAdminPage = page(
  () => import("../features/notify/components/NotifyAdminPage"),
  "NotifyAdminPage",
);
const WorkdaysPage = page(() => import("../features/settings/components/WorkdaysPage"), "WorkdaysPage");

// 企业诉求 and 企业账号邀请: appeals, their figures and deadlines, and the public accept page.
registerMessages("appeals", appealsMessages);
registerMessages("audit", appealAuditMessages);
const AppealsPage = page(() => import("../features/appeals/components/AppealsPage"), "AppealsPage");
const AppealPage = page(() => import("../features/appeals/components/AppealPage"), "AppealPage");
const AppealFiguresPage = page(
  () => import("../features/appeals/components/DepartmentFiguresPage"),
  "DepartmentFiguresPage",
);
const AppealDeadlinesPage = page(
  () => import("../features/appeals/components/DeadlinesPage"),
  "DeadlinesPage",
);
const InviteAcceptPage = page(
  () => import("../features/appeals/components/InviteAcceptPage"),
  "InviteAcceptPage",
);

// 政策兑现: the clause library, applications through review to payout, and the totals.
registerMessages("policies", policiesMessages);
registerMessages("audit", policyAuditMessages);
const ClausesPage = page(() => import("../features/policies/components/ClausesPage"), "ClausesPage");
const ClausePage = page(() => import("../features/policies/components/ClausePage"), "ClausePage");
const PolicyApplicationsPage = page(
  () => import("../features/policies/components/ApplicationsPage"),
  "ApplicationsPage",
);
const PolicyApplicationPage = page(
  () => import("../features/policies/components/ApplicationPage"),
  "ApplicationPage",
);
const PolicyTotalsPage = page(() => import("../features/policies/components/TotalsPage"), "TotalsPage");
const MyPoliciesPage = page(() => import("../features/policies/components/MyPoliciesPage"), "MyPoliciesPage");

// 空间资源: the list, the map (MapLibre loads with this route only), the park figures.
registerMessages("sites", sitesMessages);
const SitesPage = page(() => import("../features/sites/components/SitesPage"), "SitesPage");
const SitesMapPage = page(() => import("../features/sites/components/SitesMapPage"), "SitesMapPage");
const SiteFiguresPage = page(() => import("../features/sites/components/SiteFiguresPage"), "SiteFiguresPage");
const SiteImportPage = page(() => import("./pages/SiteImportPage"), "SiteImportPage");
// 招才引智: talents, projects in rounds, rewards, apartments and figures.
registerMessages("talent", talentMessages);
const TalentsPage = page(() => import("../features/talent/components/TalentsPage"), "TalentsPage");
const TalentProjectsPage = page(
  () => import("../features/talent/components/TalentProjectsPage"),
  "TalentProjectsPage",
);
const TalentProjectPage = page(
  () => import("../features/talent/components/TalentProjectPage"),
  "TalentProjectPage",
);
const TalentRoundsPage = page(() => import("../features/talent/components/RoundsPage"), "RoundsPage");
const TalentRewardsPage = page(() => import("../features/talent/components/RewardsPage"), "RewardsPage");
const TalentApartmentsPage = page(
  () => import("../features/talent/components/ApartmentsPage"),
  "ApartmentsPage",
);
const TalentFiguresPage = page(
  () => import("../features/talent/components/TalentFiguresPage"),
  "TalentFiguresPage",
);

// 产业基金: the fund ledger, each fund's page, the figures per park and year.
registerMessages("funds", fundsMessages);
registerMessages("audit", fundAuditMessages);
const FundsPage = page(() => import("../features/funds/components/FundsPage"), "FundsPage");
const FundPage = page(() => import("../features/funds/components/FundPage"), "FundPage");
const FundFiguresPage = page(() => import("../features/funds/components/FundFiguresPage"), "FundFiguresPage");

// 亩均效益评价: schemes, runs with their preflight, results and each firm's card.
registerMessages("evaluation", evaluationMessages);
const EvaluationSchemesPage = page(
  () => import("../features/evaluation/components/SchemesPage"),
  "SchemesPage",
);
const EvaluationSchemePage = page(() => import("../features/evaluation/components/SchemePage"), "SchemePage");
const EvaluationRunPage = page(() => import("../features/evaluation/components/RunPage"), "RunPage");

// 考核赛马: indicators, goals, schemes and rankings.
registerMessages("kpi", kpiMessages);
const KpiRankingPage = page(() => import("../features/kpi/components/RankingPage"), "RankingPage");
const KpiGoalsPage = page(() => import("../features/kpi/components/GoalsPage"), "GoalsPage");
const KpiSchemesPage = page(() => import("../features/kpi/components/SchemesPage"), "SchemesPage");
const KpiIndicatorsPage = page(() => import("../features/kpi/components/IndicatorsPage"), "IndicatorsPage");

// 通报: schedules and the archive of generated Word/Excel bulletins.
registerMessages("bulletins", bulletinsMessages);
registerMessages("audit", bulletinAuditMessages);
const BulletinsPage = page(() => import("../features/bulletins/components/BulletinsPage"), "BulletinsPage");

// 产业链招商: chain maps, the panorama and the prospect pool.
registerMessages("chains", chainsMessages);
registerMessages("audit", chainAuditMessages);
const ChainsPage = page(() => import("../features/chains/components/ChainsPage"), "ChainsPage");
const ChainPage = page(() => import("../features/chains/components/ChainPage"), "ChainPage");
const PanoramaPage = page(() => import("../features/chains/components/PanoramaPage"), "PanoramaPage");
const ProspectsPage = page(() => import("../features/chains/components/ProspectsPage"), "ProspectsPage");

// 领导驾驶舱: full screen, outside the main layout; the home page's role dashboards use its words too.
registerMessages("cockpit", cockpitMessages);
const CockpitRoute = page(() => import("./pages/CockpitRoute"), "CockpitRoute");

const guarded = (permission: string, Page: ComponentType) => (
  <RequirePermission permission={permission}>
    <Page />
  </RequirePermission>
);

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    path: "/cockpit",
    element: (
      <Suspense fallback={null}>
        <CockpitRoute />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
  },
  // Public: a firm's contact opens the invitation link before having an account.
  {
    path: "/invite/:token",
    element: (
      <Suspense fallback={null}>
        <InviteAcceptPage />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
  },
  {
    path: "/",
    element: <MainLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "enterprises", element: guarded("enterprise.read", EnterprisesPage) },
      { path: "enterprises/ladder", element: guarded("enterprise.read", LadderPage) },
      { path: "enterprises/duplicates", element: guarded("enterprise.merge", DuplicatesPage) },
      { path: "enterprises/import", element: guarded("enterprise.import", EnterpriseImportPage) },
      { path: "enterprises/:id", element: guarded("enterprise.read", EnterprisePage) },
      { path: "projects", element: guarded("project.read", ProjectsPage) },
      { path: "projects/board", element: guarded("project.read", BoardPage) },
      { path: "projects/pipeline", element: guarded("project.read", PipelinePage) },
      { path: "projects/templates", element: guarded("project.template", TemplatesPage) },
      { path: "projects/funds", element: guarded("project.read", FundsSummaryPage) },
      { path: "projects/import", element: guarded("project.write", ProjectImportPage) },
      { path: "projects/:id", element: guarded("project.read", ProjectPage) },
      { path: "nodes", element: guarded("project.read", NodesPage) },
      { path: "chains", element: guarded("chain.read", ChainsPage) },
      { path: "chains/panorama", element: guarded("chain.read", PanoramaPage) },
      { path: "chains/:id", element: guarded("chain.read", ChainPage) },
      { path: "prospects", element: guarded("prospect.read", ProspectsPage) },
      { path: "problems", element: guarded("problem.read", ProblemsPage) },
      { path: "problems/departments", element: guarded("problem.read", ProblemStatsPage) },
      { path: "meetings", element: guarded("problem.read", MeetingsPage) },
      { path: "meetings/:id", element: guarded("problem.read", MeetingPage) },
      { path: "appeals", element: guarded("appeal.read", AppealsPage) },
      { path: "appeals/departments", element: guarded("appeal.read", AppealFiguresPage) },
      { path: "appeals/:id", element: guarded("appeal.read", AppealPage) },
      { path: "policies", element: guarded("policy.read", ClausesPage) },
      { path: "policies/applications", element: guarded("policy.read", PolicyApplicationsPage) },
      { path: "policies/applications/:id", element: guarded("policy.read", PolicyApplicationPage) },
      { path: "policies/totals", element: guarded("policy.read", PolicyTotalsPage) },
      { path: "policies/mine", element: guarded("policy.apply", MyPoliciesPage) },
      { path: "sites", element: guarded("site.read", SitesPage) },
      { path: "sites/map", element: guarded("site.read", SitesMapPage) },
      { path: "sites/figures", element: guarded("site.read", SiteFiguresPage) },
      { path: "sites/import", element: guarded("site.manage", SiteImportPage) },
      { path: "talent/people", element: guarded("talent.read", TalentsPage) },
      { path: "talent/projects", element: guarded("talent.read", TalentProjectsPage) },
      { path: "talent/projects/:id", element: guarded("talent.read", TalentProjectPage) },
      { path: "talent/rounds", element: guarded("talent.read", TalentRoundsPage) },
      { path: "talent/rewards", element: guarded("talent.read", TalentRewardsPage) },
      { path: "talent/apartments", element: guarded("talent.read", TalentApartmentsPage) },
      { path: "talent/figures", element: guarded("talent.read", TalentFiguresPage) },
      { path: "funds", element: guarded("fund.read", FundsPage) },
      { path: "funds/figures", element: guarded("fund.read", FundFiguresPage) },
      { path: "funds/:id", element: guarded("fund.read", FundPage) },
      { path: "evaluation", element: guarded("evaluation.read", EvaluationSchemesPage) },
      { path: "evaluation/schemes/:id", element: guarded("evaluation.read", EvaluationSchemePage) },
      { path: "evaluation/runs/:id", element: guarded("evaluation.read", EvaluationRunPage) },
      { path: "kpi/ranking", element: guarded("kpi.read", KpiRankingPage) },
      { path: "kpi/goals", element: guarded("kpi.read", KpiGoalsPage) },
      { path: "kpi/schemes", element: guarded("kpi.read", KpiSchemesPage) },
      { path: "kpi/indicators", element: guarded("kpi.read", KpiIndicatorsPage) },
      { path: "bulletins", element: guarded("bulletin.read", BulletinsPage) },
      { path: "policies/:id", element: guarded("policy.read", ClausePage) },
      { path: "activities", element: guarded("activity.read", ActivitiesPage) },
      { path: "visits", element: guarded("visit.read", VisitsPage) },
      { path: "visits/plans", element: guarded("visit.read", VisitPlansPage) },
      { path: "visits/plans/:id", element: guarded("visit.read", VisitCoveragePage) },
      { path: "activities/stats", element: guarded("activity.read", ActivityStatsPage) },
      { path: "org/regions", element: guarded("org.read", RegionsPage) },
      { path: "org/parks", element: guarded("org.read", ParksPage) },
      { path: "org/teams", element: guarded("org.read", TeamsPage) },
      { path: "org/departments", element: guarded("org.read", DepartmentsPage) },
      { path: "experts", element: guarded("expert.manage", ExpertsPage) },
      { path: "reviews/mine", element: guarded("review.score", MyReviewsPage) },
      { path: "reviews/mine/:id", element: guarded("review.score", MyReviewPage) },
      { path: "users", element: guarded("user.manage", UsersPage) },
      { path: "audit", element: guarded("audit.read", AuditListPage) },
      { path: "audit/verify", element: guarded("audit.verify", VerifyPage) },
      { path: "settings", element: guarded("settings.manage", SettingsPage) },
      { path: "settings/notify", element: guarded("settings.manage", NotifyAdminPage) },
      { path: "notifications", element: <NotificationsPage /> },
      { path: "settings/workdays", element: guarded("settings.manage", WorkdaysPage) },
      { path: "settings/appeal-deadlines", element: guarded("settings.manage", AppealDeadlinesPage) },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
