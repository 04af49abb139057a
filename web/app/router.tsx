import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import { createBrowserRouter } from "react-router";
import { projectAuditMessages, projectsMessages } from "../features/projects";
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
const NotificationsPage = page(
  () => import("../features/notify/components/NotificationsPage"),
  "NotificationsPage",
);
const NotifyAdminPage = page(
  () => import("../features/notify/components/NotifyAdminPage"),
  "NotifyAdminPage",
);
const WorkdaysPage = page(() => import("../features/settings/components/WorkdaysPage"), "WorkdaysPage");

const guarded = (permission: string, Page: ComponentType) => (
  <RequirePermission permission={permission}>
    <Page />
  </RequirePermission>
);

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage />, errorElement: <RouteErrorPage /> },
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
      { path: "problems", element: guarded("problem.read", ProblemsPage) },
      { path: "problems/departments", element: guarded("problem.read", ProblemStatsPage) },
      { path: "meetings", element: guarded("problem.read", MeetingsPage) },
      { path: "meetings/:id", element: guarded("problem.read", MeetingPage) },
      { path: "activities", element: guarded("activity.read", ActivitiesPage) },
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
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
