import { Drawer, Skeleton, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import type { ActivityRow } from "../../../../common/activity.schema";
import { usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { useActivity } from "../api/activities.api";
import { ActivityForm } from "./ActivityForm";
import type { ActivityPrefill } from "./activityValues";

/** Which activity the drawer shows: a new one (id null, with what to prefill), or a stored one. */
export type Editing = {
  id: string | null;
  prefill?: ActivityPrefill;
  readOnly?: boolean;
  /** the row as a timeline has it: shown as it is when read only (the user may reach it only through a record) */
  row?: ActivityRow;
} | null;

/** The activity's drawer: the form, and, for those who read the audit log, its history beside it. */
export const ActivityDrawer = ({ editing, onClose }: { editing: Editing; onClose: () => void }) => {
  const { t } = useTranslation("activities");
  const feedback = useFeedback();
  const canWrite = usePermission("activity.write");
  const canAudit = usePermission("audit.read");
  const { AuditTrail } = useExtensions();
  const readOnly = Boolean(editing?.readOnly) || !canWrite;
  const given = readOnly ? editing?.row : undefined;
  const current = useActivity(given ? null : editing?.id);
  const id = editing?.id ?? null;
  const record = id ? (given ?? current.data ?? null) : null;
  const form =
    id && !record ? (
      <Skeleton active paragraph={{ rows: 10 }} />
    ) : (
      <ActivityForm
        key={`${record?.id ?? "new"}:${record?.version ?? 0}`}
        record={record}
        prefill={editing?.prefill}
        readOnly={readOnly}
        onCancel={onClose}
        onReload={() => void current.refetch()}
        onDone={(saved, created) => {
          feedback.success(t(created ? "list.created" : "list.saved", { name: saved.title }));
          onClose();
        }}
      />
    );
  return (
    <Drawer
      open={editing !== null}
      title={id ? (record?.title ?? t(readOnly ? "list.view" : "list.edit")) : t("list.create")}
      onClose={onClose}
      size={760}
      destroyOnHidden
    >
      {id && canAudit ? (
        <Tabs
          items={[
            { key: "basic", label: t("common:field.basic"), children: form },
            {
              key: "trail",
              label: t("common:action.auditTrail"),
              children: <AuditTrail subjectType="activity" subjectId={id} />,
            },
          ]}
        />
      ) : (
        form
      )}
    </Drawer>
  );
};
