import { Select, Skeleton } from "antd";
import { lazy, Suspense } from "react";
import type {
  AuditTrailProps,
  EnterprisePanel,
  Extensions,
  PickerProps,
  ProjectPanel,
} from "../lib/extensions";

// Lent components load lazily, with the first page that shows one.
const LazyAuditTrail = lazy(() => import("../features/audit").then((m) => ({ default: m.AuditTrail })));
const LazyRegionPicker = lazy(() => import("../features/org").then((m) => ({ default: m.RegionPicker })));
const LazyParkPicker = lazy(() => import("../features/org").then((m) => ({ default: m.ParkPicker })));
const LazyTeamPicker = lazy(() => import("../features/org").then((m) => ({ default: m.TeamPicker })));
const LazyDepartmentPicker = lazy(() =>
  import("../features/org").then((m) => ({ default: m.DepartmentPicker })),
);
const LazyUserPicker = lazy(() => import("../features/users").then((m) => ({ default: m.UserPicker })));
const LazyProjectActivities = lazy(() =>
  import("../features/activities").then((m) => ({ default: m.ProjectActivitiesPanel })),
);
const LazyProjectProblems = lazy(() =>
  import("../features/problems/components/ProjectProblemsPanel").then((m) => ({
    default: m.ProjectProblemsPanel,
  })),
);
const LazyProjectReviews = lazy(() =>
  import("../features/reviews").then((m) => ({ default: m.ProjectReviewsPanel })),
);
const LazyEnterpriseProjects = lazy(() =>
  import("../features/projects/components/ProjectsOfEnterprisePanel").then((m) => ({
    default: m.ProjectsOfEnterprisePanel,
  })),
);
const LazyEnterpriseActivities = lazy(() =>
  import("../features/activities").then((m) => ({ default: m.EnterpriseActivitiesPanel })),
);
const LazyEnterpriseVisits = lazy(() =>
  import("../features/visits/components/EnterpriseVisitsPanel").then((m) => ({
    default: m.EnterpriseVisitsPanel,
  })),
);

const LazyEnterpriseAppeals = lazy(() =>
  import("../features/appeals/components/EnterpriseAppealsPanel").then((m) => ({
    default: m.EnterpriseAppealsPanel,
  })),
);
const LazyEnterpriseInvitations = lazy(() =>
  import("../features/appeals/components/InvitationsPanel").then((m) => ({
    default: m.InvitationsPanel,
  })),
);
const LazyEnterprisePolicies = lazy(() =>
  import("../features/policies/components/PolicyMatchPanel").then((m) => ({
    default: m.PolicyMatchPanel,
  })),
);

const LazyEnterpriseEvaluation = lazy(() =>
  import("../features/evaluation/components/EvaluationPanel").then((m) => ({
    default: m.EvaluationPanel,
  })),
);

const LazyProjectSpace = lazy(() =>
  import("../features/sites/components/SpaceDemandPanel").then((m) => ({ default: m.SpaceDemandPanel })),
);

const LazyProjectChains = lazy(() =>
  import("../features/chains/components/ProjectChainPanel").then((m) => ({ default: m.ProjectChainPanel })),
);

const PickerFallback = (p: PickerProps) => (
  <Select loading disabled style={p.style} placeholder={p.placeholder} />
);

const AuditTrail = (p: AuditTrailProps) => (
  <Suspense fallback={<Skeleton active />}>
    <LazyAuditTrail {...p} />
  </Suspense>
);
const RegionPicker = (p: PickerProps) => (
  <Suspense fallback={<PickerFallback {...p} />}>
    <LazyRegionPicker {...p} />
  </Suspense>
);
const ParkPicker = (p: PickerProps) => (
  <Suspense fallback={<PickerFallback {...p} />}>
    <LazyParkPicker {...p} />
  </Suspense>
);
const TeamPicker = (p: PickerProps) => (
  <Suspense fallback={<PickerFallback {...p} />}>
    <LazyTeamPicker {...p} />
  </Suspense>
);
const DepartmentPicker = (p: PickerProps) => (
  <Suspense fallback={<PickerFallback {...p} />}>
    <LazyDepartmentPicker {...p} />
  </Suspense>
);
const UserPicker = (p: PickerProps) => (
  <Suspense fallback={<PickerFallback {...p} />}>
    <LazyUserPicker {...p} />
  </Suspense>
);

/**
 * Tabs other features add to the enterprise page, in the order shown. Each
 * feature exports its panel component from its index and is listed here with
 * a lazy import, e.g.
 * `{ key: "visits", title: "visits:panel.tab", permission: "visit.read", Panel: LazyEnterpriseVisits }`.
 */
const EnterprisePanels: readonly EnterprisePanel[] = [
  {
    key: "projects",
    title: "projects:investor.title",
    permission: "project.read",
    Panel: LazyEnterpriseProjects,
  },
  {
    key: "activities",
    title: "activities:timeline.title",
    permission: "activity.read",
    Panel: LazyEnterpriseActivities,
  },
  { key: "visits", title: "visits:panel.tab", permission: "visit.read", Panel: LazyEnterpriseVisits },
  { key: "appeals", title: "appeals:panel.title", permission: "appeal.read", Panel: LazyEnterpriseAppeals },
  { key: "policies", title: "policies:match.tab", permission: "policy.read", Panel: LazyEnterprisePolicies },
  {
    key: "evaluation",
    title: "evaluation:panel.tab",
    permission: "evaluation.read",
    Panel: LazyEnterpriseEvaluation,
  },
  {
    key: "accounts",
    title: "appeals:invitations.title",
    permission: "enterprise.invite",
    Panel: LazyEnterpriseInvitations,
  },
];

/** Tabs other features add to the project page, after its own, in this order. */
const ProjectPanels: readonly ProjectPanel[] = [
  {
    key: "activities",
    title: "activities:timeline.title",
    permission: "activity.read",
    Panel: LazyProjectActivities,
  },
  { key: "problems", title: "problems:panel.title", permission: "problem.read", Panel: LazyProjectProblems },
  { key: "reviews", title: "reviews:panel.tab", permission: "project.read", Panel: LazyProjectReviews },
  { key: "chains", title: "chains:panel.tab", permission: "chain.read", Panel: LazyProjectChains },
  { key: "space", title: "sites:demand.tab", permission: "site.read", Panel: LazyProjectSpace },
];

/** What each feature lends the others (DESIGN: features never import each other). */
export const extensions: Extensions = {
  AuditTrail,
  RegionPicker,
  ParkPicker,
  TeamPicker,
  DepartmentPicker,
  UserPicker,
  EnterprisePanels,
  ProjectPanels,
};
