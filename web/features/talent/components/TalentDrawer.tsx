import { Alert, Button, Drawer, Empty, Flex, Popconfirm, Skeleton, Table, Tabs, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AppealRow } from "../../../../common/appeal.schema";
import type { AllocationRow, TalentProjectRow } from "../../../../common/talent.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { formatWan } from "../../../lib/format";
import {
  useRemove,
  useTalent,
  useTalentAllocations,
  useTalentAppeals,
  useTalentProjects,
} from "../api/talent.api";
import { TalentForm } from "./TalentForm";

const Projects = ({ talentId }: { talentId: string }) => {
  const { t } = useTranslation("talent");
  const { data } = useTalentProjects({ talentId, pageSize: 50 });
  return (
    <Table<TalentProjectRow>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={data?.items}
      locale={{ emptyText: t("projects.empty") }}
      columns={[
        {
          title: t("field.projectName"),
          dataIndex: "name",
          render: (v, r) => <Link to={`/talent/projects/${r.id}`}>{v}</Link>,
        },
        { title: t("field.round"), dataIndex: "roundName" },
        { title: t("field.status"), dataIndex: "status", render: (s) => t(`status.${s}`) },
        { title: t("field.levelRecognised"), dataIndex: "levelRecognised", render: (v) => v ?? "—" },
        { title: t("field.paid"), dataIndex: "paidFen", align: "right", render: (v: number) => formatWan(v) },
      ]}
    />
  );
};

const Housing = ({ talentId }: { talentId: string }) => {
  const { t } = useTranslation("talent");
  const { data } = useTalentAllocations(talentId);
  return (
    <Table<AllocationRow>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={data}
      locale={{ emptyText: t("apartments.noAllocations") }}
      columns={[
        { title: t("field.building"), dataIndex: "building" },
        { title: t("field.unit"), dataIndex: "unitName" },
        { title: t("field.fromOn"), dataIndex: "fromOn" },
        { title: t("field.toOn"), dataIndex: "toOn" },
        { title: t("field.status"), dataIndex: "status", render: (s) => <Tag>{t(`allocation.${s}`)}</Tag> },
      ]}
    />
  );
};

/** 人才服务: the firm's appeals of category 人才 (schooling, residence …), read from the service module. */
const Services = ({ talentId, hasFirm }: { talentId: string; hasFirm: boolean }) => {
  const { t } = useTranslation("talent");
  const { data } = useTalentAppeals(talentId, hasFirm);
  if (!hasFirm) return <Empty description={t("talents.noFirm")} />;
  return (
    <Table<AppealRow>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={data}
      locale={{ emptyText: t("talents.noAppeals") }}
      columns={[
        { title: t("appeal.code"), dataIndex: "code" },
        {
          title: t("appeal.title"),
          dataIndex: "title",
          render: (v, r) => <Link to={`/appeals?q=${encodeURIComponent(r.code)}`}>{v}</Link>,
        },
        { title: t("appeal.raisedOn"), dataIndex: "raisedOn" },
        { title: t("appeal.department"), dataIndex: "departmentName", render: (v) => v ?? "—" },
        { title: t("field.status"), dataIndex: "status", render: (s) => t(`appealStatus.${s}`) },
      ]}
    />
  );
};

/** A talent's drawer: the form, their projects, housing, service requests and the audit trail. */
export const TalentDrawer = ({ id, onClose }: { id: string | null; onClose: () => void }) => {
  const { t } = useTranslation("talent");
  const { t: tc } = useTranslation();
  const { AuditTrail } = useExtensions();
  const feedback = useFeedback();
  const canManage = usePermission("talent.manage");
  const { data, isLoading, error, refetch } = useTalent(id);
  const remove = useRemove("/talents");
  return (
    <Drawer open={Boolean(id)} title={data?.name ?? ""} onClose={onClose} size={760} destroyOnHidden>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      {isLoading || !data ? (
        <Skeleton active />
      ) : (
        <Tabs
          items={[
            {
              key: "basic",
              label: tc("field.basic"),
              children: (
                <>
                  {data.masked && (
                    <Alert
                      type="info"
                      showIcon
                      style={{ marginBottom: 12 }}
                      title={t("talents.personalHint")}
                    />
                  )}
                  <TalentForm
                    key={data.version}
                    record={data}
                    readOnly={!canManage}
                    onCancel={onClose}
                    onReload={() => void refetch()}
                    onDone={() => feedback.success(t("talents.saved"))}
                  />
                  {canManage && (
                    <Flex justify="flex-start" style={{ marginTop: 12 }}>
                      <Popconfirm
                        title={t("talents.deleteConfirm", { name: data.name })}
                        onConfirm={() =>
                          remove.mutate(data, {
                            onSuccess: () => {
                              feedback.success(t("talents.deleted"));
                              onClose();
                            },
                            onError: feedback.error,
                          })
                        }
                      >
                        <Button danger>{t("talents.delete")}</Button>
                      </Popconfirm>
                    </Flex>
                  )}
                </>
              ),
            },
            { key: "projects", label: t("talents.tabProjects"), children: <Projects talentId={data.id} /> },
            { key: "housing", label: t("talents.tabHousing"), children: <Housing talentId={data.id} /> },
            {
              key: "services",
              label: t("talents.tabServices"),
              children: <Services talentId={data.id} hasFirm={Boolean(data.enterpriseId)} />,
            },
            {
              key: "trail",
              label: tc("action.auditTrail"),
              children: <AuditTrail subjectType="talent" subjectId={data.id} />,
            },
          ]}
        />
      )}
    </Drawer>
  );
};
