import { type ComponentType, type CSSProperties, createContext, type ReactNode, useContext } from "react";
import type { SubjectType } from "../../common/enums";

/** Props antd's Form.Item injects into a controlled picker, plus a few of our own. */
export interface PickerProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
  /** Limit park/team/department choices to one region. */
  regionId?: string | null;
  /** Leave one record out (a park cannot be its own parent). */
  excludeId?: string | null;
}

export interface AuditTrailProps {
  subjectType: SubjectType;
  subjectId: string;
}

/**
 * Components one feature lends to another, composed in `web/app` (DESIGN:
 * features don't import each other). Org lends its pickers, users lends the
 * user picker, audit lends the per-record trail.
 */
export interface Extensions {
  AuditTrail: ComponentType<AuditTrailProps>;
  RegionPicker: ComponentType<PickerProps>;
  ParkPicker: ComponentType<PickerProps>;
  TeamPicker: ComponentType<PickerProps>;
  DepartmentPicker: ComponentType<PickerProps>;
  UserPicker: ComponentType<PickerProps>;
}

const ExtensionsContext = createContext<Extensions | null>(null);

export const ExtensionsProvider = ({ value, children }: { value: Extensions; children: ReactNode }) => (
  <ExtensionsContext.Provider value={value}>{children}</ExtensionsContext.Provider>
);

export const useExtensions = (): Extensions => {
  const ext = useContext(ExtensionsContext);
  if (!ext) throw new Error("useExtensions outside ExtensionsProvider");
  return ext;
};
