import { DeleteOutlined, EditOutlined } from "@ant-design/icons";
import { Button, Descriptions, Flex, Popconfirm, Result, Skeleton, Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { isApiError } from "../../../lib/api";
import { usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { formatDate, formatDateTime } from "../../../lib/format";
import { useVisit } from "../api/visits.api";
import { FormDrawer, MethodTag, useCompact } from "./VisitBits";
import { useRemoveVisit } from "./VisitColumns";
import { VisitForm } from "./VisitForm";

interface Props {
  id: string | null;
  editing: boolean;
  onEdit: (editing: boolean) => void;
  onClose: () => void;
}

/** One visit: what was found, who went, the appeals raised; edit or delete it; its audit trail. */
export const VisitDrawer = ({ id, editing, onEdit, onClose }: Props) => {
  const { t } = useTranslation("visits");
  const feedback = useFeedback();
  const canWrite = usePermission("visit.write");
  const canAudit = usePermission("audit.read");
  const { AuditTrail } = useExtensions();
  const compact = useCompact();
  const { data: v, error, isLoading, refetch } = useVisit(id);
  const { remove, pending } = useRemoveVisit();

  const body = () => {
    if (!v) {
      const missing = isApiError(error) && (error.status === 404 || error.status === 400);
      return missing ? (
        <Result status="404" title={t("detail.notFound")} />
      ) : (
        <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      );
    }
    if (editing && canWrite) {
      return (
        <VisitForm
          key={`${v.id}:${v.version}`}
          record={v}
          onCancel={() => onEdit(false)}
          onReload={() => void refetch()}
          onDone={(saved) => {
            feedback.success(t("list.saved", { name: saved.enterpriseName }));
            onEdit(false);
          }}
        />
      );
    }
    return (
      <Flex vertical gap={16}>
        {canWrite && (
          <Flex gap={8} wrap>
            <Button type="primary" icon={<EditOutlined />} onClick={() => onEdit(true)}>
              {t("common:action.edit")}
            </Button>
            <Popconfirm
              title={t("list.deleteConfirm", { name: v.enterpriseName, date: formatDate(v.visitedOn) })}
              description={t("list.deleteHint")}
              okText={t("common:action.delete")}
              okButtonProps={{ danger: true, loading: pending }}
              cancelText={t("common:action.cancel")}
              onConfirm={() => remove(v, onClose)}
            >
              <Button danger icon={<DeleteOutlined />}>
                {t("common:action.delete")}
              </Button>
            </Popconfirm>
          </Flex>
        )}
        <Descriptions column={compact ? 1 : 2} size="small" bordered>
          <Descriptions.Item label={t("field.enterprise")} span={compact ? 1 : 2}>
            <Link to={`/enterprises/${v.enterpriseId}`}>{v.enterpriseName}</Link>
            {v.parkName && <Typography.Text type="secondary">（{v.parkName}）</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label={t("field.visitedOn")}>{formatDate(v.visitedOn)}</Descriptions.Item>
          <Descriptions.Item label={t("field.method")}>
            <MethodTag method={v.method} />
          </Descriptions.Item>
          <Descriptions.Item label={t("field.visitor")}>{v.visitorName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("field.companions")}>{v.companions ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("field.metWith")} span={compact ? 1 : 2}>
            {v.metWith ?? "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("field.findings")} span={compact ? 1 : 2}>
            <span style={{ whiteSpace: "pre-wrap" }}>{v.findings}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t("field.appeals")} span={compact ? 1 : 2}>
            {v.appealCount > 0 ? t("detail.appeals", { n: v.appealCount }) : t("detail.noAppeals")}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("detail.recorded", { at: formatDateTime(v.createdAt) })}
          {v.updatedAt !== v.createdAt
            ? ` · ${t("detail.updated", { at: formatDateTime(v.updatedAt) })}`
            : ""}
        </Typography.Text>
      </Flex>
    );
  };

  const content = isLoading ? <Skeleton active paragraph={{ rows: 8 }} /> : body();
  return (
    <FormDrawer
      open={id !== null}
      title={v ? t("detail.title", { name: v.enterpriseName }) : t("list.title")}
      onClose={onClose}
    >
      {/* The trail needs audit.read, which a specialist does not hold: without it, no tab. */}
      {v && canAudit ? (
        <Tabs
          items={[
            { key: "basic", label: t("common:field.basic"), children: content },
            {
              key: "trail",
              label: t("common:action.auditTrail"),
              children: <AuditTrail subjectType="visit" subjectId={v.id} />,
            },
          ]}
        />
      ) : (
        content
      )}
    </FormDrawer>
  );
};
