import { Select, Skeleton } from "antd";
import { lazy, Suspense } from "react";
import type { AuditTrailProps, EnterprisePanel, Extensions, PickerProps } from "../lib/extensions";

// Lent components load lazily, with the first page that shows one.
const LazyAuditTrail = lazy(() => import("../features/audit").then((m) => ({ default: m.AuditTrail })));
const LazyRegionPicker = lazy(() => import("../features/org").then((m) => ({ default: m.RegionPicker })));
const LazyParkPicker = lazy(() => import("../features/org").then((m) => ({ default: m.ParkPicker })));
const LazyTeamPicker = lazy(() => import("../features/org").then((m) => ({ default: m.TeamPicker })));
const LazyDepartmentPicker = lazy(() =>
  import("../features/org").then((m) => ({ default: m.DepartmentPicker })),
);
const LazyUserPicker = lazy(() => import("../features/users").then((m) => ({ default: m.UserPicker })));

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
 * `{ key: "visits", title: "service:visits.tab", permission: "visit.read", Panel: LazyVisitsPanel }`.
 */
const EnterprisePanels: readonly EnterprisePanel[] = [];

/** What each feature lends the others (DESIGN: features never import each other). */
export const extensions: Extensions = {
  AuditTrail,
  RegionPicker,
  ParkPicker,
  TeamPicker,
  DepartmentPicker,
  UserPicker,
  EnterprisePanels,
};
