import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from "@ant-design/icons";
import { Button, Card, Drawer, Flex, Popconfirm, Result, Skeleton, Tabs, Typography } from "antd";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { Enterprise } from "../../../../common/enterprise.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { isApiError } from "../../../lib/api";
import { useCurrentUser, usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { useDeleteEnterprise, useEnterprise } from "../api/enterprises.api";
import { StatusTags, UsccText } from "./EnterpriseBits";
import { EnterpriseForm } from "./EnterpriseForm";
import { EnterpriseProfile } from "./EnterpriseProfile";
import { LabelsPanel } from "./LabelsPanel";
import { LabelTags } from "./LabelTags";
import { NeighboursPanel } from "./NeighboursPanel";
import { YearsPanel } from "./YearsPanel";

const Header = ({ firm, onEdit }: { firm: Enterprise; onEdit: () => void }) => {
  const { t } = useTranslation("enterprises");
  const feedback = useFeedback();
  const navigate = useNavigate();
  const canWrite = usePermission("enterprise.write");
  const remove = useDeleteEnterprise();
  const onDelete = () =>
    remove.mutateAsync({ id: firm.id, version: firm.version }).then(() => {
      feedback.success(t("list.deleted", { name: firm.name }));
      navigate("/enterprises", { replace: true });
    }, feedback.error);

  return (
    <Card style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="flex-start" wrap gap={16}>
        <Flex vertical gap={8} style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {firm.name}
          </Typography.Title>
          <Flex gap={8} wrap align="center">
            <UsccText uscc={firm.uscc} copyable />
            <StatusTags status={firm.status} sizeClass={firm.sizeClass} />
            <Typography.Text type="secondary">
              {[...new Set([firm.regionName, firm.parkName, firm.industryName])].filter(Boolean).join(" · ")}
            </Typography.Text>
          </Flex>
          {firm.labels.length > 0 ? (
            <LabelTags labels={firm.labels} />
          ) : (
            <Typography.Text type="secondary">{t("labels.none")}</Typography.Text>
          )}
        </Flex>
        {canWrite && (
          <Flex gap={8}>
            <Button icon={<EditOutlined />} onClick={onEdit}>
              {t("page.edit")}
            </Button>
            <Popconfirm
              title={t("page.deleteConfirm", { name: firm.name })}
              description={t("page.deleteHint")}
              okText={t("common:action.delete")}
              okButtonProps={{ danger: true }}
              cancelText={t("common:action.cancel")}
              onConfirm={onDelete}
            >
              <Button danger icon={<DeleteOutlined />}>
                {t("common:action.delete")}
              </Button>
            </Popconfirm>
          </Flex>
        )}
      </Flex>
    </Card>
  );
};

/** 企业页: one firm's profile, labels, yearly figures, neighbours and history, plus other features' panels. */
export const EnterprisePage = () => {
  const { t } = useTranslation("enterprises");
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const feedback = useFeedback();
  const me = useCurrentUser();
  const { AuditTrail, EnterprisePanels } = useExtensions();
  const { data: firm, isLoading, error, refetch } = useEnterprise(id);
  const [editing, setEditing] = useState(false);

  if (isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!firm) {
    // A malformed id is refused with 400, one outside scope with 404: both are "no such firm" here.
    const missing = isApiError(error) && (error.status === 404 || error.status === 400);
    return missing ? (
      <Result
        status="404"
        title={t("page.notFound")}
        extra={
          <Link to="/enterprises">
            <Button type="primary">{t("page.back")}</Button>
          </Link>
        }
      />
    ) : (
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
    );
  }

  const panels = EnterprisePanels.filter((p) => !p.permission || me.permissions.includes(p.permission));
  const tab = params.get("tab") ?? "profile";
  const items = [
    { key: "profile", label: t("page.profile"), children: <EnterpriseProfile firm={firm} /> },
    { key: "labels", label: t("page.labels"), children: <LabelsPanel enterpriseId={firm.id} /> },
    { key: "years", label: t("page.years"), children: <YearsPanel enterpriseId={firm.id} /> },
    { key: "neighbours", label: t("page.neighbours"), children: <NeighboursPanel enterpriseId={firm.id} /> },
    ...panels.map((p) => ({
      key: p.key,
      label: t(p.title),
      children: (
        <Suspense fallback={<Skeleton active />}>
          <p.Panel enterpriseId={firm.id} enterpriseName={firm.name} regionId={firm.regionId} />
        </Suspense>
      ),
    })),
    {
      key: "trail",
      label: t("page.trail"),
      children: <AuditTrail subjectType="enterprise" subjectId={firm.id} />,
    },
  ];

  return (
    <>
      <Link to="/enterprises" style={{ display: "inline-block", marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t("page.back")}
      </Link>
      <Header firm={firm} onEdit={() => setEditing(true)} />
      <Card>
        <Tabs
          activeKey={items.some((i) => i.key === tab) ? tab : "profile"}
          onChange={(key) =>
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                if (key === "profile") next.delete("tab");
                else next.set("tab", key);
                return next;
              },
              { replace: true },
            )
          }
          items={items}
          destroyOnHidden
        />
      </Card>
      <Drawer open={editing} title={firm.name} onClose={() => setEditing(false)} size={720} destroyOnHidden>
        <EnterpriseForm
          key={`${firm.id}:${firm.version}`}
          record={firm}
          readOnly={false}
          onCancel={() => setEditing(false)}
          onReload={() => void refetch()}
          onDone={(saved) => {
            feedback.success(t("list.saved", { name: saved.name }));
            setEditing(false);
          }}
        />
      </Drawer>
    </>
  );
};
