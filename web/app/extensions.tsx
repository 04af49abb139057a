import { Select, Skeleton } from "antd";
import { type ComponentType, lazy, type ReactNode, Suspense } from "react";
import type { AuditTrailProps, Extensions, PickerProps } from "../lib/extensions";

/** Lends a feature's component lazily: it loads with the first page that shows it. */
const lend = <P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: (p: P) => ReactNode,
): ComponentType<P> => {
  const Lazy = lazy(async () => ({ default: await load() }));
  const Lent = (p: P) => (
    <Suspense fallback={fallback(p)}>
      <Lazy {...p} />
    </Suspense>
  );
  return Lent;
};

const pickerFallback = (p: PickerProps) => <Select loading disabled style={p.style} placeholder={p.placeholder} />;

export const extensions: Extensions = {
  AuditTrail: lend<AuditTrailProps>(
    () => import("../features/audit").then((m) => m.AuditTrail),
    () => <Skeleton active />,
  ),
  RegionPicker: lend<PickerProps>(() => import("../features/org").then((m) => m.RegionPicker), pickerFallback),
  ParkPicker: lend<PickerProps>(() => import("../features/org").then((m) => m.ParkPicker), pickerFallback),
  TeamPicker: lend<PickerProps>(() => import("../features/org").then((m) => m.TeamPicker), pickerFallback),
  DepartmentPicker: lend<PickerProps>(
    () => import("../features/org").then((m) => m.DepartmentPicker),
    pickerFallback,
  ),
  UserPicker: lend<PickerProps>(() => import("../features/users").then((m) => m.UserPicker), pickerFallback),
};
