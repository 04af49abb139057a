import { Drawer, Skeleton, Tabs } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { SubjectType } from "../../common/enums";
import { useExtensions } from "../lib/extensions";

/** Which record the drawer shows: a new one (id null), or one on a given tab. */
export type DrawerState = { id: string | null; trail: boolean } | null;

interface Props {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  subjectType: SubjectType;
  /** null while creating: no history yet */
  subjectId: string | null;
  loading?: boolean;
  /** Open on the 操作记录 tab. */
  startOnTrail?: boolean;
  /** Width in px; 640 unless a form needs more. */
  size?: number;
  children: ReactNode;
}

/** A record's drawer: the form, and its audit trail beside it. */
export const RecordDrawer = (p: Props) => {
  const { t } = useTranslation();
  const { AuditTrail } = useExtensions();
  const body = p.loading ? <Skeleton active paragraph={{ rows: 8 }} /> : p.children;
  return (
    <Drawer open={p.open} title={p.title} onClose={p.onClose} size={p.size ?? 640} destroyOnHidden>
      {p.subjectId ? (
        <Tabs
          defaultActiveKey={p.startOnTrail ? "trail" : "basic"}
          items={[
            { key: "basic", label: t("field.basic"), children: body },
            {
              key: "trail",
              label: t("action.auditTrail"),
              children: <AuditTrail subjectType={p.subjectType} subjectId={p.subjectId} />,
            },
          ]}
        />
      ) : (
        body
      )}
    </Drawer>
  );
};
