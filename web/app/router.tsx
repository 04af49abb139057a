import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import { createBrowserRouter } from "react-router";
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
      { path: "org/regions", element: guarded("org.read", RegionsPage) },
      { path: "org/parks", element: guarded("org.read", ParksPage) },
      { path: "org/teams", element: guarded("org.read", TeamsPage) },
      { path: "org/departments", element: guarded("org.read", DepartmentsPage) },
      { path: "users", element: guarded("user.manage", UsersPage) },
      { path: "audit", element: guarded("audit.read", AuditListPage) },
      { path: "audit/verify", element: guarded("audit.verify", VerifyPage) },
      { path: "settings", element: guarded("settings.manage", SettingsPage) },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
