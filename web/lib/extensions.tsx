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

/** What a panel on the enterprise page is given: the firm it sits on. */
export interface EnterprisePanelProps {
  enterpriseId: string;
  enterpriseName: string;
  /** The firm's region, for panels that create records under it. */
  regionId: string;
}

/**
 * A tab another feature adds to the enterprise page (projects, visits,
 * appeals, evaluation …). The page shows it after its own tabs, to users
 * holding `permission`.
 */
export interface EnterprisePanel {
  /** Unique, stable: it is kept in the URL (`?tab=`). */
  key: string;
  /** An i18n key with its namespace, e.g. "projects:panel.title". */
  title: string;
  permission?: string;
  Panel: ComponentType<EnterprisePanelProps>;
}

/** What a panel on the project page is given: the project it sits on. */
export interface ProjectPanelProps {
  projectId: string;
  projectName: string;
  regionId: string;
  investorId: string;
  /** whether the user may add to the project (activities, problems) */
  writable: boolean;
}

/** A tab another feature adds to the project page (activities, problems, space demand …). */
export interface ProjectPanel {
  key: string;
  title: string;
  permission?: string;
  Panel: ComponentType<ProjectPanelProps>;
}

/**
 * Components one feature lends to another, composed in `web/app` (DESIGN:
 * features don't import each other). Org lends its pickers, users lends the
 * user picker, audit lends the per-record trail, and features add their
 * panels to the enterprise page.
 */
export interface Extensions {
  AuditTrail: ComponentType<AuditTrailProps>;
  RegionPicker: ComponentType<PickerProps>;
  ParkPicker: ComponentType<PickerProps>;
  TeamPicker: ComponentType<PickerProps>;
  DepartmentPicker: ComponentType<PickerProps>;
  UserPicker: ComponentType<PickerProps>;
  EnterprisePanels: readonly EnterprisePanel[];
  ProjectPanels: readonly ProjectPanel[];
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
